import type { z } from 'zod';
import type { ApiEvent, ApiMethodName, ApiResult, methods } from '../contract.ts';
import type { JobRunner } from '../jobs.ts';
import type { ProjectSession } from '../session.ts';

/** What a route sees: the open project, the user data dir, the job runner and the event bus. */
export interface ApiContext {
  homeDir: string;
  /** The open project; throws ApiError 'no_project' when none is open. */
  session(): ProjectSession;
  currentSession(): ProjectSession | null;
  /** Closes the current project and opens (or creates) another. */
  openSession(path: string, options: { create: boolean; sample?: boolean }): Promise<ProjectSession>;
  emit(event: ApiEvent): void;
  jobs: JobRunner;
}

export type RouteHandler<M extends ApiMethodName> = (
  params: z.output<(typeof methods)[M]['params']>,
  ctx: ApiContext,
) => Promise<ApiResult<M>>;

/** One area's routes (analysis/api/routes/<area>.ts); registered in routes/index.ts. */
export type RouteModule = { [M in ApiMethodName]?: RouteHandler<M> };
