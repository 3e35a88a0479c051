import { lazy } from 'react';
import { i18n } from '../../i18n/index.ts';
import type { PageDefinition } from '../types.ts';
import en from './i18n/en.json';
import zhCN from './i18n/zh-CN.json';

// The page's strings are the i18next namespace "scenarios" (VIEWS.md).
i18n.addResourceBundle('zh-CN', 'scenarios', zhCN);
i18n.addResourceBundle('en', 'scenarios', en);

export const page: PageDefinition = {
  id: 'scenarios',
  titleKey: 'nav.scenarios',
  icon: '⚖',
  component: lazy(() => import('./ScenariosPage.tsx')),
  // The planner reads its own files (the scenario file names its samples and inventories).
  needsProject: false,
};
