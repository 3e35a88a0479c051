import { homedir } from 'node:os';
import { join } from 'node:path';
import { type ApiEvent, isApiMethod, methods } from './contract.ts';
import { ApiError, badParams } from './errors.ts';
import { jobKinds } from './job-kinds.ts';
import { createJobRunner } from './jobs.ts';
import { routes } from './routes/index.ts';
import type { ApiContext, RouteHandler } from './routes/types.ts';
import { openProjectSession, type ProjectSession } from './session.ts';

export interface ApiHandlerOptions {
  /** Project to open at start; without it the UI offers the sample project. */
  projectPath?: string;
  /** User data dir (sample project, recent files); default $SOILTRACE_HOME or ~/.soiltrace. */
  homeDir?: string;
}

export interface ApiHandler {
  /** Validates `params` against the contract, runs the method; rejects with ApiError. */
  call(method: string, params: unknown): Promise<unknown>;
  onEvent(listener: (event: ApiEvent) => void): () => void;
  close(): Promise<void>;
}

export function defaultHomeDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.SOILTRACE_HOME ?? join(homedir(), '.soiltrace');
}

/** The transport-agnostic core of the API: Electron IPC and the HTTP server both call this. */
export function createApiHandler(options: ApiHandlerOptions = {}): ApiHandler {
  const listeners = new Set<(event: ApiEvent) => void>();
  const emit = (event: ApiEvent) => {
    for (const listener of listeners) listener(event);
  };
  let current: ProjectSession | null = null;
  // Calls that open or close the project are serialised so two opens cannot interleave.
  let opening: Promise<unknown> = Promise.resolve();
  let initial: Promise<void> | null = null;

  const context: ApiContext = {
    homeDir: options.homeDir ?? defaultHomeDir(),
    session() {
      if (!current) {
        throw new ApiError('no_project', { zh: '尚未打开项目', en: 'no project is open' });
      }
      return current;
    },
    currentSession: () => current,
    openSession(path, { create, sample = false }) {
      const next = opening.then(async () => {
        const session = await openProjectSession(path, { create, sample });
        const previous = current;
        current = session;
        if (previous) await previous.close();
        emit({ type: 'project.changed', data: { project: await session.info() } });
        return session;
      });
      opening = next.catch(() => undefined);
      return next;
    },
    emit,
    jobs: createJobRunner(
      jobKinds(() => context),
      emit,
    ),
  };

  async function ready(): Promise<void> {
    if (options.projectPath && !initial) {
      initial = context.openSession(options.projectPath, { create: false }).then(() => undefined);
    }
    if (initial) await initial;
  }

  return {
    async call(method, params) {
      if (!isApiMethod(method)) {
        throw new ApiError('unknown_method', {
          zh: `未知的接口 “${method}”`,
          en: `unknown API method "${method}"`,
        });
      }
      const parsed = methods[method].params.safeParse(params ?? {});
      if (!parsed.success) throw badParams(method, parsed.error);
      await ready();
      const route = routes[method] as RouteHandler<typeof method> | undefined;
      if (!route) {
        throw new ApiError('unknown_method', {
          zh: `接口 “${method}” 尚未实现`,
          en: `API method "${method}" is not implemented`,
        });
      }
      return route(parsed.data as never, context);
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      await context.jobs.cancelAll();
      await opening;
      const session = current;
      current = null;
      if (session) await session.close();
      listeners.clear();
    },
  };
}
