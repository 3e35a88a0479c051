import { describe, expect, it } from 'vitest';
import { quantiles, sampleWith } from './monte-carlo.ts';
import { normalQuantile, rangeQuantile } from './range.ts';

describe('distributions over ranges', () => {
  it('normal quantile (Acklam): z0.975 = 1.959964, z0.05 = −1.644854', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.05)).toBeCloseTo(-1.644854, 6);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
  });

  it('triangular inverse CDF: ends, mode, and the median of (0, 1, 1) = √½', () => {
    expect(rangeQuantile([2, 5, 11], 'triangular', 0)).toBe(2);
    expect(rangeQuantile([2, 5, 11], 'triangular', 1 / 3)).toBeCloseTo(5, 12); // F(c) = (c − a)/(b − a)
    expect(rangeQuantile([0, 1, 1], 'triangular', 0.5)).toBeCloseTo(Math.SQRT1_2, 12);
  });

  it('lognormal: median = mode, 5th/95th percentiles = low/high when symmetric in log', () => {
    expect(rangeQuantile([1, 2, 4], 'lognormal', 0.5)).toBeCloseTo(2, 12);
    expect(rangeQuantile([1, 2, 4], 'lognormal', 0.05)).toBeCloseTo(1, 6);
    expect(rangeQuantile([1, 2, 4], 'lognormal', 0.95)).toBeCloseTo(4, 6);
  });
});

describe('seeded Monte Carlo', () => {
  const draw = (next: () => number) => rangeQuantile([0, 1, 1], 'triangular', next());

  it('the same seed gives identical draws; another seed differs', () => {
    const a = sampleWith(42, 1000, draw);
    const b = sampleWith(42, 1000, draw);
    const c = sampleWith(43, 1000, draw);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });

  it('p50 of 20,000 triangular(0, 1, 1) draws is near the analytic median √½ = 0.7071', () => {
    const q = quantiles(sampleWith(7, 20_000, draw));
    // Standard error of the median ≈ 1/(2 f(m) √n) = 1/(2 · 1.414 · 141) = 0.0025.
    expect(q.p50).toBeCloseTo(Math.SQRT1_2, 2);
    // p5 = √0.05 = 0.2236, p95 = √0.95 = 0.9747.
    expect(q.p5).toBeCloseTo(Math.sqrt(0.05), 2);
    expect(q.p95).toBeCloseTo(Math.sqrt(0.95), 2);
  });

  it('lognormal p50 near its median', () => {
    const q = quantiles(sampleWith(3, 20_000, (next) => rangeQuantile([1, 2, 4], 'lognormal', next())));
    expect(q.p50).toBeCloseTo(2, 1);
  });
});
