// One PMF analysis end to end: prepared input → N base runs (worker threads or this thread) →
// best run by Q(robust) → the reports of describeSolution. Used by the CLI and the app.

import { SoilTraceError } from '../../errors.ts';
import { softwareVersion } from '../../jobs/provenance.ts';
import { type JobProgress, runJobsInProcess, runJobsInWorkers } from '../../jobs/run-jobs.ts';
import type { BaseRunTask } from './base-run-task.ts';
import { runTask } from './base-run-task.ts';
import { type BaseRun, type BaseRunOptions, baseRunSeeds, bestRunIndex } from './base-runs.ts';
import type { PreparedInput } from './prepare-input.ts';
import type { PmfProblem } from './q.ts';
import { describeSolution, type PmfSolution } from './results.ts';

export interface PmfRunSettings {
  factors: number;
  /** Default 20. */
  runs?: number;
  /** First seed; run i uses seed + i. Default 42. */
  seed?: number;
  solver?: BaseRunOptions;
  /** 'auto' (default): workers when there is more than one run; 'none': this thread; or a count. */
  workers?: 'auto' | 'none' | number;
  signal?: AbortSignal;
  onProgress?: (progress: PmfProgress) => void;
}

export interface PmfProgress {
  runsDone: number;
  runs: number;
  /** True when this event reports a finished run (else a running run's current objective). */
  finished: boolean;
  /** Seed and current objective of a running run, or Q(robust) of the run just finished. */
  seed?: number;
  q?: number;
}

/** What produced a result, stored beside it (DEVELOPERS.md: parameters, seed, version). */
export interface PmfParameters {
  factors: number;
  runs: number;
  seed: number;
  solver: BaseRunOptions;
  species: string[];
  categories: PreparedInput['categories'];
  totalVariable?: string;
  extraUncertainty: number;
}

export interface PmfResult {
  parameters: PmfParameters;
  factors: number;
  seeds: number[];
  runs: BaseRun[];
  best: number;
  solution: PmfSolution;
  softwareVersion: string;
  elapsedMs: number;
}

export const MAX_FACTORS = 20;

/** Factor counts PMF can fit here: 1 ≤ k, and Q(expected) must stay positive. */
export function checkFactorCount(problem: PmfProblem, factors: number): void {
  const { samples: n, species: m } = problem;
  const limit = Math.min(MAX_FACTORS, m - 1, Math.floor((n * m - 1) / (n + m)));
  if (!Number.isInteger(factors) || factors < 1 || factors > limit) {
    throw new SoilTraceError({
      zh: `因子数应为 1 到 ${limit} 之间的整数（${n} 个样品、${m} 个物种），实为 ${factors}`,
      en: `the number of factors must be an integer from 1 to ${limit} (${n} samples, ${m} species), got ${factors}`,
    });
  }
}

export async function runPmf(input: PreparedInput, settings: PmfRunSettings): Promise<PmfResult> {
  const t0 = performance.now();
  const { problem } = input;
  const { factors } = settings;
  checkFactorCount(problem, factors);
  const runs = settings.runs ?? 20;
  if (!Number.isInteger(runs) || runs < 1 || runs > 1000) {
    throw new SoilTraceError({
      zh: `运行次数应为 1–1000 的整数，实为 ${runs}`,
      en: `runs must be an integer 1–1000, got ${runs}`,
    });
  }
  const seeds = baseRunSeeds(settings.seed ?? 42, runs);
  const tasks: BaseRunTask[] = seeds.map((seed) => ({
    problem,
    factors,
    seed,
    options: settings.solver ?? {},
  }));
  const onProgress = (p: JobProgress<BaseRun>) => {
    const message = p.message as { seed?: number; q?: number } | undefined;
    settings.onProgress?.({
      runsDone: p.done,
      runs,
      finished: p.result !== undefined,
      seed: p.result?.seed ?? message?.seed,
      q: p.result ? p.result.qRobust : message?.q,
    });
  };
  const mode = settings.workers ?? 'auto';
  const results =
    mode === 'none' || (mode === 'auto' && runs === 1)
      ? await runJobsInProcess(runTask, tasks, { signal: settings.signal, onProgress })
      : await runJobsInWorkers<BaseRunTask, BaseRun>(tasks, {
          module: new URL('./base-run-task.ts', import.meta.url),
          concurrency: typeof mode === 'number' ? mode : undefined,
          signal: settings.signal,
          onProgress,
        });
  const best = bestRunIndex(results);
  const totalIndex = input.totalVariable === undefined ? -1 : input.species.indexOf(input.totalVariable);
  const solution = describeSolution(
    problem,
    { ...results[best], factors },
    totalIndex < 0 ? undefined : totalIndex,
  );
  const { onIteration: _ignored, ...solver } = settings.solver ?? {};
  return {
    parameters: {
      factors,
      runs,
      seed: seeds[0],
      solver,
      species: input.species,
      categories: input.categories,
      totalVariable: input.totalVariable,
      extraUncertainty: input.extraUncertainty,
    },
    factors,
    seeds,
    runs: results,
    best,
    solution,
    softwareVersion: softwareVersion(),
    elapsedMs: performance.now() - t0,
  };
}
