import { describe, expect, it } from 'vitest';
import { runJobsInWorkers } from '../../../jobs/run-jobs.ts';
import { baseRunsSync, bestRunIndex } from '../base-runs.ts';
import { type DispResult, displacePmf } from './disp.ts';
import { displacePmfInWorkers } from './disp-in-workers.ts';
import type { ErrorEstimationResult, ErrorEstimationTask } from './error-estimation-task.ts';
import type { FpeakResult } from './fpeak.ts';
import { normalisedCopy } from './normalised-solve.ts';
import { syntheticCase } from './synthetic-case.ts';

describe('error-estimation worker task', () => {
  it('gives in a worker thread the same DISP and Fpeak as in this thread', async () => {
    const { problem } = syntheticCase(30, 4, 0.05);
    const runs = baseRunsSync(problem, 3, [1, 2, 3]);
    const base = normalisedCopy(problem, { ...runs[bestRunIndex(runs)], factors: 3 });
    const tasks: ErrorEstimationTask[] = [
      { kind: 'disp', problem, base, settings: { levels: [4] } },
      { kind: 'fpeak', problem, base, strengths: [0, 0.3] },
    ];
    const [disp, fpeak] = await runJobsInWorkers<ErrorEstimationTask, ErrorEstimationResult>(tasks, {
      module: new URL('./error-estimation-task.ts', import.meta.url),
      concurrency: 2,
    });
    const here = displacePmf(problem, base, { levels: [4] });
    expect((disp as DispResult).low).toEqual(here.low);
    expect((disp as DispResult).high).toEqual(here.high);
    expect((fpeak as FpeakResult[]).map((r) => r.dQ)[0]).toBe(0);
    expect((fpeak as FpeakResult[])[1].dQ).toBeGreaterThan(0);
  });

  it('DISP split by factor over threads and merged equals DISP in one thread', async () => {
    const { problem } = syntheticCase(30, 4, 0.05);
    const runs = baseRunsSync(problem, 3, [1, 2, 3]);
    const base = normalisedCopy(problem, { ...runs[bestRunIndex(runs)], factors: 3 });
    const split = await displacePmfInWorkers(problem, base, { levels: [4, 16], concurrency: 2 });
    const here = displacePmf(problem, base, { levels: [4, 16] });
    expect(split.low).toEqual(here.low);
    expect(split.high).toEqual(here.high);
    expect(split.dQUp).toEqual(here.dQUp);
    expect(split.dQDown).toEqual(here.dQDown);
    expect(split.limitDown).toEqual(here.limitDown);
    expect(split.swaps).toEqual(here.swaps);
    expect(split.solves).toBe(here.solves);
  });
});
