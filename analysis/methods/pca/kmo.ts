import { inverse, Matrix, pseudoInverse } from 'ml-matrix';

export interface KmoResult {
  /** Overall measure of sampling adequacy: Σr² / (Σr² + Σa²) over i ≠ j. */
  overall: number;
  /** MSA of each variable (the anti-image correlation matrix's diagonal in SPSS). */
  perVariable: number[];
  /** Partial correlations a_ij = −R⁻¹_ij / √(R⁻¹_ii R⁻¹_jj) (the anti-image correlations). */
  partial: number[][];
  /** R was singular: a pseudo-inverse was used and the KMO is only indicative. */
  singular: boolean;
}

/**
 * Kaiser–Meyer–Olkin measure of sampling adequacy (Kaiser 1970, Psychometrika 35:401; Kaiser &
 * Rice 1974) from a correlation matrix, overall and per variable, as SPSS and R psych::KMO report it.
 */
export function kmo(correlation: readonly (readonly number[])[]): KmoResult {
  const k = correlation.length;
  const r = new Matrix(correlation.map((row) => [...row]));
  let inv: Matrix;
  let singular = false;
  try {
    inv = inverse(r);
    if (!inv.to1DArray().every(Number.isFinite)) throw new Error('singular');
  } catch {
    inv = pseudoInverse(r);
    singular = true;
  }
  const partial = Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) =>
      i === j ? 1 : -inv.get(i, j) / Math.sqrt(inv.get(i, i) * inv.get(j, j)),
    ),
  );
  let sumR = 0;
  let sumA = 0;
  const perVariable = Array.from({ length: k }, (_, i) => {
    let ri = 0;
    let ai = 0;
    for (let j = 0; j < k; j++) {
      if (i === j) continue;
      ri += correlation[i][j] ** 2;
      ai += partial[i][j] ** 2;
    }
    sumR += ri;
    sumA += ai;
    return ri / (ri + ai);
  });
  return { overall: sumR / (sumR + sumA), perVariable, partial, singular };
}
