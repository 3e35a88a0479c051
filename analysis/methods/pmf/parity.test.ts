// Parity with the reference numbers in ../shared/data/pmf/README.md: EPA PMF 5.0 example datasets,
// all species strong, raw uncertainty files, 20 random starts, best run = lowest Q(robust).
import { describe, expect, it } from 'vitest';
import { hasShared, sharedPath, sharedSkipReason } from '../../../tests/support/shared-data.ts';
import { matchFactors } from './match-factors.ts';
import { preparePmfInput } from './prepare-input.ts';
import { readPmfFiles } from './read-pmf-files.ts';
import { type PmfResult, runPmf } from './run-pmf.ts';

function load(name: string) {
  const dir = sharedPath('data', 'pmf');
  const { conc, unc } = readPmfFiles(`${dir}/Dataset-${name}-con.csv`, `${dir}/Dataset-${name}-unc.csv`);
  return preparePmfInput({
    sampleIds: conc.sampleIds,
    species: conc.species,
    conc: conc.values,
    unc: unc.values,
  });
}

// Reference LS-NMF best Q(true) (README table) and EPA PMF 5.0's own Baton Rouge solutions.
const cases = [
  { dataset: 'BatonRouge', factors: 4, qExpected: 11195, reference: 83695, epaPmf5: 86896 },
  { dataset: 'BatonRouge', factors: 6, qExpected: 10499, reference: 64128, epaPmf5: 64423 },
  { dataset: 'StLouis', factors: 4, qExpected: 3710, reference: 21370 },
  { dataset: 'StLouis', factors: 5, qExpected: 3279, reference: 12288 },
];

describe.skipIf(!hasShared)(
  `PMF parity on the EPA PMF 5.0 example data (${hasShared ? 'present' : sharedSkipReason})`,
  () => {
    const solved = new Map<string, PmfResult>();
    for (const c of cases) {
      it(`${c.dataset}, ${c.factors} factors: best Q(true) of 20 runs within 1 % of ${c.reference} or below`, async () => {
        const input = load(c.dataset);
        const result = await runPmf(input, { factors: c.factors, runs: 20, seed: 42 });
        solved.set(`${c.dataset}-${c.factors}`, result);
        const best = result.runs[result.best];
        console.log(
          `${c.dataset} k=${c.factors}: best Q(true) ${best.qTrue.toFixed(1)} (reference ${c.reference}), Q(robust) ${best.qRobust.toFixed(1)}, ${(result.elapsedMs / 1000).toFixed(1)} s`,
        );
        expect(result.solution.qExpected).toBe(c.qExpected);
        expect(best.qTrue).toBeLessThanOrEqual(c.reference * 1.01);
        if (c.epaPmf5) expect(best.qTrue).toBeLessThan(c.epaPmf5);
        expect(result.runs.every((r) => r.converged)).toBe(true);
      });
    }

    // The best run is chosen by Q(robust) while Q(true) is minimised, so another seed set can pick a
    // neighbouring minimum (Baton Rouge k=4: seeds 5001… pick Q(true) 84,228 / Q(robust) 70,118 over
    // 83,682 / 70,417). Its profiles still match: all pairs r ≥ 0.9 (PMF 5.0 maps bootstrap factors at
    // r ≥ 0.6), and most r ≥ 0.99.
    it('Baton Rouge, 4 factors: the best profiles are stable across seed sets', async () => {
      const input = load('BatonRouge');
      const m = input.species.length;
      const first = solved.get('BatonRouge-4') ?? (await runPmf(input, { factors: 4, runs: 20, seed: 42 }));
      for (const seed of [1001, 5001]) {
        const other = await runPmf(input, { factors: 4, runs: 20, seed });
        const match = matchFactors(first.solution.profiles, other.solution.profiles, m);
        console.log(
          `BR-4 seeds 42… vs ${seed}…: matched profile r = ${match.correlations.map((r) => r.toFixed(4)).join(', ')}`,
        );
        expect(new Set(match.mapping).size).toBe(4);
        for (const r of match.correlations) expect(r).toBeGreaterThan(0.9);
        expect(match.correlations.filter((r) => r > 0.99).length).toBeGreaterThanOrEqual(3);
      }
    });
  },
);
