import { describe, expect, it } from 'vitest';
import { baseRunsSync, bestRunIndex } from '../base-runs.ts';
import { fpeakPmf, fpeakRotation, rotate } from './fpeak.ts';
import { normalisedCopy } from './normalised-solve.ts';
import { syntheticCase } from './synthetic-case.ts';

describe('Fpeak rotation', () => {
  const { problem } = syntheticCase(60, 21, 0.05);
  const runs = baseRunsSync(problem, 3, [1, 2, 3, 4, 5]);
  const base = normalisedCopy(problem, { ...runs[bestRunIndex(runs)], factors: 3 });
  const m = problem.species;

  it('T = I − φ/(k−1)·(J − I) and the rotated pair reproduces G·F exactly', () => {
    expect(Array.from(fpeakRotation(3, 0.5))).toEqual([1, -0.25, -0.25, -0.25, 1, -0.25, -0.25, -0.25, 1]);
    const r = rotate(base, fpeakRotation(3, 0.5));
    for (const [i, j] of [
      [0, 0],
      [7, 3],
      [59, 7],
    ]) {
      let a = 0;
      let b = 0;
      for (let h = 0; h < 3; h++) {
        a += base.g[i * 3 + h] * base.f[h * m + j];
        b += r.g[i * 3 + h] * r.f[h * m + j];
      }
      expect(b).toBeCloseTo(a, 10);
    }
  });

  const results = fpeakPmf(problem, base, [-0.5, -0.2, 0, 0.2, 0.5]);

  it('φ = 0 returns the base solution', () => {
    const zero = results[2];
    expect(zero.dQ).toBe(0);
    for (let h = 0; h < 3; h++) {
      for (let j = 0; j < m; j++) expect(zero.profiles[h][j]).toBeCloseTo(base.f[h * m + j], 3);
    }
  });

  it('Q rises with |φ| on each side', () => {
    const dQ = results.map((r) => r.dQ);
    expect(dQ[1]).toBeGreaterThan(0.5);
    expect(dQ[3]).toBeGreaterThan(0.5);
    expect(dQ[0]).toBeGreaterThan(dQ[1]);
    expect(dQ[4]).toBeGreaterThan(dQ[3]);
  });

  it('positive φ makes the profiles sharper (more near-zero elements), negative φ less sharp', () => {
    // A pull as strong as the data, so the rotation shows clearly in the profiles.
    const strong = fpeakPmf(problem, base, [-0.5, 0, 0.5], { pullStrength: 1 });
    const nearZero = (profiles: number[][]) =>
      profiles.flatMap((row) => row.map((v) => v / Math.max(...row))).filter((v) => v < 0.01).length;
    expect(nearZero(strong[2].profiles)).toBeGreaterThanOrEqual(nearZero(strong[1].profiles));
    expect(nearZero(strong[0].profiles)).toBeLessThan(nearZero(strong[1].profiles));
  });
});
