import type { SoilStandard, StandardEntry } from './types.ts';

// GB 36600-2018 土壤环境质量 建设用地土壤污染风险管控标准（试行）, MEE, published 2018-06-22,
// Table 1 (basic items, heavy metals and inorganics), mg/kg, as transcribed in
// shared/reference/soil-standards.md. Class 1 land: housing, schools, hospitals, kindergartens,
// children's parks; class 2: industrial, logistics, roads, commercial (§3.4–3.5).
// Chromium is regulated as Cr(VI) only; a total-Cr column has no value here (see CrVI aliases
// in assess-samples.ts). Note 1 of Table 1: As at or below the local background is not counted
// as pollution — assessSamples applies this when a background table gives As.

interface Row {
  metal: string;
  screening1: number;
  screening2: number;
  intervention1: number;
  intervention2: number;
}

const TABLE_1: readonly Row[] = [
  { metal: 'As', screening1: 20, screening2: 60, intervention1: 120, intervention2: 140 },
  { metal: 'Cd', screening1: 20, screening2: 65, intervention1: 47, intervention2: 172 },
  { metal: 'CrVI', screening1: 3.0, screening2: 5.7, intervention1: 30, intervention2: 78 },
  { metal: 'Cu', screening1: 2000, screening2: 18000, intervention1: 8000, intervention2: 36000 },
  { metal: 'Pb', screening1: 400, screening2: 800, intervention1: 800, intervention2: 2500 },
  { metal: 'Hg', screening1: 8, screening2: 38, intervention1: 33, intervention2: 82 },
  { metal: 'Ni', screening1: 150, screening2: 900, intervention1: 600, intervention2: 2000 },
];

function entries(pick: (row: Row) => number): StandardEntry[] {
  return TABLE_1.map((row) => ({ metal: row.metal, land: 'any', values: [pick(row)] }));
}

const common = {
  version: 'GB 36600-2018',
  source: 'MEE, published 2018-06-22; Table 1 (basic items)',
  kind: 'construction',
  phBreaks: [],
} as const;

export const GB36600_2018_CLASS_1: SoilStandard = {
  ...common,
  id: 'gb36600-1',
  name: {
    zh: '土壤环境质量 建设用地土壤污染风险管控标准（试行）第一类用地',
    en: 'Soil environmental quality — Risk control standard for soil contamination of development land, class 1',
  },
  screening: entries((r) => r.screening1),
  intervention: entries((r) => r.intervention1),
};

export const GB36600_2018_CLASS_2: SoilStandard = {
  ...common,
  id: 'gb36600-2',
  name: {
    zh: '土壤环境质量 建设用地土壤污染风险管控标准（试行）第二类用地',
    en: 'Soil environmental quality — Risk control standard for soil contamination of development land, class 2',
  },
  screening: entries((r) => r.screening2),
  intervention: entries((r) => r.intervention2),
};
