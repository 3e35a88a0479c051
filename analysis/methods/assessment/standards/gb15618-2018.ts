import { GB15618_PH_BREAKS } from './ph-band.ts';
import type { SoilStandard } from './types.ts';

// GB 15618-2018 土壤环境质量 农用地土壤污染风险管控标准（试行）, Ministry of Ecology and
// Environment, published 2018-07-03, in force 2018-08-01. Table 1 (risk screening values, basic
// items) and Table 3 (risk intervention values), mg/kg total content, as transcribed in
// shared/reference/soil-standards.md. Columns: pH ≤ 5.5 | 5.5–6.5 | 6.5–7.5 | > 7.5.
// Table 1 footnote: for paddy–dryland rotation the stricter (paddy) values apply.

export const GB15618_2018: SoilStandard = {
  id: 'gb15618',
  name: {
    zh: '土壤环境质量 农用地土壤污染风险管控标准（试行）',
    en: 'Soil environmental quality — Risk control standard for soil contamination of agricultural land',
  },
  version: 'GB 15618-2018',
  source: 'MEE, published 2018-07-03; Table 1 (screening) and Table 3 (intervention)',
  kind: 'farmland',
  phBreaks: GB15618_PH_BREAKS,
  screening: [
    { metal: 'Cd', land: 'paddy', values: [0.3, 0.4, 0.6, 0.8] },
    { metal: 'Cd', land: 'other', values: [0.3, 0.3, 0.3, 0.6] },
    { metal: 'Hg', land: 'paddy', values: [0.5, 0.5, 0.6, 1.0] },
    { metal: 'Hg', land: 'other', values: [1.3, 1.8, 2.4, 3.4] },
    { metal: 'As', land: 'paddy', values: [30, 30, 25, 20] },
    { metal: 'As', land: 'other', values: [40, 40, 30, 25] },
    { metal: 'Pb', land: 'paddy', values: [80, 100, 140, 240] },
    { metal: 'Pb', land: 'other', values: [70, 90, 120, 170] },
    { metal: 'Cr', land: 'paddy', values: [250, 250, 300, 350] },
    { metal: 'Cr', land: 'other', values: [150, 150, 200, 250] },
    { metal: 'Cu', land: 'orchard', values: [150, 150, 200, 200] },
    { metal: 'Cu', land: 'other', values: [50, 50, 100, 100] },
    { metal: 'Ni', land: 'any', values: [60, 70, 100, 190] },
    { metal: 'Zn', land: 'any', values: [200, 200, 250, 300] },
  ],
  intervention: [
    { metal: 'Cd', land: 'any', values: [1.5, 2.0, 3.0, 4.0] },
    { metal: 'Hg', land: 'any', values: [2.0, 2.5, 4.0, 6.0] },
    { metal: 'As', land: 'any', values: [200, 150, 120, 100] },
    { metal: 'Pb', land: 'any', values: [400, 500, 700, 1000] },
    { metal: 'Cr', land: 'any', values: [800, 850, 1000, 1300] },
  ],
};
