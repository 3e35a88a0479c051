import { describe, expect, it } from 'vitest';
import { topsis } from './topsis.ts';
import { weightedSum } from './weighted-sum.ts';

// Worked by hand. Criterion 1 (benefit) = (3, 4, 0), norm 5 → (0.6, 0.8, 0); criterion 2 (cost)
// = (0, 3, 4), norm 5 → (0, 0.6, 0.8). Weights ½, ½ → v1 = (0.3, 0.4, 0), v2 = (0, 0.3, 0.4).
// Ideal (0.4, 0), anti-ideal (0, 0.4).
// A: d⁺ = 0.1, d⁻ = √(0.09 + 0.16) = 0.5 → C = 0.5/0.6 = 0.833333
// B: d⁺ = 0.3, d⁻ = √(0.16 + 0.01) = 0.412311 → C = 0.412311/0.712311 = 0.578835
// C: d⁺ = √(0.16 + 0.16) = 0.565685, d⁻ = 0 → C = 0
const matrix = [
  [3, 0],
  [4, 3],
  [0, 4],
];

describe('TOPSIS', () => {
  it('matches the hand-worked example', () => {
    const r = topsis(matrix, [1, 1], ['benefit', 'cost']);
    expect(r.scores[0]).toBeCloseTo(0.833333, 6);
    expect(r.scores[1]).toBeCloseTo(0.578835, 5);
    expect(r.scores[2]).toBeCloseTo(0, 12);
    expect(r.ranks).toEqual([1, 2, 3]);
  });
});

describe('weighted sum', () => {
  it('min–max scaled: A = ½·0.75 + ½·1 = 0.875, B = ½·1 + ½·0.25 = 0.625, C = 0', () => {
    const r = weightedSum(matrix, [1, 1], ['benefit', 'cost']);
    expect(r.scores[0]).toBeCloseTo(0.875, 12);
    expect(r.scores[1]).toBeCloseTo(0.625, 12);
    expect(r.scores[2]).toBeCloseTo(0, 12);
    expect(r.ranks).toEqual([1, 2, 3]);
  });
});
