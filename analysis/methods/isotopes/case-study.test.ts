import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../tests/support/shared-data.ts';
import { numericColumn, readTableFile, textColumn } from '../../io/read-table-file.ts';
import { mixSamples } from './mix-samples.ts';
import { type RatioPoint, ternaryMixing } from './mixing.ts';

const dir = resolve(repoRoot, 'datasets/case-study');
const present = ['truth.json', 'pb-isotopes.csv', 'pb-isotope-end-members.csv'].every((f) =>
  existsSync(resolve(dir, f)),
);

interface IsotopeTruth {
  endMembers: Record<string, { ratios: [number, number] }>;
  endMemberOrder: string[];
  samples: { id: string; noiseFree: [number, number]; atom207Shares: number[] }[];
}

// datasets/case-study/truth.json "isotopes": 60 samples mixing natural, ore and petrol lead.
describe.skipIf(!present)('lead isotope mixing on the case study', () => {
  const truth = present
    ? (JSON.parse(readFileSync(resolve(dir, 'truth.json'), 'utf8')) as { isotopes: IsotopeTruth }).isotopes
    : undefined;

  it('noise-free ratios give back the true 207Pb-weighted shares (within the 6-digit rounding of the file)', () => {
    const ends = (truth?.endMemberOrder ?? []).map((n) => truth?.endMembers[n].ratios as RatioPoint);
    for (const s of truth?.samples ?? []) {
      const r = ternaryMixing(s.noiseFree, [ends[0], ends[1], ends[2]]);
      r.shares.forEach((f, k) => {
        expect(Math.abs(f - s.atom207Shares[k])).toBeLessThan(1e-3);
      });
    }
  });

  it('measured ratios: the Monte Carlo 95 % intervals over the end-member ranges cover ≥ 90 % of the true shares', () => {
    const em = readTableFile(resolve(dir, 'pb-isotope-end-members.csv'));
    const col = (c: string) => numericColumn(em, c);
    const [a0, a1, b0, b1] = ['206Pb/207Pb_min', '206Pb/207Pb_max', '208Pb/207Pb_min', '208Pb/207Pb_max'].map(
      col,
    );
    const ends = textColumn(em, 'end_member').map((name, i) => ({
      name,
      ranges: [
        [a0[i], a1[i]],
        [b0[i], b1[i]],
      ] as [number, number][],
    }));
    expect(ends.map((e) => e.name)).toEqual(truth?.endMemberOrder);
    const iso = readTableFile(resolve(dir, 'pb-isotopes.csv'));
    const x = numericColumn(iso, '206Pb/207Pb');
    const y = numericColumn(iso, '208Pb/207Pb');
    const samples = textColumn(iso, 'sample_id').map((id, i) => ({ id, ratios: [x[i], y[i]] }));
    const results = mixSamples(samples, ends, { draws: 1000, seed: 1 });
    let inside = 0;
    let total = 0;
    for (const r of results) {
      const want = truth?.samples.find((s) => s.id === r.id)?.atom207Shares ?? [];
      r.uncertainty.shares.forEach((s, k) => {
        total++;
        if (want[k] >= s.p2_5 - 1e-9 && want[k] <= s.p97_5 + 1e-9) inside++;
      });
    }
    expect(total).toBe(3 * (truth?.samples.length ?? 0));
    expect(inside / total).toBeGreaterThanOrEqual(0.9);
  });
});
