import type { LandUse } from '../../domain/land-use.ts';
import { parseLandUse } from '../../domain/land-use.ts';
import { applicableValues } from '../../methods/assessment/screening-class.ts';
import { CHINA_NATIONAL_BACKGROUND_1990 } from '../../methods/assessment/standards/background-values.ts';
import { GB15618_2018 } from '../../methods/assessment/standards/gb15618-2018.ts';
import { phBandIndex, phBandLabel } from '../../methods/assessment/standards/ph-band.ts';
import { mean } from '../../stats/mean.ts';
import { quantileSorted } from '../../stats/quantile.ts';
import { standardDeviation } from '../../stats/standard-deviation.ts';
import type { MetalSummary } from '../contract.ts';

// Descriptive statistics of one metal as survey papers tabulate them: n, range, mean, median,
// SD (n − 1), CV, P10/P25/P75/P90 (Hyndman & Fan type 7), the background value and, for soil,
// the GB 15618-2018 risk screening value with the share of samples above it.

export interface SampleSites {
  /** Soil pH per sample (NaN when missing). */
  pH: ArrayLike<number>;
  /** Land-use code per sample ('' when missing). */
  landUse: readonly string[];
}

function modal(values: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const [v, c] of counts) {
    if (c > bestCount) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}

const LAND_COLUMN_TEXT: Record<string, string> = {
  paddy: '水田 paddy',
  orchard: '果园 orchard',
  other: '其他 other',
  any: '',
};

/**
 * `values` are mg/kg per sample (NaN = missing or below detection). `sites` enables the
 * screening columns (soil only). Samples without pH or land use, or on construction land, are
 * left out of the exceedance share (GB 15618 needs both and covers farmland only).
 */
export function summarizeMetal(
  element: string,
  values: ArrayLike<number>,
  sites: SampleSites | null,
): MetalSummary {
  const finite: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) finite.push(values[i]);
  const sorted = Float64Array.from(finite).sort();
  const n = sorted.length;
  const q = (p: number) => (n ? quantileSorted(sorted, p) : null);
  const m = n ? mean(sorted) : null;
  const sd = n > 1 ? standardDeviation(sorted) : null;
  const background = CHINA_NATIONAL_BACKGROUND_1990.values[element] ?? null;

  let screening: number | null = null;
  let screeningBasis: string | null = null;
  let nAbove: number | null = null;
  let share: number | null = null;
  const regulated = GB15618_2018.screening.some((e) => e.metal === element);
  if (sites && regulated) {
    let classified = 0;
    let above = 0;
    // One lookup per (land use, pH band): a survey has a handful of those, not 100,000.
    const limits = new Map<string, number | null>();
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      const landUse = parseLandUse(sites.landUse[i] ?? '');
      const pH = sites.pH[i];
      if (!Number.isFinite(v) || !landUse || !Number.isFinite(pH)) continue;
      if (landUse === 'construction_1' || landUse === 'construction_2') continue;
      const key = `${landUse}|${phBandIndex(pH, GB15618_2018.phBreaks)}`;
      let limit = limits.get(key);
      if (limit === undefined) {
        limit = applicableValues(GB15618_2018, element, { pH, landUse }).screening;
        limits.set(key, limit);
      }
      if (limit === null) continue;
      classified++;
      if (v > limit) above++;
    }
    if (classified > 0) {
      nAbove = above;
      share = above / classified;
    }
    // The value shown in the table: for the prevailing land use at the median pH.
    const phs = Float64Array.from(Array.from(sites.pH).filter(Number.isFinite)).sort();
    const landUse = parseLandUse(modal(sites.landUse) ?? '') as LandUse | undefined;
    if (phs.length && landUse && landUse !== 'construction_1' && landUse !== 'construction_2') {
      const medianPh = quantileSorted(phs, 0.5);
      const applicable = applicableValues(GB15618_2018, element, { pH: medianPh, landUse });
      screening = applicable.screening;
      screeningBasis = `${GB15618_2018.version}, ${LAND_COLUMN_TEXT[applicable.land ?? 'any'] ?? ''}, ${phBandLabel(applicable.band, GB15618_2018.phBreaks)} (median pH ${medianPh.toFixed(2)})`;
    }
  }

  return {
    element,
    unit: 'mg/kg',
    n,
    min: n ? sorted[0] : null,
    max: n ? sorted[n - 1] : null,
    mean: m,
    median: q(0.5),
    sd,
    cv: m !== null && sd !== null && m !== 0 ? sd / m : null,
    p10: q(0.1),
    p25: q(0.25),
    p75: q(0.75),
    p90: q(0.9),
    background,
    backgroundSource: background === null ? null : CHINA_NATIONAL_BACKGROUND_1990.source,
    screening,
    screeningBasis,
    nAboveScreening: nAbove,
    shareAboveScreening: share,
  };
}
