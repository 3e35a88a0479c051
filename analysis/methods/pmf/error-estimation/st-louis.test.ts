import { describe, expect, it } from 'vitest';
import { hasShared, sharedPath, sharedSkipReason } from '../../../../tests/support/shared-data.ts';
import { preparePmfInput } from '../prepare-input.ts';
import { readPmfFiles } from '../read-pmf-files.ts';
import { runPmf } from '../run-pmf.ts';
import { bootstrapPmf } from './bootstrap.ts';

describe.skipIf(!hasShared)(
  `St. Louis 5-factor bootstrap${hasShared ? '' : ` (${sharedSkipReason})`}`,
  () => {
    it('maps ≥ 80 % of bootstrap runs to each base factor, with a block size from the autocorrelated series', async () => {
      const { conc, unc } = readPmfFiles(
        sharedPath('data', 'pmf', 'Dataset-StLouis-con.csv'),
        sharedPath('data', 'pmf', 'Dataset-StLouis-unc.csv'),
      );
      const input = preparePmfInput({
        sampleIds: conc.sampleIds,
        species: conc.species,
        conc: conc.values,
        unc: unc.values,
      });
      const base = await runPmf(input, { factors: 5, runs: 6, seed: 42 });
      const best = base.runs[base.best];
      // The base reaches the reference LS-NMF Q(true) 12,288 (README) within 1 %.
      expect(best.qTrue).toBeLessThan(12_288 * 1.01);
      const bs = await bootstrapPmf(
        input.problem,
        { g: best.g, f: best.f, factors: 5 },
        { runs: 30, seed: 1 },
      );
      // Daily PM samples are autocorrelated (lag-1 r ≈ 0.78): Carlstein's rule gives blocks of ~19.
      expect(bs.rho).toBeGreaterThan(0.5);
      expect(bs.blockSize).toBeGreaterThan(5);
      for (const percent of bs.mappedPercent) expect(percent).toBeGreaterThanOrEqual(80);
      // Each bootstrap median profile is close to its base profile (r > 0.95 over species).
      for (let h = 0; h < 5; h++) {
        const median = bs.profilePercentiles[h].map((p) => p[2]);
        const b = bs.baseProfiles[h];
        const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
        const [mm, mb] = [mean(median), mean(b)];
        let sab = 0;
        let saa = 0;
        let sbb = 0;
        median.forEach((v, j) => {
          sab += (v - mm) * (b[j] - mb);
          saa += (v - mm) ** 2;
          sbb += (b[j] - mb) ** 2;
        });
        expect(sab / Math.sqrt(saa * sbb)).toBeGreaterThan(0.95);
      }
      // Q of the resampled fits is of the base's order.
      const qs = bs.q.map((q) => q.qTrue).sort((a, b) => a - b);
      expect(qs[15] / best.qTrue).toBeGreaterThan(0.5);
      expect(qs[15] / best.qTrue).toBeLessThan(2);
    }, 60_000);
  },
);
