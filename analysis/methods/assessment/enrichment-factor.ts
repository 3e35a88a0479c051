import type { BandScheme } from './band-scheme.ts';

/** Conservative reference elements normally used to normalise EF (Sutherland 2000). */
export const EF_REFERENCE_ELEMENTS = ['Al', 'Fe', 'Sc', 'Ti', 'Mn'] as const;

/**
 * Enrichment factor EF = (Ci / Cref)sample / (Ci / Cref)background (Sutherland 2000, Environ Geol
 * 39:611), with Cref a conservative element (Al, Fe, Sc, Ti or Mn) measured in the same sample.
 */
export function enrichmentFactor(
  concentration: number,
  referenceConcentration: number,
  background: number,
  referenceBackground: number,
): number {
  return concentration / referenceConcentration / (background / referenceBackground);
}

// Sutherland 2000: EF < 2 minimal, 2 ≤ EF < 5 moderate, 5 ≤ EF < 20 significant, 20 ≤ EF < 40 very
// high, EF ≥ 40 extremely high enrichment.
export const ENRICHMENT_BANDS: BandScheme = {
  id: 'ef-sutherland-2000',
  thresholds: [2, 5, 20, 40],
  upperInclusive: false,
  source: 'Sutherland 2000; shared/reference/soil-standards.md',
  classes: [
    { code: 'minimal', zh: '无至轻微富集', en: 'minimal' },
    { code: 'moderate', zh: '中度富集', en: 'moderate' },
    { code: 'significant', zh: '显著富集', en: 'significant' },
    { code: 'very_high', zh: '强烈富集', en: 'very high' },
    { code: 'extreme', zh: '极强富集', en: 'extremely high' },
  ],
};
