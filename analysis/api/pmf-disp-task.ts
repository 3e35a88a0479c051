// DISP as a worker-thread task (analysis/jobs/run-jobs.ts): displacePmf is synchronous and runs
// hundreds of re-fits, so only a worker keeps the API answering (progress, cancel) meanwhile.
import { type DispResult, displacePmf } from '../methods/pmf/error-estimation/disp.ts';
import type { PmfFactors, PmfProblem } from '../methods/pmf/q.ts';

export interface DispTask {
  problem: PmfProblem;
  base: PmfFactors;
}

export function runTask(task: DispTask, report: (message: unknown) => void): DispResult {
  let last = 0;
  return displacePmf(task.problem, task.base, {
    onProgress: (done, total) => {
      const now = Date.now();
      if (now - last < 200 && done < total) return;
      last = now;
      report({ done, total });
    },
  });
}
