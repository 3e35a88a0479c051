import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../tests/support/shared-data.ts';
import { numericColumn, readTableFile, textColumn } from '../../io/read-table-file.ts';
import { apcsMlr } from '../../methods/apcs-mlr/index.ts';
import { clusterVariables, correlationMatrix } from '../../methods/correlation/index.ts';
import {
  classBreaks,
  distanceToNearestKm,
  encodeStrata,
  geoDetector,
  strataFromBreaks,
} from '../../methods/geodetector/index.ts';
import { mixSamples } from '../../methods/isotopes/index.ts';
import { fluxBalance, fluxRecordsFromTable, soilMassKgPerHa } from '../../methods/mass-balance/index.ts';
import { principalComponents } from '../../methods/pca/index.ts';
import type { ApiMethods } from '../contract.ts';
import { ApiError } from '../errors.ts';
import { type ApiHandler, createApiHandler } from '../handler.ts';

// The attribution routes over a temporary sample project, each checked against its core function
// run directly on the case-study CSVs read by the CLI's table reader (not the project store):
// soil-samples-en.csv holds the same samples with censored values as half the detection limit,
// which is what the routes substitute for a "<DL" cell of the store.

const caseStudy = (file: string) => join(repoRoot, 'datasets/case-study', file);
const METALS = ['Cd', 'Hg', 'As', 'Pb', 'Cr', 'Cu', 'Ni', 'Zn'];
const COLUMNS = METALS.map((m) => `${m.toLowerCase()}_mg_kg`);

describe('attribution routes over the sample project', () => {
  let home: string;
  let api: ApiHandler;
  const soil = readTableFile(caseStudy('soil-samples-en.csv'));
  const metalColumns = METALS.map((m) => numericColumn(soil, m));
  const call = <M extends keyof ApiMethods>(method: M, params: ApiMethods[M]['params']) =>
    api.call(method, params) as Promise<ApiMethods[M]['result']>;

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'soiltrace-attribution-'));
    api = createApiHandler({ homeDir: home });
    await call('project.openSample', {});
  });
  afterAll(async () => {
    await api.close();
    await rm(home, { recursive: true, force: true });
  });

  it('correlation equals correlationMatrix() and clusterVariables() on the CSV', async () => {
    for (const method of ['pearson', 'spearman'] as const) {
      const result = await call('attribution.correlation', { datasetId: 'soil_1', columns: COLUMNS, method });
      const direct = correlationMatrix(METALS, metalColumns, { method });
      expect(result.variables).toEqual(METALS);
      for (let i = 0; i < METALS.length; i++) {
        for (let j = 0; j < METALS.length; j++) {
          expect(result.r[i][j]).toBeCloseTo(direct.r[i][j], 12);
          expect(result.p[i][j]).toBeCloseTo(direct.p[i][j], 12);
          expect(result.n[i][j]).toBe(direct.n[i][j]);
        }
      }
      expect(result.dendrogram).toEqual(clusterVariables(METALS, direct.r, 'average'));
    }
    const r = await call('attribution.correlation', { datasetId: 'soil_1', columns: COLUMNS });
    // Cd–Zn (agriculture and smelting both carry them): strongly correlated, p < 0.01.
    expect(r.marks[0][7]).toBe('**');
    expect(r.marks[0][0]).toBe('');
  });

  it('PCA equals principalComponents() on the CSV, raw and log10', async () => {
    for (const log of [false, true]) {
      const result = await call('attribution.pca', { datasetId: 'soil_1', columns: COLUMNS, log });
      const data = log ? metalColumns.map((c) => c.map((v) => Math.log10(v))) : metalColumns;
      const direct = principalComponents(METALS, data, { rotate: true });
      expect(result.n).toBe(direct.rows.length);
      expect(result.components).toBe(direct.components);
      result.eigenvalues.forEach((v, i) => {
        expect(v).toBeCloseTo(direct.eigenvalues[i], 10);
      });
      expect(result.kmo.overall).toBeCloseTo(direct.kmo.overall, 10);
      expect(result.bartlett.chiSquare).toBeCloseTo(direct.bartlett.chiSquare, 6);
      result.rotatedLoadings.forEach((row, i) => {
        row.forEach((v, k) => {
          expect(v).toBeCloseTo(direct.rotatedLoadings[i][k], 10);
        });
      });
      const scores = tableFromIPC(result.scores);
      expect(scores.numRows).toBe(direct.rows.length);
      expect(scores.getChild('pc1')?.get(0)).toBeCloseTo(direct.scores[0][0], 10);
    }
  });

  it('APCS-MLR equals apcsMlr() on the CSV: shares, unexplained part, R², per-sample contributions', async () => {
    const result = await call('attribution.apcs', { datasetId: 'soil_1', columns: COLUMNS, factors: 3 });
    const direct = apcsMlr(METALS, metalColumns, { factors: 3 });
    expect(result.sources).toBe(3);
    for (const [s, species] of result.species.entries()) {
      const d = direct.species[s];
      expect(species.species).toBe(d.species);
      expect(species.r2).toBeCloseTo(d.r2, 10);
      expect(species.unexplainedShare).toBeCloseTo(d.unexplainedShare, 10);
      species.shares.forEach((v, k) => {
        expect(v).toBeCloseTo(d.shares[k], 10);
      });
      // Shares and the unexplained part add up to 1 (OLS with an intercept fits the mean).
      expect(species.shares.reduce((a, b) => a + b, 0) + species.unexplainedShare).toBeCloseTo(1, 10);
    }
    expect(result.warnings).toEqual(direct.warnings);
    const table = tableFromIPC(result.contributions);
    expect(table.getChild('Pb_s2')?.get(5)).toBeCloseTo(direct.contributions[3][5][1], 10);
  });

  it('GeoDetector equals geoDetector() on land use, equal-interval pH and the distance to smelters', async () => {
    const result = await call('attribution.geodetector', {
      datasetId: 'soil_1',
      y: 'cd_mg_kg',
      factors: [
        { source: 'column', column: 'land_use' },
        { source: 'column', column: 'ph', discretization: { kind: 'fixed', method: 'equal', classes: 5 } },
        {
          source: 'distance',
          emissionDatasetId: 'emission_1',
          industry: 'nonferrous_smelting',
          discretization: { kind: 'fixed', method: 'quantile', classes: 6 },
        },
      ],
    });
    // Oracle: the smelters of enterprises.csv (有色金属冶炼) and the CSV's own columns.
    const enterprises = readTableFile(caseStudy('enterprises.csv'));
    const smelter = textColumn(enterprises, '行业类别').map((v) => v === '有色金属冶炼');
    expect(smelter.filter(Boolean).length).toBe(3);
    const y = numericColumn(soil, 'Cd');
    const distance = distanceToNearestKm(
      numericColumn(soil, 'lon'),
      numericColumn(soil, 'lat'),
      numericColumn(enterprises, '经度'),
      numericColumn(enterprises, '纬度'),
      smelter,
    );
    const ph = numericColumn(soil, 'pH');
    const fixedStrata = (x: Float64Array, method: 'equal' | 'quantile', classes: number) => {
      const present = Float64Array.from(x.filter((v, i) => Number.isFinite(v) && Number.isFinite(y[i])));
      return strataFromBreaks(x, classBreaks(present, method, classes));
    };
    const direct = geoDetector(y, [
      { name: 'land_use', strata: encodeStrata(textColumn(soil, 'land_use')) },
      { name: 'ph', strata: fixedStrata(ph, 'equal', 5) },
      { name: 'dist_nonferrous_smelting_km', strata: fixedStrata(distance, 'quantile', 6) },
    ]);
    expect(result.factorNames).toEqual(['land_use', 'ph', 'dist_nonferrous_smelting_km']);
    result.detectors.factors.forEach((f, i) => {
      expect(f.n).toBe(direct.factors[i].n);
      expect(f.q).toBeCloseTo(direct.factors[i].q, 12);
      expect(f.p).toBeCloseTo(direct.factors[i].p, 12);
    });
    result.detectors.interactions.forEach((it, i) => {
      expect(it.q).toBeCloseTo(direct.interactions[i].q, 12);
      expect(it.kind).toBe(direct.interactions[i].kind);
    });
    expect(result.detectors.risk[0].means).toEqual(direct.risk[0].means);
    expect(result.detectors.ecological.map((e) => e.significant)).toEqual(
      direct.ecological.map((e) => e.significant),
    );
    // Smelter dust is the case study's main Cd pattern: distance explains far more than land use.
    expect(result.detectors.factors[2].q).toBeGreaterThan(2 * result.detectors.factors[0].q);
    expect(result.discretizations[0].kind).toBe('strata');
    expect(result.discretizations[1]).toMatchObject({ kind: 'fixed', method: 'equal', classes: 5 });
  });

  it('GeoDetector optimal search reports its choice; an unknown industry is a clear error', async () => {
    const result = await call('attribution.geodetector', {
      datasetId: 'soil_1',
      y: 'pb_mg_kg',
      factors: [{ source: 'column', column: 'ph' }],
    });
    expect(result.discretizations[0].kind).toBe('optimal');
    expect(result.discretizations[0].classes).toBeGreaterThanOrEqual(3);
    const error = await call('attribution.geodetector', {
      datasetId: 'soil_1',
      y: 'cd_mg_kg',
      factors: [{ source: 'distance', emissionDatasetId: 'emission_1', industry: 'mint' }],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).text.zh).toContain('mint');
  });

  it('isotopes equal mixSamples() on the example CSV, and a binary hand case', async () => {
    const options = await call('attribution.options', {});
    expect(options.endMembers.map((e) => e.name)).toEqual(['natural', 'ore', 'petrol']);
    expect(options.industries[0].industries.find((i) => i.code === 'nonferrous_smelting')?.count).toBe(3);
    const result = await call('attribution.isotopes', {
      samples: { source: 'csv', ...options.exampleIsotopeCsv },
      endMembers: options.endMembers,
      draws: 500,
      seed: 7,
    });
    const iso = readTableFile(caseStudy('pb-isotopes.csv'));
    const x = numericColumn(iso, '206Pb/207Pb');
    const y = numericColumn(iso, '208Pb/207Pb');
    const direct = mixSamples(
      textColumn(iso, 'sample_id').map((id, i) => ({ id, ratios: [x[i], y[i]] })),
      options.endMembers,
      { draws: 500, seed: 7 },
    );
    expect(result.n).toBe(60);
    const table = tableFromIPC(result.samples);
    direct.forEach((d, i) => {
      expect(table.getChild('ore_point')?.get(i)).toBeCloseTo(d.point.shares[1], 12);
      expect(table.getChild('ore_p97_5')?.get(i)).toBeCloseTo(d.uncertainty.shares[1].p97_5, 12);
    });
    const meanOre = direct.reduce((s, d) => s + d.point.shares[1], 0) / direct.length;
    expect(result.meanShares[1].point).toBeCloseTo(meanOre, 12);

    // Binary by hand: R = 1.18 between 1.20 and 1.16 → f_A = (1.18 − 1.16)/(1.20 − 1.16) = 0.5.
    const hand = await call('attribution.isotopes', {
      samples: { source: 'csv', name: 'hand.csv', text: 'sample_id,206Pb/207Pb,208Pb/207Pb\nS1,1.18,2.45\n' },
      endMembers: [
        { name: 'A', ranges: [[1.2, 1.2]] },
        { name: 'B', ranges: [[1.16, 1.16]] },
      ],
      draws: 100,
    });
    expect(hand.meanShares[0].point).toBeCloseTo(0.5, 12);
    expect(hand.meanShares[0].p2_5).toBeCloseTo(0.5, 12);
    const bad = await call('attribution.isotopes', {
      samples: { source: 'csv', name: 'bad.csv', text: 'sample_id,206Pb/207Pb,208Pb/207Pb\nS1,x,2.45\n' },
      endMembers: options.endMembers,
    }).catch((e: unknown) => e);
    expect((bad as ApiError).location).toMatchObject({ file: 'bad.csv', row: 2, column: '206Pb/207Pb' });
  });

  it('mass balance equals fluxBalance() on the CSV; accumulation and years by hand', async () => {
    const result = await call('attribution.massBalance', {
      datasetId: 'flux_1',
      soilDatasetId: 'soil_1',
      depthCm: 20,
      bulkDensity: 1.3,
    });
    const mass = soilMassKgPerHa(20, 1.3);
    expect(mass).toBe(2_600_000);
    const direct = fluxBalance(fluxRecordsFromTable(readTableFile(caseStudy('input-fluxes.csv'))), mass);
    expect(result.balances.map((b) => b.metal)).toEqual(direct.map((b) => b.metal));
    result.balances.forEach((b, i) => {
      expect(b.accumulation).toBeCloseTo(direct[i].accumulation, 12);
      b.inputs.forEach((p, k) => {
        expect(p.share).toBeCloseTo(direct[i].inputs[k].share, 12);
      });
    });
    // Cd by hand: ΔC = net g/ha/a × 1000 / 2.6e6 kg/ha; years = (0.3 − mean Cd) / ΔC (pH 5.5–6.5).
    const cd = result.balances[0];
    expect(cd.accumulation).toBeCloseTo(((cd.totalInput - cd.totalOutput) * 1000) / 2.6e6, 15);
    const meanCd = Array.from(numericColumn(soil, 'Cd'))
      .filter(Number.isFinite)
      .reduce((s, v, _, a) => s + v / a.length, 0);
    const projection = result.projection[0];
    expect(projection.current).toBeCloseTo(meanCd, 10);
    expect(result.medianPh).toBeGreaterThan(5.5);
    expect(result.medianPh).toBeLessThanOrEqual(6.5);
    expect(projection.screening).toBe(0.3);
    expect(projection.years).toBeCloseTo((0.3 - meanCd) / cd.accumulation, 8);
  });

  it('refuses a column the dataset does not have', async () => {
    const missing = await call('attribution.correlation', {
      datasetId: 'soil_1',
      columns: ['cd_mg_kg', 'nope'],
    }).catch((e: unknown) => e);
    expect((missing as ApiError).code).toBe('bad_params');
    expect((missing as ApiError).location).toMatchObject({ column: 'nope' });
  });
});
