// Task module used by run-jobs.test.ts: small, checkable work.
import { SoilTraceError } from '../errors.ts';

export interface FixtureTask {
  /** Σ_{i=1..n} i², reported as a check: n(n+1)(2n+1)/6. */
  n: number;
  fail?: 'plain' | 'soiltrace';
  /** Busy-wait this long first, so cancellation can be tested. */
  spinMs?: number;
}

export function runTask(task: FixtureTask, report: (message: unknown) => void): { n: number; sum: number } {
  const until = Date.now() + (task.spinMs ?? 0);
  while (Date.now() < until) {
    // spin: a worker stuck in computation must still be stoppable.
  }
  if (task.fail === 'plain') throw new Error(`task ${task.n} failed`);
  if (task.fail === 'soiltrace') throw new SoilTraceError({ zh: '坏任务', en: 'bad task' }, { column: 'n' });
  let sum = 0;
  for (let i = 1; i <= task.n; i++) {
    sum += i * i;
    if (i === task.n >> 1) report({ half: sum });
  }
  return { n: task.n, sum };
}
