import type { DuckDBConnection } from '@duckdb/node-api';
import { SoilTraceError } from '../errors.ts';

// A read-only query on a project opened read-write runs on the same DuckDB instance as imports,
// which need file access (read_csv), so the instance cannot refuse it. The query is checked on
// DuckDB's own parse tree (json_serialize_sql) instead: every table it reads must be a table or
// view of the project (or a CTE), every table function one that reads no files, and no scalar
// function may reach outside the database. What cannot be parsed into a tree is refused.

/** Table functions that compute or describe, never read files or run SQL text. */
const SAFE_TABLE_FUNCTIONS = new Set([
  'range',
  'generate_series',
  'unnest',
  'json_each',
  'json_tree',
  'duckdb_tables',
  'duckdb_views',
  'duckdb_columns',
  'duckdb_schemas',
  'duckdb_types',
  'duckdb_functions',
  'duckdb_constraints',
  'duckdb_indexes',
  'duckdb_databases',
  'duckdb_keywords',
  'pragma_table_info',
]);

/** Scalar functions that reach the environment or files. */
const UNSAFE_FUNCTION = /^(getenv|read_.*|sniff_csv|glob|query|query_table|parquet_.*|load|install)$/i;

interface Refusal {
  zh: string;
  en: string;
}

function refuse(text: Refusal): never {
  throw new SoilTraceError({
    zh: `${text.zh}（只读查询只能读取项目中的表）`,
    en: `${text.en} (a read-only query may read only the project's tables)`,
  });
}

type Node = { [key: string]: unknown };

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every object node of the tree, depth first. */
function* nodes(value: unknown): Generator<Node> {
  if (Array.isArray(value)) {
    for (const item of value) yield* nodes(item);
  } else if (isNode(value)) {
    yield value;
    for (const child of Object.values(value)) yield* nodes(child);
  }
}

async function serialize(connection: DuckDBConnection, sql: string): Promise<{ error?: boolean }> {
  const reader = await connection.runAndReadAll('SELECT json_serialize_sql($1::VARCHAR)', [sql]);
  return JSON.parse(String(reader.getRowsJS()[0][0])) as { error?: boolean };
}

/**
 * Throws a SoilTraceError when a SELECT (or EXPLAIN of one) reads anything but the project's
 * tables: table functions such as read_csv, glob or query, file paths in FROM ('/etc/passwd'),
 * getenv().
 */
export async function assertReadsOnlyProject(connection: DuckDBConnection, sql: string): Promise<void> {
  // json_serialize_sql takes SELECT statements only; EXPLAIN [ANALYZE] is checked on what follows it.
  let tree = await serialize(connection, sql);
  if (tree.error) {
    const select = sql.replace(/^(?:\s|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*explain(?:\s+analy[sz]e)?\s+/i, '');
    if (select !== sql) tree = await serialize(connection, select);
  }
  if (tree.error) {
    throw new SoilTraceError({
      zh: '只允许只读查询（SELECT）；导入和修改请使用 import 命令',
      en: 'only read-only queries (SELECT) are allowed; use the import command to change a project',
    });
  }
  const all = [...nodes(tree)];
  const cteNames = new Set<string>();
  for (const node of all) {
    const map = isNode(node.cte_map) ? node.cte_map.map : undefined;
    if (Array.isArray(map))
      for (const entry of map) if (isNode(entry)) cteNames.add(String(entry.key).toLowerCase());
  }
  const tables = await connection.runAndReadAll(
    'SELECT lower(table_name) FROM duckdb_tables() UNION SELECT lower(view_name) FROM duckdb_views()',
  );
  const known = new Set(tables.getRowsJS().map((r) => String(r[0])));
  for (const node of all) {
    if (node.type === 'BASE_TABLE') {
      const name = String(node.table_name ?? '');
      if (!cteNames.has(name.toLowerCase()) && !known.has(name.toLowerCase())) {
        refuse({ zh: `没有名为“${name}”的表`, en: `no table named "${name}"` });
      }
    } else if (node.type === 'TABLE_FUNCTION') {
      const fn = isNode(node.function) ? String(node.function.function_name ?? '') : '';
      if (!SAFE_TABLE_FUNCTIONS.has(fn.toLowerCase())) {
        refuse({ zh: `不允许使用表函数 ${fn}()`, en: `the table function ${fn}() is not allowed` });
      }
    } else if (node.class === 'FUNCTION' && UNSAFE_FUNCTION.test(String(node.function_name ?? ''))) {
      refuse({
        zh: `不允许使用函数 ${String(node.function_name)}()`,
        en: `the function ${String(node.function_name)}() is not allowed`,
      });
    }
  }
}
