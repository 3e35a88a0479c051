// Industry codes of the emission inventory: the key industries named by the soil-pollution
// source-prevention plans (heavy-metal related industries of 重点监管单位).

export const INDUSTRIES = [
  'nonferrous_mining',
  'nonferrous_smelting',
  'electroplating',
  'tanning',
  'lead_acid_battery',
  'chemicals',
  'coking',
  'iron_steel',
  'hazardous_waste',
  'coal_power',
  'other',
] as const;
export type Industry = (typeof INDUSTRIES)[number];

export const INDUSTRY_LABELS: Record<Industry, { zh: string; en: string }> = {
  nonferrous_mining: { zh: '有色金属矿采选', en: 'non-ferrous mining' },
  nonferrous_smelting: { zh: '有色金属冶炼', en: 'non-ferrous smelting' },
  electroplating: { zh: '电镀', en: 'electroplating' },
  tanning: { zh: '制革', en: 'tanning' },
  lead_acid_battery: { zh: '铅蓄电池', en: 'lead-acid batteries' },
  chemicals: { zh: '化工', en: 'chemicals' },
  coking: { zh: '焦化', en: 'coking' },
  iron_steel: { zh: '钢铁', en: 'iron and steel' },
  hazardous_waste: { zh: '危险废物处置', en: 'hazardous-waste disposal' },
  coal_power: { zh: '燃煤电厂', en: 'coal-fired power' },
  other: { zh: '其他', en: 'other' },
};

export const ENTERPRISE_STATUSES = ['operating', 'closed', 'relocated'] as const;
export type EnterpriseStatus = (typeof ENTERPRISE_STATUSES)[number];

export const INPUT_PATHWAYS = [
  'atmospheric_deposition',
  'irrigation',
  'fertilizer',
  'manure',
  'other',
] as const;
export type InputPathway = (typeof INPUT_PATHWAYS)[number];

export const INPUT_PATHWAY_LABELS: Record<InputPathway, { zh: string; en: string }> = {
  atmospheric_deposition: { zh: '大气沉降', en: 'atmospheric deposition' },
  irrigation: { zh: '灌溉水', en: 'irrigation water' },
  fertilizer: { zh: '化肥', en: 'fertilizer' },
  manure: { zh: '畜禽粪便', en: 'livestock manure' },
  other: { zh: '其他', en: 'other' },
};
