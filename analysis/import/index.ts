/**
 * Import of survey and emission files into a project (analysis/store).
 *
 *   previewImport({file, kind, format?, sheet?, mapping?, crs?}, {rows?}) → ImportPreview
 *       detected mapping, first converted rows and every issue, without touching any project
 *   importDataset(project, {file, kind, format?, sheet?, mapping?, crs?, uncertaintyFile?, signal?})
 *       → {datasetId, kind, rows, columns, warnings}; one transaction: on any error (ImportError
 *       with .issues), cancellation (signal) or crash the project stays exactly as it was
 *   buildMapping(headers, kind, overrides?), detectField(header, kind), parseMappingText("h=f,…")
 *   gcj02ToWgs84 / wgs84ToGcj02, gaussKrugerToLonLat / zoneFromEasting
 *
 * Formats: CSV/TSV (UTF-8, UTF-8 BOM, GBK/GB18030), XLSX (sheet choice, merged title and
 * two-row headers), Parquet, EPA PMF 5 concentration + uncertainty files (format 'pmf').
 * Censored cells ("<0.01", "0.01L", "ND", "未检出", negative DL codes) are stored as censored with
 * their detection limit, never zero; missing stays NULL (cell-sql.ts). A failed import into a
 * project file the CLI created removes that file; a process killed mid-import may leave an empty,
 * valid project (schema only).
 */
import { basename } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { SoilTraceError } from '../errors.ts';
import type { DatasetKind } from '../store/catalog.ts';
import { nextDatasetId } from '../store/catalog.ts';
import { closeProject, openProject, type Project } from '../store/project.ts';
import { kindViewSql } from '../store/schema.ts';
import { packageVersion } from '../version.ts';
import { failureContexts, ImportError } from './issues.ts';
import { quantityOf } from './mapping.ts';
import { canonicalTableName, type PipelineHints, RetryImport, runPipeline } from './pipeline.ts';
import { sha256File } from './source.ts';
import type { ImportIssue, ImportPreview, ImportRequest, ImportResult, MappedColumn } from './types.ts';
import { CANONICAL_UNITS } from './units.ts';

export { gaussKrugerToLonLat, lonLatToGaussKruger, zoneFromEasting } from './coordinates/gauss-kruger.ts';
export { gcj02ToWgs84, wgs84ToGcj02 } from './coordinates/gcj02.ts';
export { ImportError } from './issues.ts';
export { buildMapping, detectField, parseMappingText, splitHeader } from './mapping.ts';
export type * from './types.ts';

function mappingJson(mapping: MappedColumn[]): Record<string, unknown> {
  return Object.fromEntries(
    mapping.map((m) => [
      m.source,
      m.field ? { field: m.field, unit: m.unit, factor: m.factor, origin: m.origin } : null,
    ]),
  );
}

function unitsJson(mapping: MappedColumn[]): Record<string, string> {
  const units: Record<string, string> = {};
  for (const m of mapping) {
    if (!m.field) continue;
    const quantity = quantityOf(m.field);
    if (quantity) units[m.field] = `${CANONICAL_UNITS[quantity]}${m.unit ? ` (source: ${m.unit})` : ''}`;
  }
  return units;
}

async function refreshKindView(connection: DuckDBConnection, kind: DatasetKind): Promise<void> {
  const reader = await connection.runAndReadAll(
    'SELECT canonical_table FROM datasets WHERE kind = $1 ORDER BY id',
    [kind],
  );
  await connection.run(
    kindViewSql(
      kind,
      reader.getRowsJS().map((r) => String(r[0])),
    ),
  );
}

export async function importDataset(project: Project, request: ImportRequest): Promise<ImportResult> {
  const file = basename(request.file);
  if (project.readOnly) {
    throw new SoilTraceError(
      { zh: '项目以只读方式打开，不能导入', en: 'the project is open read-only; cannot import' },
      { file },
    );
  }
  if (request.signal?.aborted) {
    throw new SoilTraceError(
      { zh: '导入已取消，项目未作修改', en: 'the import was cancelled; the project was not changed' },
      { file },
    );
  }
  const hash = sha256File(request.file).catch(() => '');
  const connection = await project.instance.connect();
  const onAbort = () => connection.interrupt();
  request.signal?.addEventListener('abort', onAbort);
  let dispose = () => {};
  try {
    let hints: PipelineHints = { varchar: [], gb18030: false };
    for (let attempt = 0; ; attempt++) {
      await connection.run('BEGIN TRANSACTION');
      try {
        const datasetId = await nextDatasetId(connection, request.kind);
        const outcome = await runPipeline(connection, request, datasetId, hints);
        dispose = outcome.source.dispose;
        const warnings = outcome.issues.filter((i) => i.severity === 'warning');
        await connection.run(
          `INSERT INTO datasets (id, kind, source_file, source_sha256, source_format, encoding, sheet, imported_at,
                               row_count, column_mapping, units, crs, warnings, raw_table, software_version, canonical_table)
         VALUES ($1, $2, $3, $4, $5, $6, $7, current_timestamp::TIMESTAMP, $8, $9::JSON, $10::JSON, $11, $12::JSON, $13, $14, $15)`,
          [
            datasetId,
            request.kind,
            file,
            await hash,
            request.format === 'pmf' ? 'pmf' : outcome.source.format,
            outcome.source.encoding,
            outcome.source.sheet,
            outcome.rows,
            JSON.stringify(mappingJson(outcome.mapping)),
            JSON.stringify(unitsJson(outcome.mapping)),
            outcome.crs,
            JSON.stringify(warnings),
            `raw_${datasetId}`,
            packageVersion(),
            canonicalTableName(datasetId),
          ],
        );
        await refreshKindView(connection, request.kind);
        if (request.signal?.aborted) throw new Error('cancelled');
        await connection.run('COMMIT');
        return { datasetId, kind: request.kind, rows: outcome.rows, columns: outcome.mapping, warnings };
      } catch (error) {
        await connection.run('ROLLBACK').catch(() => {});
        if (error instanceof RetryImport && attempt < 100) {
          hints = error.hints;
          continue;
        }
        if (request.signal?.aborted && !(error instanceof ImportError)) {
          throw new SoilTraceError(
            { zh: '导入已取消，项目未作修改', en: 'the import was cancelled; the project was not changed' },
            { file },
          );
        }
        throw error;
      }
    }
  } finally {
    request.signal?.removeEventListener('abort', onAbort);
    dispose();
    connection.closeSync();
  }
}

/** The first rows of a canonical table or view, as field → value (NULL cells left out). */
async function firstRows(
  connection: DuckDBConnection,
  table: string,
  limit: number,
): Promise<ImportPreview['rows']> {
  const reader = await connection.runAndReadAll(`SELECT * FROM ${table} ORDER BY source_row LIMIT ${limit}`);
  const names = reader.columnNames();
  return reader.getRowsJS().map((row) => {
    const out: Record<string, string | number | boolean | null> = {};
    row.forEach((v, i) => {
      if (v === null || names[i] === 'dataset_id') return;
      out[names[i]] =
        v instanceof Date
          ? v.toISOString().slice(0, 10)
          : typeof v === 'bigint'
            ? Number(v)
            : (v as string | number | boolean);
    });
    return out;
  });
}

/** Reads and validates a file in a scratch in-memory project: nothing is written anywhere. */
export async function previewImport(
  request: ImportRequest,
  options: { rows?: number } = {},
): Promise<ImportPreview> {
  const limit = options.rows ?? 20;
  const scratch = await openProject(':memory:');
  try {
    const connection = scratch.connection;
    const datasetId = `${request.kind}_1`;
    try {
      let outcome: Awaited<ReturnType<typeof runPipeline>> | null = null;
      let hints: PipelineHints = { varchar: [], gb18030: false };
      for (let attempt = 0; outcome === null; attempt++) {
        try {
          outcome = await runPipeline(connection, request, datasetId, hints);
        } catch (error) {
          if (!(error instanceof RetryImport) || attempt >= 100) throw error;
          hints = error.hints;
        }
      }
      outcome.source.dispose();
      const rows = await firstRows(connection, `"${canonicalTableName(datasetId)}"`, limit);
      return {
        file: outcome.source.file,
        kind: request.kind,
        format: request.format === 'pmf' ? 'pmf' : outcome.source.format,
        encoding: outcome.source.encoding,
        sheet: outcome.source.sheet,
        sheets: outcome.source.sheets,
        headers: outcome.source.headers,
        mapping: outcome.mapping,
        crs: outcome.crs,
        rowCount: outcome.rows,
        rows,
        issues: outcome.issues,
      };
    } catch (error) {
      if (!(error instanceof ImportError) && !(error instanceof SoilTraceError)) throw error;
      // What was read before the failure, so the user can remap or skip the offending column.
      const context = failureContexts.get(error);
      let rows: ImportPreview['rows'] = [];
      let rowCount = 0;
      if (context?.rowsTable) {
        rows = await firstRows(connection, context.rowsTable, limit).catch(() => []);
        rowCount = await connection
          .runAndReadAll(`SELECT count(*) FROM ${context.rowsTable}`)
          .then((r) => Number(r.getRowsJS()[0][0]))
          .catch(() => 0);
      }
      const issues: ImportIssue[] =
        error instanceof ImportError
          ? error.issues
          : [
              {
                severity: 'error',
                code: 'unreadable',
                text: error.text,
                file: error.location.file ?? basename(request.file),
                row: error.location.row,
                column: error.location.column,
                value: error.location.value,
              },
            ];
      return {
        file: basename(request.file),
        kind: request.kind,
        format: request.format === 'pmf' ? 'pmf' : 'csv',
        encoding: context?.encoding ?? null,
        sheet: context?.sheet ?? request.sheet ?? null,
        sheets: context?.sheets ?? [],
        headers: context?.headers ?? [],
        mapping: context?.mapping ?? [],
        crs: null,
        rowCount,
        rows,
        issues,
      };
    }
  } finally {
    closeProject(scratch);
  }
}
