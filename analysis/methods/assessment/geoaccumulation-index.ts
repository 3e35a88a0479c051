import type { BandScheme } from './band-scheme.ts';

/**
 * Geoaccumulation index Igeo = log2(Cn / (k · Bn)) (Müller 1969, GeoJournal 2:108), with k = 1.5
 * allowing for natural lithogenic variation of the background Bn.
 */
export function geoaccumulationIndex(concentration: number, background: number, k = 1.5): number {
  return Math.log2(concentration / (k * background));
}

// Müller's seven classes: Igeo ≤ 0 class 0, 0 < Igeo ≤ 1 class 1, …, Igeo > 5 class 6.
export const GEOACCUMULATION_BANDS: BandScheme = {
  id: 'igeo-muller-1969',
  thresholds: [0, 1, 2, 3, 4, 5],
  upperInclusive: true,
  source: 'Müller 1969; shared/reference/soil-standards.md',
  classes: [
    { code: '0', zh: '无污染', en: 'unpolluted' },
    { code: '1', zh: '无污染至中度污染', en: 'unpolluted to moderately polluted' },
    { code: '2', zh: '中度污染', en: 'moderately polluted' },
    { code: '3', zh: '中度至强污染', en: 'moderately to strongly polluted' },
    { code: '4', zh: '强污染', en: 'strongly polluted' },
    { code: '5', zh: '强至极强污染', en: 'strongly to extremely polluted' },
    { code: '6', zh: '极强污染', en: 'extremely polluted' },
  ],
};
