import { type DuckDBConnection, DuckDBInstance, DuckDBTypeId, StatementType } from '@duckdb/node-api';
import {
  Bool,
  type DataType,
  DateDay,
  Float64,
  Int32,
  Int64,
  Table,
  TimestampMillisecond,
  tableToIPC,
  Utf8,
  type Vector,
  vectorFromArray,
} from 'apache-arrow';
import { SoilTraceError } from '../errors.ts';
import { connectionOf, type Project } from './project.ts';
import { assertReadsOnlyProject } from './query-guard.ts';

export type CellValue = string | number | boolean | null;

export interface QueryColumn {
  name: string;
  /** DuckDB's type name, e.g. DOUBLE, VARCHAR, DATE. */
  type: string;
}

export interface QueryResult {
  columns: QueryColumn[];
  /** Row-major, JSON-safe: BIGINT beyond 2^53 and DECIMAL as numbers where exact, dates as ISO text. */
  rows: CellValue[][];
  /** The same result as an Arrow IPC stream (apache-arrow `tableFromIPC` reads it). */
  arrow(): Uint8Array;
}

// Statements a read-only query may contain. Everything else (INSERT, CREATE, COPY, ATTACH, SET,
// LOAD, PRAGMA, CALL …) is refused before it runs, whatever the connection's access mode.
const READ_ONLY_STATEMENTS = new Set<number>([StatementType.SELECT, StatementType.EXPLAIN]);

/**
 * Runs one read-only SQL statement. When the project was opened read-only the database itself
 * refuses writes as well; otherwise the statement type is checked before execution.
 */
export async function runReadOnlyQuery(
  project: Project | DuckDBConnection,
  sql: string,
): Promise<QueryResult> {
  const connection = connectionOf(project);
  let statements: Awaited<ReturnType<DuckDBConnection['extractStatements']>>;
  try {
    statements = await connection.extractStatements(sql);
  } catch (error) {
    throw new SoilTraceError({
      zh: `SQL 语法错误：${(error as Error).message}`,
      en: `SQL syntax error: ${(error as Error).message}`,
    });
  }
  if (statements.count !== 1) {
    throw new SoilTraceError({
      zh: '一次只能执行一条 SQL 语句',
      en: 'run exactly one SQL statement at a time',
    });
  }
  // A SELECT can still read files (read_csv('/etc/passwd'), FROM 'x.csv'). Check its parse tree
  // before preparing: binding read_csv already opens and sniffs the file.
  await assertReadsOnlyProject(connection, sql);
  let prepared: Awaited<ReturnType<typeof statements.prepare>>;
  try {
    prepared = await statements.prepare(0);
  } catch (error) {
    throw new SoilTraceError({
      zh: `SQL 错误：${(error as Error).message}`,
      en: `SQL error: ${(error as Error).message}`,
    });
  }
  if (!READ_ONLY_STATEMENTS.has(prepared.statementType)) {
    prepared.destroySync();
    throw new SoilTraceError({
      zh: '只允许只读查询（SELECT）；导入和修改请使用 import 命令',
      en: 'only read-only queries (SELECT) are allowed; use the import command to change a project',
    });
  }

  let reader: Awaited<ReturnType<typeof prepared.runAndReadAll>>;
  try {
    reader = await prepared.runAndReadAll();
  } catch (error) {
    throw new SoilTraceError({
      zh: `SQL 错误：${(error as Error).message}`,
      en: `SQL error: ${(error as Error).message}`,
    });
  } finally {
    prepared.destroySync();
  }
  const names = reader.columnNames();
  const types = reader.columnTypes();
  const columnsJs = reader.getColumnsJS();
  const columnData = columnsJs.map((values, i) => values.map((v) => toCell(v, types[i].typeId)));
  const rowCount = columnData[0]?.length ?? 0;
  const rows: CellValue[][] = [];
  for (let r = 0; r < rowCount; r++) rows.push(columnData.map((column) => column[r]));
  const columns = names.map((name, i) => ({ name, type: types[i].toString() }));
  return {
    columns,
    rows,
    arrow: () =>
      toArrowIpc(
        names,
        types.map((t) => t.typeId),
        columnsJs,
      ),
  };
}

/** Opens a second, READ_ONLY DuckDB instance on a project file for one query (CLI use). */
export async function queryProjectFileReadOnly(path: string, sql: string): Promise<QueryResult> {
  // No file or network access from the query either: read_csv('/etc/passwd'), COPY … are refused.
  const instance = await DuckDBInstance.create(path, {
    access_mode: 'READ_ONLY',
    enable_external_access: 'false',
  });
  const connection = await instance.connect();
  try {
    const result = await runReadOnlyQuery(connection, sql);
    const ipc = result.arrow();
    return { ...result, arrow: () => ipc };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function toCell(value: unknown, typeId: DuckDBTypeId): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  if (value instanceof Date) {
    return typeId === DuckDBTypeId.DATE ? value.toISOString().slice(0, 10) : value.toISOString();
  }
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

function arrowType(typeId: DuckDBTypeId): DataType {
  switch (typeId) {
    case DuckDBTypeId.BOOLEAN:
      return new Bool();
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
      return new Int32();
    case DuckDBTypeId.BIGINT:
      return new Int64();
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DOUBLE:
    case DuckDBTypeId.DECIMAL:
    case DuckDBTypeId.UINTEGER:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.HUGEINT:
      return new Float64();
    case DuckDBTypeId.DATE:
      return new DateDay();
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_S:
    case DuckDBTypeId.TIMESTAMP_NS:
    case DuckDBTypeId.TIMESTAMP_TZ:
      return new TimestampMillisecond();
    default:
      return new Utf8();
  }
}

function toArrowIpc(names: string[], typeIds: DuckDBTypeId[], columns: unknown[][]): Uint8Array {
  const vectors: Record<string, Vector> = {};
  names.forEach((name, i) => {
    const type = arrowType(typeIds[i]);
    const values = columns[i].map((v) => {
      if (v === null || v === undefined) return null;
      if (type instanceof Utf8) return typeof v === 'string' ? v : String(toCell(v, typeIds[i]));
      if (type instanceof Float64) return Number(v);
      if (type instanceof Int64) return typeof v === 'bigint' ? v : BigInt(v as number);
      if (type instanceof DateDay || type instanceof TimestampMillisecond) return v as Date;
      return v;
    });
    vectors[name] = vectorFromArray(values, type);
  });
  return tableToIPC(new Table(vectors), 'stream');
}
