import { describe, expect, it } from 'vitest';
import { fluxBalance, fluxBalanceByZone } from './flux-balance.ts';
import {
  firstOrderConcentration,
  lossRateFromOutputs,
  yearsToReachFirstOrder,
  yearsToReachLinear,
} from './projection.ts';
import { concentrationRate, soilMassKgPerHa } from './soil-mass.ts';

describe('plough-layer balance by hand', () => {
  it('soil mass: 20 cm × 1.3 g/cm³ → 2.6e6 kg/ha; 150,000 kg/mu = 2.25e6 kg/ha', () => {
    expect(soilMassKgPerHa(20, 1.3)).toBeCloseTo(2.6e6, 6);
    expect(soilMassKgPerHa(15, 1.5)).toBeCloseTo(2.25e6, 6);
  });
  it('net input 4 g/ha/a into 2.25e6 kg/ha → +0.00178 mg/kg/a; from 0.50 to 0.60 in 56.25 a', () => {
    const rate = concentrationRate(4, 2.25e6);
    expect(rate).toBeCloseTo(0.0017778, 7);
    expect(yearsToReachLinear(0.5, 0.6, rate)).toBeCloseTo(56.25, 9);
    expect(yearsToReachLinear(0.7, 0.6, rate)).toBe(0);
    expect(yearsToReachLinear(0.5, 0.6, -rate)).toBe(Number.POSITIVE_INFINITY);
  });
  it('pathway shares and ΔC for Cd: deposition 4.8 + manure 6 + fertiliser 1.2 in, crops 2 out', () => {
    const records = [
      { pathway: 'deposition', direction: 'input' as const, zone: '', metal: 'Cd', flux: 4.8 },
      { pathway: 'manure', direction: 'input' as const, zone: '', metal: 'Cd', flux: 6 },
      { pathway: 'fertilizer', direction: 'input' as const, zone: '', metal: 'Cd', flux: 1.2 },
      { pathway: 'crop', direction: 'output' as const, zone: '', metal: 'Cd', flux: 2 },
    ];
    const [cd] = fluxBalance(records, 2.6e6);
    expect(cd.totalInput).toBeCloseTo(12, 12);
    expect(cd.inputs.map((p) => p.share)).toEqual([0.4, 0.5, 0.1].map((v) => expect.closeTo(v, 12)));
    expect(cd.outputs[0].share).toBe(1);
    // (12 − 2) × 1000 / 2.6e6 = 0.0038462 mg/kg/a
    expect(cd.accumulation).toBeCloseTo(10_000 / 2.6e6, 12);
  });
  it('zones: equal-weight or area-weighted mean with missing pathways as 0, or one balance per zone', () => {
    const records = [
      { pathway: 'deposition', direction: 'input' as const, zone: 'A', metal: 'Pb', flux: 100 },
      { pathway: 'deposition', direction: 'input' as const, zone: 'B', metal: 'Pb', flux: 60 },
      { pathway: 'irrigation', direction: 'input' as const, zone: 'A', metal: 'Pb', flux: 20 },
    ];
    const [mean] = fluxBalance(records, 2.6e6);
    expect(mean.inputs.find((p) => p.pathway === 'deposition')?.flux).toBe(80);
    expect(mean.inputs.find((p) => p.pathway === 'irrigation')?.flux).toBe(10);
    expect(mean.inputs[0].share).toBeCloseTo(80 / 90, 12);
    // Areas 3 : 1 → deposition (3·100 + 60)/4 = 90, irrigation 3·20/4 = 15.
    const [weighted] = fluxBalance(records, 2.6e6, {
      zoneWeights: new Map([
        ['A', 300],
        ['B', 100],
      ]),
    });
    expect(weighted.inputs.map((p) => p.flux)).toEqual([90, 15]);
    const zones = fluxBalanceByZone(records, 2.6e6);
    expect(zones.map((z) => [z.zone, z.totalInput])).toEqual([
      ['A', 120],
      ['B', 60],
    ]);
  });
});

describe('first-order projection C(t) = i/k + (C0 − i/k)·e^(−kt)', () => {
  const i = 0.004; // mg/kg/a
  const k = 0.002; // 1/a → steady state 2 mg/kg
  it('the years found give back the target concentration', () => {
    const t = yearsToReachFirstOrder(0.5, 0.6, i, k);
    expect(firstOrderConcentration(t, 0.5, i, k)).toBeCloseTo(0.6, 12);
    // By hand: t = −ln((0.6 − 2)/(0.5 − 2))/0.002 = 500·ln(1.5/1.4)
    expect(t).toBeCloseTo(500 * Math.log(1.5 / 1.4), 10);
  });
  it('never reached when the steady state is below the target; the loss constant matches the outputs', () => {
    expect(yearsToReachFirstOrder(0.5, 3, i, k)).toBe(Number.POSITIVE_INFINITY);
    expect(lossRateFromOutputs(0.001, 0.5)).toBeCloseTo(0.002, 15);
    // Starting slope equals the linear net rate i − k·C0.
    const h = 1e-6;
    expect((firstOrderConcentration(h, 0.5, i, k) - 0.5) / h).toBeCloseTo(i - k * 0.5, 8);
  });
});
