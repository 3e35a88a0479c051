import { describe, expect, it } from 'vitest';
import { qBreakdown, qExpected, qRobust, qTrue, scaledResiduals } from './q.ts';

describe('Q definitions', () => {
  // X = [[1,2],[3,4]], G = [[1],[2]], F = [[1,2]] → fit [[1,2],[2,4]], e = [[0,0],[1,0]].
  const problem = {
    x: Float64Array.of(1, 2, 3, 4),
    u: Float64Array.of(1, 1, 0.1, 1),
    samples: 2,
    species: 2,
  };
  const factors = { g: Float64Array.of(1, 2), f: Float64Array.of(1, 2), factors: 1 };

  it('Q(true) sums squared scaled residuals; Q(robust) takes 4·|e/u| beyond 4 (hand example)', () => {
    expect(Array.from(scaledResiduals(problem, factors))).toEqual([0, 0, 10, 0]);
    expect(qTrue(problem, factors)).toBeCloseTo(100, 10); // (1/0.1)²
    expect(qRobust(problem, factors)).toBeCloseTo(40, 10); // 4·10
    const small = { ...problem, u: Float64Array.of(1, 1, 0.5, 1) }; // e/u = 2 ≤ 4: both are 4
    expect(qTrue(small, factors)).toBeCloseTo(4, 12);
    expect(qRobust(small, factors)).toBeCloseTo(4, 12);
  });

  it('Q(expected) = n·m − k·(n + m), as in the reference table', () => {
    expect(qExpected(307, 41, 4)).toBe(11195); // Baton Rouge, 4 factors
    expect(qExpected(307, 41, 6)).toBe(10499);
    expect(qExpected(418, 13, 4)).toBe(3710); // St. Louis
    expect(qExpected(418, 13, 5)).toBe(3279);
  });

  it('splits Q by species and by sample beside their shares of Q(expected)', () => {
    const b = qBreakdown(Float64Array.of(1, 2, 3, 4), 2, 2, 0);
    expect(Array.from(b.perSpecies)).toEqual([10, 20]);
    expect(Array.from(b.perSample)).toEqual([5, 25]);
    expect(b.expectedPerSpecies).toBe(2);
    expect(b.expectedPerSample).toBe(2);
  });
});
