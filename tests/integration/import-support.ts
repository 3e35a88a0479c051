import type { Project } from '../../analysis/store/index.ts';

/** Everything a failed import must leave as it was: tables, views, their row counts, the catalog. */
export async function projectSnapshot(project: Project): Promise<unknown> {
  const c = project.connection;
  const tables = (
    await c.runAndReadAll(
      `SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1`,
    )
  ).getRowsJS();
  const counts: Record<string, number> = {};
  for (const [name] of tables) {
    counts[String(name)] = Number(
      (await c.runAndReadAll(`SELECT count(*) FROM "${name}"`)).getRowsJS()[0][0],
    );
  }
  const catalog = (
    await c.runAndReadAll('SELECT * EXCLUDE (imported_at) FROM datasets ORDER BY id')
  ).getRowsJS();
  const views = (
    await c.runAndReadAll(`SELECT view_name, sql FROM duckdb_views() WHERE NOT internal ORDER BY 1`)
  ).getRowsJS();
  // DuckDB renders a view's SQL with quoted type names ("DOUBLE") before a reopen and bare ones
  // after; the quotes say nothing about the definition.
  for (const view of views) view[1] = String(view[1]).replace(/"/g, '');
  return JSON.stringify({ tables, counts, catalog, views }, (_k, v) =>
    typeof v === 'bigint' ? Number(v) : v,
  );
}
