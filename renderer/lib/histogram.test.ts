import { describe, expect, it } from 'vitest';
import { histogramBins } from './histogram.ts';

describe('histogramBins', () => {
  it('uses the Freedman–Diaconis width (hand calculation)', () => {
    // 1…8: n = 8, Q1 = 2.75, Q3 = 6.25 (linear interpolation), IQR = 3.5,
    // h = 2·3.5·8^(-1/3) = 3.5, range 7 → k = ⌈7/3.5⌉ = 2 bins of width 3.5: [1,4.5) [4.5,8].
    const { edges, counts } = histogramBins([1, 2, 3, 4, 5, 6, 7, 8, Number.NaN]);
    expect(Array.from(edges)).toEqual([1, 4.5, 8]);
    expect(Array.from(counts)).toEqual([4, 4]);
  });

  it('falls back to Sturges when the IQR is zero and keeps the maximum in the last bin', () => {
    // n = 8 with IQR 0: k = ⌈log2 8⌉ + 1 = 4 bins over [0, 4].
    const { edges, counts } = histogramBins([0, 0, 0, 0, 0, 0, 0, 4]);
    expect(Array.from(edges)).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(counts)).toEqual([7, 0, 0, 1]);
  });

  it('handles empty and constant input', () => {
    expect(histogramBins([]).counts.length).toBe(0);
    expect(Array.from(histogramBins([2, 2, 2]).counts)).toEqual([3]);
  });
});
