import type { DuckDBConnection } from '@duckdb/node-api';
import { connectionOf, type Project } from './project.ts';

export type DatasetKind = 'soil' | 'crop' | 'emission' | 'flux';
export const DATASET_KINDS: readonly DatasetKind[] = ['soil', 'crop', 'emission', 'flux'];

export interface LocalizedIssueText {
  zh: string;
  en: string;
}

/** A row of the `datasets` catalog. */
export interface DatasetInfo {
  id: string;
  kind: DatasetKind;
  sourceFile: string;
  sourceSha256: string;
  sourceFormat: string;
  encoding: string | null;
  sheet: string | null;
  importedAt: string;
  rowCount: number;
  /** Source header → canonical field (null = kept only in the raw table). */
  columnMapping: Record<string, unknown>;
  units: Record<string, string>;
  crs: string | null;
  warnings: unknown[];
  rawTable: string;
  /** The dataset's typed table; the kind's view (soil_samples …) unions these. */
  canonicalTable: string;
  softwareVersion: string;
}

export async function listDatasets(project: Project | DuckDBConnection): Promise<DatasetInfo[]> {
  const connection = connectionOf(project);
  const result = await connection.runAndReadAll(
    `SELECT id, kind, source_file, source_sha256, source_format, encoding, sheet,
            strftime(imported_at, '%Y-%m-%dT%H:%M:%S.%gZ'), row_count, column_mapping::VARCHAR, units::VARCHAR,
            crs, warnings::VARCHAR, raw_table, software_version, canonical_table
       FROM datasets ORDER BY imported_at, id`,
  );
  return result.getRowsJS().map((row) => ({
    id: String(row[0]),
    kind: row[1] as DatasetKind,
    sourceFile: String(row[2]),
    sourceSha256: String(row[3]),
    sourceFormat: String(row[4]),
    encoding: row[5] === null ? null : String(row[5]),
    sheet: row[6] === null ? null : String(row[6]),
    importedAt: String(row[7]),
    rowCount: Number(row[8]),
    columnMapping: JSON.parse(String(row[9])) as Record<string, unknown>,
    units: JSON.parse(String(row[10])) as Record<string, string>,
    crs: row[11] === null ? null : String(row[11]),
    warnings: JSON.parse(String(row[12])) as unknown[],
    rawTable: String(row[13]),
    softwareVersion: String(row[14]),
    canonicalTable: String(row[15]),
  }));
}

/** The next free dataset id of a kind: soil_1, soil_2, … */
export async function nextDatasetId(connection: DuckDBConnection, kind: DatasetKind): Promise<string> {
  const result = await connection.runAndReadAll(
    `SELECT coalesce(max(TRY_CAST(split_part(id, '_', 2) AS INTEGER)), 0) FROM datasets WHERE kind = $1`,
    [kind],
  );
  return `${kind}_${Number(result.getRowsJS()[0][0]) + 1}`;
}
