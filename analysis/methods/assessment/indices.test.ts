import { describe, expect, it } from 'vitest';
import { classify } from './band-scheme.ts';
import {
  ER_BANDS,
  ecologicalRiskFactor,
  RI_BANDS,
  rescaledRiBands,
  riBandsWith,
  riskIndex,
} from './ecological-risk.ts';
import { ENRICHMENT_BANDS, enrichmentFactor } from './enrichment-factor.ts';
import { GEOACCUMULATION_BANDS, geoaccumulationIndex } from './geoaccumulation-index.ts';
import { NEMEROW_BANDS, nemerowIndex } from './nemerow-index.ts';
import { SINGLE_FACTOR_BANDS, singleFactorIndex } from './single-factor-index.ts';

// Worked by hand. A paddy sample at pH 6.0 (GB 15618 band 5.5 < pH ≤ 6.5): Cd 0.8, Pb 50, As 15
// mg/kg, Fe 40000 mg/kg. Screening values (paddy, band 1): Cd 0.4, Pb 100, As 30.
// Background (a local table for round numbers): Cd 0.2, Pb 25, As 10, Fe 20000.
//   Pi: Cd 0.8/0.4 = 2.0 (light: 1 < Pi ≤ 2); Pb 50/100 = 0.5; As 15/30 = 0.5 (clean)
//   PN = sqrt((mean² + max²)/2) = sqrt((1.0² + 2.0²)/2) = sqrt(2.5) = 1.58113883 (light)
//   Igeo: Cd log2(0.8/(1.5·0.2)) = log2(2.6667) = 1.41503750 (class 2)
//         Pb log2(50/37.5) = log2(1.3333) = 0.41503750 (class 1); As log2(15/15) = 0 (class 0)
//   Er:   Cd 30·0.8/0.2 = 120 (considerable); Pb 5·50/25 = 10 (low); As 10·15/10 = 15 (low)
//   RI = 120 + 10 + 15 = 145 (low, < 150)
//   EF(Cd, Fe) = (0.8/40000)/(0.2/20000) = 2e-5/1e-5 = 2.0 (moderate: 2 ≤ EF < 5)
describe('index example worked by hand', () => {
  it('single-factor index and class', () => {
    expect(singleFactorIndex(0.8, 0.4)).toBeCloseTo(2.0, 12);
    expect(classify(2.0, SINGLE_FACTOR_BANDS).code).toBe('light');
    expect(classify(0.5, SINGLE_FACTOR_BANDS).code).toBe('clean');
  });
  it('Nemerow index', () => {
    const pn = nemerowIndex([2.0, 0.5, 0.5]);
    expect(pn).toBeCloseTo(1.58113883, 8);
    expect(classify(pn, NEMEROW_BANDS).code).toBe('light');
  });
  it('geoaccumulation index', () => {
    expect(geoaccumulationIndex(0.8, 0.2)).toBeCloseTo(1.4150375, 7);
    expect(geoaccumulationIndex(50, 25)).toBeCloseTo(0.4150375, 7);
    expect(geoaccumulationIndex(15, 10)).toBeCloseTo(0, 12);
    expect(classify(1.4150375, GEOACCUMULATION_BANDS).level).toBe(2);
    expect(classify(0.4150375, GEOACCUMULATION_BANDS).level).toBe(1);
    expect(classify(0, GEOACCUMULATION_BANDS).level).toBe(0);
  });
  it('ecological risk', () => {
    const ers = [
      ecologicalRiskFactor(0.8, 0.2, 30),
      ecologicalRiskFactor(50, 25, 5),
      ecologicalRiskFactor(15, 10, 10),
    ];
    expect(ers[0]).toBeCloseTo(120, 10);
    expect(ers[1]).toBeCloseTo(10, 10);
    expect(ers[2]).toBeCloseTo(15, 10);
    expect(classify(ers[0], ER_BANDS).code).toBe('considerable');
    expect(riskIndex(ers)).toBeCloseTo(145, 10);
    expect(classify(145, RI_BANDS).code).toBe('low');
  });
  it('enrichment factor', () => {
    expect(enrichmentFactor(0.8, 40000, 0.2, 20000)).toBeCloseTo(2.0, 12);
    expect(classify(2.0, ENRICHMENT_BANDS).code).toBe('moderate');
    expect(classify(1.99, ENRICHMENT_BANDS).code).toBe('minimal');
  });
});

describe('class boundaries as the schemes state them', () => {
  it.each([
    [1, 'clean'],
    [1.0001, 'light'],
    [3, 'moderate'],
    [3.0001, 'heavy'],
  ])('Pi %f → %s (≤ belongs to the lower class)', (pi, code) => {
    expect(classify(pi, SINGLE_FACTOR_BANDS).code).toBe(code);
  });
  it.each([
    [0.7, 'safe'],
    [0.71, 'warning'],
    [1, 'warning'],
    [2.5, 'moderate'],
    [3.1, 'heavy'],
  ])('PN %f → %s', (pn, code) => {
    expect(classify(pn, NEMEROW_BANDS).code).toBe(code);
  });
  it.each([
    [-1, 0],
    [1, 1],
    [1.01, 2],
    [5, 5],
    [5.01, 6],
  ])('Igeo %f → class %i', (igeo, level) => {
    expect(classify(igeo, GEOACCUMULATION_BANDS).level).toBe(level);
  });
  it.each([
    [39.9, 'low'],
    [40, 'moderate'],
    [160, 'high'],
    [320, 'very_high'],
  ])('Er %f → %s (≥ belongs to the upper class)', (er, code) => {
    expect(classify(er, ER_BANDS).code).toBe(code);
  });
  it.each([
    [149.9, 'low'],
    [150, 'moderate'],
    [600, 'very_high'],
  ])('RI %f → %s', (ri, code) => {
    expect(classify(ri, RI_BANDS).code).toBe(code);
  });
});

describe('configurable RI bands', () => {
  it('takes user thresholds such as 135/265/525', () => {
    const bands = riBandsWith([135, 265, 525]);
    expect(classify(140, bands).code).toBe('moderate');
    expect(classify(530, bands).code).toBe('very_high');
    expect(() => riBandsWith([300, 150, 600])).toThrow(RangeError);
    expect(() => riBandsWith([150, 300])).toThrow(RangeError);
  });
  it('rescales by Σ Tr: Cd, Pb, As → ΣTr 45 → 150·45/133 = 50.75 → 50, 100, 200', () => {
    expect(rescaledRiBands(['Cd', 'Pb', 'As']).thresholds).toEqual([50, 100, 200]);
  });
});
