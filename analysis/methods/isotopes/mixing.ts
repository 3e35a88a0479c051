/** A point in ratio–ratio space, e.g. [206Pb/207Pb, 208Pb/207Pb]. */
export type RatioPoint = readonly [number, number];

export interface MixingShares {
  /** Share of each end-member, in the order given; they sum to 1. */
  shares: number[];
  /** Every share lies in [0, 1]: the sample sits between the end-members. */
  feasible: boolean;
}

/**
 * Binary mixing on one ratio: f_A = (R_sample − R_B) / (R_A − R_B), f_B = 1 − f_A
 * (reference/soil-standards.md, "Lead isotope mixing"). Linear in the ratio when both end-members
 * share the ratio's denominator isotope (e.g. 206/207), as is standard for Pb.
 */
export function binaryMixing(sample: number, endA: number, endB: number): MixingShares {
  const fa = (sample - endB) / (endA - endB);
  return { shares: [fa, 1 - fa], feasible: fa >= 0 && fa <= 1 };
}

/**
 * Ternary mixing on two ratios with a common denominator (206/207 and 208/207): solve
 * f1 + f2 + f3 = 1, Σ f_i·x_i = x_s, Σ f_i·y_i = y_s by Cramer's rule (barycentric coordinates of
 * the sample in the end-member triangle). Collinear end-members have no unique solution (NaN).
 */
export function ternaryMixing(
  sample: RatioPoint,
  ends: readonly [RatioPoint, RatioPoint, RatioPoint],
): MixingShares {
  const [[x1, y1], [x2, y2], [x3, y3]] = ends;
  const [x, y] = sample;
  const det = (x1 - x3) * (y2 - y3) - (x2 - x3) * (y1 - y3);
  const f1 = ((x - x3) * (y2 - y3) - (x2 - x3) * (y - y3)) / det;
  const f2 = ((x1 - x3) * (y - y3) - (x - x3) * (y1 - y3)) / det;
  const shares = [f1, f2, 1 - f1 - f2];
  return { shares, feasible: shares.every((f) => f >= 0 && f <= 1) };
}

/** Shares clamped into [0, 1] and renormalised to sum 1 — for reporting an infeasible draw. */
export function clampShares(shares: readonly number[]): number[] {
  const clamped = shares.map((f) => Math.min(1, Math.max(0, f)));
  const total = clamped.reduce((s, f) => s + f, 0);
  return total > 0 ? clamped.map((f) => f / total) : clamped;
}
