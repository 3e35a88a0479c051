import { studentTTwoSidedP } from '../../stats/distributions/student-t-cdf.ts';

export interface CorrelationTest {
  r: number;
  /** Pairs used (both values present). */
  n: number;
  /** t = r·√((n − 2)/(1 − r²)), df n − 2. */
  t: number;
  /** Two-sided p-value of r ≠ 0. */
  p: number;
}

/** r and its two-sided t-test from complete pairs; NaN where n < 3 or a variable is constant. */
export function correlationTest(r: number, n: number): CorrelationTest {
  if (n < 3 || Number.isNaN(r)) return { r, n, t: Number.NaN, p: Number.NaN };
  const clamped = Math.max(-1, Math.min(1, r));
  const t =
    Math.abs(clamped) === 1
      ? Math.sign(clamped) * Number.POSITIVE_INFINITY
      : clamped * Math.sqrt((n - 2) / (1 - clamped * clamped));
  return { r: clamped, n, t, p: studentTTwoSidedP(t, n - 2) };
}

/** The pairs (x_i, y_i) where both are finite numbers. */
export function completePairs(x: ArrayLike<number>, y: ArrayLike<number>): [Float64Array, Float64Array] {
  const keep: number[] = [];
  for (let i = 0; i < x.length; i++) if (Number.isFinite(x[i]) && Number.isFinite(y[i])) keep.push(i);
  return [Float64Array.from(keep, (i) => x[i]), Float64Array.from(keep, (i) => y[i])];
}

/** Pearson's r of complete pairs (two-pass, centred sums). */
export function pearsonR(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** Pearson correlation with its two-sided t-test (pairwise deletion of missing values). */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): CorrelationTest {
  const [a, b] = completePairs(x, y);
  return correlationTest(pearsonR(a, b), a.length);
}
