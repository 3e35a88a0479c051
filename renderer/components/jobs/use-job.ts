import { useCallback, useRef, useState } from 'react';
import type { JobStatus } from '../../../analysis/api/contract.ts';
import { ApiCallError } from '../../api/client.ts';
import { useApi } from '../../app/api-context.tsx';

export interface JobHandlers<T> {
  /** The job finished with status 'done'; `result` is its jobs.result payload. */
  onDone(result: T): void;
  /** Starting failed, the job failed, or its result could not be fetched. */
  onError(error: unknown): void;
  /** The job was cancelled. */
  onCancelled?(): void;
}

export interface JobOptions {
  /** Keep `jobId` (and so the progress UI) until the result has been fetched, so that the start button
   * cannot come back in between (the import wizard: a second click would import twice). */
  holdUntilResult?: boolean;
}

export interface Job<P> {
  /** The running job, or null: render `<JobProgress jobId={jobId} onFinished={finished} />` while set. */
  jobId: string | null;
  running: boolean;
  start(params: P): Promise<void>;
  /** JobProgress's onFinished: clears the job, fetches its result and calls the handlers. */
  finished(status: JobStatus): void;
}

/** Start one long job of `kind` at a time and deliver its result (the jobs.start / jobs.result pair). */
export function useJob<T, P = unknown>(
  kind: string,
  handlers: JobHandlers<T>,
  { holdUntilResult = false }: JobOptions = {},
): Job<P> {
  const api = useApi();
  const [jobId, setJobId] = useState<string | null>(null);
  // The latest handlers, so that `finished` keeps its identity (JobProgress re-subscribes when it changes).
  const latest = useRef(handlers);
  latest.current = handlers;

  const start = useCallback(
    (params: P) =>
      api
        .call('jobs.start', { kind, params })
        .then((r) => setJobId(r.jobId))
        .catch((e: unknown) => latest.current.onError(e)),
    [api, kind],
  );

  const finished = useCallback(
    (status: JobStatus) => {
      const id = jobId;
      if (!holdUntilResult) setJobId(null);
      if (!id) return;
      api
        .call('jobs.result', { jobId: id })
        .then((r) => {
          if (holdUntilResult) setJobId(null);
          if (status === 'done') latest.current.onDone(r.result as T);
          else if (status === 'failed')
            latest.current.onError(r.error ? new ApiCallError(r.error) : new Error(status));
          else latest.current.onCancelled?.();
        })
        .catch((e: unknown) => {
          if (holdUntilResult) setJobId(null);
          latest.current.onError(e);
        });
    },
    [api, jobId, holdUntilResult],
  );

  return { jobId, running: jobId !== null, start, finished };
}
