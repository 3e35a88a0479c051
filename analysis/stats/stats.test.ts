import { describe, expect, it } from 'vitest';
import { mean } from './mean.ts';
import { median } from './median.ts';
import { quantile } from './quantile.ts';
import { standardDeviation } from './standard-deviation.ts';
import { populationVariance, sampleVariance } from './variance.ts';

// Hand-computed: x = 2, 4, 4, 4, 5, 5, 7, 9 → mean 5, Σ(x−5)² = 32.
describe('basic statistics', () => {
  const x = [2, 4, 4, 4, 5, 5, 7, 9];
  it('mean and variances', () => {
    expect(mean(x)).toBe(5);
    expect(populationVariance(x)).toBe(4);
    expect(sampleVariance(x)).toBeCloseTo(32 / 7, 12);
    expect(standardDeviation(x)).toBeCloseTo(Math.sqrt(32 / 7), 12);
  });
  it('type-7 quantiles as R computes them', () => {
    // R: quantile(c(2,4,4,4,5,5,7,9), c(.25,.9)) → 4, 7.6
    expect(quantile(x, 0.25)).toBeCloseTo(4, 12);
    expect(quantile(x, 0.9)).toBeCloseTo(7.6, 12);
    expect(median(x)).toBe(4.5);
  });
});
