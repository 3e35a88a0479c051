/**
 * The x where a continuous increasing cdf reaches probability p, by bracketing and bisection to
 * machine precision (robust rather than fast; used for critical values, not inner loops).
 */
export function invertCdf(cdf: (x: number) => number, p: number, lower = Number.NEGATIVE_INFINITY): number {
  if (!(p > 0 && p < 1)) return Number.NaN;
  let lo = Number.isFinite(lower) ? lower : -1;
  let hi = 1;
  while (cdf(hi) < p) hi *= 2;
  if (!Number.isFinite(lower)) while (cdf(lo) > p) lo *= 2;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (cdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
