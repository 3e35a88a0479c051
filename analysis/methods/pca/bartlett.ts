import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { chiSquareSurvival } from '../../stats/distributions/chi-square-cdf.ts';

export interface BartlettResult {
  chiSquare: number;
  df: number;
  p: number;
  /** ln |R|; −∞ when R is singular (then χ² = ∞ and p = 0). */
  logDeterminant: number;
}

/**
 * Bartlett's test of sphericity (Bartlett 1951, J. R. Stat. Soc. B 13:1):
 * χ² = −(n − 1 − (2p + 5)/6) · ln|R| with p(p − 1)/2 degrees of freedom, for n samples and
 * p variables. ln|R| is the sum of the log eigenvalues of R (stable for nearly singular R).
 */
export function bartlettSphericity(correlation: readonly (readonly number[])[], n: number): BartlettResult {
  const p = correlation.length;
  const eigen = new EigenvalueDecomposition(new Matrix(correlation.map((row) => [...row])), {
    assumeSymmetric: true,
  });
  const logDeterminant = eigen.realEigenvalues.reduce(
    (s, v) => s + (v > 1e-13 ? Math.log(v) : Number.NEGATIVE_INFINITY),
    0,
  );
  const chiSquare = -(n - 1 - (2 * p + 5) / 6) * logDeterminant;
  const df = (p * (p - 1)) / 2;
  return { chiSquare, df, p: chiSquareSurvival(chiSquare, df), logDeterminant };
}
