// The worker-thread task for one base run (loaded by analysis/jobs/job-worker.mjs).
import { type BaseRun, type BaseRunOptions, baseRun } from './base-runs.ts';
import type { PmfProblem } from './q.ts';

export interface BaseRunTask {
  problem: PmfProblem;
  factors: number;
  seed: number;
  options: BaseRunOptions;
}

/** Progress every this many iterations: the current objective of the running run. */
const REPORT_EVERY = 50;

export function runTask(task: BaseRunTask, report: (message: unknown) => void): BaseRun {
  return baseRun(task.problem, task.factors, task.seed, {
    ...task.options,
    onIteration: (iteration, objective) => {
      if (iteration % REPORT_EVERY === 0) report({ seed: task.seed, iteration, q: objective });
      return undefined;
    },
  });
}
