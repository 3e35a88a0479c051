// The PMF engine: weighted alternating non-negative least squares. Each sweep solves, exactly,
// every row of G (given F) and every column of F (given G) as a small weighted NNLS problem
// (k variables, own Lawson–Hanson in nnls.ts), so Q never increases. A sweep is followed by an
// extrapolation step (Ang & Gillis 2019, "Accelerating nonnegative matrix factorization
// algorithms using extrapolation", Neural Computation 31:417) that is kept only when it lowers Q.
// Robust mode is iteratively reweighted least squares: a value with |e/u| > α gets weight
// α/(|e/u|·u²), the PMF2 robust weighting (Paatero 1997, Chemometr. Intell. Lab. 37:23).

import { nnlsGram } from './nnls.ts';
import { type PmfFactors, type PmfProblem, ROBUST_THRESHOLD } from './q.ts';

export interface SolveOptions {
  /** Minimise Q(robust) instead of Q(true). Default false. */
  robust?: boolean;
  robustThreshold?: number;
  maxIterations?: number;
  /** Stop when the objective falls by less than `convergenceDelta` over `convergenceWindow` sweeps. */
  convergenceWindow?: number;
  convergenceDelta?: number;
  /** Elements of G (samples × factors) held at their starting value where the mask is 1. */
  holdG?: Uint8Array;
  /** Elements of F (factors × species) held at their starting value where the mask is 1. */
  holdF?: Uint8Array;
  /** Extrapolation between sweeps; default true. */
  accelerate?: boolean;
  /** Called after each sweep with the objective; return true to stop early. */
  onIteration?: (iteration: number, objective: number) => boolean | undefined;
}

export interface SolveResult extends PmfFactors {
  qTrue: number;
  qRobust: number;
  iterations: number;
  converged: boolean;
}

interface Workspace {
  gram: Float64Array;
  rhs: Float64Array;
  sol: Float64Array;
  nnlsWork: Float64Array;
  free: Int32Array;
  subGram: Float64Array;
  subRhs: Float64Array;
}

function workspace(k: number): Workspace {
  return {
    gram: new Float64Array(k * k),
    rhs: new Float64Array(k),
    sol: new Float64Array(k),
    nnlsWork: new Float64Array(k * k + 4 * k),
    free: new Int32Array(k),
    subGram: new Float64Array(k * k),
    subRhs: new Float64Array(k),
  };
}

/**
 * Solves min ½zᵀHz − cᵀz, z ≥ 0, with the variables where `hold` is 1 fixed at `current`;
 * writes the result into target[offset + h·stride].
 */
function solveHeld(
  ws: Workspace,
  k: number,
  hold: Uint8Array | undefined,
  holdOffset: number,
  holdStride: number,
  target: Float64Array,
  offset: number,
  stride: number,
) {
  const { gram, rhs, sol, nnlsWork } = ws;
  if (!hold) {
    nnlsGram(gram, rhs, k, sol, nnlsWork);
    for (let h = 0; h < k; h++) target[offset + h * stride] = sol[h];
    return;
  }
  let p = 0;
  for (let h = 0; h < k; h++) if (!hold[holdOffset + h * holdStride]) ws.free[p++] = h;
  if (p === 0) return;
  for (let a = 0; a < p; a++) {
    const ha = ws.free[a];
    let c = rhs[ha];
    for (let h = 0; h < k; h++) {
      if (hold[holdOffset + h * holdStride]) c -= gram[ha * k + h] * target[offset + h * stride];
    }
    ws.subRhs[a] = c;
    for (let b = 0; b < p; b++) ws.subGram[a * p + b] = gram[ha * k + ws.free[b]];
  }
  nnlsGram(ws.subGram.subarray(0, p * p), ws.subRhs.subarray(0, p), p, sol.subarray(0, p), nnlsWork);
  for (let a = 0; a < p; a++) target[offset + ws.free[a] * stride] = sol[a];
}

/** G ← argmin over G ≥ 0 of Σ w_ij (x_ij − (GF)_ij)², row by row. */
export function updateG(
  problem: PmfProblem,
  weights: Float64Array,
  state: PmfFactors,
  hold?: Uint8Array,
  ws: Workspace = workspace(state.factors),
) {
  const { x, samples: n, species: m } = problem;
  const { g, f, factors: k } = state;
  const { gram, rhs } = ws;
  for (let i = 0; i < n; i++) {
    gram.fill(0);
    rhs.fill(0);
    for (let j = 0; j < m; j++) {
      const w = weights[i * m + j];
      const wx = w * x[i * m + j];
      for (let a = 0; a < k; a++) {
        const fa = f[a * m + j];
        const wfa = w * fa;
        rhs[a] += wx * fa;
        for (let b = a; b < k; b++) gram[a * k + b] += wfa * f[b * m + j];
      }
    }
    for (let a = 1; a < k; a++) for (let b = 0; b < a; b++) gram[a * k + b] = gram[b * k + a];
    solveHeld(ws, k, hold, i * k, 1, g, i * k, 1);
  }
}

/** F ← argmin over F ≥ 0, column by column (all column Gram matrices built in one pass over X). */
export function updateF(
  problem: PmfProblem,
  weights: Float64Array,
  state: PmfFactors,
  hold?: Uint8Array,
  ws: Workspace = workspace(state.factors),
  grams: Float64Array = new Float64Array(problem.species * state.factors * state.factors),
  rhss: Float64Array = new Float64Array(problem.species * state.factors),
) {
  const { x, samples: n, species: m } = problem;
  const { g, f, factors: k } = state;
  const kk = k * k;
  grams.fill(0);
  rhss.fill(0);
  for (let i = 0; i < n; i++) {
    const gi = i * k;
    for (let j = 0; j < m; j++) {
      const w = weights[i * m + j];
      const wx = w * x[i * m + j];
      const base = j * kk;
      for (let a = 0; a < k; a++) {
        const ga = g[gi + a];
        const wga = w * ga;
        rhss[j * k + a] += wx * ga;
        for (let b = a; b < k; b++) grams[base + a * k + b] += wga * g[gi + b];
      }
    }
  }
  for (let j = 0; j < m; j++) {
    const base = j * kk;
    for (let a = 0; a < k; a++) {
      for (let b = 0; b < k; b++)
        ws.gram[a * k + b] = b >= a ? grams[base + a * k + b] : grams[base + b * k + a];
      ws.rhs[a] = rhss[j * k + a];
    }
    solveHeld(ws, k, hold, j, m, f, j, m);
  }
}

/** Scaled residuals r = (X − GF)/U into `out`; returns Q(true) and Q(robust). */
function evaluate(problem: PmfProblem, state: PmfFactors, alpha: number, out: Float64Array) {
  const { x, u, samples: n, species: m } = problem;
  const { g, f, factors: k } = state;
  let qt = 0;
  let qr = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      let fit = 0;
      for (let h = 0; h < k; h++) fit += g[i * k + h] * f[h * m + j];
      const r = (x[i * m + j] - fit) / u[i * m + j];
      out[i * m + j] = r;
      const r2 = r * r;
      qt += r2;
      const a = Math.abs(r);
      qr += a > alpha ? alpha * a : r2;
    }
  }
  return { qTrue: qt, qRobust: qr };
}

function robustWeights(problem: PmfProblem, scaled: Float64Array, alpha: number, out: Float64Array) {
  const { u } = problem;
  for (let i = 0; i < out.length; i++) {
    const a = Math.abs(scaled[i]);
    const base = 1 / (u[i] * u[i]);
    out[i] = a > alpha ? (base * alpha) / a : base;
  }
}

/**
 * Minimises Q from the given G and F (G may be empty: it is then solved from F first).
 * The inputs are not modified.
 */
export function solvePmf(
  problem: PmfProblem,
  start: { f: Float64Array; g?: Float64Array; factors: number },
  options: SolveOptions = {},
): SolveResult {
  const { samples: n, species: m } = problem;
  const k = start.factors;
  const robust = options.robust ?? false;
  const alpha = options.robustThreshold ?? ROBUST_THRESHOLD;
  const maxIterations = options.maxIterations ?? 20_000;
  const window = options.convergenceWindow ?? 100;
  const delta = options.convergenceDelta ?? 0.1;
  const accelerate = options.accelerate ?? true;
  const state: PmfFactors = {
    g: start.g ? start.g.slice() : new Float64Array(n * k),
    f: start.f.slice(),
    factors: k,
  };
  const ws = workspace(k);
  const grams = new Float64Array(m * k * k);
  const rhss = new Float64Array(m * k);
  const scaled = new Float64Array(n * m);
  const weights = new Float64Array(n * m);
  for (let i = 0; i < weights.length; i++) weights[i] = 1 / (problem.u[i] * problem.u[i]);
  const objective = (q: { qTrue: number; qRobust: number }) => (robust ? q.qRobust : q.qTrue);

  if (!start.g) updateG(problem, weights, state, options.holdG, ws);
  let q = evaluate(problem, state, alpha, scaled);
  if (robust) robustWeights(problem, scaled, alpha, weights);

  const history = new Float64Array(window + 1);
  let iterations = 0;
  let converged = false;
  // Extrapolation state (Ang & Gillis 2019, algorithm 2 with their default γ = 1.05, γ̄ = 1.01, η = 1.5).
  let beta = 0.5;
  let betaMax = 1;
  const prevG = new Float64Array(n * k);
  const prevF = new Float64Array(k * m);
  const trial: PmfFactors = { g: new Float64Array(n * k), f: new Float64Array(k * m), factors: k };
  const trialScaled = new Float64Array(n * m);
  history[0] = objective(q);
  while (iterations < maxIterations) {
    prevG.set(state.g);
    prevF.set(state.f);
    updateF(problem, weights, state, options.holdF, ws, grams, rhss);
    updateG(problem, weights, state, options.holdG, ws);
    let next = evaluate(problem, state, alpha, scaled);
    if (accelerate) {
      for (let i = 0; i < state.g.length; i++) {
        const v = state.g[i] + beta * (state.g[i] - prevG[i]);
        trial.g[i] = Math.max(v, 0);
      }
      for (let i = 0; i < state.f.length; i++) {
        const v = state.f[i] + beta * (state.f[i] - prevF[i]);
        trial.f[i] = Math.max(v, 0);
      }
      if (options.holdG)
        for (let i = 0; i < state.g.length; i++) if (options.holdG[i]) trial.g[i] = state.g[i];
      if (options.holdF)
        for (let i = 0; i < state.f.length; i++) if (options.holdF[i]) trial.f[i] = state.f[i];
      const tq = evaluate(problem, trial, alpha, trialScaled);
      if (objective(tq) < objective(next)) {
        state.g.set(trial.g);
        state.f.set(trial.f);
        scaled.set(trialScaled);
        next = tq;
        beta = Math.min(betaMax, beta * 1.05);
        betaMax = Math.min(1, betaMax * 1.01);
      } else {
        betaMax = beta;
        beta /= 1.5;
      }
    }
    q = next;
    iterations++;
    if (robust) robustWeights(problem, scaled, alpha, weights);
    const value = objective(q);
    history[iterations % (window + 1)] = value;
    if (options.onIteration?.(iterations, value)) break;
    if (iterations >= window && history[(iterations - window) % (window + 1)] - value < delta) {
      converged = true;
      break;
    }
  }
  return { ...state, qTrue: q.qTrue, qRobust: q.qRobust, iterations, converged };
}
