import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { SoilTraceError } from '../../errors.ts';
import { type BartlettResult, bartlettSphericity } from './bartlett.ts';
import { type KmoResult, kmo } from './kmo.ts';
import { completeRows, type Standardized, standardize } from './standardize.ts';
import { varimax } from './varimax.ts';

export interface PcaOptions {
  /** Components to keep; default: eigenvalue > 1 (Kaiser's criterion), at least 1. */
  components?: number;
  /** Rotate the kept components by varimax (Kaiser normalisation). Default true. */
  rotate?: boolean;
}

export interface PcaResult {
  variables: string[];
  /** Indices of the rows used (complete on every variable). */
  rows: number[];
  standardized: Standardized;
  correlation: number[][];
  kmo: KmoResult;
  bartlett: BartlettResult;
  /** All eigenvalues of R, descending: the scree plot. */
  eigenvalues: number[];
  /** Share of total variance of each component (eigenvalue / p) and its running sum. */
  explained: number[];
  cumulative: number[];
  /** Unit eigenvectors (variables × all components), sign fixed so each column sums ≥ 0. */
  eigenvectors: number[][];
  components: number;
  /** Unrotated loadings of the kept components: eigenvector · √eigenvalue (variables × components). */
  loadings: number[][];
  /** Varimax-rotated loadings (equal to `loadings` when not rotated), sorted by variance, sums ≥ 0. */
  rotatedLoadings: number[][];
  /** Variance explained by each rotated component (column sum of squares) and its share. */
  rotatedVariance: number[];
  rotatedExplained: number[];
  /** Communalities h² of the kept components (row sums of squares). */
  communalities: number[];
  /** Score coefficients W (variables × components): scores = Z·W, unit-variance (SPSS regression scores). */
  scoreCoefficients: number[][];
  /** Component scores of the used rows (rows × components). */
  scores: number[][];
}

function columnSumSquares(m: readonly (readonly number[])[], j: number): number {
  return m.reduce((s, row) => s + row[j] ** 2, 0);
}

/**
 * Principal component analysis of the correlation matrix (the PCA of SPSS "Factor" with
 * principal components extraction): eigen-decomposition by ml-matrix, Kaiser's eigenvalue > 1
 * rule, varimax rotation, KMO and Bartlett's test, scores by the regression method.
 * For components, W = Λ·diag(1/λ)·T equals R⁻¹Λ_rot (no inversion of a possibly singular R).
 */
export function principalComponents(
  variables: string[],
  columns: readonly ArrayLike<number>[],
  options: PcaOptions = {},
): PcaResult {
  const p = variables.length;
  const rows = completeRows(columns);
  if (p < 2) {
    throw new SoilTraceError({ zh: '主成分分析至少需要 2 个变量', en: 'PCA needs at least 2 variables' });
  }
  if (rows.length < 3) {
    throw new SoilTraceError({
      zh: `主成分分析至少需要 3 个完整样品，只有 ${rows.length} 个`,
      en: `PCA needs at least 3 complete samples, found ${rows.length}`,
    });
  }
  const standardized = standardize(columns, rows);
  standardized.sds.forEach((sd, j) => {
    if (!(sd > 0)) {
      throw new SoilTraceError(
        { zh: '该变量为常数，无法标准化', en: 'the variable is constant and cannot be standardised' },
        { column: variables[j] },
      );
    }
  });
  const z = new Matrix(standardized.z);
  const correlation = z
    .transpose()
    .mmul(z)
    .div(rows.length - 1)
    .to2DArray();
  for (let i = 0; i < p; i++) correlation[i][i] = 1;

  const eigen = new EigenvalueDecomposition(new Matrix(correlation), { assumeSymmetric: true });
  const order = eigen.realEigenvalues.map((v, i) => [v, i] as const).sort((a, b) => b[0] - a[0]);
  const eigenvalues = order.map(([v]) => v);
  const vectors = eigen.eigenvectorMatrix;
  const eigenvectors = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  order.forEach(([, source], c) => {
    let sum = 0;
    for (let i = 0; i < p; i++) sum += vectors.get(i, source);
    const sign = sum < 0 ? -1 : 1;
    for (let i = 0; i < p; i++) eigenvectors[i][c] = sign * vectors.get(i, source);
  });
  const explained = eigenvalues.map((v) => v / p);
  const cumulative = explained.map((_, i) => explained.slice(0, i + 1).reduce((s, v) => s + v, 0));
  const kaiser = Math.max(1, eigenvalues.filter((v) => v > 1).length);
  const components = Math.min(p, Math.max(1, options.components ?? kaiser));

  const loadings = eigenvectors.map((row) =>
    row.slice(0, components).map((v, c) => v * Math.sqrt(eigenvalues[c])),
  );
  const rotate = options.rotate ?? true;
  const { loadings: rotatedRaw, rotation } =
    rotate && components > 1
      ? varimax(loadings)
      : { loadings: loadings.map((r) => [...r]), rotation: Matrix.eye(components).to2DArray() };
  // Order rotated components by explained variance and make each column sum non-negative (as
  // SPSS and psych print them); apply the same permutation and signs to the rotation matrix.
  const columnOrder = Array.from({ length: components }, (_, j) => j).sort(
    (a, b) => columnSumSquares(rotatedRaw, b) - columnSumSquares(rotatedRaw, a),
  );
  const signs = columnOrder.map((j) => (rotatedRaw.reduce((s, row) => s + row[j], 0) < 0 ? -1 : 1));
  const rotatedLoadings = rotatedRaw.map((row) => columnOrder.map((j, c) => signs[c] * row[j]));
  const t = rotation.map((row) => columnOrder.map((j, c) => signs[c] * row[j]));
  const rotatedVariance = columnOrder.map((_, c) => columnSumSquares(rotatedLoadings, c));
  const rotatedExplained = rotatedVariance.map((v) => v / p);
  const communalities = rotatedLoadings.map((row) => row.reduce((s, v) => s + v * v, 0));

  const scaled = new Matrix(loadings.map((row) => row.map((v, c) => v / eigenvalues[c])));
  const scoreCoefficients = scaled.mmul(new Matrix(t)).to2DArray();
  const scores = z.mmul(new Matrix(scoreCoefficients)).to2DArray();

  return {
    variables,
    rows,
    standardized,
    correlation,
    kmo: kmo(correlation),
    bartlett: bartlettSphericity(correlation, rows.length),
    eigenvalues,
    explained,
    cumulative,
    eigenvectors,
    components,
    loadings,
    rotatedLoadings,
    rotatedVariance,
    rotatedExplained,
    communalities,
    scoreCoefficients,
    scores,
  };
}

export interface BiplotData {
  /** Sample coordinates: component scores on the two axes. */
  points: { row: number; x: number; y: number }[];
  /** Variable arrows: loadings on the two axes. */
  arrows: { variable: string; x: number; y: number }[];
  axes: [number, number];
}

/** Biplot of two (rotated) components: scores as points, loadings as arrows (Gabriel 1971). */
export function biplotData(result: PcaResult, axes: [number, number] = [0, 1]): BiplotData {
  const [a, b] = axes;
  return {
    points: result.scores.map((s, i) => ({ row: result.rows[i], x: s[a] ?? 0, y: s[b] ?? 0 })),
    arrows: result.variables.map((variable, i) => ({
      variable,
      x: result.rotatedLoadings[i][a] ?? 0,
      y: result.rotatedLoadings[i][b] ?? 0,
    })),
    axes,
  };
}

/** Scree plot rows: every component's eigenvalue with its share and running share of variance. */
export function screeData(
  result: PcaResult,
): { component: number; eigenvalue: number; explained: number; cumulative: number }[] {
  return result.eigenvalues.map((eigenvalue, i) => ({
    component: i + 1,
    eigenvalue,
    explained: result.explained[i],
    cumulative: result.cumulative[i],
  }));
}
