// The generic job runner: N independent tasks spread over worker threads (or run in this thread
// for small jobs and tests), with progress events and cancellation through an AbortSignal.
// A task module exports `runTask(task, report)`; `report(message)` sends intermediate progress.

import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type InputLocation, type LocalizedText, SoilTraceError } from '../errors.ts';

export type TaskFunction<T, R> = (task: T, report: (message: unknown) => void) => R | Promise<R>;

export interface JobProgress<R> {
  /** Tasks finished so far, and in all. */
  done: number;
  total: number;
  /** The task this event is about. */
  index: number;
  /** Set when task `index` has just finished. */
  result?: R;
  /** Set for an intermediate report from a running task. */
  message?: unknown;
}

export interface JobOptions<R> {
  signal?: AbortSignal;
  onProgress?: (progress: JobProgress<R>) => void;
}

export interface WorkerJobOptions<R> extends JobOptions<R> {
  /** Module exporting the task function (a file URL or path to a .ts or .js file). */
  module: string | URL;
  /** Name of the exported task function; default "runTask". */
  exportName?: string;
  /** Worker threads; default min(os.availableParallelism(), tasks). */
  concurrency?: number;
}

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error
    ? signal.reason
    : new DOMException('The job was cancelled', 'AbortError');
}

/** Runs every task in this thread, in order; results in task order. */
export async function runJobsInProcess<T, R>(
  run: TaskFunction<T, R>,
  tasks: readonly T[],
  options: JobOptions<R> = {},
): Promise<R[]> {
  const results: R[] = [];
  for (let index = 0; index < tasks.length; index++) {
    if (options.signal?.aborted) throw abortError(options.signal);
    const result = await run(tasks[index], (message) =>
      options.onProgress?.({ done: index, total: tasks.length, index, message }),
    );
    results.push(result);
    options.onProgress?.({ done: index + 1, total: tasks.length, index, result });
  }
  return results;
}

interface WorkerMessage {
  type: 'progress' | 'result' | 'error';
  index: number;
  message?: unknown;
  result?: unknown;
  error?: { name: string; message: string; text?: LocalizedText; location?: InputLocation };
}

const bootstrap = fileURLToPath(new URL('./job-worker.mjs', import.meta.url));

/** Runs the tasks on worker threads; results in task order. Abort terminates every worker. */
export function runJobsInWorkers<T, R>(tasks: readonly T[], options: WorkerJobOptions<R>): Promise<R[]> {
  const { signal, onProgress } = options;
  const total = tasks.length;
  if (total === 0) return Promise.resolve([]);
  if (signal?.aborted) return Promise.reject(abortError(signal));
  const module =
    options.module instanceof URL
      ? options.module.href
      : options.module.startsWith('file:')
        ? options.module
        : pathToFileURL(options.module).href;
  const size = Math.max(1, Math.min(options.concurrency ?? availableParallelism(), total));
  const results = new Array<R>(total);
  const workers: Worker[] = [];
  let next = 0;
  let done = 0;
  let settled = false;

  return new Promise<R[]>((resolve, reject) => {
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      for (const worker of workers) void worker.terminate();
      if (error) reject(error);
      else resolve(results);
    };
    const onAbort = () => finish(abortError(signal as AbortSignal));
    signal?.addEventListener('abort', onAbort, { once: true });

    const feed = (worker: Worker) => {
      if (next >= total) return;
      const index = next++;
      worker.postMessage({ index, task: tasks[index] });
    };

    for (let w = 0; w < size; w++) {
      const worker = new Worker(bootstrap, {
        workerData: { module, exportName: options.exportName ?? 'runTask' },
      });
      workers.push(worker);
      worker.on('message', (msg: WorkerMessage) => {
        if (settled) return;
        if (msg.type === 'progress') {
          onProgress?.({ done, total, index: msg.index, message: msg.message });
        } else if (msg.type === 'result') {
          results[msg.index] = msg.result as R;
          done++;
          onProgress?.({ done, total, index: msg.index, result: msg.result as R });
          if (done === total) finish();
          else feed(worker);
        } else {
          const e = msg.error;
          finish(
            e?.name === 'SoilTraceError' && e.text
              ? new SoilTraceError(e.text, e.location)
              : new Error(e?.message ?? 'worker task failed'),
          );
        }
      });
      worker.on('error', (error) => finish(error));
      worker.on('exit', (code) => {
        if (!settled && code !== 0) finish(new Error(`worker stopped with exit code ${code}`));
      });
      feed(worker);
    }
  });
}
