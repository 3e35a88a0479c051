import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../tests/support/shared-data.ts';
import { numericColumn, readTableFile, textColumn } from '../io/read-table-file.ts';
import { mean } from '../stats/mean.ts';
import type { ApiErrorShape, ApiEvent, ApiMethods } from './contract.ts';
import { ApiError } from './errors.ts';
import { type ApiHandler, createApiHandler } from './handler.ts';

const caseStudy = (file: string) => join(repoRoot, 'datasets/case-study', file);

async function errorOf(promise: Promise<unknown>): Promise<ApiErrorShape> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return (error as ApiError).toShape();
  }
  throw new Error('expected the call to fail');
}

describe('API handler over a temporary sample project', () => {
  let home: string;
  let api: ApiHandler;
  const events: ApiEvent[] = [];
  const call = <M extends keyof ApiMethods>(method: M, params: ApiMethods[M]['params']) =>
    api.call(method, params) as Promise<ApiMethods[M]['result']>;

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'soiltrace-handler-'));
    api = createApiHandler({ homeDir: home });
    api.onEvent((e) => events.push(e));
  });
  afterAll(async () => {
    await api.close();
    await rm(home, { recursive: true, force: true });
  });

  it('refuses calls before a project is open, and bad params, with bilingual typed errors', async () => {
    expect(await call('project.info', {})).toBeNull();
    const none = await errorOf(api.call('datasets.list', {}));
    expect(none.code).toBe('no_project');
    expect(none.message.zh).toBe('尚未打开项目');
    const bad = await errorOf(api.call('project.open', { path: 42 }));
    expect(bad.code).toBe('bad_params');
    expect(bad.location?.column).toBe('path');
    expect(bad.message.en).toContain('project.open');
    const unknown = await errorOf(api.call('project.delete', {}));
    expect(unknown.code).toBe('unknown_method');
    const range = await errorOf(api.call('import.preview', { path: 'x.csv', rows: 5000 }));
    expect(range.code).toBe('bad_params');
    expect(range.location?.column).toBe('rows');
  });

  it('builds the sample project from the case-study files, with their row counts', async () => {
    const info = await call('project.openSample', {});
    expect(info.sample).toBe(true);
    expect(info.path).toBe(join(home, 'sample-project.duckdb'));
    const datasets = await call('datasets.list', {});
    expect(datasets.map((d) => d.kind)).toEqual(['soil', 'crop', 'emission', 'flux']);
    // Oracle: the data rows of each CSV, counted by the independent table reader.
    const files = ['soil-samples.csv', 'crop-samples.csv', 'enterprises.csv', 'input-fluxes.csv'];
    expect(datasets.map((d) => d.rows)).toEqual(files.map((f) => readTableFile(caseStudy(f)).rows.length));
    expect(events.some((e) => e.type === 'project.changed')).toBe(true);
  });

  it('summarises a metal exactly as a direct calculation on the source file', async () => {
    const summary = await call('data.summary', { datasetId: 'soil_1' });
    const zn = summary.metals.find((m) => m.element === 'Zn');
    const source = readTableFile(caseStudy('soil-samples.csv'));
    const header = source.headers.find((h) => h.includes('Zn')) ?? '';
    const values = Array.from(numericColumn(source, header)).filter(Number.isFinite);
    expect(zn?.n).toBe(values.length);
    expect(zn?.mean).toBeCloseTo(mean(values), 10);
    expect(zn?.max).toBe(Math.max(...values));
    // Exceedance of GB 15618 Zn (any land: 200 / 200 / 250 / 300 by pH band), per sample.
    const ph = numericColumn(source, 'pH');
    const land = textColumn(source, '土地利用类型');
    const rawZn = numericColumn(source, header);
    let above = 0;
    let classified = 0;
    for (let i = 0; i < rawZn.length; i++) {
      if (!Number.isFinite(rawZn[i]) || !Number.isFinite(ph[i]) || land[i] === '' || /建设/.test(land[i]))
        continue;
      classified++;
      const limit = ph[i] <= 6.5 ? 200 : ph[i] <= 7.5 ? 250 : 300;
      if (rawZn[i] > limit) above++;
    }
    expect(zn?.nAboveScreening).toBe(above);
    expect(zn?.shareAboveScreening).toBeCloseTo(above / classified, 12);
  });

  it('returns tables and map points as Arrow IPC bytes', async () => {
    const bytes = await call('map.points', { datasetId: 'soil_1', columns: ['pb_mg_kg'] });
    expect(bytes).toBeInstanceOf(Uint8Array);
    const table = tableFromIPC(bytes);
    expect(table.schema.fields.map((f) => f.name)).toEqual(['id', 'lon', 'lat', 'pb_mg_kg']);
    const source = readTableFile(caseStudy('soil-samples.csv'));
    expect(table.getChild('id')?.get(0)).toBe(source.rows[0][0]);
    expect(table.getChild('lon')?.get(0)).toBe(Number(source.rows[0][1]));
    const query = tableFromIPC(
      await call('query.run', { sql: 'SELECT count(*)::INTEGER AS n FROM enterprises' }),
    );
    expect(query.getChild('n')?.get(0)).toBe(readTableFile(caseStudy('enterprises.csv')).rows.length);
    const missing = await errorOf(
      api.call('map.points', { datasetId: 'soil_1', columns: ['nope; DROP TABLE x'] }),
    );
    expect(missing.code).toBe('bad_params');
  });

  it('previews an import with detected mapping, and names file, row and column of a bad value', async () => {
    const good = join(home, 'good.csv');
    await writeFile(
      good,
      '样品编号,经度,纬度,镉Cd(mg/kg),备注\nA1,120.1,29.1,0.31,x\nA2,120.2,29.2,<0.05,y\n',
    );
    const preview = await call('import.preview', { path: good, kind: 'soil' });
    expect(preview.rowCount).toBe(2);
    expect(preview.mapping).toContainEqual({ source: '镉Cd(mg/kg)', target: 'Cd' });
    expect(preview.mapping).toContainEqual({ source: '备注', target: null });
    expect(preview.targets.find((t) => t.id === 'Cd')?.unit).toBe('mg/kg');
    const rows = tableFromIPC(preview.preview);
    expect(rows.numRows).toBe(2);
    expect(preview.issues.filter((i) => i.severity === 'error')).toEqual([]);

    const file = join(home, 'bad.csv');
    await writeFile(file, '样品编号,经度,纬度,镉Cd(mg/kg)\nA1,120.1,29.1,0.31\nA2,120.2,29.2,abc\n');
    const bad = await call('import.preview', { path: file, kind: 'soil' });
    const problem = bad.issues.find((i) => i.severity === 'error');
    expect(problem?.location).toMatchObject({ file: 'bad.csv', row: 3, column: '镉Cd(mg/kg)', value: 'abc' });
    expect(problem?.message.zh).toContain('应为数值');
  });

  it('imports as a job with progress events, and a failed import leaves the project unchanged', async () => {
    const file = join(home, 'extra.csv');
    await writeFile(file, 'sample_id,lon,lat,Cd\nB1,120.1,29.1,0.2\nB2,120.2,29.2,0.4\nB3,120.3,29.3,0.6\n');
    const { jobId } = await call('jobs.start', {
      kind: 'import',
      params: { path: file, kind: 'soil', mapping: [] },
    });
    const finished = new Promise<void>((resolve) => {
      const off = api.onEvent((e) => {
        if (e.type === 'job.finished' && e.data.jobId === jobId) {
          off();
          resolve();
        }
      });
    });
    await finished;
    const result = await call('jobs.result', { jobId });
    expect(result.status).toBe('done');
    const imported = (result.result as { dataset: { id: string; rows: number } }).dataset;
    expect(imported).toMatchObject({ id: 'soil_2', rows: 3 });
    const summary = await call('data.summary', { datasetId: 'soil_2' });
    expect(summary.metals.find((m) => m.element === 'Cd')?.mean).toBeCloseTo(0.4, 12);
    expect(events.some((e) => e.type === 'job.progress' && e.data.jobId === jobId)).toBe(true);

    const before = (await call('datasets.list', {})).length;
    const bad = join(home, 'bad2.csv');
    await writeFile(bad, 'sample_id,lon,lat,Cd\nC1,120.1,29.1,abc\n');
    const failed = await call('jobs.start', {
      kind: 'import',
      params: { path: bad, kind: 'soil', mapping: [] },
    });
    let status = 'running';
    while (status === 'running') {
      await new Promise((r) => setTimeout(r, 20));
      status = (await call('jobs.result', { jobId: failed.jobId })).status;
    }
    const record = await call('jobs.result', { jobId: failed.jobId });
    expect(record.status).toBe('failed');
    expect(record.error?.location?.column).toBe('Cd');
    expect((await call('datasets.list', {})).length).toBe(before);
  });

  it('writes chart data as an XLSX workbook that reads back', async () => {
    const bytes = await call('export.xlsx', {
      sheetName: 'Cd-histogram',
      columns: [
        { name: '下限 (mg/kg)', values: [0.1, 0.2] },
        { name: '样品数', values: [5, null] },
      ],
    });
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Cd-histogram');
    expect(sheet?.getCell('A1').value).toBe('下限 (mg/kg)');
    expect(sheet?.getCell('A3').value).toBe(0.2);
    expect(sheet?.getCell('B2').value).toBe(5);
    expect(sheet?.getCell('B3').value).toBeNull();
  });
});
