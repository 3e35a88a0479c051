import { describe, expect, it } from 'vitest';
import { ahpWeights, checkPairwiseMatrix } from './ahp.ts';

describe('AHP', () => {
  it('a consistent matrix has λmax = n, CR = 0 and weights proportional to its columns', () => {
    // a_ij = w_i / w_j with w = (4, 2, 1)/7.
    const r = ahpWeights([
      [1, 2, 4],
      [0.5, 1, 2],
      [0.25, 0.5, 1],
    ]);
    expect(r.lambdaMax).toBeCloseTo(3, 10);
    expect(r.consistencyRatio).toBeCloseTo(0, 10);
    expect(r.weights[0]).toBeCloseTo(4 / 7, 10);
    expect(r.weights[1]).toBeCloseTo(2 / 7, 10);
    expect(r.weights[2]).toBeCloseTo(1 / 7, 10);
  });

  it('the textbook 3×3 [[1,3,5],[1/3,1,3],[1/5,1/3,1]]: λmax 3.0385, CI 0.0193, CR 0.0332', () => {
    // Hand calculation: for a 3×3 reciprocal matrix λmax = 1 + d^(1/3) + d^(−1/3), d = a12·a23/a13
    // = 3·3/5 = 1.8 → λmax = 1 + 1.216440 + 0.822070 = 3.038510; CI = 0.038510/2 = 0.019255;
    // CR = CI / RI(3) = 0.019255 / 0.58 = 0.033198. The eigenvector equals the normalized row
    // geometric means for n = 3: 15^(1/3) = 2.466212, 1, (1/15)^(1/3) = 0.405480 → sum 3.871692 →
    // (0.636986, 0.258285, 0.104729).
    const r = ahpWeights([
      [1, 3, 5],
      [1 / 3, 1, 3],
      [1 / 5, 1 / 3, 1],
    ]);
    expect(r.lambdaMax).toBeCloseTo(3.03851, 5);
    expect(r.consistencyIndex).toBeCloseTo(0.019255, 5);
    expect(r.consistencyRatio).toBeCloseTo(0.033198, 5);
    expect(r.consistent).toBe(true);
    expect(r.weights[0]).toBeCloseTo(0.636986, 5);
    expect(r.weights[1]).toBeCloseTo(0.258285, 5);
    expect(r.weights[2]).toBeCloseTo(0.104729, 5);
  });

  it('a strongly inconsistent matrix is flagged (CR > 0.1)', () => {
    // d = 9 · 9 / (1/9) = 729 → λmax = 1 + 9 + 1/9 = 10.111; CI = 3.556; CR = 6.13.
    const r = ahpWeights([
      [1, 9, 1 / 9],
      [1 / 9, 1, 9],
      [9, 1 / 9, 1],
    ]);
    expect(r.lambdaMax).toBeCloseTo(10.1111, 3);
    expect(r.consistent).toBe(false);
  });

  it('checks the matrix shape and reciprocity', () => {
    expect(
      checkPairwiseMatrix([
        [1, 2],
        [0.5, 1],
      ]),
    ).toBeNull();
    expect(
      checkPairwiseMatrix([
        [1, 2],
        [2, 1],
      ]),
    ).toMatch(/reciprocal/);
    expect(
      checkPairwiseMatrix([
        [1, 2, 3],
        [0.5, 1],
      ]),
    ).toMatch(/row 1/);
  });
});
