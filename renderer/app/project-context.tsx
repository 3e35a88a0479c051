import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import type { DatasetInfo, ProjectInfo } from '../../analysis/api/contract.ts';
import { ApiCallError, type ApiClient } from '../api/client.ts';
import { useApi } from './api-context.tsx';

export interface ProjectState {
  status: 'loading' | 'ready' | 'error';
  project: ProjectInfo | null;
  datasets: DatasetInfo[];
  error: ApiCallError | null;
  refresh(): Promise<void>;
  openSample(): Promise<void>;
}

const ProjectContext = createContext<ProjectState | null>(null);

function asApiError(error: unknown): ApiCallError {
  if (error instanceof ApiCallError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ApiCallError({ code: 'internal', message: { zh: message, en: message } });
}

async function load(api: ApiClient): Promise<{ project: ProjectInfo | null; datasets: DatasetInfo[] }> {
  let project = await api.call('project.info', {});
  // Started without a project: open the sample built from datasets/case-study.
  if (!project) project = await api.call('project.openSample', {});
  const datasets = await api.call('datasets.list', {});
  return { project, datasets };
}

export function ProjectProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [status, setStatus] = useState<ProjectState['status']>('loading');
  const [project, setProject] = useState<ProjectInfo | null>(null);
  const [datasets, setDatasets] = useState<DatasetInfo[]>([]);
  const [error, setError] = useState<ApiCallError | null>(null);

  const run = useCallback(
    async (task: () => Promise<{ project: ProjectInfo | null; datasets: DatasetInfo[] }>) => {
      try {
        const next = await task();
        setProject(next.project);
        setDatasets(next.datasets);
        setError(null);
        setStatus('ready');
      } catch (e) {
        setError(asApiError(e));
        setStatus('error');
      }
    },
    [],
  );

  const refresh = useCallback(() => run(() => load(api)), [api, run]);
  const openSample = useCallback(
    () =>
      run(async () => {
        const opened = await api.call('project.openSample', {});
        return { project: opened, datasets: await api.call('datasets.list', {}) };
      }),
    [api, run],
  );

  useEffect(() => {
    void refresh();
    return api.onEvent((event) => {
      if (event.type === 'project.changed') void refresh();
    });
  }, [api, refresh]);

  return (
    <ProjectContext.Provider value={{ status, project, datasets, error, refresh, openSample }}>
      {children}
    </ProjectContext.Provider>
  );
}

export function useProject(): ProjectState {
  const state = useContext(ProjectContext);
  if (!state) throw new Error('useProject outside ProjectProvider');
  return state;
}
