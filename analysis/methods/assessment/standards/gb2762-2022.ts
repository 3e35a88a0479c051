// GB 2762-2022 食品安全国家标准 食品中污染物限量 (National Health Commission and SAMR, published
// 2022-06-30, in force 2023-06-30), Table 1 limits for the contaminants regulated in soil, mg/kg
// fresh weight (grain as sold). Only values the brief states are left unflagged; every other value is
// transcribed from memory of the standard and carries verify: true until checked against the text.
// Cu and Zn have no limit in GB 2762 (the old GB 15199 / GB 13106 limits were withdrawn).

export const CROP_TYPES = [
  'rice',
  'wheat',
  'maize',
  'cereal_other',
  'leafy_vegetable',
  'brassica_vegetable',
  'legume_vegetable',
  'root_tuber_vegetable',
  'vegetable_other',
  'fruit',
  'pulse',
] as const;
export type CropType = (typeof CROP_TYPES)[number];

export const CROP_TYPE_LABELS: Record<CropType, { zh: string; en: string }> = {
  rice: { zh: '稻谷/糙米/大米', en: 'rice (paddy, brown, milled)' },
  wheat: { zh: '小麦/小麦粉', en: 'wheat, wheat flour' },
  maize: { zh: '玉米/玉米面', en: 'maize, maize meal' },
  cereal_other: { zh: '其他谷物', en: 'other cereals' },
  leafy_vegetable: { zh: '叶菜蔬菜', en: 'leafy vegetables' },
  brassica_vegetable: { zh: '芸薹类蔬菜', en: 'brassica vegetables' },
  legume_vegetable: { zh: '豆类蔬菜', en: 'legume vegetables' },
  root_tuber_vegetable: { zh: '块根和块茎蔬菜', en: 'root and tuber vegetables' },
  vegetable_other: { zh: '其他新鲜蔬菜', en: 'other fresh vegetables' },
  fruit: { zh: '新鲜水果', en: 'fresh fruit' },
  pulse: { zh: '豆类（干豆）', en: 'pulses (dry beans)' },
};

export interface FoodLimit {
  crop: CropType;
  metal: string;
  /** mg/kg. */
  value: number;
  /** The form the limit is for, when not total content (rice As: inorganic As). */
  form?: string;
  verify?: boolean;
}

export interface FoodLimitTable {
  id: string;
  version: string;
  source: string;
  limits: readonly FoodLimit[];
}

const v = true;

export const GB2762_2022: FoodLimitTable = {
  id: 'gb2762',
  version: 'GB 2762-2022',
  source: 'GB 2762-2022 食品中污染物限量, Table 1 (Pb 4.1, Cd 4.2, Hg 4.3, As 4.4, Cr 4.6)',
  limits: [
    // Cereals. Rice Cd, Pb, Hg, inorganic As and cereal Cr as cited in the brief.
    { crop: 'rice', metal: 'Cd', value: 0.2 },
    { crop: 'rice', metal: 'Pb', value: 0.2 },
    { crop: 'rice', metal: 'Hg', value: 0.02 },
    // Milled rice; the 2022 edition gives brown rice/paddy a higher inorganic-As limit (0.35, verify).
    { crop: 'rice', metal: 'As', value: 0.2, form: 'inorganic As' },
    { crop: 'rice', metal: 'Cr', value: 1.0 },
    { crop: 'wheat', metal: 'Cd', value: 0.1, verify: v },
    { crop: 'wheat', metal: 'Pb', value: 0.2 },
    { crop: 'wheat', metal: 'Hg', value: 0.02 },
    { crop: 'wheat', metal: 'As', value: 0.5, verify: v },
    { crop: 'wheat', metal: 'Cr', value: 1.0 },
    { crop: 'maize', metal: 'Cd', value: 0.1, verify: v },
    { crop: 'maize', metal: 'Pb', value: 0.2 },
    { crop: 'maize', metal: 'Hg', value: 0.02 },
    { crop: 'maize', metal: 'As', value: 0.5, verify: v },
    { crop: 'maize', metal: 'Cr', value: 1.0 },
    { crop: 'cereal_other', metal: 'Cd', value: 0.1, verify: v },
    { crop: 'cereal_other', metal: 'Pb', value: 0.2 },
    { crop: 'cereal_other', metal: 'As', value: 0.5, verify: v },
    { crop: 'cereal_other', metal: 'Cr', value: 1.0 },
    // Vegetables. Leafy Cd 0.2 and Pb 0.3 as cited in the brief.
    { crop: 'leafy_vegetable', metal: 'Cd', value: 0.2 },
    { crop: 'leafy_vegetable', metal: 'Pb', value: 0.3 },
    { crop: 'leafy_vegetable', metal: 'Hg', value: 0.01, verify: v },
    { crop: 'leafy_vegetable', metal: 'As', value: 0.5, verify: v },
    { crop: 'leafy_vegetable', metal: 'Cr', value: 0.5, verify: v },
    { crop: 'brassica_vegetable', metal: 'Cd', value: 0.05, verify: v },
    { crop: 'brassica_vegetable', metal: 'Pb', value: 0.3, verify: v },
    { crop: 'brassica_vegetable', metal: 'Hg', value: 0.01, verify: v },
    { crop: 'brassica_vegetable', metal: 'As', value: 0.5, verify: v },
    { crop: 'brassica_vegetable', metal: 'Cr', value: 0.5, verify: v },
    { crop: 'legume_vegetable', metal: 'Cd', value: 0.1, verify: v },
    { crop: 'legume_vegetable', metal: 'Pb', value: 0.2, verify: v },
    { crop: 'legume_vegetable', metal: 'Hg', value: 0.01, verify: v },
    { crop: 'legume_vegetable', metal: 'As', value: 0.5, verify: v },
    { crop: 'legume_vegetable', metal: 'Cr', value: 0.5, verify: v },
    { crop: 'root_tuber_vegetable', metal: 'Cd', value: 0.1, verify: v },
    { crop: 'root_tuber_vegetable', metal: 'Pb', value: 0.1, verify: v },
    { crop: 'root_tuber_vegetable', metal: 'Hg', value: 0.01, verify: v },
    { crop: 'root_tuber_vegetable', metal: 'As', value: 0.5, verify: v },
    { crop: 'root_tuber_vegetable', metal: 'Cr', value: 0.5, verify: v },
    { crop: 'vegetable_other', metal: 'Cd', value: 0.05, verify: v },
    { crop: 'vegetable_other', metal: 'Pb', value: 0.1, verify: v },
    { crop: 'vegetable_other', metal: 'Hg', value: 0.01, verify: v },
    { crop: 'vegetable_other', metal: 'As', value: 0.5, verify: v },
    { crop: 'vegetable_other', metal: 'Cr', value: 0.5, verify: v },
    // Fruit and pulses.
    { crop: 'fruit', metal: 'Cd', value: 0.05, verify: v },
    { crop: 'fruit', metal: 'Pb', value: 0.1, verify: v },
    { crop: 'pulse', metal: 'Cd', value: 0.2, verify: v },
    { crop: 'pulse', metal: 'Pb', value: 0.2, verify: v },
    { crop: 'pulse', metal: 'Cr', value: 1.0, verify: v },
  ],
};

// Words found in crop survey files, checked in order.
const CROP_SYNONYMS: [RegExp, CropType][] = [
  [/^(rice|paddy|稻|水稻|稻谷|糙米|大米)/i, 'rice'],
  [/^(wheat|小麦|麦)/i, 'wheat'],
  [/^(maize|corn|玉米)/i, 'maize'],
  [/^(cereal|grain|谷物|高粱|小米)/i, 'cereal_other'],
  [/^(leafy|叶菜|青菜|菠菜|生菜|白菜)/i, 'leafy_vegetable'],
  [/^(brassica|芸薹|花椰菜|西兰花|甘蓝)/i, 'brassica_vegetable'],
  [/^(legume[ _]?veg|豆类蔬菜|豇豆|菜豆)/i, 'legume_vegetable'],
  [/^(root|tuber|potato|块根|块茎|薯|萝卜)/i, 'root_tuber_vegetable'],
  [/^(vegetable|蔬菜)/i, 'vegetable_other'],
  [/^(fruit|水果)/i, 'fruit'],
  [/^(pulse|bean|soy|豆类|大豆)/i, 'pulse'],
];

export function parseCropType(text: string): CropType | undefined {
  const value = text.trim();
  if ((CROP_TYPES as readonly string[]).includes(value)) return value as CropType;
  for (const [pattern, code] of CROP_SYNONYMS) if (pattern.test(value)) return code;
  return undefined;
}
