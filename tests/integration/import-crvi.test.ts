import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { importDataset } from '../../analysis/import/index.ts';
import { closeProject, openProject, runReadOnlyQuery, SCHEMA_VERSION } from '../../analysis/store/index.ts';
import { MIGRATIONS } from '../../analysis/store/schema.ts';

// Cr(VI) (GB 36600-2018 Table 1) and total Cr (GB 15618-2018) in one file land in their own columns.

const dir = mkdtempSync(join(tmpdir(), 'soiltrace-import-crvi-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hexavalent chromium import', () => {
  it('stores 六价铬(mg/kg) as crvi_mg_kg beside 铬Cr(mg/kg) as cr_mg_kg, censored cells included', async () => {
    const file = join(dir, 'crvi.csv');
    writeFileSync(
      file,
      '样品编号,经度,纬度,铬Cr(mg/kg),六价铬(mg/kg)\nS1,120.1,29.1,85.2,4.0\nS2,120.2,29.2,61,<0.5\nS3,120.3,29.3,140,35\n',
    );
    const project = await openProject(join(dir, 'p.duckdb'));
    try {
      const result = await importDataset(project, { file, kind: 'soil' });
      expect(result.rows).toBe(3);
      const { rows } = await runReadOnlyQuery(
        project,
        `SELECT sample_id, cr_mg_kg, cr_below_dl, crvi_mg_kg, crvi_below_dl, crvi_dl_mg_kg
         FROM soil_samples WHERE dataset_id = '${result.datasetId}' ORDER BY source_row`,
      );
      expect(rows).toEqual([
        ['S1', 85.2, false, 4.0, false, null],
        ['S2', 61, false, null, true, 0.5],
        ['S3', 140, false, 35, false, null],
      ]);
    } finally {
      closeProject(project);
    }
  });

  it('upgrades a schema-1 project in place: the kind views gain the Cr(VI) columns', async () => {
    const path = join(dir, 'v1.duckdb');
    const instance = await DuckDBInstance.create(path);
    const connection = await instance.connect();
    for (const statement of MIGRATIONS[0]) await connection.run(statement);
    await connection.run(
      'CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)',
    );
    await connection.run('INSERT INTO schema_version VALUES (1, current_timestamp::TIMESTAMP)');
    const before = await connection.runAndReadAll(
      `SELECT count(*) FROM information_schema.columns WHERE table_name = 'soil_samples' AND column_name LIKE 'crvi%'`,
    );
    expect(Number(before.getRowsJS()[0][0])).toBe(0);
    connection.closeSync();
    instance.closeSync();

    const project = await openProject(path);
    try {
      const rows = (
        await project.connection.runAndReadAll(
          `SELECT table_name, column_name FROM information_schema.columns
           WHERE column_name LIKE 'crvi%' AND table_name IN ('soil_samples', 'crop_samples', 'enterprises')
           ORDER BY 1, 2`,
        )
      ).getRowsJS();
      expect(rows).toEqual([
        ['crop_samples', 'crvi_below_dl'],
        ['crop_samples', 'crvi_dl_mg_kg'],
        ['crop_samples', 'crvi_mg_kg'],
        ['enterprises', 'crvi_air_kg_a'],
        ['enterprises', 'crvi_water_kg_a'],
        ['soil_samples', 'crvi_below_dl'],
        ['soil_samples', 'crvi_dl_mg_kg'],
        ['soil_samples', 'crvi_mg_kg'],
      ]);
      const version = await project.connection.runAndReadAll('SELECT max(version) FROM schema_version');
      expect(Number(version.getRowsJS()[0][0])).toBe(SCHEMA_VERSION);
    } finally {
      closeProject(project);
    }
  });
});
