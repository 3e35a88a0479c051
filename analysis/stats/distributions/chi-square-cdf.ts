import { regularizedLowerGamma, regularizedUpperGamma } from './regularized-incomplete-gamma.ts';

/** P(X ≤ x) for chi-square with `df` degrees of freedom: P(df/2, x/2). */
export function chiSquareCdf(x: number, df: number): number {
  return regularizedLowerGamma(df / 2, x / 2);
}

/** P(X > x), the p-value of a chi-square statistic, computed without cancellation. */
export function chiSquareSurvival(x: number, df: number): number {
  return regularizedUpperGamma(df / 2, x / 2);
}
