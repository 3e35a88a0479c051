import { lazy } from 'react';
import { i18n } from '../../i18n/index.ts';
import type { PageDefinition } from '../types.ts';
import en from './i18n/en.json';
import zhCN from './i18n/zh-CN.json';

// The page's strings are the i18next namespace "attribution" (VIEWS.md); only the navigation label
// lives in the shared resources.
i18n.addResourceBundle('zh-CN', 'attribution', zhCN);
i18n.addResourceBundle('en', 'attribution', en);

export const page: PageDefinition = {
  id: 'attribution',
  titleKey: 'nav.attribution',
  icon: '⋔',
  component: lazy(() => import('./AttributionPage.tsx')),
  needsProject: true,
};
