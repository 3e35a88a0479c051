import type { BandScheme } from './band-scheme.ts';

/**
 * Nemerow integrated pollution index PN = sqrt((mean(Pi)² + max(Pi)²) / 2) (Nemerow 1974; HJ/T
 * 166-2004 §11.2). NaN for an empty list.
 */
export function nemerowIndex(pis: ArrayLike<number>): number {
  const n = pis.length;
  if (n === 0) return Number.NaN;
  let sum = 0;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    sum += pis[i];
    if (pis[i] > max) max = pis[i];
  }
  const avg = sum / n;
  return Math.sqrt((avg * avg + max * max) / 2);
}

export const NEMEROW_BANDS: BandScheme = {
  id: 'pn-hjt166',
  thresholds: [0.7, 1, 2, 3],
  upperInclusive: true,
  source: 'HJ/T 166-2004 Table 11-2; shared/reference/soil-standards.md',
  classes: [
    { code: 'safe', zh: '安全（清洁）', en: 'safe' },
    { code: 'warning', zh: '警戒线（尚清洁）', en: 'warning' },
    { code: 'light', zh: '轻度污染', en: 'light' },
    { code: 'moderate', zh: '中度污染', en: 'moderate' },
    { code: 'heavy', zh: '重度污染', en: 'heavy' },
  ],
};
