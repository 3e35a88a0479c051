// Non-negative least squares, Lawson & Hanson (1974), "Solving Least Squares Problems", ch. 23,
// algorithm NNLS, written for the normal equations: PMF's weighted sub-problems have few
// variables (k ≤ ~10) and many equations, so each is solved from its k×k Gram matrix.
// (mljs `nnls` returns wrong answers on degenerate active sets; DEVELOPERS.md.)

/**
 * Minimises ½·xᵀHx − cᵀx subject to x ≥ 0, i.e. min ‖Ax − b‖² with H = AᵀA, c = Aᵀb.
 * `gram` is k×k row-major (symmetric positive semi-definite), `rhs` has k entries.
 * The answer is written into `out` (length k), which is also returned.
 * `work` is scratch space of at least k·k + 4·k numbers, so hot loops allocate nothing.
 */
export function nnlsGram(
  gram: Float64Array,
  rhs: Float64Array,
  k: number,
  out: Float64Array = new Float64Array(k),
  work: Float64Array = new Float64Array(k * k + 4 * k),
): Float64Array {
  const x = out;
  x.fill(0, 0, k);
  const chol = work.subarray(0, k * k);
  const s = work.subarray(k * k, k * k + k);
  const w = work.subarray(k * k + k, k * k + 2 * k);
  const passive = work.subarray(k * k + 2 * k, k * k + 3 * k); // 1 = in the passive set P
  const index = work.subarray(k * k + 3 * k, k * k + 4 * k);
  passive.fill(0);
  let scale = 0;
  for (let i = 0; i < k; i++) scale = Math.max(scale, Math.abs(rhs[i]), gram[i * k + i]);
  const tol = 1e-13 * (scale > 0 ? scale : 1);
  const maxOuter = 3 * k + 10;
  for (let outer = 0; outer < maxOuter; outer++) {
    // w = c − Hx: the negative gradient; optimal when w_j ≤ 0 for every j outside P (KKT).
    let best = -1;
    let bestW = tol;
    for (let j = 0; j < k; j++) {
      if (passive[j]) continue;
      let v = rhs[j];
      for (let l = 0; l < k; l++) v -= gram[j * k + l] * x[l];
      w[j] = v;
      if (v > bestW) {
        bestW = v;
        best = j;
      }
    }
    if (best < 0) break;
    passive[best] = 1;
    for (let inner = 0; inner < 3 * k + 10; inner++) {
      const p = solvePassive(gram, rhs, k, passive, s, chol, index);
      if (p < 0) {
        // H_PP singular: the entering variable adds nothing; drop it and stop.
        passive[best] = 0;
        return x;
      }
      let alpha = 1;
      let blocked = false;
      for (let j = 0; j < k; j++) {
        if (!passive[j] || s[j] > tol * 1e-3) continue;
        blocked = true;
        const step = x[j] / (x[j] - s[j]);
        if (step < alpha) alpha = step;
      }
      if (!blocked) {
        for (let j = 0; j < k; j++) x[j] = passive[j] ? s[j] : 0;
        break;
      }
      for (let j = 0; j < k; j++) {
        if (!passive[j]) continue;
        x[j] += alpha * (s[j] - x[j]);
        if (x[j] <= tol * 1e-3) {
          x[j] = 0;
          passive[j] = 0;
        }
      }
    }
  }
  return x;
}

/** Solves H_PP s_P = c_P by Cholesky; s is 0 outside P. Returns |P|, or −1 when H_PP is singular. */
function solvePassive(
  gram: Float64Array,
  rhs: Float64Array,
  k: number,
  passive: Float64Array,
  s: Float64Array,
  chol: Float64Array,
  index: Float64Array,
): number {
  let p = 0;
  for (let j = 0; j < k; j++) if (passive[j]) index[p++] = j;
  for (let a = 0; a < p; a++) {
    const ia = index[a];
    for (let b = 0; b <= a; b++) {
      const ib = index[b];
      let v = gram[ia * k + ib];
      for (let c = 0; c < b; c++) v -= chol[a * k + c] * chol[b * k + c];
      if (a === b) {
        if (v <= 1e-14 * Math.max(gram[ia * k + ia], 1e-300)) return -1;
        chol[a * k + a] = Math.sqrt(v);
      } else chol[a * k + b] = v / chol[b * k + b];
    }
  }
  s.fill(0, 0, k);
  // Forward then back substitution, using w-free scratch: s holds y then the solution.
  for (let a = 0; a < p; a++) {
    let v = rhs[index[a]];
    for (let c = 0; c < a; c++) v -= chol[a * k + c] * s[index[c]];
    s[index[a]] = v / chol[a * k + a];
  }
  for (let a = p - 1; a >= 0; a--) {
    let v = s[index[a]];
    for (let c = a + 1; c < p; c++) v -= chol[c * k + a] * s[index[c]];
    s[index[a]] = v / chol[a * k + a];
  }
  return p;
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
