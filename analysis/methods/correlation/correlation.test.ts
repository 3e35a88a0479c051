import { describe, expect, it } from 'vitest';
import { SoilTraceError } from '../../errors.ts';
import { averageRanks } from '../../stats/rank.ts';
import { clusterVariables } from './cluster-variables.ts';
import { correlationMatrix, significanceMark } from './correlation-matrix.ts';
import { pearson } from './pearson.ts';
import { spearman } from './spearman.ts';

// Student t with 3 df in closed form: P(T ≤ t) = ½ + (θ + sinθ·cosθ)/π, θ = atan(t/√3).
const twoSidedP3 = (t: number) => {
  const theta = Math.atan(Math.abs(t) / Math.sqrt(3));
  return 1 - (2 * (theta + Math.sin(theta) * Math.cos(theta))) / Math.PI;
};

describe('Pearson and Spearman by hand', () => {
  const x = [1, 2, 3, 4, 5];
  const y = [2, 4, 5, 4, 5];
  it('Pearson: Sxy = 6, Sxx = 10, Syy = 6 → r = 6/√60', () => {
    const r = 6 / Math.sqrt(60);
    const t = r * Math.sqrt(3 / (1 - r * r));
    const result = pearson(x, y);
    expect(result.r).toBeCloseTo(r, 14);
    expect(result.t).toBeCloseTo(t, 12);
    expect(result.p).toBeCloseTo(twoSidedP3(t), 12);
  });
  it('Spearman with ties: ranks of y = 1, 2.5, 4.5, 2.5, 4.5 → ρ = 7/√90', () => {
    expect(Array.from(averageRanks(y))).toEqual([1, 2.5, 4.5, 2.5, 4.5]);
    const rho = 7 / Math.sqrt(90);
    const result = spearman(x, y);
    expect(result.r).toBeCloseTo(rho, 14);
    expect(result.p).toBeCloseTo(twoSidedP3(rho * Math.sqrt(3 / (1 - rho * rho))), 12);
  });
  it('missing values are deleted pairwise', () => {
    const result = pearson([1, 2, Number.NaN, 3, 4, 5], [2, 4, 9, 5, 4, 5]);
    expect(result.n).toBe(5);
    expect(result.r).toBeCloseTo(6 / Math.sqrt(60), 14);
  });
  it('matrix on log10 values equals Pearson of the logs; non-positive values are refused', () => {
    const a = [1, 10, 100, 1000];
    const b = [2, 30, 100, 5000];
    const m = correlationMatrix(['a', 'b'], [a, b], { log: true });
    expect(m.r[0][1]).toBeCloseTo(pearson(a.map(Math.log10), b.map(Math.log10)).r, 14);
    expect(m.r[1][0]).toBe(m.r[0][1]);
    expect(m.r[0][0]).toBe(1);
    expect(() => correlationMatrix(['a', 'b'], [a, [0, 1, 2, 3]], { log: true })).toThrow(SoilTraceError);
    expect(significanceMark(0.004)).toBe('**');
    expect(significanceMark(0.03)).toBe('*');
    expect(significanceMark(0.2)).toBe('');
  });
});

describe('hierarchical clustering of variables on 1 − |r|', () => {
  // d01 = 0.1, d02 = 0.8, d12 = 0.6
  const r = [
    [1, 0.9, 0.2],
    [0.9, 1, -0.4],
    [0.2, -0.4, 1],
  ];
  it('average linkage: {0,1} at 0.1, then 2 at (0.8 + 0.6)/2 = 0.7', () => {
    const d = clusterVariables(['Cd', 'Pb', 'Cr'], r, 'average');
    expect(d.merges[0]).toMatchObject({ left: 0, right: 1, size: 2 });
    expect(d.merges[0].height).toBeCloseTo(0.1, 14);
    expect(d.merges[1]).toMatchObject({ left: 2, right: 3, size: 3 });
    expect(d.merges[1].height).toBeCloseTo(0.7, 14);
    expect(d.order.sort()).toEqual([0, 1, 2]);
  });
  it('complete linkage joins at the larger distance 0.8', () => {
    expect(clusterVariables(['Cd', 'Pb', 'Cr'], r, 'complete').merges[1].height).toBeCloseTo(0.8, 14);
  });
});
