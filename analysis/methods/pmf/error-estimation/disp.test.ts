import { describe, expect, it } from 'vitest';
import { baseRunsSync, bestRunIndex } from '../base-runs.ts';
import { displacePmf } from './disp.ts';
import { syntheticCase } from './synthetic-case.ts';

describe('displacePmf (DISP)', () => {
  const { problem } = syntheticCase(40, 11, 0.05);
  const runs = baseRunsSync(problem, 3, [1, 2, 3, 4, 5]);
  const base = { ...runs[bestRunIndex(runs)], factors: 3 };
  const result = displacePmf(problem, base);
  const { levels } = result;
  const m = problem.species;

  it('gives intervals that contain the base value and widen with dQmax', () => {
    expect(levels).toEqual([4, 8, 16, 32]);
    for (let h = 0; h < 3; h++) {
      for (let j = 0; j < m; j++) {
        const v = result.baseProfiles[h][j];
        for (let l = 0; l < levels.length; l++) {
          expect(result.low[l][h][j]).toBeLessThanOrEqual(v);
          expect(result.high[l][h][j]).toBeGreaterThanOrEqual(v);
          if (l > 0) {
            expect(result.low[l][h][j]).toBeLessThanOrEqual(result.low[l - 1][h][j] + 1e-12);
            expect(result.high[l][h][j]).toBeGreaterThanOrEqual(result.high[l - 1][h][j] - 1e-12);
          }
        }
        // A non-zero element moves in both directions at dQmax 4.
        if (v > 0.05) {
          expect(result.high[0][h][j]).toBeGreaterThan(v);
          expect(result.low[0][h][j]).toBeLessThan(v);
        }
      }
    }
  });

  it('displaces each element until dQ ≈ dQmax (within 10 %), unless it reached zero first', () => {
    let checked = 0;
    for (let l = 0; l < levels.length; l++) {
      for (let h = 0; h < 3; h++) {
        for (let j = 0; j < m; j++) {
          expect(result.limitUp[l][h][j]).toBeNull();
          expect(Math.abs(result.dQUp[l][h][j] - levels[l])).toBeLessThanOrEqual(0.1 * levels[l] + 1e-9);
          if (result.limitDown[l][h][j] === 'zero') {
            expect(result.dQDown[l][h][j]).toBeLessThan(levels[l] * 1.1);
          } else {
            expect(Math.abs(result.dQDown[l][h][j] - levels[l])).toBeLessThanOrEqual(0.1 * levels[l] + 1e-9);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('finds no factor swaps and no lower Q on well-separated factors', () => {
    expect(result.swaps).toEqual(levels.map(() => [0, 0, 0]));
    expect(result.decreaseFlag).toBe(false);
    expect(result.maxQDecreasePercent).toBeLessThan(0.1);
    // Bounded work: at most 8 re-fits per element, direction and level (+1 polish).
    expect(result.solves).toBeLessThanOrEqual(3 * m * 2 * 4 * 8 + 1);
  });
});
