import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ApiErrorShape, ApiEvent, JobStatus, Text } from './contract.ts';
import { ApiError, badParams, toApiErrorShape } from './errors.ts';

// Long work (PMF runs, bootstraps, Monte Carlo, kriging) runs as a job: started by one call,
// reporting progress as events, cancellable through an AbortSignal, its result fetched later.
// A job kind decides itself whether to run in a worker thread; the runner only tracks it.

export interface JobControl {
  signal: AbortSignal;
  /** fraction 0…1; throttled to the UI by the runner. */
  progress(fraction: number, message?: Text): void;
}

export interface JobKind<P extends z.ZodType = z.ZodType> {
  params: P;
  run(params: z.output<P>, control: JobControl): Promise<unknown>;
}

/** Keeps a kind's params typed inside `run` while the registry holds kinds of any params. */
export function defineJobKind<P extends z.ZodType>(kind: JobKind<P>): JobKind {
  return kind as unknown as JobKind;
}

interface JobRecord {
  jobId: string;
  kind: string;
  status: JobStatus;
  progress: number;
  result?: unknown;
  error?: ApiErrorShape;
  controller: AbortController;
  done: Promise<void>;
}

export interface JobRunner {
  start(kind: string, params: unknown): { jobId: string };
  cancel(jobId: string): boolean;
  get(jobId: string): Omit<JobRecord, 'controller' | 'done'>;
  /** Resolves when the job has left 'running'. */
  settled(jobId: string): Promise<void>;
  cancelAll(): Promise<void>;
}

export function cancelledError(): ApiError {
  return new ApiError('internal', { zh: '任务已取消', en: 'the job was cancelled' });
}

export function createJobRunner(kinds: Record<string, JobKind>, emit: (event: ApiEvent) => void): JobRunner {
  const jobs = new Map<string, JobRecord>();

  function find(jobId: string): JobRecord {
    const job = jobs.get(jobId);
    if (!job) {
      throw new ApiError('not_found', { zh: `没有任务 ${jobId}`, en: `no job ${jobId}` });
    }
    return job;
  }

  return {
    start(kind, rawParams) {
      const definition = kinds[kind];
      if (!definition) {
        throw new ApiError(
          'bad_params',
          { zh: `未知的任务类型 “${kind}”`, en: `unknown job kind "${kind}"` },
          { column: 'kind', value: kind },
        );
      }
      const parsed = definition.params.safeParse(rawParams);
      if (!parsed.success) throw badParams(`jobs.start(${kind})`, parsed.error);
      const jobId = randomUUID();
      const controller = new AbortController();
      let lastEmit = 0;
      const record: JobRecord = {
        jobId,
        kind,
        status: 'running',
        progress: 0,
        controller,
        done: Promise.resolve(),
      };
      const control: JobControl = {
        signal: controller.signal,
        progress(fraction, message) {
          if (record.status !== 'running') return;
          record.progress = Math.min(1, Math.max(0, fraction));
          const now = Date.now();
          // At most ~20 events a second: the UI cannot show more, the transport should not carry more.
          if (now - lastEmit < 50 && record.progress < 1) return;
          lastEmit = now;
          emit({
            type: 'job.progress',
            data: message
              ? { jobId, kind, progress: record.progress, message }
              : { jobId, kind, progress: record.progress },
          });
        },
      };
      record.done = (async () => {
        try {
          const result = await definition.run(parsed.data, control);
          if (controller.signal.aborted) {
            record.status = 'cancelled';
          } else {
            record.status = 'done';
            record.progress = 1;
            record.result = result;
          }
        } catch (error) {
          record.status = controller.signal.aborted ? 'cancelled' : 'failed';
          if (record.status === 'failed') record.error = toApiErrorShape(error);
        }
        emit({ type: 'job.finished', data: { jobId, kind, status: record.status } });
      })();
      jobs.set(jobId, record);
      return { jobId };
    },
    cancel(jobId) {
      const job = find(jobId);
      if (job.status !== 'running') return false;
      job.controller.abort();
      return true;
    },
    get(jobId) {
      const { controller: _c, done: _d, ...rest } = find(jobId);
      return rest;
    },
    settled(jobId) {
      return find(jobId).done;
    },
    async cancelAll() {
      for (const job of jobs.values()) if (job.status === 'running') job.controller.abort();
      await Promise.all([...jobs.values()].map((job) => job.done));
    },
  };
}
