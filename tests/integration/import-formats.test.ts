import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDataset, previewImport } from '../../analysis/import/index.ts';
import {
  closeProject,
  listDatasets,
  openProject,
  type Project,
  runReadOnlyQuery,
} from '../../analysis/store/index.ts';
import { repoRoot } from '../support/shared-data.ts';

const dir = mkdtempSync(join(tmpdir(), 'soiltrace-import-formats-'));
const fixture = (name: string) => join(repoRoot, 'tests/fixtures/import', name);
let project: Project;

beforeAll(async () => {
  project = await openProject(join(dir, 'p.duckdb'));
});
afterAll(() => {
  closeProject(project);
  rmSync(dir, { recursive: true, force: true });
});

async function rows(sql: string) {
  return (await runReadOnlyQuery(project, sql)).rows;
}

describe('import formats', () => {
  it('GBK CSV with Chinese headers, units in headers and censored values', async () => {
    const before = readFileSync(fixture('soil-gbk.csv'));
    const result = await importDataset(project, { file: fixture('soil-gbk.csv'), kind: 'soil' });
    expect(result.rows).toBe(3);
    expect(readFileSync(fixture('soil-gbk.csv')).equals(before)).toBe(true); // only read
    const [info] = (await listDatasets(project)).filter((d) => d.id === result.datasetId);
    expect(info.encoding).toBe('gb18030');
    expect(info.sourceSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(
      await rows(
        `SELECT sample_id, depth_top_cm, depth_bottom_cm, land_use, land_use_original, organic_matter_g_kg,
                cd_mg_kg, cd_below_dl, cd_dl_mg_kg, hg_mg_kg, hg_below_dl, pb_mg_kg, pb_below_dl, pb_dl_mg_kg
           FROM soil_samples WHERE dataset_id = '${result.datasetId}' ORDER BY source_row`,
      ),
    ).toEqual([
      // 有机质 2.51 % = 25.1 g/kg; 汞 120 μg/kg = 0.12 mg/kg
      ['GB-01', 0, 20, 'paddy', '水田', 25.1, 0.31, false, null, 0.12, false, 35.2, false, null],
      // 未检出 without a limit: censored, limit unknown, never zero
      ['GB-02', 0, 20, 'dryland', '旱地', 18, null, true, null, 0.085, false, null, true, 0.5],
      ['GB-03', 0, 20, 'vegetable', '菜地', 30.2, null, true, 0.01, null, true, 41, false, null],
    ]);
    // The raw table keeps every original column, the unmapped 备注 too.
    expect(await rows(`SELECT "备注" FROM raw_${result.datasetId} ORDER BY "样品编号"`)).toEqual([
      ['稻田'],
      [null],
      ['设施菜地'],
    ]);
  });

  it('GBK bytes only past the first 64 KB: DuckDB finds invalid UTF-8 and the file is transcoded', async () => {
    // ASCII rows, then one row with 水田 in GBK (CB AE CC EF), beyond the sniffed head.
    const ascii = ['sample_id,lon,lat,land_use,Cd'];
    for (let i = 0; i < 3000; i++) ascii.push(`S${i},120.${String(i % 100).padStart(2, '0')},30.1,paddy,0.2`);
    const head = Buffer.from(`${ascii.join('\n')}\nS3000,120.5,30.2,`, 'latin1');
    const path = join(dir, 'late-gbk.csv');
    writeFileSync(
      path,
      Buffer.concat([head, Buffer.from([0xcb, 0xae, 0xcc, 0xef]), Buffer.from(',0.3\n', 'latin1')]),
    );
    expect(head.length).toBeGreaterThan(1 << 16);
    const result = await importDataset(project, { file: path, kind: 'soil' });
    expect(result.rows).toBe(3001);
    expect(
      await rows(
        `SELECT land_use, land_use_original FROM soil_samples WHERE dataset_id = '${result.datasetId}' AND sample_id = 'S3000'`,
      ),
    ).toEqual([['paddy', '水田']]);
  });

  it('text far past DuckDB\'s type sample ("<0.5" on row 30,002) is read as a censored value', async () => {
    const lines = ['sample_id,lon,lat,Pb'];
    for (let i = 0; i < 30000; i++) lines.push(`T${i},120.1,30.1,${20 + (i % 10)}`);
    lines.push('T30000,120.1,30.1,<0.5');
    const path = join(dir, 'late-text.csv');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const result = await importDataset(project, { file: path, kind: 'soil' });
    expect(result.rows).toBe(30001);
    expect(
      await rows(
        `SELECT pb_mg_kg, pb_below_dl, pb_dl_mg_kg, source_row FROM soil_samples WHERE dataset_id = '${result.datasetId}' AND sample_id = 'T30000'`,
      ),
    ).toEqual([[null, true, 0.5, 30002]]);
  });

  it('XLSX with a merged title row and a merged two-row header, chosen sheet', async () => {
    const path = join(dir, 'survey.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('说明').addRow(['本表为示例']);
    const sheet = workbook.addWorksheet('土壤');
    sheet.addRow(['某县农用地土壤重金属调查结果']);
    sheet.mergeCells('A1:F1');
    sheet.addRow(['样品编号', '经度', '纬度', '重金属含量(mg/kg)', null, null]);
    sheet.addRow([null, null, null, '镉', '铅', '砷']);
    sheet.mergeCells('A2:A3');
    sheet.mergeCells('B2:B3');
    sheet.mergeCells('C2:C3');
    sheet.mergeCells('D2:F2');
    sheet.addRow(['X1', 120.1, 30.1, 0.42, 31.5, '<0.1']);
    sheet.addRow(['X2', 120.2, 30.2, 0.18, 28.0, 6.3]);
    await workbook.xlsx.writeFile(path);

    const preview = await previewImport({ file: path, kind: 'soil', sheet: '土壤' });
    expect(preview.sheets).toEqual(['说明', '土壤']);
    expect(preview.headers).toEqual(['样品编号', '经度', '纬度', '镉(mg/kg)', '铅(mg/kg)', '砷(mg/kg)']);
    expect(preview.mapping.map((m) => m.field)).toEqual(['sample_id', 'lon', 'lat', 'Cd', 'Pb', 'As']);
    expect(preview.issues.filter((i) => i.severity === 'error')).toEqual([]);

    const result = await importDataset(project, { file: path, kind: 'soil', sheet: '土壤' });
    expect(
      await rows(
        `SELECT source_row, sample_id, cd_mg_kg, pb_mg_kg, as_mg_kg, as_below_dl, as_dl_mg_kg FROM soil_samples
          WHERE dataset_id = '${result.datasetId}' ORDER BY source_row`,
      ),
    ).toEqual([
      [4, 'X1', 0.42, 31.5, null, true, 0.1], // Excel row numbers: data starts on row 4
      [5, 'X2', 0.18, 28, 6.3, false, null],
    ]);
  });

  it('a workbook saved with a .csv name is read as XLSX; extra fields in a row are kept and reported', async () => {
    const path = join(dir, 'really-a-workbook.csv');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['样品编号', '经度', '纬度', '镉Cd(mg/kg)']);
    sheet.addRow(['Z1', 120.1, 30.1, 0.33]);
    await workbook.xlsx.writeFile(path);
    const preview = await previewImport({ file: path, kind: 'soil' });
    expect(preview.format).toBe('xlsx');
    expect(preview.rows[0]).toMatchObject({ sample_id: 'Z1', cd_mg_kg: 0.33 });

    const ragged = join(dir, 'ragged.csv');
    writeFileSync(ragged, 'sample_id,lon,lat,Cd\nA,120,30,0.1\nB,120.1,30.1,0.2,9\n');
    const result = await importDataset(project, { file: ragged, kind: 'soil' });
    expect(result.warnings.find((w) => w.code === 'extra-fields')).toMatchObject({ column: 'column4' });
    expect(await rows(`SELECT column4 FROM raw_${result.datasetId} ORDER BY sample_id`)).toEqual([
      [null],
      [9],
    ]);
  });

  it('Parquet through DuckDB read_parquet', async () => {
    const path = join(dir, 'crops.parquet');
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    await c.run(
      `COPY (SELECT * FROM (VALUES ('R1', 120.1, 30.1, '水稻', '籽粒', 0.21, 'S1'), ('R2', 120.2, 30.2, '小麦', '籽粒', 0.05, 'S2'))
               t(sample_id, lon, lat, crop, part, "Cd", soil_sample_id)) TO '${path}' (FORMAT parquet)`,
    );
    c.closeSync();
    db.closeSync();
    const result = await importDataset(project, { file: path, kind: 'crop' });
    expect(result.rows).toBe(2);
    expect(
      await rows(
        `SELECT sample_id, crop, part, cd_mg_kg, soil_sample_id FROM crop_samples WHERE dataset_id = '${result.datasetId}' ORDER BY 1`,
      ),
    ).toEqual([
      ['R1', 'rice', 'grain', 0.21, 'S1'],
      ['R2', 'wheat', 'grain', 0.05, 'S2'],
    ]);
  });

  it('EPA PMF 5 concentration + uncertainty files (first column = sample id; -999 = missing)', async () => {
    const conc = join(dir, 'conc.csv');
    const unc = join(dir, 'unc.csv');
    writeFileSync(conc, 'Sample ID,Cd,Pb,Zn\nP1,0.2,30,-999\nP2,0.4,35,90\n');
    writeFileSync(unc, 'Sample ID,Cd,Pb,Zn\nP1,0.02,3,-999\nP2,0.04,3.5,9\n');
    const result = await importDataset(project, {
      file: conc,
      kind: 'soil',
      format: 'pmf',
      uncertaintyFile: unc,
    });
    expect(
      await rows(
        `SELECT sample_id, zn_mg_kg, zn_below_dl FROM soil_samples WHERE dataset_id = '${result.datasetId}' ORDER BY 1`,
      ),
    ).toEqual([
      ['P1', null, null],
      ['P2', 90, false],
    ]);
    expect(
      await rows(
        `SELECT sample_id, element, uncertainty_mg_kg FROM uncertainties WHERE dataset_id = '${result.datasetId}' AND element = 'Pb' ORDER BY 1`,
      ),
    ).toEqual([
      ['P1', 'Pb', 3],
      ['P2', 'Pb', 3.5],
    ]);
  });

  it('TSV with a BOM; enterprise inventory with industry, status and per-metal emissions', async () => {
    const path = join(dir, 'enterprises.tsv');
    writeFileSync(
      path,
      '\ufeff企业编号\t企业名称\t行业类别\t经度\t纬度\t状态\t投产年份\t关停年份\t烟囱高度(m)\t风险等级\t镉大气排放(t/a)\t镉水排放(kg/a)\n' +
        'E1\t某冶炼厂\t有色金属冶炼\t120.15\t29.14\t在产\t1998\t\t80\t重大\t0.06\t4\n' +
        'E2\t某电镀厂\t电镀\t120.05\t29.18\t关停\t2001年\t2015\t25\t一般\t0.001\t12\n',
    );
    const result = await importDataset(project, { file: path, kind: 'emission' });
    const [info] = (await listDatasets(project)).filter((d) => d.id === result.datasetId);
    expect(info.encoding).toBe('utf-8-bom');
    expect(
      await rows(
        `SELECT enterprise_id, industry, status, start_year, end_year, stack_height_m, risk_grade, cd_air_kg_a, cd_water_kg_a
           FROM enterprises WHERE dataset_id = '${result.datasetId}' ORDER BY 1`,
      ),
    ).toEqual([
      ['E1', 'nonferrous_smelting', 'operating', 1998, null, 80, '重大', 60, 4], // 0.06 t/a = 60 kg/a
      ['E2', 'electroplating', 'closed', 2001, 2015, 25, '一般', 1, 12],
    ]);
  });

  it('flux table with Chinese headers and element names', async () => {
    const path = join(dir, 'flux.csv');
    writeFileSync(
      path,
      '途径,区域,金属,通量(mg/(m2·a))\n大气沉降,平原稻区,镉,0.48\n有机肥,平原稻区,Pb,1.2\n',
    );
    const result = await importDataset(project, { file: path, kind: 'flux' });
    expect(
      await rows(
        `SELECT pathway, zone, element, flux_g_ha_a FROM input_fluxes WHERE dataset_id = '${result.datasetId}' ORDER BY 1`,
      ),
    ).toEqual([
      ['atmospheric_deposition', '平原稻区', 'Cd', 4.8], // 0.48 mg/(m²·a) × 10 = 4.8 g/(ha·a)
      ['manure', '平原稻区', 'Pb', 12],
    ]);
  });

  it('GCJ-02 and Gauss-Krüger coordinates are stored as WGS84 lon/lat with the originals kept', async () => {
    const gcj = join(dir, 'gcj.csv');
    writeFileSync(gcj, 'sample_id,lng,lat,Cd\nG1,121.531541859215,31.17530398364597,0.2\n');
    const a = await importDataset(project, { file: gcj, kind: 'soil', crs: 'gcj02' });
    const [[lon, lat, x0, crs]] = await rows(
      `SELECT lon, lat, x_original, crs_original FROM soil_samples WHERE dataset_id = '${a.datasetId}'`,
    );
    expect(lon as number).toBeCloseTo(121.5272106, 8);
    expect(lat as number).toBeCloseTo(31.1774276, 8);
    expect(x0).toBe(121.531541859215);
    expect(crs).toMatch(/GCJ-02/);

    // Chinese survey convention: X = northing, Y = zone-prefixed easting (PROJ cs2cs, EPSG:4528).
    const gk = join(dir, 'gk.csv');
    writeFileSync(
      gk,
      '样品编号,X,Y,镉(mg/kg)\nK1,3347932.8162,40548122.0631,0.2\nK2,3320113.3978,40500000,0.3\n',
    );
    const b = await importDataset(project, { file: gk, kind: 'soil' });
    const points = await rows(
      `SELECT lon, lat, y_original FROM soil_samples WHERE dataset_id = '${b.datasetId}' ORDER BY source_row`,
    );
    expect(points[0][0] as number).toBeCloseTo(120.5, 7);
    expect(points[0][1] as number).toBeCloseTo(30.25, 7);
    expect(points[1][0] as number).toBeCloseTo(120, 7);
    expect(points[1][1] as number).toBeCloseTo(30, 7);

    // An easting without prefix needs the zone.
    const bare = join(dir, 'gk-bare.csv');
    writeFileSync(bare, 'sample_id,x,y,Cd\nB1,548122.0631,3347932.8162,0.2\n');
    await expect(importDataset(project, { file: bare, kind: 'soil' })).rejects.toThrow(/zone/);
    const c = await importDataset(project, { file: bare, kind: 'soil', crs: 'gk3:40' });
    const [[lon3, lat3]] = await rows(
      `SELECT lon, lat FROM soil_samples WHERE dataset_id = '${c.datasetId}'`,
    );
    expect(lon3 as number).toBeCloseTo(120.5, 7);
    expect(lat3 as number).toBeCloseTo(30.25, 7);
  });
});
