import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DuckDBConnection } from '@duckdb/node-api';
import { importDataset, previewImport } from '../import/index.ts';
import type { ImportIssue, ImportPreview as StoreImportPreview } from '../import/types.ts';
import type { DatasetInfo as StoreDatasetInfo } from '../store/index.ts';
import {
  closeProject,
  DATASET_KINDS,
  type DatasetKind,
  KIND_TABLES,
  listDatasets,
  openProject,
  type Project,
  runReadOnlyQuery,
} from '../store/index.ts';
import { serialQueue } from '../store/serial-queue.ts';
import { type ColumnData, type ColumnKind, columnsToArrowIpc } from './arrow-ipc.ts';
import type { ApiParams, DatasetInfo, ImportPreview, Issue, ProjectInfo } from './contract.ts';
import { ApiError } from './errors.ts';
import { DATASET_KIND_LABELS, importTargets } from './import-targets.ts';

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
  commitImport(
    params: ApiParams<'import.commit'>,
    signal?: AbortSignal,
  ): Promise<{ dataset: DatasetInfo; issues: Issue[] }>;
  /** Read-only SQL → Arrow IPC stream bytes. */
  query(sql: string): Promise<Uint8Array>;
  /** A dataset's columns (all non-empty ones by default) → Arrow IPC. */
  table(datasetId: string, columns?: string[], limit?: number): Promise<Uint8Array>;
  /** Columns of a dataset as plain arrays, for computations in the core. */
  columns(datasetId: string, columns: string[]): Promise<Record<string, unknown[]>>;
  /** id, lon, lat and the requested columns of rows with coordinates → Arrow IPC. */
  points(datasetId: string, columns: string[]): Promise<Uint8Array>;
  /** A writable connection of the project, for analysis modules' own tables (analysis_runs). */
  writeConnection(): Promise<DuckDBConnection>;
  close(): Promise<void>;
}

/** Columns never shown as data: bookkeeping and the detection-limit companions. */
const HIDDEN = /^(dataset_id|x_original|y_original|crs_original)$|_below_dl$|_dl_mg_kg$/;
const TEXT_TYPES = /VARCHAR|DATE|TIMESTAMP|TIME/;
const ID_COLUMN: Record<DatasetKind, string | null> = {
  soil: 'sample_id',
  crop: 'sample_id',
  emission: 'enterprise_id',
  flux: null,
};

const caseStudyDir = fileURLToPath(new URL('../../datasets/case-study/', import.meta.url));

/** The case-study files the sample project is built from, by kind. */
export const SAMPLE_FILES: { file: string; kind: DatasetKind }[] = [
  { file: 'soil-samples.csv', kind: 'soil' },
  { file: 'crop-samples.csv', kind: 'crop' },
  { file: 'enterprises.csv', kind: 'emission' },
  { file: 'input-fluxes.csv', kind: 'flux' },
];

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function toIssue(issue: ImportIssue): Issue {
  const location = Object.fromEntries(
    Object.entries({ file: issue.file, row: issue.row, column: issue.column, value: issue.value }).filter(
      ([, v]) => v !== undefined && v !== '',
    ),
  );
  const count = issue.count && issue.count > 1 ? issue.count : 0;
  const message = count
    ? { zh: `${issue.text.zh}（共 ${count} 行）`, en: `${issue.text.en} (${count} rows)` }
    : issue.text;
  return Object.keys(location).length
    ? { severity: issue.severity, message, location }
    : { severity: issue.severity, message };
}

function storedIssue(raw: unknown): Issue {
  const w = raw as Partial<ImportIssue> & { message?: { zh: string; en: string } };
  if (w && typeof w === 'object' && w.text && w.severity) return toIssue(w as ImportIssue);
  const text = w?.message ?? { zh: String(raw), en: String(raw) };
  return { severity: 'warning', message: text };
}

function isKind(kind: string): kind is DatasetKind {
  return (DATASET_KINDS as readonly string[]).includes(kind);
}

function previewToArrow(rows: StoreImportPreview['rows']): Uint8Array {
  const names: string[] = [];
  for (const row of rows) for (const key of Object.keys(row)) if (!names.includes(key)) names.push(key);
  const columns: ColumnData[] = names.map((name) => {
    const values = rows.map((row) => row[name] ?? null);
    const kind: ColumnKind = values.every((v) => v === null || typeof v === 'number') ? 'number' : 'text';
    return { name, kind, values };
  });
  return columnsToArrowIpc(columns);
}

/**
 * Sheet names of a workbook, for the wizard's sheet picker when the preview could not read the
 * default sheet (the import module then reports no sheets).
 */
async function sheetNames(path: string): Promise<string[]> {
  if (!/\.xlsx$/i.test(path)) return [];
  try {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    return workbook.worksheets.map((w) => w.name);
  } catch {
    return [];
  }
}

export async function openProjectSession(
  path: string,
  options: { create: boolean; sample: boolean },
): Promise<ProjectSession> {
  if (options.sample) await ensureSampleProject(path);
  const project = await openProject(path, { create: options.create });
  return createSession(project, options.sample);
}

/**
 * Builds the sample project from datasets/case-study when it is missing: into a temporary file
 * first, renamed into place only when every import succeeded, so a failure leaves nothing half-made.
 */
export async function ensureSampleProject(path: string): Promise<void> {
  if (existsSync(path)) return;
  const partial = join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
  rmSync(partial, { force: true });
  rmSync(`${partial}.wal`, { force: true });
  const project = await openProject(partial, { create: true });
  try {
    for (const { file, kind } of SAMPLE_FILES) {
      await importDataset(project, { file: join(caseStudyDir, file), kind });
    }
    await project.connection.run('CHECKPOINT');
  } catch (error) {
    closeProject(project);
    rmSync(partial, { force: true });
    throw error;
  }
  closeProject(project);
  renameSync(partial, path);
}

function createSession(project: Project, sample: boolean): ProjectSession {
  const connection: DuckDBConnection = project.connection;
  // Every read of the shared connection goes through this queue (see serial-queue.ts).
  const serial = serialQueue();
  const extraConnections: DuckDBConnection[] = [];
  const columnCache = new Map<string, { name: string; type: string }[]>();
  // The catalog changes only through commitImport in this session, which clears this.
  let catalog: Promise<StoreDatasetInfo[]> | null = null;
  const datasets = () => {
    catalog ??= listDatasets(project).catch((error: unknown) => {
      catalog = null;
      throw error;
    });
    return catalog;
  };

  async function datasetRecord(datasetId: string): Promise<StoreDatasetInfo> {
    const found = (await datasets()).find((d) => d.id === datasetId);
    if (!found) {
      throw new ApiError(
        'not_found',
        { zh: `项目中没有数据集 “${datasetId}”`, en: `no dataset "${datasetId}" in the project` },
        { value: datasetId },
      );
    }
    return found;
  }

  /** Columns of the dataset's canonical table that hold at least one value for it. */
  async function filledColumns(dataset: StoreDatasetInfo): Promise<{ name: string; type: string }[]> {
    const cached = columnCache.get(dataset.id);
    if (cached) return cached;
    const table = KIND_TABLES[dataset.kind];
    const described = await connection.runAndReadAll(`DESCRIBE ${quoteIdentifier(table)}`);
    const all = described
      .getRowsJS()
      .map((row) => ({ name: String(row[0]), type: String(row[1]) }))
      .filter((c) => !HIDDEN.test(c.name));
    const counts = await connection.runAndReadAll(
      `SELECT ${all.map((c) => `count(${quoteIdentifier(c.name)})`).join(', ')} FROM ${quoteIdentifier(table)} WHERE dataset_id = $1`,
      [dataset.id],
    );
    const row = counts.getRowsJS()[0] ?? [];
    const filled = all.filter((_, i) => Number(row[i]) > 0);
    columnCache.set(dataset.id, filled);
    return filled;
  }

  async function toApiDataset(dataset: StoreDatasetInfo): Promise<DatasetInfo> {
    const columns = await filledColumns(dataset);
    return {
      id: dataset.id,
      name: dataset.sourceFile,
      kind: dataset.kind,
      rows: dataset.rowCount,
      sourceFile: dataset.sourceFile,
      importedAt: dataset.importedAt,
      columns: columns.map((c) => {
        const unit = /_mg_kg$/.test(c.name) ? 'mg/kg' : undefined;
        return unit ? { name: c.name, type: c.type, unit } : { name: c.name, type: c.type };
      }),
      warnings: dataset.warnings.map(storedIssue),
    };
  }

  /** SELECT of chosen columns, numbers as DOUBLE and everything else as text. */
  async function readColumns(
    dataset: StoreDatasetInfo,
    wanted: { name: string; type: string; as?: string }[],
    where: string,
    limit?: number,
  ): Promise<ColumnData[]> {
    const table = KIND_TABLES[dataset.kind];
    const select = wanted.map((c) => {
      const id = quoteIdentifier(c.name);
      const cast = TEXT_TYPES.test(c.type)
        ? `CAST(${id} AS VARCHAR)`
        : /BOOLEAN/.test(c.type)
          ? id
          : `CAST(${id} AS DOUBLE)`;
      return `${cast} AS ${quoteIdentifier(c.as ?? c.name)}`;
    });
    const sql = `SELECT ${select.join(', ')} FROM ${quoteIdentifier(table)} WHERE dataset_id = $1 ${where} ORDER BY source_row${limit ? ` LIMIT ${Math.floor(limit)}` : ''}`;
    const reader = await connection.runAndReadAll(sql, [dataset.id]);
    // Every column is cast to DOUBLE, VARCHAR or BOOLEAN above, so the raw values are JS
    // primitives already: getColumns() skips getColumnsJS()'s per-value conversion.
    const data = reader.getColumns();
    return wanted.map((c, i) => ({
      name: c.as ?? c.name,
      kind: TEXT_TYPES.test(c.type) ? 'text' : /BOOLEAN/.test(c.type) ? 'boolean' : 'number',
      values: data[i] ?? [],
    }));
  }

  function pickColumns(
    available: { name: string; type: string }[],
    names: string[],
    dataset: StoreDatasetInfo,
  ): { name: string; type: string }[] {
    return names.map((name) => {
      const column = available.find((c) => c.name === name);
      if (!column) {
        throw new ApiError(
          'bad_params',
          {
            zh: `数据集 ${dataset.id} 没有列 “${name}”（可用：${available.map((c) => c.name).join('，')}）`,
            en: `dataset ${dataset.id} has no column "${name}" (available: ${available.map((c) => c.name).join(', ')})`,
          },
          { column: name },
        );
      }
      return column;
    });
  }

  const session: ProjectSession = {
    path: project.path,
    sample,
    async info() {
      const name = sample ? 'sample-project' : basename(project.path, extname(project.path));
      return { path: project.path, name, datasetCount: (await datasets()).length, sample };
    },
    async listDatasets() {
      return Promise.all((await datasets()).map(toApiDataset));
    },
    async previewImport({ path, kind, sheet, rows }) {
      const chosen = kind ?? 'soil';
      if (!isKind(chosen)) {
        throw new ApiError(
          'bad_params',
          { zh: `未知的数据类型 “${chosen}”`, en: `unknown dataset kind "${chosen}"` },
          { column: 'kind', value: chosen },
        );
      }
      const preview = await previewImport({ file: path, kind: chosen, sheet }, { rows });
      return {
        file: preview.file,
        sheets: preview.sheets.length ? preview.sheets : await sheetNames(path),
        sheet: preview.sheet,
        encoding: preview.encoding,
        kind: preview.kind,
        kinds: DATASET_KINDS.map((id) => ({ id, label: DATASET_KIND_LABELS[id] ?? { zh: id, en: id } })),
        targets: importTargets(preview.kind),
        mapping: preview.mapping.map((m) => ({ source: m.source, target: m.field })),
        rowCount: preview.rowCount,
        preview: previewToArrow(preview.rows),
        issues: preview.issues.map(toIssue),
      };
    },
    async commitImport({ path, kind, sheet, mapping }, signal) {
      if (!isKind(kind)) {
        throw new ApiError(
          'bad_params',
          { zh: `未知的数据类型 “${kind}”`, en: `unknown dataset kind "${kind}"` },
          { column: 'kind', value: kind },
        );
      }
      const overrides = Object.fromEntries(mapping.map((m) => [m.source, m.target ?? 'ignore']));
      let result: Awaited<ReturnType<typeof importDataset>>;
      try {
        result = await importDataset(project, { file: path, kind, sheet, mapping: overrides, signal });
      } finally {
        catalog = null;
      }
      columnCache.delete(result.datasetId);
      const imported = result;
      return serial(async () => ({
        dataset: await toApiDataset(await datasetRecord(imported.datasetId)),
        issues: imported.warnings.map(toIssue),
      }));
    },
    async query(sql) {
      return (await runReadOnlyQuery(project, sql)).arrow();
    },
    async writeConnection() {
      const writer = await project.instance.connect();
      extraConnections.push(writer);
      return writer;
    },
    async table(datasetId, columns, limit) {
      const dataset = await datasetRecord(datasetId);
      const available = await filledColumns(dataset);
      const chosen = columns ? pickColumns(available, columns, dataset) : available;
      return columnsToArrowIpc(await readColumns(dataset, chosen, '', limit));
    },
    async columns(datasetId, names) {
      const dataset = await datasetRecord(datasetId);
      const available = await filledColumns(dataset);
      const present = names.filter((n) => available.some((c) => c.name === n));
      const data = await readColumns(dataset, pickColumns(available, present, dataset), '');
      return Object.fromEntries(data.map((c) => [c.name, [...c.values]]));
    },
    async points(datasetId, names) {
      const dataset = await datasetRecord(datasetId);
      const available = await filledColumns(dataset);
      const idColumn = ID_COLUMN[dataset.kind];
      const extra = pickColumns(
        available,
        names.filter((n) => n !== 'lon' && n !== 'lat'),
        dataset,
      );
      const id =
        idColumn && available.some((c) => c.name === idColumn)
          ? [{ name: idColumn, type: 'VARCHAR', as: 'id' }]
          : [];
      const wanted = [
        ...(id.length ? id : [{ name: 'source_row', type: 'VARCHAR', as: 'id' }]),
        { name: 'lon', type: 'DOUBLE' },
        { name: 'lat', type: 'DOUBLE' },
        ...extra,
      ];
      return columnsToArrowIpc(await readColumns(dataset, wanted, 'AND lon IS NOT NULL AND lat IS NOT NULL'));
    },
    async close() {
      for (const writer of extraConnections.splice(0)) writer.closeSync();
      closeProject(project);
    },
  };
  return {
    ...session,
    info: () => serial(() => session.info()),
    listDatasets: () => serial(() => session.listDatasets()),
    query: (sql) => serial(() => session.query(sql)),
    table: (datasetId, columns, limit) => serial(() => session.table(datasetId, columns, limit)),
    columns: (datasetId, names) => serial(() => session.columns(datasetId, names)),
    points: (datasetId, names) => serial(() => session.points(datasetId, names)),
    close: () => serial(() => session.close()),
  };
}
