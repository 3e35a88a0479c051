import { describe, expect, it } from 'vitest';
import { baseRunsSync, bestRunIndex } from '../base-runs.ts';
import {
  bootstrapPmf,
  bootstrapRun,
  chooseBlockSize,
  lag1Autocorrelation,
  resampleRows,
} from './bootstrap.ts';
import { normalisedCopy } from './normalised-solve.ts';
import { syntheticCase } from './synthetic-case.ts';

describe('block size', () => {
  it('lag-1 autocorrelation of 1..5 is 4/10 (hand calculation)', () => {
    expect(lag1Autocorrelation([1, 2, 3, 4, 5])).toBeCloseTo(0.4, 12);
  });

  it("follows Carlstein's AR(1) rule: ρ = 0.4, n = 1000 → ⌈(0.8/0.84)^(2/3)·10⌉ = 10", () => {
    // Contributions whose lag-1 autocorrelation is exactly that of the repeated ramp 1..5.
    const n = 1000;
    const g = new Float64Array(n).map((_, i) => (i % 5) + 1);
    const rho = lag1Autocorrelation(g);
    const expected = Math.ceil(((2 * rho) / (1 - rho * rho)) ** (2 / 3) * 10);
    expect(chooseBlockSize({ g, f: new Float64Array(3), factors: 1 }, n)).toEqual({
      blockSize: expected,
      rho,
    });
  });

  it('uncorrelated samples give the ordinary bootstrap (block 1)', () => {
    const { truth } = syntheticCase(100, 3);
    expect(chooseBlockSize(truth, 100).blockSize).toBe(1);
  });

  it('resamples whole blocks of consecutive rows', () => {
    const rows = resampleRows(20, 4, 9);
    expect(rows.length).toBe(20);
    for (let b = 0; b < 20; b += 4) for (let i = 1; i < 4; i++) expect(rows[b + i]).toBe(rows[b] + i);
  });
});

describe('bootstrapPmf', () => {
  const { problem, truth } = syntheticCase(80, 5, 0.05);
  // The best of 5 base runs (a single run can stop in a local minimum with 40× the Q).
  const runs = baseRunsSync(problem, 3, [1, 2, 3, 4, 5]);
  const best = runs[bestRunIndex(runs)];
  const base = normalisedCopy(problem, { ...best, factors: 3 });

  it('maps every factor in every run on well-separated factors, and the percentiles contain the truth', async () => {
    const result = await bootstrapPmf(problem, base, { runs: 40, seed: 1, workers: 'none' });
    expect(result.blockSize).toBe(1);
    expect(result.mappedPercent).toEqual([100, 100, 100]);
    expect(result.unmapped).toEqual([0, 0, 0]);
    expect(result.mappingCounts).toEqual([
      [40, 0, 0],
      [0, 40, 0],
      [0, 0, 40],
    ]);
    // Base factor h ↔ true factor by profile: the largest true species of each base factor.
    const m = problem.species;
    for (let h = 0; h < 3; h++) {
      const row = Array.from(base.f.subarray(h * m, (h + 1) * m));
      const peak = row.indexOf(Math.max(...row));
      const t = [0, 1, 2].find(
        (l) => truth.f[l * m + peak] === Math.max(...truth.f.subarray(l * m, (l + 1) * m)),
      );
      expect(t).toBeDefined();
      for (let j = 0; j < m; j++) {
        const [p5, p25, p50, p75, p95] = result.profilePercentiles[h][j];
        expect(p5).toBeLessThanOrEqual(p25);
        expect(p25).toBeLessThanOrEqual(p50);
        expect(p50).toBeLessThanOrEqual(p75);
        expect(p75).toBeLessThanOrEqual(p95);
        const trueValue = truth.f[(t as number) * m + j];
        // A true zero can only be approached from above: allow 2 % of the factor's peak.
        const slack = trueValue === 0 ? 0.02 * Math.max(...row) : 0;
        expect(trueValue).toBeGreaterThanOrEqual(p5 - slack);
        expect(trueValue).toBeLessThanOrEqual(p95 + slack);
      }
    }
    for (const q of result.q) expect(q.qTrue).toBeGreaterThan(0);
    // Q of a resampled fit is of the same order as the base fit's Q (same noise level).
    const median = result.q.map((q) => q.qTrue).sort((a, b) => a - b)[20];
    const baseQ = best.qTrue;
    expect(median / baseQ).toBeGreaterThan(0.5);
    expect(median / baseQ).toBeLessThan(2);
  });

  it('gives the same runs in worker threads as in this thread', async () => {
    const inWorkers = await bootstrapPmf(problem, base, { runs: 8, seed: 3, workers: 2 });
    const here = await bootstrapPmf(problem, base, { runs: 8, seed: 3, workers: 'none' });
    expect(inWorkers.q).toEqual(here.q);
    expect(inWorkers.profilePercentiles).toEqual(here.profilePercentiles);
    const one = bootstrapRun({ problem, base, blockSize: 1, seed: 3, threshold: 0.6, solver: {} });
    expect(one.qTrue).toBeCloseTo(here.q[0].qTrue, 6);
  });

  it('rejects a block larger than the data', async () => {
    await expect(bootstrapPmf(problem, base, { runs: 2, blockSize: 81, workers: 'none' })).rejects.toThrow(
      /block size/,
    );
  });
});
