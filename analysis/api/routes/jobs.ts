import type { RouteModule } from './types.ts';

export const jobsRoutes: RouteModule = {
  'jobs.start': async ({ kind, params }, ctx) => ctx.jobs.start(kind, params),
  'jobs.cancel': async ({ jobId }, ctx) => ({ cancelled: ctx.jobs.cancel(jobId) }),
  'jobs.result': async ({ jobId }, ctx) => ctx.jobs.get(jobId),
};
