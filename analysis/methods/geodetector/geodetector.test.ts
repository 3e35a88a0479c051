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
    // 5 strata → 10 pairwise Welch tests.
    expect(soil?.comparisons).toHaveLength(10);
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
