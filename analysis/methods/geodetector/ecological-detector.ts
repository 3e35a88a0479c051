import { fQuantile } from '../../stats/distributions/f-quantile.ts';

export interface EcologicalResult {
  /** The larger q divided by the smaller: the statistic geodetector 1.0-5 compares. */
  f: number;
  /** qf(0.9, N − 1, N − 1). */
  critical: number;
  /** Whether the two factors differ significantly in their effect on Y. */
  significant: boolean;
  /** Which factor ('a' or 'b') has the larger q. */
  stronger: 'a' | 'b';
}

/**
 * Ecological detector as the R package geodetector 1.0-5 implements it: F = q_b / q_a, tested
 * against the 0.9 quantile of F(N − 1, N − 1); if not significant, the reverse ratio q_a / q_b is
 * tested. The verdict is therefore max(q)/min(q) > qf(0.9, N − 1, N − 1). (Wang et al. 2010 define
 * F as a ratio of within-strata variances; the package, and so this function, uses the q ratio.)
 */
export function ecologicalDetector(qA: number, qB: number, n: number): EcologicalResult {
  const critical = fQuantile(0.9, n - 1, n - 1);
  const f = Math.max(qA, qB) / Math.min(qA, qB);
  return { f, critical, significant: f > critical, stronger: qA >= qB ? 'a' : 'b' };
}
