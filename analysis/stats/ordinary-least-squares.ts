import { Matrix, solve } from 'ml-matrix';

export interface LeastSquaresFit {
  /** Intercept first (when fitted), then one coefficient per predictor. */
  coefficients: number[];
  fitted: Float64Array;
  /** Coefficient of determination 1 − SSE/SST (centred SST). */
  r2: number;
}

/**
 * Ordinary least squares y ≈ b0 + Σ b_k x_k by QR decomposition (ml-matrix `solve`, which uses QR
 * for non-square systems), predictors given as columns.
 */
export function ordinaryLeastSquares(
  predictors: readonly ArrayLike<number>[],
  y: ArrayLike<number>,
  options: { intercept?: boolean } = {},
): LeastSquaresFit {
  const intercept = options.intercept ?? true;
  const n = y.length;
  const design = new Matrix(n, predictors.length + (intercept ? 1 : 0));
  for (let i = 0; i < n; i++) {
    let c = 0;
    if (intercept) design.set(i, c++, 1);
    for (const x of predictors) design.set(i, c++, x[i]);
  }
  const coefficients = solve(design, Matrix.columnVector(Array.from(y))).to1DArray();
  const fitted = Float64Array.from(design.mmul(Matrix.columnVector(coefficients)).to1DArray());
  let meanY = 0;
  for (let i = 0; i < n; i++) meanY += y[i];
  meanY /= n;
  let sse = 0;
  let sst = 0;
  for (let i = 0; i < n; i++) {
    sse += (y[i] - fitted[i]) ** 2;
    sst += (y[i] - meanY) ** 2;
  }
  return { coefficients, fitted, r2: 1 - sse / sst };
}
