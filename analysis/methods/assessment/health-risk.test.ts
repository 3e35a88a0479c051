import { describe, expect, it } from 'vitest';
import {
  averageDailyDoses,
  healthRisk,
  healthRiskOfSamples,
  metalHealthRisk,
  withExposure,
  withToxicity,
} from './health-risk.ts';
import {
  DEFAULT_TOXICITY,
  HJ25_3_2014_PARAMETERS,
  HJ25_3_2019_PARAMETERS,
} from './standards/health-risk-parameters.ts';

// Worked example by hand: As = 10 mg/kg, child, HJ 25.3-2014 parameters
// (IngR 200 mg/d, EF 350 d/a, ED 6 a, BW 15.9 kg, InhR 7.5 m³/d, PEF 1.36e9 m³/kg, SA 2800 cm²,
// AF 0.2 mg/cm², ABS 0.001). Non-carcinogenic AT = 6 · 365 = 2190 d; BW · AT = 15.9 · 2190 = 34821.
//   ADD_ing  = 10 · 200 · 350 · 6 · 1e-6 / 34821 = 4.2 / 34821 = 1.206169e-4
//   ADD_derm = 10 · 2800 · 0.2 · 0.001 · 350 · 6 · 1e-6 / 34821 = 0.01176 / 34821 = 3.377272e-7
//   ADD_inh  = 10 · 7.5 · 350 · 6 / (1.36e9 · 34821) = 157500 / 4.735656e13 = 3.325833e-9
//   HQ_ing = 1.206169e-4 / 3e-4 = 0.4020562; HQ_derm = 3.377272e-7 / 1.23e-4 = 2.745750e-3;
//   HQ_inh = 3.325833e-9 / 3.01e-4 = 1.104928e-5;  HI = 0.4048130
// Carcinogenic AT = 26280 d; BW · AT = 15.9 · 26280 = 417852.
//   ADD_ing = 4.2 / 417852 = 1.005141e-5 → CR_ing = 1.5 · 1.005141e-5 = 1.507711e-5
//   ADD_inh = 157500 / (1.36e9 · 417852) = 2.771527e-10 → CR_inh = 15.1 · 2.771527e-10 = 4.185006e-9
//   No dermal SF in the table → CR_derm not computed; CR = 1.508129e-5 (> 1e-6, < 1e-4)
describe('health risk, worked example (As 10 mg/kg, child, HJ 25.3-2014)', () => {
  const r = metalHealthRisk('As', 10, 'child', HJ25_3_2014_PARAMETERS, DEFAULT_TOXICITY);
  const rel = (actual: number | null, expected: number) => {
    expect(actual).not.toBeNull();
    expect(Math.abs((actual as number) / expected - 1)).toBeLessThan(1e-6);
  };
  it('doses', () => {
    rel(r.dosesNonCancer.ingestion, 1.206169e-4);
    rel(r.dosesNonCancer.dermal, 3.377272e-7);
    rel(r.dosesNonCancer.inhalation, 3.325833e-9);
  });
  it('hazard quotients and index', () => {
    rel(r.hq.ingestion, 0.4020562);
    rel(r.hq.dermal, 2.74575e-3);
    rel(r.hq.inhalation, 1.104928e-5);
    rel(r.hi, 0.404813);
  });
  it('carcinogenic risk', () => {
    rel(r.cr.ingestion, 1.507711e-5);
    rel(r.cr.inhalation, 4.185006e-9);
    expect(r.cr.dermal).toBeNull();
    rel(r.crTotal, 1.508129e-5);
    expect(r.verify).toBe(true); // the As inhalation/dermal values are marked verify
  });
});

describe('parameter sets and editing', () => {
  it('HJ 25.3-2019 adult: BW 61.8, ED 24, AT 24·365 = 8760', () => {
    // ADD_ing = 10 · 100 · 350 · 24 · 1e-6 / (61.8 · 8760) = 8.4 / 541368 = 1.551625e-5
    const d = averageDailyDoses(10, HJ25_3_2019_PARAMETERS.adult, 24 * 365);
    expect(Math.abs(d.ingestion / 1.551625e-5 - 1)).toBeLessThan(1e-6);
    expect(HJ25_3_2019_PARAMETERS.adult.averagingTimeCancer).toBe(27740);
    expect(HJ25_3_2019_PARAMETERS.child.bodyWeight).toBe(19.2);
  });
  it('edits a copy, not the named defaults', () => {
    const edited = withExposure(HJ25_3_2014_PARAMETERS, 'child', { bodyWeight: 31.8 });
    expect(edited.id).toBe('hj25.3-2014+edited');
    expect(HJ25_3_2014_PARAMETERS.child.bodyWeight).toBe(15.9);
    // Doubling BW halves HQ: 0.4020562 / 2.
    expect(metalHealthRisk('As', 10, 'child', edited).hq.ingestion).toBeCloseTo(0.2010281, 6);
    const tox = withToxicity(DEFAULT_TOXICITY, 'As', { sfDermal: 1.5 });
    // CR_derm = 3.377272e-7 · 2190/26280 · 1.5 = 2.814393e-8 · 1.5 = 4.221590e-8
    expect(metalHealthRisk('As', 10, 'child', HJ25_3_2014_PARAMETERS, tox).cr.dermal).toBeCloseTo(
      4.22159e-8,
      12,
    );
    expect(DEFAULT_TOXICITY.values.As.sfDermal).toBeUndefined();
  });
  it('sums metals: Zn has only HQ, Cd adds inhalation CR', () => {
    // Zn 300 mg/kg child: HQ_ing = 300·200·2100e-6/34821/0.3 = 126/34821/0.3 = 1.206169e-2
    const r = healthRisk({ As: 10, Zn: 300 });
    const zn = r.child.metals.find((m) => m.metal === 'Zn');
    expect(zn?.hq.ingestion).toBeCloseTo(1.206169e-2, 7);
    expect(zn?.crTotal).toBeNull();
    expect(r.child.hi).toBeCloseTo(0.404813 + (zn?.hi ?? 0), 6);
    expect(r.child.crTotal).toBeCloseTo(1.508129e-5, 10);
    expect(r.child.hiAcceptable).toBe(true);
    expect(r.parameterSet.id).toBe('hj25.3-2014');
  });
});

describe('many samples', () => {
  it('shares above HI 1, using the per-mg/kg As child HI of the worked example (0.0404813)', () => {
    // As 10 → HI 0.404813; As 30 → 1.214439 (> 1); As 2.5 → 0.101203. Share above 1: 1/3.
    const r = healthRiskOfSamples([
      { sampleId: 'a', concentrations: { As: 10 } },
      { sampleId: 'b', concentrations: { As: 30 } },
      { sampleId: 'c', concentrations: { As: 2.5 } },
    ]);
    expect(r.samples[1].child.hi).toBeCloseTo(1.214439, 5);
    expect(r.child.maxHi).toBeCloseTo(1.214439, 5);
    expect(r.child.shareHiAbove1).toBeCloseTo(1 / 3, 12);
    expect(r.adult.shareHiAbove1).toBe(0);
    // As 30 child CR = 3 · 1.508129e-5 = 4.524388e-5 (< 1e-4)
    expect(r.child.maxCr).toBeCloseTo(4.524388e-5, 10);
    expect(r.child.shareCrAbove1e4).toBe(0);
  });
});
