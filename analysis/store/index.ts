/**
 * The project store: one DuckDB file per project (see schema.ts for the tables).
 *
 *   openProject(path, {readOnly?, create?}) → Project      creates and migrates a new file
 *   closeProject(project)
 *   listDatasets(project) → DatasetInfo[]                  the `datasets` catalog
 *   runReadOnlyQuery(project, sql) → {columns, rows, arrow()}   one SELECT/EXPLAIN; writes refused,
 *       and so are file reads (read_csv, paths in FROM, glob …: query-guard.ts)
 *   queryProjectFileReadOnly(path, sql)                    the same on a READ_ONLY DuckDB instance
 *   schemaVersion(connection), SCHEMA_VERSION, KIND_TABLES, elementColumn(symbol), kindViewSql
 *
 * Tables: datasets (catalog), schema_version, raw_<id> (every source column), canon_<id> (typed;
 * a view over raw_<id>, a table when coordinates were converted),
 * and the views soil_samples, crop_samples, enterprises, input_fluxes over every dataset of a kind;
 * uncertainties (EPA PMF). Concentrations in mg/kg with <el>_below_dl / <el>_dl_mg_kg for
 * censored values; emissions <el>_air_kg_a / <el>_water_kg_a; fluxes flux_g_ha_a.
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
export { elementColumn, KIND_TABLES, kindViewSql, SCHEMA_VERSION } from './schema.ts';
