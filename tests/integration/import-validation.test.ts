import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportError, importDataset, previewImport } from '../../analysis/import/index.ts';
import { closeProject, openProject, type Project } from '../../analysis/store/index.ts';
import { projectSnapshot } from './import-support.ts';

const dir = mkdtempSync(join(tmpdir(), 'soiltrace-import-validation-'));
let project: Project;

const HEADER = '样品编号,经度,纬度,pH,镉Cd(mg/kg),铅Pb(mg/kg)';
const GOOD = ['S1,120.10,30.10,5.5,0.21,30', 'S2,120.11,30.11,6.0,0.35,32', 'S3,120.12,30.12,6.5,0.18,28'];

function csv(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${[HEADER, ...lines].join('\n')}\n`);
  return path;
}

beforeAll(async () => {
  project = await openProject(join(dir, 'p.duckdb'));
  await importDataset(project, { file: csv('good.csv', GOOD), kind: 'soil' });
});
afterAll(() => {
  closeProject(project);
  rmSync(dir, { recursive: true, force: true });
});

// Each bad file: the first error must name file, row (header = row 1), column, value.
const BAD: [string, string[], { code: string; row: number; column: string; value: string; en: RegExp }][] = [
  [
    'text in a number column',
    [GOOD[0], 'S2,120.11,30.11,6.0,abc,32', GOOD[2]],
    { code: 'not-a-number', row: 3, column: '镉Cd(mg/kg)', value: 'abc', en: /expected a number/ },
  ],
  [
    'pH outside 0–14',
    [GOOD[0], GOOD[1], 'S3,120.12,30.12,15.2,0.18,28'],
    { code: 'ph-range', row: 4, column: 'pH', value: '15.2', en: /pH must lie between 0 and 14/ },
  ],
  [
    'negative concentration that is no detection-limit code',
    [GOOD[0], 'S2,120.11,30.11,6.0,0.35,-40', GOOD[2]],
    { code: 'negative', row: 3, column: '铅Pb(mg/kg)', value: '-40', en: /cannot be negative/ },
  ],
  [
    'duplicate sample id',
    [GOOD[0], GOOD[1], 'S1,120.12,30.12,6.5,0.18,28'],
    { code: 'duplicate-id', row: 4, column: '样品编号', value: 'S1', en: /same as row 2/ },
  ],
  [
    'missing coordinates',
    [GOOD[0], 'S2,,30.11,6.0,0.35,32', GOOD[2]],
    { code: 'missing-coordinates', row: 3, column: '经度', value: '', en: /missing coordinates/ },
  ],
];

describe('validation before commit', () => {
  it.each(BAD)(
    '%s: error names file/row/column/value; the project is unchanged',
    async (_name, lines, expected) => {
      const before = await projectSnapshot(project);
      const file = csv(`bad-${expected.code}.csv`, lines);
      const error = await importDataset(project, { file, kind: 'soil' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportError);
      const issue = (error as ImportError).issues.find((i) => i.severity === 'error');
      expect(issue).toMatchObject({
        code: expected.code,
        file: `bad-${expected.code}.csv`,
        row: expected.row,
        column: expected.column,
        value: expected.value,
      });
      expect(issue?.text.en).toMatch(expected.en);
      expect(issue?.text.zh).toMatch(/[\u4e00-\u9fff]/);
      expect((error as ImportError).location).toMatchObject({
        file: `bad-${expected.code}.csv`,
        row: expected.row,
        column: expected.column,
      });
      expect(await projectSnapshot(project)).toEqual(before);
      // The preview reports the same problem without a project.
      const preview = await previewImport({ file, kind: 'soil' });
      expect(preview.issues.find((i) => i.severity === 'error')?.code).toBe(expected.code);
    },
  );

  it('a negative value no larger than the smallest measured value is a detection-limit code, not an error', async () => {
    const result = await importDataset(project, {
      file: csv('dl-code.csv', [GOOD[0], 'S2,120.11,30.11,6.0,-0.05,32', GOOD[2]]),
      kind: 'soil',
    });
    const rows = (
      await project.connection.runAndReadAll(
        `SELECT cd_mg_kg, cd_below_dl, cd_dl_mg_kg FROM soil_samples WHERE dataset_id = '${result.datasetId}' ORDER BY source_row`,
      )
    ).getRowsJS();
    expect(rows).toEqual([
      [0.21, false, null],
      [null, true, 0.05],
      [0.18, false, null],
    ]);
  });

  it('warns about outliers and far-away points without refusing the file', async () => {
    const lines = Array.from(
      { length: 30 },
      (_, i) => `W${i},${(120 + i * 0.001).toFixed(3)},30.1,6.0,${(0.2 + (i % 5) * 0.01).toFixed(2)},30`,
    );
    lines.push('W30,120.01,30.1,6.0,25,30'); // Cd 25 mg/kg among 0.20–0.24
    lines.push('W31,121.9,31.9,6.0,0.2,30'); // ~250 km from the others, which lie within 3 km
    const file = csv('outliers.csv', lines);
    const preview = await previewImport({ file, kind: 'soil' });
    expect(preview.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const outlier = preview.issues.find((i) => i.code === 'outlier');
    expect(outlier).toMatchObject({ row: 32, column: '镉Cd(mg/kg)', value: '25', count: 1 });
    const far = preview.issues.find((i) => i.code === 'spatial-outlier');
    expect(far).toMatchObject({ row: 33, count: 1 });
    expect(preview.rows[0]).toMatchObject({ sample_id: 'W0', cd_mg_kg: 0.2, ph: 6 });
  });

  it('imports a concentration of exactly 0 as 0 (not censored, not missing) with a warning', async () => {
    // 12 rows so the outlier quartiles run too (they take log10 of positive values only).
    const lines = Array.from(
      { length: 12 },
      (_, i) =>
        `Z${i},${(120 + i * 0.001).toFixed(3)},30.1,6.0,${i === 4 ? '0' : '0.2'},${i === 7 ? '0.0' : '30'}`,
    );
    const file = csv('zero.csv', lines);
    const preview = await previewImport({ file, kind: 'soil' });
    expect(preview.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(preview.issues.filter((i) => i.code === 'zero')).toMatchObject([
      { severity: 'warning', row: 6, column: '镉Cd(mg/kg)', count: 1 },
      { severity: 'warning', row: 9, column: '铅Pb(mg/kg)', count: 1 },
    ]);
    const result = await importDataset(project, { file, kind: 'soil' });
    const reader = await project.connection.runAndReadAll(
      `SELECT sample_id, cd_mg_kg, cd_below_dl, pb_mg_kg FROM soil_samples WHERE dataset_id = '${result.datasetId}' AND sample_id IN ('Z3', 'Z4', 'Z7') ORDER BY sample_id`,
    );
    expect(reader.getRowsJS()).toEqual([
      ['Z3', 0.2, false, 30],
      ['Z4', 0, false, 30],
      ['Z7', 0.2, false, 0],
    ]);
  });

  it('a preview of a file with errors still gives headers, the detected mapping and the first rows', async () => {
    const file = csv('bad-preview.csv', [GOOD[0], 'S2,120.11,30.11,6.0,abc,32', GOOD[2]]);
    const preview = await previewImport({ file, kind: 'soil' });
    expect(preview.issues.filter((i) => i.severity === 'error')).toMatchObject([
      { code: 'not-a-number', row: 3, column: '镉Cd(mg/kg)', value: 'abc' },
    ]);
    expect(preview.headers).toEqual(HEADER.split(','));
    expect(preview.mapping.map((m) => m.field)).toEqual(['sample_id', 'lon', 'lat', 'ph', 'Cd', 'Pb']);
    expect(preview.rowCount).toBe(3);
    // The bad cell reads as empty; every other value is converted.
    expect(preview.rows).toEqual([
      {
        source_row: 2,
        sample_id: 'S1',
        lon: 120.1,
        lat: 30.1,
        crs_original: 'EPSG:4326',
        ph: 5.5,
        cd_mg_kg: 0.21,
        cd_below_dl: false,
        pb_mg_kg: 30,
        pb_below_dl: false,
      },
      {
        source_row: 3,
        sample_id: 'S2',
        lon: 120.11,
        lat: 30.11,
        crs_original: 'EPSG:4326',
        ph: 6,
        pb_mg_kg: 32,
        pb_below_dl: false,
      },
      {
        source_row: 4,
        sample_id: 'S3',
        lon: 120.12,
        lat: 30.12,
        crs_original: 'EPSG:4326',
        ph: 6.5,
        cd_mg_kg: 0.18,
        cd_below_dl: false,
        pb_mg_kg: 28,
        pb_below_dl: false,
      },
    ]);
    // A missing required column: the mapping and rows are there to remap it.
    const noId = join(dir, 'no-id.csv');
    writeFileSync(noId, '编号X,经度,纬度,镉Cd(mg/kg)\nA,120.1,30.1,0.2\n');
    const missing = await previewImport({ file: noId, kind: 'soil' });
    expect(missing.issues.map((i) => i.code)).toContain('missing-column');
    expect(missing.headers).toEqual(['编号X', '经度', '纬度', '镉Cd(mg/kg)']);
    expect(missing.mapping.map((m) => m.field)).toEqual([null, 'lon', 'lat', 'Cd']);
    expect(missing.rows).toMatchObject([{ source_row: 2, lon: 120.1, lat: 30.1, cd_mg_kg: 0.2 }]);
  });

  it('numbers rows by the line they start on, past blank lines and multi-line quoted fields', async () => {
    // Lines: 1 header, 2–3 S1 (a quoted note over two lines), 4–5 blank, 6 S2, 7 blank, 8 S3.
    const text = `${HEADER},备注\nS1,120.10,30.10,5.5,0.21,30,"two\nlines"\n\n\nS2,120.11,30.11,6.0,0.35,32,x\n\nS3,120.12,30.12,6.5,oops,28,y\n`;
    const bad = join(dir, 'blank-lines.csv');
    writeFileSync(bad, text);
    const preview = await previewImport({ file: bad, kind: 'soil' });
    expect(preview.issues.find((i) => i.severity === 'error')).toMatchObject({ row: 8, value: 'oops' });
    const good = join(dir, 'blank-lines-good.csv');
    writeFileSync(good, text.replace('oops', '0.18'));
    const result = await importDataset(project, { file: good, kind: 'soil' });
    const reader = await project.connection.runAndReadAll(
      `SELECT sample_id, source_row FROM soil_samples WHERE dataset_id = '${result.datasetId}' ORDER BY source_row`,
    );
    expect(reader.getRowsJS()).toEqual([
      ['S1', 2],
      ['S2', 6],
      ['S3', 8],
    ]);
  });

  it('a cancelled import leaves the project unchanged', async () => {
    const before = await projectSnapshot(project);
    const controller = new AbortController();
    controller.abort();
    await expect(
      importDataset(project, { file: csv('cancel.csv', GOOD), kind: 'soil', signal: controller.signal }),
    ).rejects.toThrow(/cancelled/);
    expect(await projectSnapshot(project)).toEqual(before);
  });
});
