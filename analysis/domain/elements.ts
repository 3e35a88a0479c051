// Elements SoilTrace recognises in survey and emission files, with the names Chinese reports use.
// The first eight are the metals GB 15618-2018 regulates; the rest are common PMF tracers and
// reference elements for enrichment factors. CrVI (hexavalent chromium) is a species, not an
// element, but GB 36600-2018 Table 1 regulates it instead of total Cr, so surveys of construction
// land report it as its own column beside total Cr.

export interface ElementInfo {
  symbol: string;
  zh: string;
  en: string;
}

export const REGULATED_METALS = ['Cd', 'Hg', 'As', 'Pb', 'Cr', 'Cu', 'Ni', 'Zn'] as const;
export type RegulatedMetal = (typeof REGULATED_METALS)[number];

export const ELEMENTS: readonly ElementInfo[] = [
  { symbol: 'Cd', zh: '镉', en: 'cadmium' },
  { symbol: 'Hg', zh: '汞', en: 'mercury' },
  { symbol: 'As', zh: '砷', en: 'arsenic' },
  { symbol: 'Pb', zh: '铅', en: 'lead' },
  { symbol: 'Cr', zh: '铬', en: 'chromium' },
  { symbol: 'Cu', zh: '铜', en: 'copper' },
  { symbol: 'Ni', zh: '镍', en: 'nickel' },
  { symbol: 'Zn', zh: '锌', en: 'zinc' },
  { symbol: 'Mn', zh: '锰', en: 'manganese' },
  { symbol: 'Co', zh: '钴', en: 'cobalt' },
  { symbol: 'V', zh: '钒', en: 'vanadium' },
  { symbol: 'Fe', zh: '铁', en: 'iron' },
  { symbol: 'Al', zh: '铝', en: 'aluminium' },
  { symbol: 'Sb', zh: '锑', en: 'antimony' },
  { symbol: 'Tl', zh: '铊', en: 'thallium' },
  { symbol: 'Mo', zh: '钼', en: 'molybdenum' },
  { symbol: 'Se', zh: '硒', en: 'selenium' },
  { symbol: 'Sn', zh: '锡', en: 'tin' },
  { symbol: 'Ba', zh: '钡', en: 'barium' },
  { symbol: 'Be', zh: '铍', en: 'beryllium' },
  { symbol: 'Ti', zh: '钛', en: 'titanium' },
  { symbol: 'Sc', zh: '钪', en: 'scandium' },
  { symbol: 'Li', zh: '锂', en: 'lithium' },
  { symbol: 'Sr', zh: '锶', en: 'strontium' },
  { symbol: 'Ag', zh: '银', en: 'silver' },
  { symbol: 'Bi', zh: '铋', en: 'bismuth' },
  { symbol: 'U', zh: '铀', en: 'uranium' },
  { symbol: 'Th', zh: '钍', en: 'thorium' },
  { symbol: 'CrVI', zh: '六价铬', en: 'hexavalent chromium' },
];

// Spellings of Cr(VI) in reports and lab sheets: Cr(VI), Cr（Ⅵ）, Cr6+, Cr⁶⁺, Cr(6+), Cr+6,
// 铬(六价). Read before any unit split, so "Cr(VI)" is not taken for total Cr with a unit "VI".
const CR_VI_SPELLINGS =
  /(?<![a-z])cr\s*(?:[(（]\s*(?:vi|Ⅵ|ⅵ|6\+?|\+6)\s*[)）]|6\+|⁶⁺|\+6)|铬\s*[(（]\s*六价\s*[)）]/gi;

/** Rewrites every spelling of hexavalent chromium to the symbol: "Cr(VI)(mg/kg)" → "CrVI(mg/kg)". */
export function normalizeChromiumVI(text: string): string {
  return text.replace(CR_VI_SPELLINGS, (m) => (m.startsWith('铬') ? '六价铬' : 'CrVI'));
}

const bySymbol = new Map(ELEMENTS.map((e) => [e.symbol.toLowerCase(), e]));
const byChinese = new Map(ELEMENTS.map((e) => [e.zh, e]));

export function findElement(token: string): ElementInfo | undefined {
  const t = normalizeChromiumVI(token);
  return bySymbol.get(t.toLowerCase()) ?? byChinese.get(t);
}

/**
 * The element symbol of a canonical concentration column (`cd_mg_kg` → "Cd", `crvi_mg_kg` →
 * "CrVI"), or null for any other column. Canonical stems are the lower-cased symbols.
 */
export function elementOfColumn(column: string): string | null {
  const match = /^([a-z]+)_mg_kg$/.exec(column);
  return match ? (bySymbol.get(match[1])?.symbol ?? null) : null;
}
