// Non-negative least squares, Lawson & Hanson (1974), "Solving Least Squares Problems", ch. 23,
// algorithm NNLS, written for the normal equations: PMF's weighted sub-problems have few
// variables (k ≤ ~10) and many equations, so each is solved from its k×k Gram matrix.
// (mljs `nnls` returns wrong answers on degenerate active sets; DEVELOPERS.md.)

/**
 * Minimises ½·xᵀHx − cᵀx subject to x ≥ 0, i.e. min ‖Ax − b‖² with H = AᵀA, c = Aᵀb.
 * `gram` is k×k row-major (symmetric positive semi-definite), `rhs` has k entries.
 * The answer is written into `out` (length k), which is also returned.
 * `work` is scratch space of at least k·k + 4·k numbers, so hot loops allocate nothing.
 * With `warm`, `out` must hold a feasible (≥ 0) guess, e.g. the previous solution of a nearby
 * problem: its support starts as the passive set (Bro & De Jong 1997, J. Chemometrics 11:393),
 * so an unchanged active set costs one Cholesky solve.
 */
export function nnlsGram(
  gram: Float64Array,
  rhs: Float64Array,
  k: number,
  out: Float64Array = new Float64Array(k),
  work: Float64Array = new Float64Array(k * k + 4 * k),
  warm = false,
): Float64Array {
  // Scratch layout in `work` (offsets, not views, so the hot path allocates nothing):
  // [0, k²) Cholesky factor of H_PP · [S, S+k) trial solution s · [P, P+k) passive flags ·
  // [I, I+k) indices of P.
  const x = out;
  const S = k * k;
  const P = S + k;
  const I = P + k;
  let scale = 0;
  for (let i = 0; i < k; i++) scale = Math.max(scale, Math.abs(rhs[i]), gram[i * k + i]);
  const tol = 1e-13 * (scale > 0 ? scale : 1);
  const zeroTol = tol * 1e-3;
  let pending = false; // a warm passive set waits for its first solve
  for (let j = 0; j < k; j++) {
    if (warm && x[j] > zeroTol) {
      work[P + j] = 1;
      pending = true;
    } else {
      x[j] = 0;
      work[P + j] = 0;
    }
  }
  for (let outer = 0; outer < 3 * k + 10; outer++) {
    let best = -1;
    if (!pending) {
      // w = c − Hx, the negative gradient: optimal when w_j ≤ 0 for every j outside P (KKT).
      let bestW = tol;
      for (let j = 0; j < k; j++) {
        if (work[P + j]) continue;
        let v = rhs[j];
        for (let l = 0; l < k; l++) v -= gram[j * k + l] * x[l];
        if (v > bestW) {
          bestW = v;
          best = j;
        }
      }
      if (best < 0) break;
      work[P + best] = 1;
    }
    for (let inner = 0; inner < 3 * k + 10; inner++) {
      if (!solvePassive(gram, rhs, k, work, S, P, I)) {
        if (pending) return nnlsGram(gram, rhs, k, out, work, false); // degenerate guess: cold start
        // H_PP singular: the entering variable is a copy of others and cannot lower Q; stop.
        if (best >= 0) work[P + best] = 0;
        return x;
      }
      pending = false;
      let alpha = 1;
      let blocked = false;
      for (let j = 0; j < k; j++) {
        if (!work[P + j] || work[S + j] > zeroTol) continue;
        blocked = true;
        const step = x[j] / (x[j] - work[S + j]);
        if (step < alpha) alpha = step;
      }
      if (!blocked) {
        for (let j = 0; j < k; j++) x[j] = work[P + j] ? work[S + j] : 0;
        break;
      }
      for (let j = 0; j < k; j++) {
        if (!work[P + j]) continue;
        x[j] += alpha * (work[S + j] - x[j]);
        if (x[j] <= zeroTol) {
          x[j] = 0;
          work[P + j] = 0;
        }
      }
    }
  }
  return x;
}

/** Solves H_PP s_P = c_P by Cholesky into work[S…]; s is 0 outside P. False when H_PP is singular. */
function solvePassive(
  gram: Float64Array,
  rhs: Float64Array,
  k: number,
  work: Float64Array,
  S: number,
  P: number,
  I: number,
): boolean {
  let p = 0;
  for (let j = 0; j < k; j++) if (work[P + j]) work[I + p++] = j;
  for (let a = 0; a < p; a++) {
    const ia = work[I + a];
    for (let b = 0; b <= a; b++) {
      const ib = work[I + b];
      let v = gram[ia * k + ib];
      for (let c = 0; c < b; c++) v -= work[a * k + c] * work[b * k + c];
      if (a === b) {
        if (v <= 1e-14 * Math.max(gram[ia * k + ia], 1e-300)) return false;
        work[a * k + a] = Math.sqrt(v);
      } else work[a * k + b] = v / work[b * k + b];
    }
  }
  for (let j = 0; j < k; j++) work[S + j] = 0;
  for (let a = 0; a < p; a++) {
    let v = rhs[work[I + a]];
    for (let c = 0; c < a; c++) v -= work[a * k + c] * work[S + work[I + c]];
    work[S + work[I + a]] = v / work[a * k + a];
  }
  for (let a = p - 1; a >= 0; a--) {
    let v = work[S + work[I + a]];
    for (let c = a + 1; c < p; c++) v -= work[c * k + a] * work[S + work[I + c]];
    work[S + work[I + a]] = v / work[a * k + a];
  }
  return true;
}

/** min ‖Ax − b‖² subject to x ≥ 0, with A rows×cols row-major. */
export function nnls(a: Float64Array, b: Float64Array, rows: number, cols: number): Float64Array {
  const gram = new Float64Array(cols * cols);
  const rhs = new Float64Array(cols);
  for (let r = 0; r < rows; r++) {
    for (let i = 0; i < cols; i++) {
      const ai = a[r * cols + i];
      rhs[i] += ai * b[r];
      for (let j = 0; j < cols; j++) gram[i * cols + j] += ai * a[r * cols + j];
    }
  }
  return nnlsGram(gram, rhs, cols);
}
