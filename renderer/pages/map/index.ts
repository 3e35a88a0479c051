import { lazy } from 'react';
import type { PageDefinition } from '../types.ts';

export const page: PageDefinition = {
  id: 'map',
  titleKey: 'nav.map',
  icon: '◉',
  component: lazy(() => import('./MapPage.tsx')),
  needsProject: true,
};
