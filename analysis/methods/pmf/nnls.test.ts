import { Matrix, solve } from 'ml-matrix';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import { nnls, nnlsGram } from './nnls.ts';

function residualGradient(a: Float64Array, b: Float64Array, x: Float64Array, rows: number, cols: number) {
  // w = Aᵀ(b − Ax): KKT for NNLS is x ≥ 0, w ≤ 0, x_j·w_j = 0.
  const w = new Float64Array(cols);
  for (let r = 0; r < rows; r++) {
    let e = b[r];
    for (let j = 0; j < cols; j++) e -= a[r * cols + j] * x[j];
    for (let j = 0; j < cols; j++) w[j] += a[r * cols + j] * e;
  }
  return w;
}

function sumSquares(a: Float64Array, b: Float64Array, x: ArrayLike<number>, rows: number, cols: number) {
  let q = 0;
  for (let r = 0; r < rows; r++) {
    let e = b[r];
    for (let j = 0; j < cols; j++) e -= a[r * cols + j] * x[j];
    q += e * e;
  }
  return q;
}

/** Oracle: try every active set, solve the unconstrained problem on it, keep the best feasible. */
function bruteForce(a: Float64Array, b: Float64Array, rows: number, cols: number): number[] {
  let best: number[] = new Array(cols).fill(0);
  let bestQ = sumSquares(a, b, best, rows, cols);
  for (let mask = 1; mask < 1 << cols; mask++) {
    const idx = [...Array(cols).keys()].filter((j) => mask & (1 << j));
    const sub = new Matrix(rows, idx.length);
    for (let r = 0; r < rows; r++) for (let c = 0; c < idx.length; c++) sub.set(r, c, a[r * cols + idx[c]]);
    const sol = solve(sub, Matrix.columnVector(Array.from(b)), true).to1DArray();
    if (sol.some((v) => v < 0)) continue;
    const x = new Array(cols).fill(0);
    idx.forEach((j, c) => {
      x[j] = sol[c];
    });
    const q = sumSquares(a, b, x, rows, cols);
    if (q < bestQ) {
      bestQ = q;
      best = x;
    }
  }
  return best;
}

describe('nnls (Lawson–Hanson)', () => {
  it('returns the unconstrained solution when it is non-negative (hand-solved)', () => {
    // A = [[1,0],[0,1],[1,1]], b = [1,2,3]: AᵀA = [[2,1],[1,2]], Aᵀb = [4,5] → x = [1,2].
    const x = nnls(Float64Array.of(1, 0, 0, 1, 1, 1), Float64Array.of(1, 2, 3), 3, 2);
    expect(x[0]).toBeCloseTo(1, 12);
    expect(x[1]).toBeCloseTo(2, 12);
  });

  it('clamps a variable whose unconstrained value is negative (hand-solved)', () => {
    // A = I, b = [−1, 2] → x = [0, 2].
    const x = nnls(Float64Array.of(1, 0, 0, 1), Float64Array.of(-1, 2), 2, 2);
    expect(Array.from(x)).toEqual([0, 2]);
    // A = [[1,1],[1,0]], b = [1,−1]: unconstrained x = [−1, 2]. With x ≥ 0, x2 alone gives
    // (1−x2)² + 1 → x2 = 1, Q = 1; x1 alone gives (1−x1)² + (1+x1)² → x1 = 0. So x = [0, 1].
    const y = nnls(Float64Array.of(1, 1, 1, 0), Float64Array.of(1, -1), 2, 2);
    expect(y[0]).toBe(0);
    expect(y[1]).toBeCloseTo(1, 12);
  });

  it('handles a zero column and an all-negative right-hand side', () => {
    const x = nnls(Float64Array.of(1, 0, 2, 0), Float64Array.of(1, 2), 2, 2);
    expect(x[0]).toBeCloseTo(1, 12); // (1·1 + 2·2)/(1 + 4)
    expect(x[1]).toBe(0);
    expect(Array.from(nnls(Float64Array.of(1, 0, 0, 1), Float64Array.of(-1, -2), 2, 2))).toEqual([0, 0]);
  });

  it('matches exhaustive active-set search and satisfies KKT on random problems', () => {
    const rng = xoroshiro128plus(7);
    for (let trial = 0; trial < 200; trial++) {
      const rows = 8 + (trial % 13);
      const cols = 1 + (trial % 6);
      const a = new Float64Array(rows * cols).map(() => uniformFloat64(rng) * (trial % 2 ? 1 : 10));
      const b = new Float64Array(rows).map(() => uniformFloat64(rng) * 4 - 2);
      const x = nnls(a, b, rows, cols);
      const oracle = bruteForce(a, b, rows, cols);
      for (let j = 0; j < cols; j++) expect(x[j]).toBeCloseTo(oracle[j], 8);
      const w = residualGradient(a, b, x, rows, cols);
      for (let j = 0; j < cols; j++) {
        expect(x[j]).toBeGreaterThanOrEqual(0);
        expect(w[j]).toBeLessThan(1e-9);
        expect(Math.abs(x[j] * w[j])).toBeLessThan(1e-9);
      }
    }
  });

  it('gives the same answer warm-started from any feasible guess', () => {
    const rng = xoroshiro128plus(19);
    for (let trial = 0; trial < 100; trial++) {
      const rows = 12;
      const cols = 2 + (trial % 5);
      const a = new Float64Array(rows * cols).map(() => uniformFloat64(rng));
      const b = new Float64Array(rows).map(() => uniformFloat64(rng) * 4 - 2);
      const gram = new Float64Array(cols * cols);
      const rhs = new Float64Array(cols);
      for (let r = 0; r < rows; r++) {
        for (let i = 0; i < cols; i++) {
          rhs[i] += a[r * cols + i] * b[r];
          for (let j = 0; j < cols; j++) gram[i * cols + j] += a[r * cols + i] * a[r * cols + j];
        }
      }
      const cold = nnlsGram(gram, rhs, cols);
      const guess = new Float64Array(cols).map(() => (uniformFloat64(rng) < 0.5 ? 0 : uniformFloat64(rng)));
      const warm = nnlsGram(gram, rhs, cols, guess, undefined, true);
      for (let j = 0; j < cols; j++) expect(warm[j]).toBeCloseTo(cold[j], 10);
    }
  });

  it('accepts a Gram matrix directly with reusable buffers', () => {
    const out = new Float64Array(2);
    const work = new Float64Array(2 * 2 + 8);
    nnlsGram(Float64Array.of(2, 1, 1, 2), Float64Array.of(4, 5), 2, out, work);
    expect(out[0]).toBeCloseTo(1, 12);
    expect(out[1]).toBeCloseTo(2, 12);
  });
});
