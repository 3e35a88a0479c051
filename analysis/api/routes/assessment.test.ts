import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Table, tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../tests/support/shared-data.ts';
import { readTableFile } from '../../io/read-table-file.ts';
import {
  assessCropSamples,
  assessSamples,
  cropSamplesFromTable,
  GB15618_2018,
  soilSamplesFromTable,
} from '../../methods/assessment/index.ts';
import type { ApiMethods } from '../contract.ts';
import { ApiError } from '../errors.ts';
import { type ApiHandler, createApiHandler } from '../handler.ts';

// The assessment route over a temporary sample project, checked three ways: against assessSamples()
// run directly on the case-study CSV (read by the CLI's table reader, not the store), against a
// hand calculation of one sample, and against the health-risk dose equations worked by hand.

const caseStudy = (file: string) => join(repoRoot, 'datasets/case-study', file);

function row(table: Table, id: string): Record<string, unknown> {
  for (let r = 0; r < table.numRows; r++) {
    const record = table.get(r)?.toJSON() as Record<string, unknown>;
    if (record.sample_id === id) return record;
  }
  throw new Error(`no row ${id}`);
}

describe('assessment route over the sample project', () => {
  let home: string;
  let api: ApiHandler;
  const call = <M extends keyof ApiMethods>(method: M, params: ApiMethods[M]['params']) =>
    api.call(method, params) as Promise<ApiMethods[M]['result']>;

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'soiltrace-assessment-'));
    api = createApiHandler({ homeDir: home });
    await call('project.openSample', {});
  });
  afterAll(async () => {
    await api.close();
    await rm(home, { recursive: true, force: true });
  });

  it('equals assessSamples() on the source CSV, sample by sample and in the summary', async () => {
    const result = await call('assessment.run', { datasetId: 'soil_1', cropDatasetId: 'crop_1' });
    const direct = assessSamples(
      soilSamplesFromTable(readTableFile(caseStudy('soil-samples.csv')), {
        requirePh: false,
        requireLandUse: false,
      }).samples,
      { standard: GB15618_2018, metals: result.metals },
    );
    expect(result.standard.version).toBe('GB 15618-2018');
    expect(result.metals).toEqual(['Cd', 'Hg', 'As', 'Pb', 'Cr', 'Cu', 'Ni', 'Zn']);
    const samples = tableFromIPC(result.samples);
    expect(samples.numRows).toBe(direct.samples.length);
    const classes = samples.getChild('class')?.toArray() as (string | null)[];
    expect([...classes]).toEqual(direct.samples.map((s) => s.class));
    const ri = samples.getChild('ri')?.toArray() as Float64Array;
    direct.samples.forEach((s, i) => {
      expect(ri[i]).toBeCloseTo(s.ri ?? Number.NaN, 10);
    });
    // Summary as papers print it: the route's and the direct one agree to the last digit.
    expect(result.summary.classCounts).toEqual(direct.summary.classCounts);
    for (const m of direct.summary.metals) {
      const got = result.summary.metals.find((x) => x.metal === m.metal);
      expect(got?.n).toBe(m.n);
      expect(got?.mean).toBeCloseTo(m.mean ?? Number.NaN, 12);
      expect(got?.sd).toBeCloseTo(m.sd ?? Number.NaN, 12);
      expect(got?.exceedanceRate).toBe(m.exceedanceRate);
      expect(got?.classShares).toEqual(m.classShares);
    }
    // "<0.05" cells: the store keeps NULL + detection limit, the route halves it like the CLI does.
    expect(row(samples, 'QX-S0411').Cd).toBeCloseTo(0.025, 12);
    expect(result.warnings.some((w) => w.code === 'censored' && w.metal === 'Cd')).toBe(true);

    // Crops: the route equals assessCropSamples() on the crop CSV paired with the direct soil result.
    const cropsDirect = assessCropSamples(
      cropSamplesFromTable(readTableFile(caseStudy('crop-samples.csv'))).samples,
      direct.samples,
    );
    expect(result.crops?.jointCounts).toEqual(cropsDirect.jointCounts);
    const riceCd = result.crops?.summary.find((r) => r.crop === 'rice' && r.metal === 'Cd');
    const riceCdDirect = cropsDirect.summary.find((r) => r.crop === 'rice' && r.metal === 'Cd');
    expect(riceCd?.limit).toBe(0.2);
    expect(riceCd?.exceedances).toBe(riceCdDirect?.exceedances);
    expect(riceCd?.meanBcf).toBeCloseTo(riceCdDirect?.meanBcf ?? Number.NaN, 12);
  });

  it('matches a hand calculation of sample QX-S0155 (paddy, pH 5.05, Cd 1.57 mg/kg)', async () => {
    const result = await call('assessment.run', { datasetId: 'soil_1' });
    const s = row(tableFromIPC(result.samples), 'QX-S0155');
    // GB 15618-2018, paddy, pH ≤ 5.5: Cd screening 0.3, intervention 1.5 → 1.57 > 1.5: strict control.
    expect(s.land_use).toBe('paddy');
    expect(s.Cd_screening).toBe(0.3);
    expect(s.Cd_intervention).toBe(1.5);
    expect(s.Cd_ratio).toBeCloseTo(1.57 / 0.3, 12);
    expect(s.Cd_class).toBe('strict_control');
    // Pb 133.8 > paddy 80 (pH ≤ 5.5) but ≤ 400: safe utilization; Hg 1.501 ≤ intervention 2.0.
    expect(s.Pb_class).toBe('safe_utilization');
    expect(s.Hg_class).toBe('safe_utilization');
    expect(s.class).toBe('strict_control');
    expect(s.deciding_metals).toBe('Cd');
    // Igeo = log2(1.57 / (1.5 × 0.097)) = log2(10.7904) = 3.4317; Er = 30 × 1.57 / 0.097 = 485.57.
    expect(s.Cd_igeo).toBeCloseTo(3.4317, 4);
    expect(s.Cd_igeo_class).toBe(4);
    expect(s.Cd_er).toBeCloseTo(485.567, 3);
  });

  it('computes health risk by the HJ 25.3 dose equations (hand check) and applies edited parameters', async () => {
    const result = await call('assessment.run', { datasetId: 'soil_1' });
    const s = row(tableFromIPC(result.samples), 'QX-S0155');
    expect(typeof s.hi_child).toBe('number');
    // Child, Cd 1.57 mg/kg, ingestion: ADD = 1.57·200·350·6·1e-6 / (15.9·6·365) = 1.8937e-5;
    // HQ = ADD / RfD 1e-3 = 0.018937.
    const childCd = result.health.metals.find((m) => m.metal === 'Cd' && m.population === 'child');
    expect(childCd?.hiMax).toBeGreaterThan(0.018936);
    // Body weight doubled halves every dose, so every HQ and HI (linear in 1/BW).
    const edited = await call('assessment.run', {
      datasetId: 'soil_1',
      exposure: { child: { bodyWeight: 31.8 } },
    });
    expect(edited.health.parameterSet.id).toBe('hj25.3-2014+edited');
    const e = row(tableFromIPC(edited.samples), 'QX-S0155');
    expect(e.hi_child as number).toBeCloseTo((s.hi_child as number) / 2, 12);
    expect(e.hi_adult).toBe(s.hi_adult);
    const cdColumn = tableFromIPC(result.samples).getChild('Cd');
    const ingestion = (c: number) => (c * 200 * 350 * 6 * 1e-6) / (15.9 * 6 * 365) / 1e-3;
    const valid = [...(cdColumn ?? [])].filter((v): v is number => typeof v === 'number');
    expect(valid.length).toBe(490);
    const meanHq = valid.reduce((a, c) => a + ingestion(c), 0) / valid.length;
    expect(childCd?.hq.ingestion).toBeCloseTo(meanHq, 12);
    expect(ingestion(1.57)).toBeCloseTo(0.018937, 6);
  });

  it('runs GB 36600 class 2 and user tables, and rejects bad ones with the field named', async () => {
    const gb36600 = await call('assessment.run', { datasetId: 'soil_1', standard: 'gb36600-2' });
    expect(gb36600.classes).toEqual(['below_screening', 'above_screening', 'above_intervention']);
    expect(gb36600.warnings.some((w) => w.code === 'total_cr_construction')).toBe(true);
    // Class 2 screening values (Cd 65, Hg 38, As 60, Pb 800, Ni 900): only As 70.09, 107.76 and
    // 82.96 mg/kg (QX-S0450–0452) exceed one, none the As intervention value 140.
    expect(gb36600.summary.classCounts).toEqual({
      below_screening: 488,
      above_screening: 3,
      above_intervention: 0,
    });
    const t36600 = tableFromIPC(gb36600.samples);
    expect(row(t36600, 'QX-S0451').As_ratio).toBeCloseTo(107.76 / 60, 12);

    const user = await call('assessment.run', {
      datasetId: 'soil_1',
      standard: 'user',
      userStandard: {
        id: 'local-cd',
        name: '本地镉标准',
        version: 'local 2024',
        source: 'test',
        kind: 'farmland',
        screening: [{ metal: 'Cd', land: 'any', values: [0.2] }],
      },
      background: 'user',
      userBackground: { id: 'zj', name: '浙江', source: 'test', values: { Cd: 0.07 } },
      riBands: 'rescaled',
    });
    const cd = tableFromIPC(user.samples).getChild('Cd')?.toArray() as Float64Array;
    const above = [...cd].filter((v) => v > 0.2).length;
    expect(user.summary.classCounts.safe_utilization).toBe(above);
    // RI bands rescaled to the eight metals: 150 · ΣTr 98 / 133 = 110.5 → 110, 220, 440. The user
    // background lists Cd only, so RI = Er(Cd) = 30 · C / 0.07.
    expect(user.bands.ri.thresholds).toEqual([110, 220, 440]);
    expect(row(tableFromIPC(user.samples), 'QX-S0155').ri).toBeCloseTo((30 * 1.57) / 0.07, 10);

    const bad = await api
      .call('assessment.run', { datasetId: 'soil_1', standard: 'user', userStandard: { id: 'x' } })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(bad).toBeInstanceOf(ApiError);
    expect((bad as ApiError).code).toBe('input');
    const wrongKind = await api.call('assessment.run', { datasetId: 'crop_1' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect((wrongKind as ApiError).code).toBe('bad_params');
  });
});

describe('assessment route: Cr(VI) of an imported dataset under GB 36600', () => {
  let home: string;
  let api: ApiHandler;
  const call = <M extends keyof ApiMethods>(method: M, params: ApiMethods[M]['params']) =>
    api.call(method, params) as Promise<ApiMethods[M]['result']>;

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'soiltrace-assessment-crvi-'));
    api = createApiHandler({ homeDir: home });
    await call('project.create', { path: join(home, 'crvi.duckdb') });
    const file = join(home, 'crvi.csv');
    await writeFile(
      file,
      '样品编号,经度,纬度,镉Cd(mg/kg),铬Cr(mg/kg),六价铬(mg/kg)\n' +
        'K1,120.1,29.1,0.2,85,4.0\n' +
        'K2,120.2,29.2,0.3,140,35\n' +
        'K3,120.3,29.3,0.1,60,<0.5\n',
    );
    await call('import.commit', { path: file, kind: 'soil', mapping: [] });
  });
  afterAll(async () => {
    await api.close();
    await rm(home, { recursive: true, force: true });
  });

  it('judges stored Cr(VI) against class 1 (screening 3.0, intervention 30 mg/kg)', async () => {
    const result = await call('assessment.run', { datasetId: 'soil_1', standard: 'gb36600-1' });
    expect(result.metals).toContain('CrVI');
    const samples = tableFromIPC(result.samples);
    // GB 36600-2018 Table 1, Cr(VI), class 1 land: screening 3.0, intervention 30 (soil-standards.md).
    expect(row(samples, 'K1')).toMatchObject({
      CrVI: 4.0,
      CrVI_screening: 3.0,
      CrVI_intervention: 30,
      CrVI_class: 'above_screening',
      class: 'above_screening',
    });
    expect(row(samples, 'K1').CrVI_ratio).toBeCloseTo(4.0 / 3.0, 12);
    expect(row(samples, 'K2')).toMatchObject({
      CrVI: 35,
      CrVI_class: 'above_intervention',
      class: 'above_intervention',
    });
    // "<0.5": half the detection limit, 0.25, below 3.0.
    expect(row(samples, 'K3')).toMatchObject({
      CrVI: 0.25,
      CrVI_class: 'below_screening',
      class: 'below_screening',
    });
    expect(result.warnings.some((w) => w.code === 'censored' && w.metal === 'CrVI')).toBe(true);
    expect(result.warnings.some((w) => w.code === 'total_cr_construction')).toBe(false);
  });

  it('keeps GB 15618 on total Cr: Cr(VI) is not one of its metals', async () => {
    const result = await call('assessment.run', { datasetId: 'soil_1', standard: 'gb15618' });
    expect(result.metals).toEqual(['Cd', 'Cr']);
    const samples = tableFromIPC(result.samples);
    expect(row(samples, 'K2').Cr).toBe(140);
    expect(samples.schema.fields.some((f) => f.name.startsWith('CrVI'))).toBe(false);
  });
});
