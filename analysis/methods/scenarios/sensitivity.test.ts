import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareInputs, readScenarioFile } from './compare-scenarios.ts';
import { DEFAULT_MEASURES } from './measure-library.ts';
import { compilePlanningModel, unitZh } from './scenario-model.ts';
import { tornado } from './sensitivity.ts';
import { syntheticScenarioFile, writeSyntheticCase } from './testing/synthetic-case.ts';

// Synthetic case (testing/synthetic-case.ts): C(2030) = 0.5 + 6 × 4000/2.25e6 = 0.510667 mg/kg Cd.
const { dir, file } = writeSyntheticCase(
  syntheticScenarioFile([
    { id: 'bau', name: 'bau', actions: [] },
    { id: 'fallow', name: 'fallow', actions: [{ measure: 'fallow', where: {}, years: 3 }] },
    {
      id: 'everything',
      name: 'every library measure',
      actions: DEFAULT_MEASURES.map((m) =>
        m.target === 'enterprise' ? { measure: m.id, enterprises: ['E1'] } : { measure: m.id, where: {} },
      ),
    },
    {
      id: 'own-share',
      name: 'own share',
      actions: [{ measure: 'enterprise-emission-cut', enterprises: ['E1'], share: [0.2, 0.5, 0.9] }],
    },
  ]),
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const spec = readScenarioFile(file);
const model = compilePlanningModel(spec, prepareInputs(spec, dir));

describe('tornado', () => {
  it('business as usual: only the BCF moves the share safely used (0.2 → 1, 0.8 → 0)', () => {
    const t = tornado(model, model.scenarios[0], 'targetShare');
    // Mode BCF 0.5: grain 0.255 > 0.2 → 0. Low 0.2: grain 0.102 → 1. High 0.8: 0.
    expect(t.base).toBe(0);
    expect(t.bars[0].key).toBe('crop:rice:bcf:Cd');
    expect(t.bars[0].atLow).toBe(1);
    expect(t.bars[0].atHigh).toBe(0);
    expect(t.bars[0].swing).toBe(1);
  });

  it('fallow: NPV swings with the subsidy range 500–1200 yuan/mu/a over three years', () => {
    const t = tornado(model, model.scenarios[1], 'npv');
    const mu = model.zones[0].areaMu;
    // Σ 1.1^−t, t = 0…2 = 1 + 0.909091 + 0.826446 = 2.735537.
    const annuity = 1 + 1 / 1.1 + 1 / 1.21;
    const bar = t.bars[0];
    expect(bar.key).toBe('measure:fallow:cost');
    expect(bar.atLow).toBeCloseTo(mu * 500 * annuity, 6);
    expect(bar.atHigh).toBeCloseTo(mu * 1200 * annuity, 6);
    expect(t.base).toBeCloseTo(mu * 800 * annuity, 6);
  });

  it('labels every parameter and tornado bar in Chinese and English', () => {
    const keys = new Set(model.parameters.map((p) => p.key));
    // Every measure contributes at least its cost slot, so all of them were compiled.
    for (const m of DEFAULT_MEASURES) expect(keys.has(`measure:${m.id}:cost`), m.id).toBe(true);
    for (const p of model.parameters) {
      expect(p.label.trim(), p.key).not.toBe('');
      expect(p.labelZh, p.key).toMatch(/[\u4e00-\u9fff]/);
    }
    const fallowCost = model.parameters.find((p) => p.key === 'measure:fallow:cost');
    expect(fallowCost?.label).toBe('fallow: unit cost (yuan/mu/a)');
    expect(fallowCost?.labelZh).toBe('休耕：单位成本（元/亩/年）');
    expect(model.parameters.find((p) => p.key === 'crop:rice:bcf:Cd')?.labelZh).toBe(
      'rice Cd 富集系数（BCF）',
    );
    expect(unitZh('kg CO2e/m3')).toBe('kg CO2e/m³');
    expect(unitZh('yuan/enterprise')).toBe('元/家');
    for (const scenario of model.scenarios) {
      for (const metric of ['npv', 'targetShare'] as const) {
        for (const bar of tornado(model, scenario, metric).bars) {
          const p = model.parameters.find((q) => q.key === bar.key);
          expect([bar.label, bar.labelZh]).toEqual([p?.label, p?.labelZh]);
        }
      }
    }
  });
});
