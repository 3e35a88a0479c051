import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDataset } from '../../analysis/import/index.ts';
import { closeProject, openProject, runReadOnlyQuery } from '../../analysis/store/index.ts';
import { repoRoot } from '../support/shared-data.ts';

// The generated case study (datasets/case-study) must import cleanly: every row, no errors, the
// censored soil values stored as censored, codes recognised.
const caseDir = join(repoRoot, 'datasets/case-study');
const files = [
  ['soil-samples.csv', 'soil'],
  ['soil-samples-en.csv', 'soil'],
  ['crop-samples.csv', 'crop'],
  ['enterprises.csv', 'emission'],
  ['input-fluxes.csv', 'flux'],
] as const;

function dataRows(file: string): string[][] {
  const lines = readFileSync(join(caseDir, file), 'utf8').trim().split(/\r?\n/);
  return lines.slice(1).map((l) => l.split(','));
}

describe.skipIf(!existsSync(join(caseDir, 'soil-samples.csv')))('case-study import', () => {
  it('imports every case-study file with all rows and recognised codes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'soiltrace-case-'));
    const project = await openProject(join(dir, 'case.duckdb'));
    try {
      for (const [file, kind] of files) {
        const result = await importDataset(project, { file: join(caseDir, file), kind });
        expect(result.rows, file).toBe(dataRows(file).length);
        expect(
          result.warnings.filter((w) => w.code === 'unknown-code'),
          file,
        ).toEqual([]);
      }
      const conc = await importDataset(project, {
        file: join(caseDir, 'pmf-conc.csv'),
        kind: 'soil',
        format: 'pmf',
        uncertaintyFile: join(caseDir, 'pmf-unc.csv'),
      });
      expect(conc.rows).toBe(dataRows('pmf-conc.csv').length);

      // Censored Cd cells ("<0.05") in the Chinese soil file: censored with their limit, never zero.
      const soil = dataRows('soil-samples.csv');
      const censoredCd = soil.filter((r) => r[8].startsWith('<')).length;
      const q = await runReadOnlyQuery(
        project,
        `SELECT count(*) FILTER (cd_below_dl), count(*) FILTER (cd_mg_kg = 0), count(*) FILTER (cd_below_dl AND cd_dl_mg_kg IS NULL)
           FROM soil_samples WHERE dataset_id = 'soil_1'`,
      );
      expect(q.rows[0]).toEqual([censoredCd, 0, 0]);
      const enterprises = await runReadOnlyQuery(
        project,
        'SELECT count(*) FROM enterprises WHERE industry IS NULL OR status IS NULL',
      );
      expect(enterprises.rows[0][0]).toBe(0);
      const fluxes = await runReadOnlyQuery(
        project,
        'SELECT count(*) FROM input_fluxes WHERE pathway IS NULL OR element IS NULL',
      );
      expect(fluxes.rows[0][0]).toBe(0);
    } finally {
      closeProject(project);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
