import { describe, expect, it } from 'vitest';
import { clusterVariables } from '../correlation/cluster-variables.ts';
import { correlationMatrix } from '../correlation/correlation-matrix.ts';
import { pearson } from '../correlation/pearson.ts';
import { spearman } from '../correlation/spearman.ts';
import { bartlettSphericity } from './bartlett.ts';
import { kmo } from './kmo.ts';
import { principalComponents } from './pca.ts';
import { varimax } from './varimax.ts';

// R's USArrests data set (McNeil 1977, from the World Almanac 1975; datasets package): Murder,
// Assault, UrbanPop, Rape for the 50 US states. Oracle values printed by R 4.2.2 (Debian
// r-base-core 4.2.2) with psych 2.2.9: eigen(cor(x)), psych::KMO(x), psych::cortest.bartlett(cor(x),
// n = 50), stats::varimax(L) on the first two principal-component loadings L, cor.test(…).
const US_ARRESTS = [
  [13.2, 236, 58, 21.2],
  [10, 263, 48, 44.5],
  [8.1, 294, 80, 31],
  [8.8, 190, 50, 19.5],
  [9, 276, 91, 40.6],
  [7.9, 204, 78, 38.7],
  [3.3, 110, 77, 11.1],
  [5.9, 238, 72, 15.8],
  [15.4, 335, 80, 31.9],
  [17.4, 211, 60, 25.8],
  [5.3, 46, 83, 20.2],
  [2.6, 120, 54, 14.2],
  [10.4, 249, 83, 24],
  [7.2, 113, 65, 21],
  [2.2, 56, 57, 11.3],
  [6, 115, 66, 18],
  [9.7, 109, 52, 16.3],
  [15.4, 249, 66, 22.2],
  [2.1, 83, 51, 7.8],
  [11.3, 300, 67, 27.8],
  [4.4, 149, 85, 16.3],
  [12.1, 255, 74, 35.1],
  [2.7, 72, 66, 14.9],
  [16.1, 259, 44, 17.1],
  [9, 178, 70, 28.2],
  [6, 109, 53, 16.4],
  [4.3, 102, 62, 16.5],
  [12.2, 252, 81, 46],
  [2.1, 57, 56, 9.5],
  [7.4, 159, 89, 18.8],
  [11.4, 285, 70, 32.1],
  [11.1, 254, 86, 26.1],
  [13, 337, 45, 16.1],
  [0.8, 45, 44, 7.3],
  [7.3, 120, 75, 21.4],
  [6.6, 151, 68, 20],
  [4.9, 159, 67, 29.3],
  [6.3, 106, 72, 14.9],
  [3.4, 174, 87, 8.3],
  [14.4, 279, 48, 22.5],
  [3.8, 86, 45, 12.8],
  [13.2, 188, 59, 26.9],
  [12.7, 201, 80, 25.5],
  [3.2, 120, 80, 22.9],
  [2.2, 48, 32, 11.2],
  [8.5, 156, 63, 20.7],
  [4, 145, 73, 26.2],
  [5.7, 81, 39, 9.3],
  [2.6, 53, 66, 10.8],
  [6.8, 161, 60, 15.6],
];

const column = (j: number) => US_ARRESTS.map((row) => row[j]);
const variables = ['Murder', 'Assault', 'UrbanPop', 'Rape'];
const columns = variables.map((_, j) => column(j));

describe('PCA, KMO, Bartlett and varimax against R on USArrests', () => {
  const result = principalComponents(variables, columns, { components: 2 });

  it('eigenvalues of the correlation matrix (R eigen)', () => {
    [2.480241579149, 0.98976515254, 0.356563180581, 0.17343008773].forEach((v, i) => {
      expect(result.eigenvalues[i]).toBeCloseTo(v, 10);
    });
  });

  it('KMO overall and per variable (psych::KMO)', () => {
    expect(result.kmo.overall).toBeCloseTo(0.653815006274, 10);
    [0.617150824495, 0.64338318966, 0.502386276789, 0.778355776002].forEach((v, i) => {
      expect(result.kmo.perVariable[i]).toBeCloseTo(v, 10);
    });
    expect(kmo(result.correlation).overall).toBeCloseTo(0.653815006274, 10);
  });

  it("Bartlett's test (psych::cortest.bartlett)", () => {
    const b = bartlettSphericity(result.correlation, 50);
    expect(b.chiSquare).toBeCloseTo(88.288146866, 7);
    expect(b.df).toBe(6);
    expect(b.p / 6.86842307336e-17).toBeCloseTo(1, 6);
  });

  it("varimax of R's unrotated loadings equals stats::varimax (normalize TRUE and FALSE)", () => {
    const unrotated = [
      [-0.843976440338, 0.416035352869],
      [-0.9184432366, 0.187021128076],
      [-0.438116764572, -0.868328186539],
      [-0.855839394425, -0.16646019289],
    ];
    const rNormalized = [
      [-0.9389577829444, 0.061154955077],
      [-0.9200558937449, -0.17891906994],
      [-0.0722287374304, -0.969908835111],
      [-0.7268700524347, -0.48148727059],
    ];
    const rRaw = [
      [-0.939566583954, 0.0509537142862],
      [-0.918058464379, -0.1889008660232],
      [-0.061690696893, -0.9706360784839],
      [-0.721597948082, -0.4893531099217],
    ];
    const v = varimax(unrotated);
    const raw = varimax(unrotated, { normalize: false });
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 2; j++) {
        expect(v.loadings[i][j]).toBeCloseTo(rNormalized[i][j], 9);
        expect(raw.loadings[i][j]).toBeCloseTo(rRaw[i][j], 9);
      }
    }
    expect(v.rotation[0][0]).toBeCloseTo(0.923783403075, 9);
    expect(v.rotation[0][1]).toBeCloseTo(0.38291542696, 9);
    // principalComponents gives the same rotation, columns signed to sum ≥ 0 (here both flip).
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 2; j++) expect(result.rotatedLoadings[i][j]).toBeCloseTo(-rNormalized[i][j], 9);
    }
  });

  it('Pearson and Spearman tests (cor.test; Spearman with exact = FALSE)', () => {
    const p = pearson(column(0), column(1));
    expect(p.r).toBeCloseTo(0.801873311725, 11);
    expect(p.t).toBeCloseTo(9.29806893095, 9);
    expect(p.p / 2.59576100142e-12).toBeCloseTo(1, 8);
    const s = spearman(column(0), column(2));
    expect(s.r).toBeCloseTo(0.106716341835, 11);
    expect(s.p).toBeCloseTo(0.460743701436, 10);
  });
});

describe('correlation matrix and clustering of variables against R on USArrests', () => {
  it('Spearman matrix (cor(x, method = "spearman"))', () => {
    const m = correlationMatrix(variables, columns, { method: 'spearman' });
    expect(m.r[0][1]).toBeCloseTo(0.817273513306, 11);
    expect(m.r[1][3]).toBeCloseTo(0.714368055869, 11);
    expect(m.r[2][3]).toBeCloseTo(0.438106764967, 11);
  });
  it('hclust(as.dist(1 − |cor(x)|)) with average and complete linkage', () => {
    const r = correlationMatrix(variables, columns).r;
    const average = clusterVariables(variables, r, 'average');
    const complete = clusterVariables(variables, r, 'complete');
    // R merge: (−1, −2), (−4, 1), (−3, 2): Murder+Assault, then Rape, then UrbanPop.
    expect(average.merges.map((m) => [m.left, m.right])).toEqual([
      [0, 1],
      [3, 4],
      [2, 5],
    ]);
    [0.198126688275, 0.385589968671, 0.753404813562].forEach((h, i) => {
      expect(average.merges[i].height).toBeCloseTo(h, 11);
    });
    [0.198126688275, 0.436421167042, 0.930427378264].forEach((h, i) => {
      expect(complete.merges[i].height).toBeCloseTo(h, 11);
    });
  });
});
