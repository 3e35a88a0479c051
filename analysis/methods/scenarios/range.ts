// Uncertain figures are ranges [low, mode, high] (issue 7: "ranges, not points"). The deterministic
// evaluation uses the mode; Monte Carlo draws from the range's distribution; the tornado sets one
// range at its low or high end.

export type Range = readonly [low: number, mode: number, high: number];

export type Distribution = 'triangular' | 'uniform' | 'lognormal';

/** A figure and where it comes from: a citation, or `estimate: true` when none was verified. */
export interface Figure {
  range: Range;
  unit: string;
  source?: string;
  estimate?: boolean;
  distribution?: Distribution;
  note?: string;
}

export function pointRange(value: number): Range {
  return [value, value, value];
}

export function isDegenerate(range: Range): boolean {
  return range[0] === range[2];
}

// z of the 95th percentile of the standard normal: the lognormal's [low, high] is read as its
// 5th–95th percentile interval around the mode taken as the median.
const Z95 = 1.6448536269514722;

/**
 * Inverse CDF of a range's distribution at u ∈ [0, 1).
 * triangular: Law & Kelton / Wikipedia closed form; uniform on [low, high];
 * lognormal: median = mode, σ = ln(high/low) / (2·z0.95) (needs 0 < low ≤ mode ≤ high).
 */
export function rangeQuantile(range: Range, distribution: Distribution, u: number): number {
  const [a, c, b] = range;
  if (a === b) return a;
  switch (distribution) {
    case 'uniform':
      return a + u * (b - a);
    case 'lognormal': {
      const sigma = Math.log(b / a) / (2 * Z95);
      return c * Math.exp(sigma * normalQuantile(u));
    }
    default: {
      const fc = (c - a) / (b - a);
      return u < fc ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
    }
  }
}

/**
 * Standard normal quantile, Acklam's rational approximation (relative error < 1.15e-9).
 * P. J. Acklam, "An algorithm for computing the inverse normal cumulative distribution function", 2003.
 */
export function normalQuantile(p: number): number {
  if (p <= 0) return Number.NEGATIVE_INFINITY;
  if (p >= 1) return Number.POSITIVE_INFINITY;
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const pLow = 0.02425;
  if (p < pLow) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  if (p > 1 - pLow) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return (
      -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}
