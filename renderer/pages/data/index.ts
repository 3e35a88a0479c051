import { lazy } from 'react';
import type { PageDefinition } from '../types.ts';

export const page: PageDefinition = {
  id: 'data',
  titleKey: 'nav.data',
  icon: '▦',
  component: lazy(() => import('./DataPage.tsx')),
  needsProject: true,
};
