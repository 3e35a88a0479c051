import { describe, expect, it } from 'vitest';
import { baseRunsSync, bestRunIndex } from '../base-runs.ts';
import { bsDispPmf } from './bs-disp.ts';
import { displacePmf } from './disp.ts';
import { normalisedCopy } from './normalised-solve.ts';
import { syntheticCase } from './synthetic-case.ts';

describe('bsDispPmf (DISP on bootstrap runs)', () => {
  it('gives intervals at least as wide as DISP alone that still contain the true profiles', async () => {
    const { problem, truth } = syntheticCase(40, 11, 0.05);
    const runs = baseRunsSync(problem, 3, [1, 2, 3, 4, 5]);
    const base = normalisedCopy(problem, { ...runs[bestRunIndex(runs)], factors: 3 });
    const levels = [4, 16];
    const result = await bsDispPmf(problem, base, {
      runs: 6,
      seed: 2,
      workers: 'none',
      displacedRuns: 4,
      disp: { levels },
    });
    expect(result.displacedRuns).toBe(4);
    expect(result.levels).toEqual(levels);
    const disp = displacePmf(problem, base, { levels });
    const m = problem.species;
    let wider = 0;
    for (let h = 0; h < 3; h++) {
      const row = disp.baseProfiles[h];
      const peak = row.indexOf(Math.max(...row));
      const t = [0, 1, 2].reduce((a, b) =>
        truth.f[b * m + peak] / Math.max(...truth.f.subarray(b * m, (b + 1) * m)) >
        truth.f[a * m + peak] / Math.max(...truth.f.subarray(a * m, (a + 1) * m))
          ? b
          : a,
      );
      for (let j = 0; j < m; j++) {
        for (let l = 0; l < levels.length; l++) {
          const bsWidth = result.high[l][h][j] - result.low[l][h][j];
          const dispWidth = disp.high[l][h][j] - disp.low[l][h][j];
          if (bsWidth > dispWidth * 1.05) wider++;
        }
        // The truth lies in the BS-DISP interval at dQmax 16 (2 % of the peak of slack for zeros).
        const v = truth.f[t * m + j];
        const slack = v === 0 ? 0.02 * Math.max(...row) : 0;
        expect(v).toBeGreaterThanOrEqual(result.low[1][h][j] - slack);
        expect(v).toBeLessThanOrEqual(result.high[1][h][j] + slack);
      }
    }
    // Resampling adds spread: most intervals widen.
    expect(wider).toBeGreaterThan(0.5 * 3 * m * levels.length);
    expect(result.swaps).toEqual(levels.map(() => [0, 0, 0]));
  });
});
