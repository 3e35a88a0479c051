// A short, constrained re-fit used by DISP, constraints and Fpeak. PMF's factorisation is only
// defined up to a scale per factor (g_h·c, f_h/c give the same Q), so pulling or holding an F
// element would be absorbed by rescaling the whole factor at no cost in Q. As in PMF 5 (which
// reports F with each G column normalised to mean 1, EPA PMF 5.0 user guide §4), every sweep here
// rescales each G column to mean 1 and moves the scale into F, so displacements act on the
// normalised profile (mean contribution of the factor to each species). Held F elements keep
// their value through the rescaling; the next F update re-fits the rest of the factor around them.

import { type PmfFactors, type PmfProblem, qRobust, qTrue } from '../q.ts';
import { pullPenalty, type SoftTargets, updateF, updateG, weighting, workspace } from '../solve.ts';

export interface NormalisedSolveOptions {
  holdF?: Uint8Array;
  holdG?: Uint8Array;
  pullF?: SoftTargets;
  pullG?: SoftTargets;
  /** Sweeps at most (default 200): warm starts from a nearby solution need few. */
  maxSweeps?: number;
  /** Stop when a sweep lowers the objective by less than this fraction of it (default 1e-7). */
  relativeTolerance?: number;
}

export interface NormalisedSolution extends PmfFactors {
  qTrue: number;
  qRobust: number;
  /** The pulls' share of the minimised objective. */
  penalty: number;
  sweeps: number;
}

/**
 * Scales each G column to mean 1 and the matching F row by the old mean, in place (held F
 * elements, where `holdF` is 1, are left as they are). Columns that are all zero are left alone.
 */
export function normaliseContributions(state: PmfFactors, samples: number, holdF?: Uint8Array): void {
  const { g, f, factors: k } = state;
  const m = f.length / k;
  for (let h = 0; h < k; h++) {
    let mean = 0;
    for (let i = 0; i < samples; i++) mean += g[i * k + h] / samples;
    if (!(mean > 0)) continue;
    for (let i = 0; i < samples; i++) g[i * k + h] /= mean;
    for (let j = 0; j < m; j++) if (!holdF?.[h * m + j]) f[h * m + j] *= mean;
  }
}

/** Copies a solution and normalises it (G columns to mean 1). */
export function normalisedCopy(problem: PmfProblem, start: PmfFactors): PmfFactors {
  const out = { g: start.g.slice(), f: start.f.slice(), factors: start.factors };
  normaliseContributions(out, problem.samples);
  return out;
}

/** Minimises Q(true) + pulls from `start` (not modified), keeping G columns at mean 1. */
export function solveNormalised(
  problem: PmfProblem,
  start: PmfFactors,
  options: NormalisedSolveOptions = {},
): NormalisedSolution {
  const { samples: n, species: m } = problem;
  const k = start.factors;
  const state: PmfFactors = { g: start.g.slice(), f: start.f.slice(), factors: k };
  const ws = workspace(n, m, k);
  const weights = weighting(
    problem,
    problem.u.map((s) => 1 / (s * s)),
  );
  const maxSweeps = options.maxSweeps ?? 200;
  const tolerance = options.relativeTolerance ?? 1e-7;
  const fConstraints = { hold: options.holdF, pull: options.pullF };
  const gConstraints = { hold: options.holdG, pull: options.pullG };
  let previous = Number.POSITIVE_INFINITY;
  let sweeps = 0;
  while (sweeps < maxSweeps) {
    updateF(problem, weights, state, fConstraints, ws);
    const value = updateG(problem, weights, state, gConstraints, ws) + pullPenalty(state.f, options.pullF);
    if (!options.holdG) normaliseContributions(state, n, options.holdF);
    sweeps++;
    if (previous - value < tolerance * Math.max(value, 1e-12) && previous >= value - 1e-9 * value) break;
    previous = value;
  }
  return {
    ...state,
    qTrue: qTrue(problem, state),
    qRobust: qRobust(problem, state),
    penalty: pullPenalty(state.f, options.pullF) + pullPenalty(state.g, options.pullG),
    sweeps,
  };
}
