import { lazy } from 'react';
import type { PageDefinition } from '../types.ts';

export const page: PageDefinition = {
  id: 'project',
  titleKey: 'nav.project',
  icon: '▤',
  component: lazy(() => import('./ProjectPage.tsx')),
  needsProject: false,
};
