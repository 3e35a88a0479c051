import {
  ENTERPRISE_STATUSES,
  type EnterpriseStatus,
  INDUSTRIES,
  INPUT_PATHWAYS,
  type Industry,
  type InputPathway,
} from './industries.ts';

// Free text found in enterprise inventories and flux tables, mapped to the codes of industries.ts.
// Checked in order, first match wins: smelting before mining ("有色金属冶炼" vs "有色金属矿采选"),
// batteries before chemicals, manure before fertilizer ("有机肥").

const INDUSTRY_SYNONYMS: [RegExp, Industry][] = [
  [/冶炼|smelt|refin/i, 'nonferrous_smelting'],
  [/采选|采矿|矿山|矿业|选矿|mining|mine/i, 'nonferrous_mining'],
  [/电镀|plating/i, 'electroplating'],
  [/制革|皮革|鞣|tann|leather/i, 'tanning'],
  [/蓄电池|电池|batter/i, 'lead_acid_battery'],
  [/焦化|炼焦|cok/i, 'coking'],
  [/钢铁|炼钢|炼铁|iron|steel/i, 'iron_steel'],
  [/危险废物|危废|固废|垃圾焚烧|hazardous|waste/i, 'hazardous_waste'],
  [/燃煤|火电|电厂|热电|coal|power/i, 'coal_power'],
  [/化工|化学|农药|颜料|chemical|pesticide|pigment/i, 'chemicals'],
  [/其他|其它|other/i, 'other'],
];

export function parseIndustry(text: string): Industry | undefined {
  const value = text.trim();
  if ((INDUSTRIES as readonly string[]).includes(value)) return value as Industry;
  return INDUSTRY_SYNONYMS.find(([pattern]) => pattern.test(value))?.[1];
}

const STATUS_SYNONYMS: [RegExp, EnterpriseStatus][] = [
  [/搬迁|迁出|迁建|relocat|moved/i, 'relocated'],
  [/关停|关闭|停产|停业|取缔|注销|淘汰|closed|shut|ceased|inactive/i, 'closed'],
  [/在产|生产|运行|运营|正常|在营|营业|operat|active|running|open/i, 'operating'],
];

export function parseEnterpriseStatus(text: string): EnterpriseStatus | undefined {
  const value = text.trim();
  if ((ENTERPRISE_STATUSES as readonly string[]).includes(value)) return value as EnterpriseStatus;
  return STATUS_SYNONYMS.find(([pattern]) => pattern.test(value))?.[1];
}

/** Output pathways that remove metal from the plough layer (mass-balance outputs). */
export const OUTPUT_PATHWAYS = [
  'crop_removal',
  'straw_removal',
  'leaching',
  'runoff',
  'other_output',
] as const;
export type OutputPathway = (typeof OUTPUT_PATHWAYS)[number];

export const OUTPUT_PATHWAY_LABELS: Record<OutputPathway, { zh: string; en: string }> = {
  crop_removal: { zh: '作物收获带走', en: 'crop removal' },
  straw_removal: { zh: '秸秆移除', en: 'straw removal' },
  leaching: { zh: '淋溶', en: 'leaching' },
  runoff: { zh: '地表径流', en: 'surface runoff' },
  other_output: { zh: '其他输出', en: 'other output' },
};

const PATHWAY_SYNONYMS: [RegExp, InputPathway | OutputPathway][] = [
  [/大气|沉降|降尘|atmos|deposition|dust/i, 'atmospheric_deposition'],
  [/灌溉|irrigat/i, 'irrigation'],
  [/粪|畜禽|有机肥|manure|livestock|organic fertili[sz]er/i, 'manure'],
  [/化肥|肥料|磷肥|复合肥|fertili[sz]er/i, 'fertilizer'],
  [/秸秆|稻草|straw/i, 'straw_removal'],
  [/收获|作物吸收|带走|crop|harvest|removal|offtake|uptake/i, 'crop_removal'],
  [/淋溶|淋失|下渗|leach/i, 'leaching'],
  [/径流|侵蚀|runoff|erosion/i, 'runoff'],
  [/其他|其它|other/i, 'other'],
];

export function parsePathway(text: string): InputPathway | OutputPathway | undefined {
  const value = text.trim();
  if ((INPUT_PATHWAYS as readonly string[]).includes(value)) return value as InputPathway;
  if ((OUTPUT_PATHWAYS as readonly string[]).includes(value)) return value as OutputPathway;
  return PATHWAY_SYNONYMS.find(([pattern]) => pattern.test(value))?.[1];
}
