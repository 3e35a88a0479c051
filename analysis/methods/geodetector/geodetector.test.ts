import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasShared, sharedPath } from '../../../tests/support/shared-data.ts';
import { ecologicalDetector } from './ecological-detector.ts';
import { factorDetector } from './factor-detector.ts';
import { geoDetector } from './geodetector.ts';
import { interactionKind } from './interaction-detector.ts';
import { encodeStrata } from './strata.ts';

function readCollectData() {
  const [header, ...lines] = readFileSync(sharedPath('data/geodetector/CollectData.csv'), 'utf8')
    .trim()
    .split(/\r?\n/);
  const names = header.split(',');
  const rows = lines.map((l) => l.split(','));
  const column = (name: string) => rows.map((r) => r[names.indexOf(name)]);
  return { y: Float64Array.from(column('incidence'), Number), column };
}

// Published results of the R package geodetector 1.0-5 on its CollectData example
// (../shared/data/geodetector/README.md; the package vignette).
describe.skipIf(!hasShared)('GeoDetector parity with geodetector 1.0-5 on CollectData', () => {
  const { y, column } = hasShared ? readCollectData() : { y: new Float64Array(), column: () => [] };
  const names = ['watershed', 'elevation', 'soiltype'];
  const factors = hasShared ? names.map((name) => ({ name, strata: encodeStrata(column(name)) })) : [];
  const result = hasShared ? geoDetector(y, factors) : undefined;

  it('factor detector q and p to 6 decimals and beyond', () => {
    const byName = Object.fromEntries((result?.factors ?? []).map((f) => [f.x, f]));
    expect(byName.watershed.q).toBeCloseTo(0.6377737, 7);
    expect(byName.elevation.q).toBeCloseTo(0.6067087, 7);
    expect(byName.soiltype.q).toBeCloseTo(0.3857168, 7);
    expect(byName.watershed.p).toBeCloseTo(0.0001169914, 10);
    expect(byName.elevation.p).toBeCloseTo(0.04080407, 8);
    expect(byName.soiltype.p).toBeCloseTo(0.3632363, 7);
  });

  it('interaction detector q and type', () => {
    const find = (a: string, b: string) =>
      result?.interactions.find((i) => (i.a === a && i.b === b) || (i.a === b && i.b === a));
    expect(find('soiltype', 'watershed')?.q).toBeCloseTo(0.735680548, 9);
    expect(find('soiltype', 'elevation')?.q).toBeCloseTo(0.663523698, 9);
    expect(find('watershed', 'elevation')?.q).toBeCloseTo(0.71359678, 8);
    for (const i of result?.interactions ?? []) expect(i.kind).toBe('enhance_bi');
  });

  it('risk detector: mean incidence per soil type', () => {
    const soil = result?.risk.find((r) => r.x === 'soiltype');
    expect(soil?.means.map((m) => m.level)).toEqual(['1', '2', '3', '4', '5']);
    const published = [6.34, 6.6875, 6.583279, 5.84381, 6.347073];
    for (const [i, m] of (soil?.means ?? []).entries()) expect(m.mean).toBeCloseTo(published[i], 6);
    // 5 strata → 10 pairwise Welch tests. |t| and the Welch df from R's t.test(a, b) (R 4.2.2);
    // the package rounds the df.
    const welch = [
      [3.8352310765, 14.893001381],
      [4.1949607185, 104.7804267964],
      [12.1847761992, 68.9997378923],
      [0.1218320668, 76.4427540033],
      [1.0853703738, 18.5750665921],
      [9.7319473448, 12.5273602697],
      [3.5438173893, 18.4409833753],
      [14.3130543355, 77.9981763595],
      [3.5684606602, 95.935038374],
      [9.727646, 54.2682688618],
    ];
    expect(soil?.comparisons).toHaveLength(10);
    for (const [k, c] of (soil?.comparisons ?? []).entries()) {
      expect(c.t).toBeCloseTo(welch[k][0], 8);
      expect(c.df).toBe(Math.round(welch[k][1]));
    }
    // Significant at 0.05 exactly where |t| > qt(0.975, df): all but 1|5 and 2|3.
    expect(soil?.comparisons.map((c) => c.significant)).toEqual([
      true,
      true,
      true,
      false,
      false,
      true,
      true,
      true,
      true,
      true,
    ]);
  });

  it('ecological detector verdicts', () => {
    const find = (a: string, b: string) =>
      result?.ecological.find((i) => (i.a === a && i.b === b) || (i.a === b && i.b === a));
    expect(find('soiltype', 'watershed')?.significant).toBe(true);
    expect(find('soiltype', 'elevation')?.significant).toBe(true);
    expect(find('watershed', 'elevation')?.significant).toBe(false);
  });
});

describe('GeoDetector hand cases', () => {
  // y = 1,2,3 | 7,8,9 in two strata, by hand: mean 5, SST = 16+9+4+4+9+16 = 58,
  // SSW = 2 + 2 = 4 → q = 1 − 4/58.
  const y = [1, 2, 3, 7, 8, 9];
  const strata = encodeStrata(['a', 'a', 'a', 'b', 'b', 'b']);
  it('q and F by hand', () => {
    const r = factorDetector(y, strata);
    expect(r.q).toBeCloseTo(1 - 4 / 58, 14);
    // F = (N − L)/(L − 1) · q/(1 − q) = 4 · (54/58)/(4/58) = 54
    expect(r.f).toBeCloseTo(54, 10);
    // λ = (2² + 8² − (√3·2 + √3·8)²/6) / (58/5) = (68 − 50)/(11.6)
    expect(r.lambda).toBeCloseTo(18 / 11.6, 12);
  });
  it('interaction kinds follow the definitions', () => {
    expect(interactionKind(0.3, 0.4, 0.2)).toBe('weaken_nonlinear');
    expect(interactionKind(0.3, 0.4, 0.35)).toBe('weaken_uni');
    expect(interactionKind(0.3, 0.4, 0.5)).toBe('enhance_bi');
    expect(interactionKind(0.3, 0.4, 0.4)).toBe('enhance_bi');
    expect(interactionKind(0.3, 0.4, 0.7)).toBe('independent');
    expect(interactionKind(0.3, 0.4, 0.8)).toBe('enhance_nonlinear');
  });
  it('ecological detector: q ratio against F(0.9; N−1, N−1)', () => {
    // F(0.9; 9, 9) = 2.440340 (F table); 0.6/0.2 = 3 > 2.44, 0.6/0.3 = 2 < 2.44.
    expect(ecologicalDetector(0.2, 0.6, 10).critical).toBeCloseTo(2.44034, 5);
    expect(ecologicalDetector(0.2, 0.6, 10).significant).toBe(true);
    expect(ecologicalDetector(0.6, 0.3, 10).significant).toBe(false);
  });
});

describe('missing values are left out per detector', () => {
  it('a factor with an empty cell uses the other rows; the complete factor uses all', () => {
    const y = [1, 2, 3, 7, 8, 9, 4];
    const a = encodeStrata(['a', 'a', 'a', 'b', 'b', 'b', '']);
    const b = encodeStrata(['u', 'v', 'u', 'v', 'u', 'v', 'u']);
    const result = geoDetector(y, [
      { name: 'a', strata: a },
      { name: 'b', strata: b },
    ]);
    expect(result.factors[0].n).toBe(6);
    expect(result.factors[0].q).toBeCloseTo(1 - 4 / 58, 14);
    expect(result.factors[1].n).toBe(7);
    expect(result.interactions[0].n).toBe(6);
  });
});
