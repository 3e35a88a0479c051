/**
 * The project store: one DuckDB file per project (see schema.ts for the tables).
 *
 *   openProject(path, {readOnly?, create?}) → Project      creates and migrates a new file
 *   closeProject(project)
 *   listDatasets(project) → DatasetInfo[]                  the `datasets` catalog
 *   runReadOnlyQuery(project, sql) → {columns, rows, arrow()}   one SELECT/EXPLAIN; writes refused
 *   queryProjectFileReadOnly(path, sql)                    the same on a READ_ONLY DuckDB instance
 *   schemaVersion(connection), SCHEMA_VERSION, KIND_TABLES, elementColumn(symbol)
 *
 * Imports live in analysis/import (importDataset, previewImport).
 */
export { DATASET_KINDS, type DatasetInfo, type DatasetKind, listDatasets, nextDatasetId } from './catalog.ts';
export {
  closeProject,
  type OpenProjectOptions,
  openProject,
  type Project,
  schemaVersion,
} from './project.ts';
export {
  type CellValue,
  type QueryColumn,
  type QueryResult,
  queryProjectFileReadOnly,
  runReadOnlyQuery,
} from './query.ts';
export { elementColumn, KIND_TABLES, SCHEMA_VERSION } from './schema.ts';
