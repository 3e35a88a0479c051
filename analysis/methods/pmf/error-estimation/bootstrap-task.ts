// The worker-thread task for one bootstrap run (loaded by analysis/jobs/job-worker.mjs).
import { type BootstrapRun, type BootstrapRunTask, bootstrapRun } from './bootstrap.ts';

export function runTask(task: BootstrapRunTask): BootstrapRun {
  return bootstrapRun(task);
}
