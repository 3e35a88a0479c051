import { noncentralFSurvival } from '../../stats/distributions/noncentral-f-survival.ts';
import { sampleVariance } from '../../stats/variance.ts';
import { type Strata, stratumSummaries } from './strata.ts';

export interface FactorDetectorResult {
  /** Power of determinant q = 1 − Σ N_h σ_h² / (N σ²), in [0, 1]. */
  q: number;
  /** P(F' > F) under the non-central F(L − 1, N − L, λ). */
  p: number;
  f: number;
  lambda: number;
  /** Number of non-empty strata L. */
  strata: number;
  n: number;
}

/** q alone (no p-value): the fast path for the optimal-discretisation search. */
export function qStatistic(y: ArrayLike<number>, strata: Strata): number {
  const { sumSquares } = stratumSummaries(y, strata.codes, strata.levels.length);
  let ssw = 0;
  for (const ss of sumSquares) ssw += ss;
  const sst = sampleVariance(y) * (y.length - 1);
  return 1 - ssw / sst;
}

/**
 * Factor detector of Wang et al. (2010, IJGIS 24:107) as the R package geodetector 1.0-5 computes
 * it: q from within-stratum sums of squares; F = (N − L)/(L − 1) · q/(1 − q); non-centrality
 * λ = (Σ m̄_h² − (Σ √N_h m̄_h)² / N) / Var(Y) with the sample variance of Y (Wang, Zhang & Fu 2016,
 * Ecol. Indic. 67:250, eq. 6 — the package's `N_var <- var(y)`).
 */
export function factorDetector(y: ArrayLike<number>, strata: Strata): FactorDetectorResult {
  const n = y.length;
  const { count, mean, sumSquares } = stratumSummaries(y, strata.codes, strata.levels.length);
  const variance = sampleVariance(y);
  let ssw = 0;
  let sumMeanSquares = 0;
  let sumRootWeightedMeans = 0;
  let levels = 0;
  for (let h = 0; h < count.length; h++) {
    if (count[h] === 0) continue;
    levels += 1;
    ssw += sumSquares[h];
    sumMeanSquares += mean[h] ** 2;
    sumRootWeightedMeans += Math.sqrt(count[h]) * mean[h];
  }
  const q = 1 - ssw / ((n - 1) * variance);
  const lambda = (sumMeanSquares - sumRootWeightedMeans ** 2 / n) / variance;
  const f = ((n - levels) * q) / ((levels - 1) * (1 - q));
  const p =
    levels < 2 || n <= levels
      ? Number.NaN
      : q >= 1
        ? 0
        : noncentralFSurvival(f, levels - 1, n - levels, lambda);
  return { q, p, f, lambda, strata: levels, n };
}
