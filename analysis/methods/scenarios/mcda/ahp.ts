// Analytic Hierarchy Process (Saaty 1980): weights are the principal eigenvector of a positive
// reciprocal pairwise-comparison matrix; consistency index CI = (λmax − n)/(n − 1) and ratio
// CR = CI / RI(n), acceptable when CR < 0.10.

/** Saaty's random index RI(n) for n = 1…10 (Saaty 1980, table 1.2 as usually quoted). */
export const SAATY_RANDOM_INDEX = [0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49] as const;

export interface AhpResult {
  weights: number[];
  lambdaMax: number;
  consistencyIndex: number;
  consistencyRatio: number;
  consistent: boolean;
}

/** Checks the matrix is square, positive and reciprocal (a_ji = 1/a_ij within 1e-6 relative). */
export function checkPairwiseMatrix(matrix: number[][]): string | null {
  const n = matrix.length;
  if (n < 2) return 'needs at least two criteria';
  for (let i = 0; i < n; i++) {
    if (matrix[i].length !== n) return `row ${i + 1} has ${matrix[i].length} entries, expected ${n}`;
    for (let j = 0; j < n; j++) {
      if (!(matrix[i][j] > 0)) return `entry [${i + 1}][${j + 1}] must be positive`;
      if (Math.abs(matrix[i][j] * matrix[j][i] - 1) > 1e-6 * Math.max(1, matrix[i][j])) {
        return `entries [${i + 1}][${j + 1}] and [${j + 1}][${i + 1}] are not reciprocal`;
      }
    }
  }
  return null;
}

/** Principal eigenvector by power iteration (converges for positive matrices, Perron–Frobenius). */
export function ahpWeights(matrix: number[][], tolerance = 1e-12, maxIterations = 1000): AhpResult {
  const n = matrix.length;
  let w = new Array<number>(n).fill(1 / n);
  for (let iter = 0; iter < maxIterations; iter++) {
    const next = matrix.map((row) => row.reduce((acc, a, j) => acc + a * w[j], 0));
    const total = next.reduce((a, b) => a + b, 0);
    const normalized = next.map((v) => v / total);
    const change = normalized.reduce((acc, v, i) => Math.max(acc, Math.abs(v - w[i])), 0);
    w = normalized;
    if (change < tolerance) break;
  }
  const aw = matrix.map((row) => row.reduce((acc, a, j) => acc + a * w[j], 0));
  const lambdaMax = aw.reduce((acc, v, i) => acc + v / w[i], 0) / n;
  const consistencyIndex = n > 1 ? (lambdaMax - n) / (n - 1) : 0;
  const ri = SAATY_RANDOM_INDEX[Math.min(n, SAATY_RANDOM_INDEX.length) - 1];
  const consistencyRatio = ri > 0 ? consistencyIndex / ri : 0;
  return { weights: w, lambdaMax, consistencyIndex, consistencyRatio, consistent: consistencyRatio < 0.1 };
}
