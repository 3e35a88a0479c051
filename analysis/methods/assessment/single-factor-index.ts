import type { BandScheme } from './band-scheme.ts';

/**
 * Single-factor pollution index Pi = Ci / Si (HJ/T 166-2004 §11.1). Si is the applicable screening
 * value by default; studies that measure accumulation use the background value instead.
 */
export function singleFactorIndex(concentration: number, reference: number): number {
  return concentration / reference;
}

// Classes of HJ/T 166-2004 Table 11-1 as used in Chinese soil studies: Pi ≤ 1 clean, 1 < Pi ≤ 2 light,
// 2 < Pi ≤ 3 moderate, Pi > 3 heavy.
export const SINGLE_FACTOR_BANDS: BandScheme = {
  id: 'pi-hjt166',
  thresholds: [1, 2, 3],
  upperInclusive: true,
  source: 'HJ/T 166-2004 §11.1; shared/reference/soil-standards.md',
  classes: [
    { code: 'clean', zh: '无污染', en: 'clean' },
    { code: 'light', zh: '轻度污染', en: 'light' },
    { code: 'moderate', zh: '中度污染', en: 'moderate' },
    { code: 'heavy', zh: '重度污染', en: 'heavy' },
  ],
};
