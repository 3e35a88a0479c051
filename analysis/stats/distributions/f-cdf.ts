import { regularizedIncompleteBeta } from './regularized-incomplete-beta.ts';

/** P(F ≤ f) for the F distribution with (d1, d2) degrees of freedom: I_{d1 f/(d1 f + d2)}(d1/2, d2/2). */
export function fCdf(f: number, d1: number, d2: number): number {
  if (Number.isNaN(f) || !(d1 > 0) || !(d2 > 0)) return Number.NaN;
  if (f <= 0) return 0;
  if (f === Number.POSITIVE_INFINITY) return 1;
  return regularizedIncompleteBeta((d1 * f) / (d1 * f + d2), d1 / 2, d2 / 2);
}

/** P(F > f), computed as I_{d2/(d1 f + d2)}(d2/2, d1/2) so small p-values keep their precision. */
export function fSurvival(f: number, d1: number, d2: number): number {
  if (Number.isNaN(f) || !(d1 > 0) || !(d2 > 0)) return Number.NaN;
  if (f <= 0) return 1;
  if (f === Number.POSITIVE_INFINITY) return 0;
  return regularizedIncompleteBeta(d2 / (d1 * f + d2), d2 / 2, d1 / 2);
}
