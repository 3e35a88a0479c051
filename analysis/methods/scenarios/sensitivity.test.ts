import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareInputs, readScenarioFile } from './compare-scenarios.ts';
import { compilePlanningModel } from './scenario-model.ts';
import { tornado } from './sensitivity.ts';
import { syntheticScenarioFile, writeSyntheticCase } from './testing/synthetic-case.ts';

// Synthetic case (testing/synthetic-case.ts): C(2030) = 0.5 + 6 × 4000/2.25e6 = 0.510667 mg/kg Cd.
const { dir, file } = writeSyntheticCase(
  syntheticScenarioFile([
    { id: 'bau', name: 'bau', actions: [] },
    { id: 'fallow', name: 'fallow', actions: [{ measure: 'fallow', where: {}, years: 3 }] },
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
});
