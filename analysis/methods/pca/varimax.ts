import { Matrix, SVD } from 'ml-matrix';

export interface VarimaxResult {
  /** Rotated loadings (variables × factors). */
  loadings: number[][];
  /** Orthogonal rotation T with rotated = unrotated · T. */
  rotation: number[][];
  iterations: number;
}

/**
 * Varimax rotation (Kaiser 1958, Psychometrika 23:187) by the SVD iteration of R's stats::varimax:
 * with Kaiser normalisation rows are scaled to unit communality, then T ← U·Vᵀ from the SVD of
 * Xᵀ(Z³ − Z·diag(Σ Z²)/p) until the criterion grows by less than a factor 1 + eps. Defaults
 * (normalize = TRUE, eps = 1e-5) are R's, so loadings agree with R's output; columns are neither
 * reordered nor sign-flipped here (the PCA layer does that).
 */
export function varimax(
  loadings: readonly (readonly number[])[],
  options: { normalize?: boolean; eps?: number; maxIterations?: number } = {},
): VarimaxResult {
  const normalize = options.normalize ?? true;
  const eps = options.eps ?? 1e-5;
  const maxIterations = options.maxIterations ?? 1000;
  const p = loadings.length;
  const k = loadings[0]?.length ?? 0;
  if (k < 2) {
    return { loadings: loadings.map((row) => [...row]), rotation: Matrix.eye(k).to2DArray(), iterations: 0 };
  }
  const scale = loadings.map((row) => (normalize ? Math.sqrt(row.reduce((s, v) => s + v * v, 0)) : 1));
  const x = new Matrix(loadings.map((row, i) => row.map((v) => (scale[i] > 0 ? v / scale[i] : 0))));
  let rotation = Matrix.eye(k);
  let criterion = 0;
  let iterations = 0;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    iterations = iteration;
    const z = x.mmul(rotation);
    const columnSumSquares = Array.from({ length: k }, (_, j) => {
      let s = 0;
      for (let i = 0; i < p; i++) s += z.get(i, j) ** 2;
      return s / p;
    });
    const target = new Matrix(p, k);
    for (let i = 0; i < p; i++) {
      for (let j = 0; j < k; j++) {
        const v = z.get(i, j);
        target.set(i, j, v ** 3 - v * columnSumSquares[j]);
      }
    }
    const b = x.transpose().mmul(target);
    const svd = new SVD(b);
    rotation = svd.leftSingularVectors.mmul(svd.rightSingularVectors.transpose());
    const previous = criterion;
    criterion = svd.diagonal.reduce((s, v) => s + v, 0);
    if (criterion < previous * (1 + eps)) break;
  }
  const rotated = x
    .mmul(rotation)
    .to2DArray()
    .map((row, i) => row.map((v) => v * scale[i]));
  return { loadings: rotated, rotation: rotation.to2DArray(), iterations };
}
