// Pull strengths on a common scale: a pull of strength s on f_hj weighs s·Σ_i g_ih²/u_ij², the
// curvature of Q(true) along that one element (½∂²Q/∂f_hj²), so s = 1 makes the pull as
// informative as the data about that element whatever the units (likewise for g_ih).

import type { PmfFactors, PmfProblem } from '../q.ts';

export function fCurvature(problem: PmfProblem, state: PmfFactors): Float64Array {
  const { u, samples: n, species: m } = problem;
  const { g, factors: k } = state;
  const out = new Float64Array(k * m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const w = 1 / (u[i * m + j] * u[i * m + j]);
      for (let h = 0; h < k; h++) out[h * m + j] += g[i * k + h] ** 2 * w;
    }
  }
  return out;
}

export function gCurvature(problem: PmfProblem, state: PmfFactors): Float64Array {
  const { u, samples: n, species: m } = problem;
  const { f, factors: k } = state;
  const out = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const w = 1 / (u[i * m + j] * u[i * m + j]);
      for (let h = 0; h < k; h++) out[i * k + h] += f[h * m + j] ** 2 * w;
    }
  }
  return out;
}
