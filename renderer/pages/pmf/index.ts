import { lazy } from 'react';
import { i18n } from '../../i18n/index.ts';
import type { PageDefinition } from '../types.ts';
import en from './i18n/en.json';
import zhCN from './i18n/zh-CN.json';

// The page's strings are the i18next namespace "pmf" (VIEWS.md).
i18n.addResourceBundle('zh-CN', 'pmf', zhCN);
i18n.addResourceBundle('en', 'pmf', en);

export const page: PageDefinition = {
  id: 'pmf',
  titleKey: 'nav.pmf',
  icon: '◧',
  component: lazy(() => import('./PmfPage.tsx')),
  needsProject: true,
};
