import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeProject, openProject } from '../store/project.ts';
import { ImportError, importDataset } from './index.ts';

// Large files take the fast validation path: gated checks (plain min/max first) and the raw table
// scanned as a UNION ALL of rowid ranges, one per DuckDB thread. Oracle: errors planted by hand at
// known source rows (header = row 1, data index i = row i + 2); one thread (no split) must agree.
const ROWS = 240_000;
const dir = mkdtempSync(join(tmpdir(), 'soiltrace-pipeline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeSoil(name: string, plant: boolean): string {
  const lines = ['样品编号,经度,纬度,采样深度上限(cm),采样深度下限(cm),pH,镉Cd(mg/kg),铅Pb(mg/kg)'];
  for (let i = 0; i < ROWS; i++) {
    let id = `S${i}`;
    let lon = (120 + (i % 1000) / 1000).toFixed(3);
    let ph = (5 + (i % 30) / 10).toFixed(1);
    let cd = (0.1 + (i % 97) / 1000).toFixed(3);
    if (plant && i === 100_000) cd = 'abc';
    if (plant && i === 150_000) id = 'S5';
    if (plant && i === 200_000) ph = '15.2';
    if (plant && i === 230_000) lon = '200';
    lines.push(`${id},${lon},${(30 + (i % 500) / 1000).toFixed(3)},0,20,${ph},${cd},${30 + (i % 40)}`);
  }
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

async function importWithThreads(file: string, threads: number) {
  const project = await openProject(join(dir, `p-${threads}-${Date.now()}.duckdb`));
  await project.connection.run(`SET threads = ${threads}`);
  try {
    return await importDataset(project, { file, kind: 'soil' });
  } finally {
    closeProject(project);
  }
}

async function errorsOf(file: string, threads: number) {
  const error = await importWithThreads(file, threads).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ImportError);
  return (error as ImportError).issues
    .filter((i) => i.severity === 'error')
    .map(({ code, row, column, value, count }) => ({ code, row, column, value, count }));
}

describe('validation of a large file (split, gated scan)', () => {
  it('finds each planted error at its row, with the same result on one thread', async () => {
    const file = writeSoil('bad.csv', true);
    const expected = [
      { code: 'not-a-number', row: 100_002, column: '镉Cd(mg/kg)', value: 'abc', count: 1 },
      { code: 'ph-range', row: 200_002, column: 'pH', value: '15.2', count: 1 },
      { code: 'lon-range', row: 230_002, column: '经度', value: '200.0', count: 1 },
      { code: 'duplicate-id', row: 150_002, column: '样品编号', value: 'S5', count: 1 },
    ];
    expect(await errorsOf(file, 4)).toEqual(expected);
    expect(await errorsOf(file, 1)).toEqual(expected);
  }, 60_000);

  it('imports the clean file: every row, no errors', async () => {
    const result = await importWithThreads(writeSoil('good.csv', false), 4);
    expect(result.rows).toBe(ROWS);
    expect(result.warnings).toEqual([]);
  }, 60_000);
});
