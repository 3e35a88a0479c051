import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SoilTraceError } from '../../errors.ts';
import {
  compareScenarioFile,
  compareScenarios,
  parseScenarioFile,
  prepareInputs,
  readScenarioFile,
} from './compare-scenarios.ts';
import { depositionGHaA } from './deposition.ts';
import { projectLocal } from './interpolation/grid.ts';
import { compilePlanningModel, evaluateScenario, modeValues } from './scenario-model.ts';
import { SMELTER, syntheticScenarioFile, writeSyntheticCase } from './testing/synthetic-case.ts';

const ZONE = 'paddy/safe_utilization/ph-5.5-6.5';
const scenarios = [
  { id: 'bau', name: 'business as usual', actions: [] },
  { id: 'lime', name: 'lime', actions: [{ measure: 'lime', zones: [ZONE] }] },
  {
    id: 'cut',
    name: 'cut the smelter 60 %',
    actions: [
      { measure: 'enterprise-emission-cut', enterprises: ['E1'], share: 0.6, startYear: 2025, years: 1 },
    ],
  },
  {
    id: 'phyto',
    name: 'Sedum three years',
    actions: [{ measure: 'phytoextraction-sedum-alfredii', zones: [ZONE], years: 3 }],
  },
];
const { file, dir } = writeSyntheticCase(syntheticScenarioFile(scenarios));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const spec = readScenarioFile(file);
const inputs = prepareInputs(spec, dirname(file));
const model = compilePlanningModel(spec, inputs);
const modes = modeValues(model);
const run = (id: string) =>
  evaluateScenario(model, model.scenarios.find((s) => s.id === id) ?? model.scenarios[0], modes, true);
const ha = inputs.cells.count * 0.04;
const mu = ha * 15;
const dC = 4000 / 2.25e6; // net 4 g/ha/a → 0.0017778 mg/kg/a

describe('zoning of the synthetic case', () => {
  it('one zone; area = cells × 20 m × 20 m, in ha and mu; volume to 0.2 m', () => {
    expect(inputs.zones.map((z) => z.id)).toEqual([ZONE]);
    const zone = inputs.zones[0];
    expect(zone.areaHa).toBeCloseTo(ha, 10);
    expect(zone.areaMu).toBeCloseTo(ha * 15, 10);
    expect(zone.volumeM3).toBeCloseTo(ha * 1e4 * 0.2, 6);
    expect(zone.meanConcentration.Cd).toBeCloseTo(0.5, 12);
    expect(zone.exceedanceAreaHa.Cd).toBeCloseTo(ha, 10);
  });
});

describe('projection (hand calculations)', () => {
  it('business as usual: C(t) = 0.5 + t · 0.0017778; crop 0.5·C > 0.2 so nothing is safe', () => {
    const bau = run('bau');
    const cd = bau.zones?.[0].metals.find((m) => m.metal === 'Cd');
    expect(cd?.concentration[0]).toBeCloseTo(0.5 + dC, 12);
    expect(cd?.concentration[9]).toBeCloseTo(0.5 + 10 * dC, 12);
    expect(cd?.yearBelowScreening).toBeNull();
    expect(cd?.cropConcentration?.[5]).toBeCloseTo(0.5 * (0.5 + 6 * dC), 12);
    expect(bau.exceedanceBeforeHa).toBeCloseTo(ha, 10);
    expect(bau.unsafeAfterHa).toBeCloseTo(ha, 10);
    expect(bau.targetShare).toBe(0);
    expect(bau.zones?.[0].unsafeAreaHa.after).toBeCloseTo(ha, 10);
    expect(bau.zones?.[0].exceedanceAreaHa.before).toBeCloseTo(ha, 10);
    expect(bau.costTotal).toBe(0);
  });

  it('lime: grain 0.5 × 0.5107 × (1 − 0.48) = 0.133 ≤ 0.2: all safe; cost 100 yuan/mu/a for 10 a; NPV by hand', () => {
    const lime = run('lime');
    expect(lime.targetShare).toBe(1);
    expect(lime.targetMet).toBe(true);
    expect(lime.costTotal).toBeCloseTo(mu * 100 * 10, 6);
    // Σ 1.1^−t, t = 0…9 = (1 − 1.1^−10)/(1 − 1/1.1) = 6.759024.
    expect(lime.npv).toBeCloseTo(mu * 100 * 6.759024, 2);
    expect(lime.carbonTCO2e).toBeCloseTo((mu * 66 * 10) / 1000, 9);
    expect(lime.areaTreatedHa).toBeCloseTo(ha, 10);
    const cd = lime.zones?.[0].metals.find((m) => m.metal === 'Cd');
    expect(cd?.yearCropMeetsLimit).toBe(2025);
  });

  it('smelter cut: from 2026 deposition falls by f · share · (zone-mean kernel deposition)', () => {
    const cells = inputs.cells;
    const e = projectLocal([SMELTER.lon], [SMELTER.lat], cells.origin);
    let mean = 0;
    for (let c = 0; c < cells.count; c++) {
      mean += depositionGHaA(SMELTER.cdKgA, Math.hypot(cells.x[c] - e.x[0], cells.y[c] - e.y[0]), {
        localFraction: 1,
        lengthScaleM: 1000,
      });
    }
    mean /= cells.count;
    const cutGHaA = 0.3 * 0.6 * mean;
    const cd = run('cut').zones?.[0].metals.find((m) => m.metal === 'Cd');
    expect(cd?.concentration[0]).toBeCloseTo(0.5 + dC, 12);
    expect(cd?.concentration[1]).toBeCloseTo(0.5 + dC + ((4 - cutGHaA) * 1000) / 2.25e6, 12);
    expect(cutGHaA).toBeGreaterThan(0.5);
  });

  it('Sedum 148 g/ha/a for three years: 0.5 − 3 × 0.06578 = 0.3027, below 0.4 in 2026', () => {
    const phyto = run('phyto');
    const cd = phyto.zones?.[0].metals.find((m) => m.metal === 'Cd');
    const down = ((4 - 148) * 1000) / 2.25e6; // −0.064 mg/kg/a
    expect(cd?.concentration[2]).toBeCloseTo(0.5 + 3 * down, 12);
    expect(cd?.concentration[5]).toBeCloseTo(0.5 + 3 * down + 3 * dC, 12);
    expect(cd?.yearBelowScreening).toBe(2026);
    expect(phyto.exceedanceAfterHa).toBe(0);
    expect(phyto.durationYears).toBe(3);
  });

  it('the closed enterprise contributes no deposition', () => {
    expect(inputs.enterprises[1].status).toBe('closed');
    expect(model.enterpriseDeposition[1]).toBe(0);
  });
});

describe('Monte Carlo over the synthetic case', () => {
  it('P(target) in business as usual = P(BCF ≤ 0.2/0.51067) for BCF ~ triangular(0.2, 0.5, 0.8) = 0.204', () => {
    // C(2030) = 0.5 + 6 · 0.0017778 = 0.510667; BCF ≤ 0.391645; F = (0.191645)² / (0.6 · 0.3) = 0.20404.
    const result = compareScenarioFile(file, { draws: 4000, seed: 11 });
    const bau = result.scenarios.find((s) => s.id === 'bau');
    expect(bau?.targetProbability).toBeCloseTo(0.204, 1);
    expect(Math.abs((bau?.targetProbability ?? 0) - 0.20404)).toBeLessThan(0.025);
    // Lime: P(BCF · (1 − u) ≤ 0.391645), u ~ triangular(0.3, 0.48, 0.6): integrate F_BCF(0.391645/(1 − u))
    // against the density of u by the midpoint rule.
    const cdf = (x: number, a: number, c: number, b: number) =>
      x <= a
        ? 0
        : x >= b
          ? 1
          : x <= c
            ? (x - a) ** 2 / ((b - a) * (c - a))
            : 1 - (b - x) ** 2 / ((b - a) * (b - c));
    const pdf = (x: number, a: number, c: number, b: number) =>
      x < a || x > b ? 0 : x <= c ? (2 * (x - a)) / ((b - a) * (c - a)) : (2 * (b - x)) / ((b - a) * (b - c));
    let p = 0;
    const steps = 20_000;
    for (let i = 0; i < steps; i++) {
      const u = 0.3 + ((i + 0.5) * 0.3) / steps;
      p += cdf(0.2 / (0.5 + 6 * dC) / (1 - u), 0.2, 0.5, 0.8) * pdf(u, 0.3, 0.48, 0.6) * (0.3 / steps);
    }
    expect(result.screeningValues.Cd).toBeCloseTo(0.4, 12);
    const lime = result.scenarios.find((s) => s.id === 'lime')?.targetProbability ?? 0;
    expect(Math.abs(lime - p)).toBeLessThan(0.02);
    expect(p).toBeGreaterThan(0.85);
    expect(p).toBeLessThan(1);
  });

  it('is reproducible by seed', () => {
    const a = compareScenarioFile(file, { draws: 300, seed: 5 });
    const b = compareScenarioFile(file, { draws: 300, seed: 5 });
    const c = compareScenarioFile(file, { draws: 300, seed: 6 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.scenarios[0].targetProbability).not.toBe(c.scenarios[0].targetProbability);
  });
});

describe('defaults', () => {
  it('target metals default to those exceeding (Cd 0.5 > 0.4; Pb 50 ≤ 100), the discount rate to 8 %', () => {
    const bare = syntheticScenarioFile(scenarios) as Record<string, unknown>;
    bare.target = { year: 2030 };
    delete bare.discountRate;
    const parsed = parseScenarioFile(bare);
    expect(parsed.discountRate).toBe(0.08);
    const m = compilePlanningModel(parsed, inputs);
    expect(m.targetMetals.map((k) => m.metals[k])).toEqual(['Cd']);
  });
});

describe('bad scenario files', () => {
  const expectError = (fn: () => unknown, pattern: RegExp) => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(SoilTraceError);
      expect((error as SoilTraceError).text.en).toMatch(pattern);
      return;
    }
    throw new Error('expected a SoilTraceError');
  };

  it('a schema violation names the JSON path', () => {
    const bad = syntheticScenarioFile(scenarios, { discountRate: '5%' });
    expectError(() => parseScenarioFile(bad), /discountRate/);
    const badAction = syntheticScenarioFile([
      { id: 'x', name: 'x', actions: [{ measure: 'lime', zones: 'A' }] },
    ]);
    expectError(() => parseScenarioFile(badAction), /scenarios\[0\]\.actions\[0\]\.zones/);
  });

  it('an unknown measure id, zone or enterprise names where it is', () => {
    const spec2 = parseScenarioFile(
      syntheticScenarioFile([{ id: 'x', name: 'x', actions: [{ measure: 'magic', zones: [ZONE] }] }]),
    );
    expectError(() => compilePlanningModel(spec2, inputs), /scenarios\[0\]\.actions\[0\]\.measure.*"magic"/);
    const spec3 = parseScenarioFile(
      syntheticScenarioFile([{ id: 'x', name: 'x', actions: [{ measure: 'lime', zones: ['nowhere'] }] }]),
    );
    expectError(() => compilePlanningModel(spec3, inputs), /zones\[0\].*"nowhere"/);
    const spec4 = parseScenarioFile(
      syntheticScenarioFile([
        { id: 'x', name: 'x', actions: [{ measure: 'enterprise-closure', enterprises: ['E9'] }] },
      ]),
    );
    expectError(() => compilePlanningModel(spec4, inputs), /enterprises\[0\].*"E9"/);
  });

  it('a missing referenced file names the field and the path', () => {
    const spec5 = parseScenarioFile({
      ...syntheticScenarioFile(scenarios),
      inputs: { samples: 'data/nope.csv' },
    });
    expectError(() => prepareInputs(spec5, dirname(file)), /inputs\.samples.*nope\.csv/);
  });
});

describe('zone polygons and job control', () => {
  it('GeoJSON zones take the cells whose centres they contain', () => {
    // The western half of the sample square (lon 120.000–120.001).
    writeFileSync(
      join(dir, 'west.geojson'),
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { id: 'west', land_use: 'paddy' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [119.999, 29.999],
                  [120.001, 29.999],
                  [120.001, 30.003],
                  [119.999, 30.003],
                  [119.999, 29.999],
                ],
              ],
            },
          },
        ],
      }),
    );
    const withPolygons = parseScenarioFile({
      ...syntheticScenarioFile(scenarios),
      inputs: { samples: 'data/samples.csv', zonePolygons: 'west.geojson' },
    });
    const polygonInputs = prepareInputs(withPolygons, dir);
    const inside = Array.from(inputs.cells.lon).filter((lon) => lon < 120.001).length;
    expect(polygonInputs.zones.map((z) => z.id)).toEqual(['west']);
    expect(polygonInputs.zones[0].areaHa).toBeCloseTo(inside * 0.04, 10);
    expect(polygonInputs.zones[0].soilClass).toBe('safe_utilization');
  });

  it('reports progress and stops when aborted', () => {
    const seen: number[] = [];
    compareScenarios(spec, inputs, { draws: 600, seed: 1, onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(4);
    expect(seen[seen.length - 1]).toBeCloseTo(1, 12);
    const controller = new AbortController();
    controller.abort(new Error('cancelled by the user'));
    expect(() => compareScenarios(spec, inputs, { draws: 600, seed: 1, signal: controller.signal })).toThrow(
      /cancelled/,
    );
  });
});

describe('construction land', () => {
  // Class-2 construction land with Pb 1000 mg/kg: above the GB 36600 screening value 800, below the
  // intervention value 2500. Excavation removes 95 % of the layer at the end of its one works year.
  const site = writeSyntheticCase(
    syntheticScenarioFile(
      [
        {
          id: 'dig',
          name: 'excavate',
          actions: [{ measure: 'excavation-offsite-disposal', where: {}, years: 1 }],
        },
        { id: 'cap', name: 'cap', actions: [{ measure: 'capping-barrier', where: {}, years: 1 }] },
      ],
      {
        target: { year: 2030, metals: ['Pb'], criterion: 'safe-utilization', landUses: ['construction_2'] },
        crops: [],
      },
    ),
    { landUse: 'construction_2', pH: 7, Cd: 1, Pb: 1000 },
  );
  afterAll(() => rmSync(site.dir, { recursive: true, force: true }));
  const siteSpec = readScenarioFile(site.file);
  const siteInputs = prepareInputs(siteSpec, site.dir);
  const siteModel = compilePlanningModel(siteSpec, siteInputs);
  const siteModes = modeValues(siteModel);
  const zone = siteInputs.zones[0];

  it('zones by GB 36600 class; excavation: cost = volume × 800 yuan/m³, carbon 1654 kg/m³, Pb 1000 → 50', () => {
    expect(siteInputs.zones.map((z) => z.id)).toEqual(['construction_2/above_screening']);
    const dig = evaluateScenario(siteModel, siteModel.scenarios[0], siteModes, true);
    expect(dig.costTotal).toBeCloseTo(zone.volumeM3 * 800, 4);
    expect(dig.volumeTreatedM3).toBeCloseTo(zone.volumeM3, 6);
    expect(dig.carbonTCO2e).toBeCloseTo((zone.volumeM3 * 1654) / 1000, 6);
    const pb = dig.zones?.[0].metals.find((m) => m.metal === 'Pb');
    // Year 1: (1000 + 10 × 1000 / 2.25e6) × (1 − 0.95) = 50.000222.
    expect(pb?.concentration[0]).toBeCloseTo(50.000222, 5);
    expect(pb?.yearBelowScreening).toBe(2025);
    expect(dig.exceedanceAfterHa).toBe(0);
    expect(dig.targetMet).toBe(true);
  });

  it('capping leaves the metal but cuts exposure 95 %: counted as risk-controlled, still exceeding', () => {
    const cap = evaluateScenario(siteModel, siteModel.scenarios[1], siteModes, true);
    expect(cap.exceedanceAfterHa).toBeCloseTo(zone.areaHa, 10);
    expect(cap.targetShare).toBe(1);
    expect(cap.costTotal).toBeCloseTo(zone.areaMu * 100_000, 3);
  });
});
