import { describe, expect, it } from 'vitest';
import { SoilTraceError } from '../errors.ts';
import { type FixtureTask, runTask } from './fixture-tasks.ts';
import { softwareVersion, withProvenance } from './provenance.ts';
import { type JobProgress, runJobsInProcess, runJobsInWorkers } from './run-jobs.ts';

const fixture = new URL('./fixture-tasks.ts', import.meta.url);
const squares = (n: number) => (n * (n + 1) * (2 * n + 1)) / 6;

describe('runJobsInWorkers', () => {
  it('runs TypeScript tasks on worker threads and returns results in task order', async () => {
    const tasks: FixtureTask[] = [10, 200, 3, 4000, 57].map((n) => ({ n }));
    const events: JobProgress<{ sum: number }>[] = [];
    const results = await runJobsInWorkers<FixtureTask, { n: number; sum: number }>(tasks, {
      module: fixture,
      concurrency: 2,
      onProgress: (p) => events.push(p),
    });
    expect(results.map((r) => r.sum)).toEqual(tasks.map((t) => squares(t.n)));
    const finished = events.filter((e) => e.result !== undefined);
    expect(finished.map((e) => e.done)).toEqual([1, 2, 3, 4, 5]);
    expect(finished.every((e) => e.total === 5)).toBe(true);
    // Intermediate reports arrive from inside tasks (half-way partial sums).
    expect(events.some((e) => (e.message as { half?: number } | undefined)?.half === squares(2000))).toBe(
      true,
    );
  });

  it('cancels: an abort terminates busy workers and rejects with AbortError', async () => {
    const controller = new AbortController();
    const started = performance.now();
    const job = runJobsInWorkers(
      [
        { n: 1, spinMs: 20_000 },
        { n: 2, spinMs: 20_000 },
      ],
      {
        module: fixture,
        signal: controller.signal,
      },
    );
    setTimeout(() => controller.abort(), 300);
    await expect(job).rejects.toMatchObject({ name: 'AbortError' });
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('passes task errors back, keeping SoilTraceError text and location', async () => {
    await expect(runJobsInWorkers([{ n: 3, fail: 'plain' }], { module: fixture })).rejects.toThrow(
      'task 3 failed',
    );
    const error = await runJobsInWorkers([{ n: 3, fail: 'soiltrace' }], { module: fixture }).catch((e) => e);
    expect(error).toBeInstanceOf(SoilTraceError);
    expect((error as SoilTraceError).text.zh).toBe('坏任务');
    expect((error as SoilTraceError).location.column).toBe('n');
  });
});

describe('runJobsInProcess', () => {
  it('gives the same results in this thread and honours an aborted signal', async () => {
    const tasks = [{ n: 5 }, { n: 6 }];
    const results = await runJobsInProcess(runTask, tasks);
    expect(results.map((r) => r.sum)).toEqual([55, 91]);
    const controller = new AbortController();
    controller.abort();
    await expect(runJobsInProcess(runTask, tasks, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});

describe('withProvenance', () => {
  it('records parameters, seed, version and timing beside the result', async () => {
    const record = await withProvenance({ factors: 3 }, 42, () => 7);
    expect(record.result).toBe(7);
    expect(record.seed).toBe(42);
    expect(record.parameters).toEqual({ factors: 3 });
    expect(record.softwareVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(record.softwareVersion).toBe(softwareVersion());
    expect(record.elapsedMs).toBeGreaterThanOrEqual(0);
  });
});
