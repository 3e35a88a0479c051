// Land-use codes of the soil-sample table. Farmland codes follow the land types GB 15618-2018
// distinguishes (paddy vs other farmland, orchard for Cu); construction classes follow GB 36600-2018 §3.

export const LAND_USES = [
  'paddy',
  'dryland',
  'orchard',
  'vegetable',
  'forest',
  'grassland',
  'construction_1',
  'construction_2',
  'other',
] as const;
export type LandUse = (typeof LAND_USES)[number];

export const LAND_USE_LABELS: Record<LandUse, { zh: string; en: string }> = {
  paddy: { zh: '水田', en: 'paddy' },
  dryland: { zh: '旱地', en: 'dryland' },
  orchard: { zh: '果园', en: 'orchard' },
  vegetable: { zh: '菜地', en: 'vegetable field' },
  forest: { zh: '林地', en: 'forest' },
  grassland: { zh: '草地', en: 'grassland' },
  construction_1: { zh: '第一类建设用地', en: 'construction land, class 1' },
  construction_2: { zh: '第二类建设用地', en: 'construction land, class 2' },
  other: { zh: '其他', en: 'other' },
};

// Words found in real survey files, mapped to a code. Checked in order; first match wins.
const SYNONYMS: [RegExp, LandUse][] = [
  [/^(paddy|rice|水田|稻田)/i, 'paddy'],
  [/^(dry|upland|irrigated|旱地|旱田|水浇地)/i, 'dryland'],
  [/^(orchard|果园|茶园|tea)/i, 'orchard'],
  [/^(vegetable|菜地|菜园|设施)/i, 'vegetable'],
  [/^(forest|woodland|林地)/i, 'forest'],
  [/^(grass|pasture|草地|牧草地)/i, 'grassland'],
  [/^(construction[ _-]?(land[ _-]?)?(class[ _-]?)?1|第一类|一类)/i, 'construction_1'],
  [/^(construction[ _-]?(land[ _-]?)?(class[ _-]?)?2|第二类|二类|industrial|工业)/i, 'construction_2'],
  [/^(other|其他|其它)/i, 'other'],
];

/** The land-use code a free-text value means, or undefined when it is not recognised. */
export function parseLandUse(text: string): LandUse | undefined {
  const value = text.trim();
  if ((LAND_USES as readonly string[]).includes(value)) return value as LandUse;
  for (const [pattern, code] of SYNONYMS) if (pattern.test(value)) return code;
  return undefined;
}
