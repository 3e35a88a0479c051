// Base runs (EPA PMF 5.0 user guide §6): N random starts, each seed recorded; the best run is the
// one with the lowest Q(robust), as in PMF 5.0.

import type { PmfProblem } from './q.ts';
import { randomStartF } from './random-start.ts';
import { type SolveOptions, solvePmf } from './solve.ts';

export interface BaseRun {
  seed: number;
  qTrue: number;
  qRobust: number;
  converged: boolean;
  iterations: number;
  /** samples × factors, row-major. */
  g: Float64Array;
  /** factors × species, row-major. */
  f: Float64Array;
}

export type BaseRunOptions = Omit<SolveOptions, 'holdG' | 'holdF' | 'pullG' | 'pullF'>;

/** Run i uses seed + i, so a job is reproduced from its first seed alone. */
export function baseRunSeeds(seed: number, runs: number): number[] {
  return Array.from({ length: runs }, (_, i) => seed + i);
}

export function baseRun(
  problem: PmfProblem,
  factors: number,
  seed: number,
  options: BaseRunOptions = {},
): BaseRun {
  const result = solvePmf(problem, { f: randomStartF(problem, factors, seed), factors }, options);
  return {
    seed,
    qTrue: result.qTrue,
    qRobust: result.qRobust,
    converged: result.converged,
    iterations: result.iterations,
    g: result.g,
    f: result.f,
  };
}

/** Index of the run with the lowest Q(robust). */
export function bestRunIndex(runs: readonly { qRobust: number }[]): number {
  let best = 0;
  for (let i = 1; i < runs.length; i++) if (runs[i].qRobust < runs[best].qRobust) best = i;
  return best;
}

/** All runs in this thread: for small jobs and tests (workers: run-base-runs.ts). */
export function baseRunsSync(
  problem: PmfProblem,
  factors: number,
  seeds: number[],
  options: BaseRunOptions = {},
): BaseRun[] {
  return seeds.map((seed) => baseRun(problem, factors, seed, options));
}
