import type { BandScheme } from './band-scheme.ts';
import { withThresholds } from './band-scheme.ts';

/** Håkanson (1980, Water Res 14:975) toxic-response factors Tr; Ni 5 as commonly added. */
export const TOXIC_RESPONSE_FACTORS: Readonly<Record<string, number>> = {
  Hg: 40,
  Cd: 30,
  As: 10,
  Pb: 5,
  Cu: 5,
  Ni: 5,
  Cr: 2,
  Zn: 1,
};

/** Potential ecological risk factor of one metal: Er = Tr · Ci / Bn (Håkanson 1980). */
export function ecologicalRiskFactor(
  concentration: number,
  background: number,
  toxicResponse: number,
): number {
  return (toxicResponse * concentration) / background;
}

/** Potential ecological risk index RI = Σ Er. */
export function riskIndex(ers: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < ers.length; i++) sum += ers[i];
  return sum;
}

export const ER_BANDS: BandScheme = {
  id: 'er-hakanson-1980',
  thresholds: [40, 80, 160, 320],
  upperInclusive: false,
  source: 'Håkanson 1980; shared/reference/soil-standards.md',
  classes: [
    { code: 'low', zh: '轻微生态风险', en: 'low' },
    { code: 'moderate', zh: '中等生态风险', en: 'moderate' },
    { code: 'considerable', zh: '强生态风险', en: 'considerable' },
    { code: 'high', zh: '很强生态风险', en: 'high' },
    { code: 'very_high', zh: '极强生态风险', en: 'very high' },
  ],
};

/** Håkanson's RI bands, set for his eight pollutants (PCB, Hg, Cd, As, Pb, Cu, Cr, Zn). */
export const RI_BANDS: BandScheme = {
  id: 'ri-hakanson-1980',
  thresholds: [150, 300, 600],
  upperInclusive: false,
  source: 'Håkanson 1980 (8 pollutants); shared/reference/soil-standards.md',
  classes: [
    { code: 'low', zh: '轻微生态风险', en: 'low' },
    { code: 'moderate', zh: '中等生态风险', en: 'moderate' },
    { code: 'considerable', zh: '强生态风险', en: 'considerable' },
    { code: 'very_high', zh: '很强生态风险', en: 'very high' },
  ],
};

/** RI bands with user thresholds, e.g. riBandsWith([135, 265, 525]) as some papers use. */
export function riBandsWith(thresholds: readonly number[]): BandScheme {
  return withThresholds(RI_BANDS, thresholds, 'ri-custom');
}

/** Er bands with user thresholds. */
export function erBandsWith(thresholds: readonly number[]): BandScheme {
  return withThresholds(ER_BANDS, thresholds, 'er-custom');
}

/**
 * RI bands rescaled to the metals assessed. Håkanson's first RI limit (150) corresponds to the sum
 * of his eight Tr values (133); limits scale with Σ Tr and double from class to class. So the first
 * limit is 150 · ΣTr / 133, rounded to the nearest 5, then ×2 and ×4. This is a SoilTrace
 * convention following that principle; papers differ in rounding, so users may set bands directly.
 */
export function rescaledRiBands(metals: readonly string[], tr = TOXIC_RESPONSE_FACTORS): BandScheme {
  let sum = 0;
  for (const m of metals) sum += tr[m] ?? 0;
  const first = Math.round((150 * sum) / 133 / 5) * 5;
  return withThresholds(RI_BANDS, [first, 2 * first, 4 * first], `ri-rescaled-${metals.join('-')}`);
}
