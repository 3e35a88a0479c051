// Source names suggested for a PMF factor from its marker species: the species whose share of the
// modelled total (% of species, EPA PMF 5.0 user guide §6) is highest in that factor. The
// fingerprints are those the Chinese farmland source-apportionment literature reports repeatedly:
// Cd-Zn-Pb(-Hg) smelting/atmospheric deposition, Cr-Ni-Co-V-Mn-Fe parent material, Cu-Zn-Cd with
// manure or fertiliser agriculture, As-Pb-Zn mining, Pb-Zn-Cu traffic (e.g. Chen et al. 2016,
// Sci. Total Environ. 565:155; Huang et al. 2018, Sci. Total Environ. 636:1405).

export interface SourceRule {
  id: string;
  name: { zh: string; en: string };
  /** Species that mark the source; a factor must carry `minimumMarkers` of them. */
  markers: string[];
  minimumMarkers: number;
}

export const SOURCE_RULES: SourceRule[] = [
  {
    id: 'smelting',
    name: { zh: '冶炼/大气沉降', en: 'smelting / atmospheric deposition' },
    markers: ['Cd', 'Zn', 'Pb', 'Hg'],
    minimumMarkers: 3,
  },
  {
    id: 'parent-material',
    name: { zh: '成土母质', en: 'parent material' },
    markers: ['Cr', 'Ni', 'Co', 'V', 'Mn', 'Fe'],
    minimumMarkers: 2,
  },
  {
    id: 'agriculture',
    name: { zh: '农业投入', en: 'agricultural inputs' },
    markers: ['Cu', 'Zn', 'Cd'],
    minimumMarkers: 2,
  },
  { id: 'mining', name: { zh: '采矿', en: 'mining' }, markers: ['As', 'Pb', 'Zn'], minimumMarkers: 2 },
  { id: 'traffic', name: { zh: '交通', en: 'traffic' }, markers: ['Pb', 'Zn', 'Cu'], minimumMarkers: 2 },
];

export interface FactorNameSuggestion {
  id: string;
  name: { zh: string; en: string };
  /** The factor's marker species the rule matched, in the factor's order (highest share first). */
  matched: string[];
  /** Matched markers over the rule's markers, weighted by the factor's % of species. */
  score: number;
}

export interface SuggestOptions {
  /** A species is a marker of the factor when the factor explains at least this % of it. Default 40. */
  markerPercent?: number;
}

/** A species name as an element symbol: "cd_mg_kg" → "Cd", "镉Cd" → "Cd", "Fe" → "Fe". */
export function elementSymbol(species: string): string {
  const m = /([A-Z][a-z]?)(?![a-z])/.exec(species.replace(/_mg_kg$|_pct$/i, ''));
  if (m) return m[1];
  const lower = /^([a-z]{1,2})(?:_|$)/.exec(species);
  return lower ? lower[1][0].toUpperCase() + lower[1].slice(1) : species;
}

/**
 * The factor's marker species (% of species ≥ markerPercent, highest first) and the source rules
 * they match, best first. `percentOfSpecies` is one factor's row, aligned with `species`.
 */
export function suggestFactorNames(
  species: readonly string[],
  percentOfSpecies: ArrayLike<number>,
  options: SuggestOptions = {},
): { markers: string[]; suggestions: FactorNameSuggestion[] } {
  const threshold = options.markerPercent ?? 40;
  const share = new Map<string, number>();
  species.forEach((name, j) => {
    const symbol = elementSymbol(name);
    share.set(symbol, Math.max(share.get(symbol) ?? 0, percentOfSpecies[j]));
  });
  const markers = [...share.entries()]
    .filter(([, p]) => p >= threshold)
    .sort((a, b) => b[1] - a[1])
    .map(([symbol]) => symbol);
  const suggestions: FactorNameSuggestion[] = [];
  for (const rule of SOURCE_RULES) {
    const matched = markers.filter((s) => rule.markers.includes(s));
    if (matched.length < rule.minimumMarkers) continue;
    const weight = matched.reduce((sum, s) => sum + (share.get(s) ?? 0), 0);
    // Coverage of the rule's fingerprint times the mean share of the matched markers, minus a
    // penalty for markers that point elsewhere, so Cd-Zn-Pb-Hg prefers smelting over traffic.
    const foreign = markers.length - matched.length;
    const score = (matched.length / rule.markers.length) * (weight / matched.length / 100) - 0.05 * foreign;
    suggestions.push({ id: rule.id, name: rule.name, matched, score });
  }
  suggestions.sort((a, b) => b.score - a.score);
  return { markers, suggestions };
}
