import { describe, expect, it } from 'vitest';
import { pearson } from '../correlation/pearson.ts';
import { bartlettSphericity } from './bartlett.ts';
import { kmo } from './kmo.ts';
import { biplotData, principalComponents, screeData } from './pca.ts';
import { varimax } from './varimax.ts';

// A 3-variable correlation matrix worked by hand.
const R = [
  [1, 0.5, 0.4],
  [0.5, 1, 0.3],
  [0.4, 0.3, 1],
];

// First-order partial correlation r_ij·k = (r_ij − r_ik r_jk) / √((1 − r_ik²)(1 − r_jk²)): with
// three variables the anti-image correlations are exactly these (an independent route to KMO).
const partial = (rij: number, rik: number, rjk: number) =>
  (rij - rik * rjk) / Math.sqrt((1 - rik ** 2) * (1 - rjk ** 2));

describe('KMO and Bartlett on a hand-worked 3 × 3 case', () => {
  const a12 = partial(0.5, 0.4, 0.3);
  const a13 = partial(0.4, 0.5, 0.3);
  const a23 = partial(0.3, 0.5, 0.4);
  it('partial correlations and KMO', () => {
    const result = kmo(R);
    expect(result.partial[0][1]).toBeCloseTo(a12, 12);
    expect(result.partial[0][2]).toBeCloseTo(a13, 12);
    expect(result.partial[1][2]).toBeCloseTo(a23, 12);
    const sr = 0.25 + 0.16 + 0.09;
    const sa = a12 ** 2 + a13 ** 2 + a23 ** 2;
    expect(result.overall).toBeCloseTo(sr / (sr + sa), 12);
    expect(result.perVariable[0]).toBeCloseTo((0.25 + 0.16) / (0.25 + 0.16 + a12 ** 2 + a13 ** 2), 12);
    expect(result.singular).toBe(false);
  });
  it('Bartlett: |R| = 1 + 2·0.5·0.4·0.3 − 0.25 − 0.16 − 0.09 = 0.62', () => {
    const result = bartlettSphericity(R, 50);
    expect(result.logDeterminant).toBeCloseTo(Math.log(0.62), 12);
    expect(result.chiSquare).toBeCloseTo(-(49 - 11 / 6) * Math.log(0.62), 10);
    expect(result.df).toBe(3);
    // χ²(0.999; 3) = 16.266 (table): 22.55 is beyond it.
    expect(result.p).toBeLessThan(0.001);
    expect(result.p).toBeGreaterThan(0);
  });
});

describe('PCA of two variables by hand', () => {
  // r = 6/√60 (see the correlation tests); eigenvalues of [[1, r], [r, 1]] are 1 ± r.
  const x = [1, 2, 3, 4, 5];
  const y = [2, 4, 5, 4, 5];
  const r = pearson(x, y).r;
  const result = principalComponents(['x', 'y'], [x, y]);
  it('eigenvalues, explained variance, Kaiser rule', () => {
    expect(result.eigenvalues[0]).toBeCloseTo(1 + r, 12);
    expect(result.eigenvalues[1]).toBeCloseTo(1 - r, 12);
    expect(result.explained[0]).toBeCloseTo((1 + r) / 2, 12);
    expect(result.cumulative[1]).toBeCloseTo(1, 12);
    expect(result.components).toBe(1);
    expect(screeData(result).map((s) => s.component)).toEqual([1, 2]);
    expect(screeData(result)[1].cumulative).toBeCloseTo(1, 12);
  });
  it('loadings √((1 + r)/2) and unit-variance scores (z1 + z2)/√(2(1 + r))', () => {
    expect(result.loadings[0][0]).toBeCloseTo(Math.sqrt((1 + r) / 2), 12);
    expect(result.loadings[1][0]).toBeCloseTo(Math.sqrt((1 + r) / 2), 12);
    const z = result.standardized.z;
    z.forEach((row, i) => {
      expect(result.scores[i][0]).toBeCloseTo((row[0] + row[1]) / Math.sqrt(2 * (1 + r)), 12);
    });
    const variance = result.scores.reduce((s, v) => s + v[0] ** 2, 0) / 4;
    expect(variance).toBeCloseTo(1, 12);
  });
  it('biplot data carries scores and loadings', () => {
    const b = biplotData(principalComponents(['x', 'y'], [x, y], { components: 2 }));
    expect(b.points).toHaveLength(5);
    expect(b.arrows.map((a) => a.variable)).toEqual(['x', 'y']);
  });
});

describe('PCA of an equicorrelated triple', () => {
  it('eigenvalues 1 + 2ρ, 1 − ρ, 1 − ρ of the sample correlation', () => {
    // Columns built so every pair has the same correlation: shared part + orthogonal parts.
    const s = [1, -1, 1, -1, 0, 0];
    const u = [1, 1, -1, -1, 0, 0];
    const v = [0, 0, 0, 0, 1, -1];
    const w = [1, -1, -1, 1, 0, 0];
    const a = s.map((si, i) => si + u[i]);
    const b = s.map((si, i) => si + v[i] * Math.sqrt(2));
    const c = s.map((si, i) => si + w[i]);
    const rho = pearson(a, b).r;
    expect(pearson(a, c).r).toBeCloseTo(rho, 12);
    expect(pearson(b, c).r).toBeCloseTo(rho, 12);
    const result = principalComponents(['a', 'b', 'c'], [a, b, c]);
    expect(result.eigenvalues[0]).toBeCloseTo(1 + 2 * rho, 12);
    expect(result.eigenvalues[1]).toBeCloseTo(1 - rho, 12);
    expect(result.eigenvalues[2]).toBeCloseTo(1 - rho, 12);
  });
});

describe('varimax against the closed-form two-factor solution (Kaiser 1958)', () => {
  const a = [
    [0.7, 0.5],
    [0.6, 0.55],
    [0.65, 0.45],
    [0.6, -0.5],
    [0.55, -0.6],
    [0.7, -0.45],
  ];
  // Kaiser-normalised rows, rotated by φ with tan 4φ = (D − 2AB/p) / (C − (A² − B²)/p),
  // u = x² − y², v = 2xy, A = Σu, B = Σv, C = Σ(u² − v²), D = 2Σuv (Harman 1976, §14.4).
  const h = a.map(([x, y]) => Math.sqrt(x * x + y * y));
  const n = a.map(([x, y], i) => [x / h[i], y / h[i]]);
  const p = a.length;
  const u = n.map(([x, y]) => x * x - y * y);
  const v = n.map(([x, y]) => 2 * x * y);
  const A = u.reduce((s, t) => s + t, 0);
  const B = v.reduce((s, t) => s + t, 0);
  const C = u.reduce((s, t, i) => s + t * t - v[i] * v[i], 0);
  const D = 2 * u.reduce((s, t, i) => s + t * v[i], 0);
  const phi = Math.atan2(D - (2 * A * B) / p, C - (A * A - B * B) / p) / 4;
  const expected = n.map(([x, y], i) => [
    h[i] * (x * Math.cos(phi) + y * Math.sin(phi)),
    h[i] * (-x * Math.sin(phi) + y * Math.cos(phi)),
  ]);

  it('reaches the same loadings up to column order and sign', () => {
    const result = varimax(a, { eps: 1e-14 });
    for (let j = 0; j < 2; j++) {
      const column = result.loadings.map((row) => row[j]);
      const match = [0, 1].find(
        (k) =>
          Math.abs(column.reduce((s, c, i) => s + c * expected[i][k], 0)) >
          0.9 * column.reduce((s, c) => s + c * c, 0),
      );
      expect(match).toBeDefined();
      column.forEach((c, i) => {
        expect(Math.abs(c)).toBeCloseTo(Math.abs(expected[i][match ?? 0]), 6);
      });
    }
  });
  it('keeps communalities and an orthogonal rotation', () => {
    const result = varimax(a);
    result.loadings.forEach((row, i) => {
      expect(row[0] ** 2 + row[1] ** 2).toBeCloseTo(h[i] ** 2, 12);
    });
    const [[t11, t12], [t21, t22]] = result.rotation;
    expect(t11 * t11 + t21 * t21).toBeCloseTo(1, 12);
    expect(t11 * t12 + t21 * t22).toBeCloseTo(0, 12);
  });
});
