// Worker-thread task (analysis/jobs runJobsInWorkers, export runTask) for the error estimates
// that are one long computation each: DISP, BS-DISP, Fpeak and constrained runs. Bootstrap runs
// are parallelised run by run (bootstrap-task.ts).

import type { PmfFactors, PmfProblem } from '../q.ts';
import { type BsDispResult, type BsDispSettings, bsDispPmf } from './bs-disp.ts';
import {
  type ConstrainedRun,
  type Constraint,
  type ConstraintSettings,
  constrainPmf,
} from './constraints.ts';
import { type DispResult, type DispSettings, displacePmf } from './disp.ts';
import { type FpeakResult, type FpeakSettings, fpeakPmf } from './fpeak.ts';

export type ErrorEstimationTask =
  | { kind: 'disp'; problem: PmfProblem; base: PmfFactors; settings?: Omit<DispSettings, 'onProgress'> }
  | {
      kind: 'bs-disp';
      problem: PmfProblem;
      base: PmfFactors;
      settings: Omit<BsDispSettings, 'onProgress' | 'signal'>;
    }
  | { kind: 'fpeak'; problem: PmfProblem; base: PmfFactors; strengths: number[]; settings?: FpeakSettings }
  | {
      kind: 'constraints';
      problem: PmfProblem;
      base: PmfFactors;
      constraints: Constraint[];
      settings?: ConstraintSettings;
    };

export type ErrorEstimationResult = DispResult | BsDispResult | FpeakResult[] | ConstrainedRun;

export async function runTask(
  task: ErrorEstimationTask,
  report: (message: unknown) => void,
): Promise<ErrorEstimationResult> {
  switch (task.kind) {
    case 'disp':
      return displacePmf(task.problem, task.base, {
        ...task.settings,
        onProgress: (done, total) => report({ done, total }),
      });
    case 'bs-disp':
      // Already inside a worker: the bootstrap runs go in this thread.
      return bsDispPmf(task.problem, task.base, { ...task.settings, workers: 'none' });
    case 'fpeak':
      return fpeakPmf(task.problem, task.base, task.strengths, task.settings);
    case 'constraints':
      return constrainPmf(task.problem, task.base, task.constraints, task.settings);
  }
}
