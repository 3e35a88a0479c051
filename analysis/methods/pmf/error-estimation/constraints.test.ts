import { describe, expect, it } from 'vitest';
import { baseRunsSync, bestRunIndex } from '../base-runs.ts';
import { constrainPmf } from './constraints.ts';
import { displacePmf } from './disp.ts';
import { normalisedCopy } from './normalised-solve.ts';
import { syntheticCase, TRUE_PROFILES } from './synthetic-case.ts';

describe('constrainPmf', () => {
  const { problem } = syntheticCase(60, 31, 0.05);
  const runs = baseRunsSync(problem, 3, [1, 2, 3, 4, 5]);
  const base = normalisedCopy(problem, { ...runs[bestRunIndex(runs)], factors: 3 });
  const m = problem.species;
  // Base factor of each true source: the one whose largest species is the source's largest.
  const factorOf = (source: number) => {
    const peak = TRUE_PROFILES[source].indexOf(Math.max(...TRUE_PROFILES[source]));
    let best = 0;
    for (let h = 1; h < 3; h++) if (base.f[h * m + peak] > base.f[best * m + peak]) best = h;
    return best;
  };
  const f0 = factorOf(0); // source 0: 5 3 0 0 1 0 2 0

  it('setting a truly zero profile value to zero costs ~0 dQ', () => {
    const run = constrainPmf(problem, base, [
      { kind: 'zero', element: { matrix: 'F', factor: f0, species: 2 } },
    ]);
    expect(run.elements[0].after).toBe(0);
    expect(Math.abs(run.dQ)).toBeLessThan(0.05 * run.dQLimit + 0.5);
  });

  it('pulling a non-zero value down or up moves it that way at dQ ≤ the limit (default 0.5 % of Q)', () => {
    const element = { matrix: 'F' as const, factor: f0, species: 0 };
    const down = constrainPmf(problem, base, [{ kind: 'pullDown', element }]);
    const up = constrainPmf(problem, base, [{ kind: 'pullUp', element }]);
    expect(down.dQLimit).toBeCloseTo(0.005 * down.qBase, 9);
    for (const run of [down, up]) {
      expect(run.dQ).toBeLessThanOrEqual(run.dQLimit * (1 + 1e-9));
      // The bisection uses most of the allowance.
      expect(run.dQ).toBeGreaterThan(0.8 * run.dQLimit);
    }
    expect(down.elements[0].after).toBeLessThan(down.elements[0].before * 0.999);
    expect(up.elements[0].after).toBeGreaterThan(up.elements[0].before * 1.001);
  });

  it('at dQ 4 a maximal pull reaches about the DISP interval at dQmax 4 (two methods, one answer)', () => {
    const element = { matrix: 'F' as const, factor: f0, species: 0 };
    const disp = displacePmf(problem, base, { levels: [4] });
    const down = constrainPmf(problem, base, [{ kind: 'pullDown', element }], { dQLimit: 4 });
    const up = constrainPmf(problem, base, [{ kind: 'pullUp', element }], { dQLimit: 4 });
    const v = down.elements[0].before;
    // DISP holds the element and re-fits; the pull also trades a little Q for the pull, so it
    // stops within the DISP interval, near its end (≥ 80 % of the displacement).
    const low = disp.low[0][f0][0];
    const high = disp.high[0][f0][0];
    expect(down.elements[0].after).toBeGreaterThanOrEqual(low - 0.01 * v);
    expect(v - down.elements[0].after).toBeGreaterThan(0.8 * (v - low));
    expect(up.elements[0].after).toBeLessThanOrEqual(high + 0.01 * v);
    expect(up.elements[0].after - v).toBeGreaterThan(0.8 * (high - v));
  });

  it('pulls a value towards a target and a contribution up, within a set dQ limit', () => {
    const before = base.f[f0 * m + 4];
    const run = constrainPmf(
      problem,
      base,
      [{ kind: 'value', element: { matrix: 'F', factor: f0, species: 4 }, value: 2 * before }],
      {
        dQLimit: 10,
      },
    );
    expect(run.dQ).toBeLessThanOrEqual(10);
    expect(run.elements[0].after).toBeGreaterThan(before);
    expect(run.elements[0].after).toBeLessThanOrEqual(2 * before * 1.001);
    const g = constrainPmf(
      problem,
      base,
      [{ kind: 'pullUp', element: { matrix: 'G', factor: 1, sample: 5 } }],
      { dQLimit: 10 },
    );
    expect(g.dQ).toBeLessThanOrEqual(10);
    expect(g.elements[0].after).toBeGreaterThan(g.elements[0].before);
  });

  it('rejects an element out of range', () => {
    expect(() =>
      constrainPmf(problem, base, [{ kind: 'zero', element: { matrix: 'F', factor: 3, species: 0 } }]),
    ).toThrow(/out of range/);
  });
});
