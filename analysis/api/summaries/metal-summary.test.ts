import { describe, expect, it } from 'vitest';
import { summarizeMetal } from './metal-summary.ts';

describe('summarizeMetal', () => {
  it('matches a hand calculation of the descriptive statistics', () => {
    // Cd, mg/kg: 0.1 0.2 0.3 0.4 1.0 plus one missing value.
    // mean = 2.0/5 = 0.4; deviations −0.3 −0.2 −0.1 0 0.6 → Σd² = 0.09+0.04+0.01+0+0.36 = 0.50;
    // SD = √(0.50/4) = 0.353553…; CV = 0.353553/0.4 = 0.883883…
    // Type 7 percentiles, h = 4p: P10 → 0.1 + 0.4·0.1 = 0.14; P25 → 0.2; P75 → 0.4; P90 → 0.4 + 0.6·0.6 = 0.76.
    const s = summarizeMetal('Cd', [0.1, 0.2, 0.3, 0.4, 1.0, Number.NaN], null);
    expect(s.n).toBe(5);
    expect(s.min).toBe(0.1);
    expect(s.max).toBe(1.0);
    expect(s.mean).toBeCloseTo(0.4, 12);
    expect(s.median).toBeCloseTo(0.3, 12);
    expect(s.sd).toBeCloseTo(Math.sqrt(0.125), 12);
    expect(s.cv).toBeCloseTo(Math.sqrt(0.125) / 0.4, 12);
    expect(s.p10).toBeCloseTo(0.14, 12);
    expect(s.p25).toBeCloseTo(0.2, 12);
    expect(s.p75).toBeCloseTo(0.4, 12);
    expect(s.p90).toBeCloseTo(0.76, 12);
    // CNEMC 1990 national A-horizon mean for Cd (shared/reference/soil-standards.md).
    expect(s.background).toBe(0.097);
    expect(s.screening).toBeNull();
  });

  it('counts exceedances per sample against GB 15618-2018 Table 1 with each sample’s land use and pH', () => {
    // Cd screening values: paddy pH ≤ 5.5 → 0.3; paddy 6.5–7.5 → 0.6; other pH ≤ 5.5 → 0.3;
    // other pH > 7.5 → 0.6. Construction land and samples without pH are not classified.
    const values = [0.35, 0.5, 0.31, 0.5, 9, 9];
    const sites = {
      pH: [5.0, 7.0, 5.5, 8.0, 6.0, Number.NaN],
      landUse: ['paddy', 'paddy', 'dryland', 'dryland', 'construction_2', 'paddy'],
    };
    const s = summarizeMetal('Cd', values, sites);
    // 0.35 > 0.3 yes; 0.5 > 0.6 no; 0.31 > 0.3 yes; 0.5 > 0.6 no → 2 of 4.
    expect(s.nAboveScreening).toBe(2);
    expect(s.shareAboveScreening).toBe(0.5);
    // Shown value: prevailing land use paddy (3 of 6), median pH of 5.0 5.5 6.0 7.0 8.0 = 6.0 → 0.4.
    expect(s.screening).toBe(0.4);
    expect(s.screeningBasis).toContain('5.5 < pH ≤ 6.5');
  });

  it('gives nulls, not zeros, for an empty column', () => {
    const s = summarizeMetal('Hg', [Number.NaN], { pH: [6], landUse: ['paddy'] });
    expect(s.n).toBe(0);
    expect(s.mean).toBeNull();
    expect(s.sd).toBeNull();
    expect(s.nAboveScreening).toBeNull();
  });
});
