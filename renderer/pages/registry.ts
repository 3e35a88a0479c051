import { page as assessment } from './assessment/index.ts';
import { page as attribution } from './attribution/index.ts';
import { page as data } from './data/index.ts';
import { page as map } from './map/index.ts';
import { page as pmf } from './pmf/index.ts';
import { page as project } from './project/index.ts';
import { page as scenarios } from './scenarios/index.ts';
import type { PageDefinition } from './types.ts';

// The left navigation, in order. A new page = a folder renderer/pages/<area>/ whose index.ts
// exports `page`, plus one line here (and its strings in i18n/zh-CN.json and en.json).
export const pages: PageDefinition[] = [project, data, map, assessment, attribution, pmf, scenarios];
