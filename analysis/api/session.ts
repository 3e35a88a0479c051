import type { ApiParams, DatasetInfo, ImportPreview, Issue, ProjectInfo } from './contract.ts';
import { ApiError } from './errors.ts';

/**
 * An open project as the API sees it: the one adapter between the routes and the project store
 * and import modules (analysis/store, analysis/import), so the routes never touch DuckDB.
 */
export interface ProjectSession {
  readonly path: string;
  readonly sample: boolean;
  info(): Promise<ProjectInfo>;
  listDatasets(): Promise<DatasetInfo[]>;
  previewImport(params: ApiParams<'import.preview'> & { rows: number }): Promise<ImportPreview>;
  commitImport(params: ApiParams<'import.commit'>): Promise<{ dataset: DatasetInfo; issues: Issue[] }>;
  /** Read-only SQL → Arrow IPC stream bytes. */
  query(sql: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

export async function openProjectSession(
  path: string,
  _options: { create: boolean; sample: boolean },
): Promise<ProjectSession> {
  throw new ApiError('internal', {
    zh: `项目存储模块尚未就绪，无法打开 ${path}`,
    en: `the project store is not available yet; cannot open ${path}`,
  });
}
