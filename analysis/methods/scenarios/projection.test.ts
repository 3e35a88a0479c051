import { describe, expect, it } from 'vitest';
import {
  affineProjection,
  CONVENTIONAL_SOIL_MASS_KG_HA,
  concentrationChangePerYear,
  exponentialProjection,
  firstYearAtOrAbove,
  firstYearAtOrBelow,
  projectConcentration,
  soilMassKgPerHa,
} from './projection.ts';

describe('plough-layer mass balance', () => {
  it('soil mass: 20 cm at 1.3 g/cm³ is 2.6e6 kg/ha; 150,000 kg/mu is 2.25e6 kg/ha', () => {
    expect(soilMassKgPerHa(0.2, 1.3)).toBeCloseTo(2.6e6, 6);
    expect(150_000 * 15).toBe(CONVENTIONAL_SOIL_MASS_KG_HA);
  });

  it('net input 4 g/ha/a into 2.25e6 kg/ha raises Cd by 0.00178 mg/kg/a (4 × 1000 / 2.25e6)', () => {
    expect(concentrationChangePerYear(4, 2.25e6)).toBeCloseTo(0.0017778, 7);
  });

  it('C0 0.50 mg/kg with +4 g/ha/a: linear by year, and reaches 0.51 in year 6 (0.01 / 0.0017778 = 5.63)', () => {
    const years = 10;
    const series = projectConcentration(
      0.5,
      { inputs: new Array(years).fill(6), outputs: new Array(years).fill(2) },
      2.25e6,
    );
    expect(series[0]).toBeCloseTo(0.5017778, 7);
    expect(series[9]).toBeCloseTo(0.5 + 10 * (4000 / 2.25e6), 10);
    // End of 2025 is year 1; year 6 is 2030.
    expect(firstYearAtOrAbove(series, 2025, 0.51)).toBe(2030);
    expect(firstYearAtOrAbove(series, 2025, 0.6)).toBeNull();
  });

  it('a net loss of 9 g/ha/a brings 0.5 mg/kg below the 0.4 screening value in year 26 (0.1 / 0.004 = 25)', () => {
    const years = 30;
    const series = projectConcentration(
      0.5,
      { inputs: new Array(years).fill(1), outputs: new Array(years).fill(10) },
      2.25e6,
    );
    // ΔC = −9 × 1000 / 2.25e6 = −0.004 mg/kg/a: 0.5 − 25 × 0.004 = 0.4 exactly at the end of year 25.
    expect(series[24]).toBeCloseTo(0.4, 12);
    expect(firstYearAtOrBelow(series, 2025, 0.4 + 1e-12)).toBe(2049);
  });

  it('removal shares and one-off reductions: hand-computed two years', () => {
    // Year 1: C = 1.0 × (1 − 0.1) + 0 = 0.9; year 2: 0.9 × 0.9 = 0.81, then × (1 − 0.5) = 0.405.
    const series = projectConcentration(
      1,
      { inputs: [0, 0], outputs: [0, 0], removalFraction: [0.1, 0.1], oneTimeReduction: [0, 0.5] },
      2.25e6,
    );
    expect(series[0]).toBeCloseTo(0.9, 12);
    expect(series[1]).toBeCloseTo(0.405, 12);
  });

  it('the affine form reproduces the stepped projection for any C0', () => {
    const balance = {
      inputs: [5, 5, 3, 3, 3],
      outputs: [2, 2, 2, 150, 2],
      removalFraction: [0, 0.05, 0.05, 0, 0],
      oneTimeReduction: [0, 0, 0.3, 0, 0],
    };
    const { a, b } = affineProjection(balance, 2.6e6);
    for (const c0 of [0.2, 0.5, 1.7]) {
      const series = projectConcentration(c0, balance, 2.6e6);
      for (let t = 0; t < 5; t++) expect(a[t] * c0 + b[t]).toBeCloseTo(series[t], 12);
    }
  });

  it('first-order losses approach I/(kM) (soil-standards.md closed form)', () => {
    // I = 4 g/ha/a, k = 0.02/a, M = 2.25e6: steady state 4000 / (0.02 × 2.25e6) = 0.0889 mg/kg.
    expect(exponentialProjection(0.5, 4, 0.02, 2.25e6, 1e4)).toBeCloseTo(0.088889, 5);
    expect(exponentialProjection(0.5, 4, 0.02, 2.25e6, 0)).toBeCloseTo(0.5, 12);
    // t = 10: 0.08889 + (0.5 − 0.08889)·e^(−0.2) = 0.08889 + 0.41111 × 0.818731 = 0.42548.
    expect(exponentialProjection(0.5, 4, 0.02, 2.25e6, 10)).toBeCloseTo(0.42548, 4);
  });
});
