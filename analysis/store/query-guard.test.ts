import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeProject, openProject, type Project } from './project.ts';
import { runReadOnlyQuery } from './query.ts';

// The project is opened read-write, as the app and browser mode do: its instance has file access
// (imports need read_csv), so only the query check stands between user SQL and the disk.
const dir = mkdtempSync(join(tmpdir(), 'soiltrace-query-guard-'));
const secret = join(dir, 'secret.csv');
let project: Project;

beforeAll(async () => {
  writeFileSync(secret, 'password\nhunter2\n');
  project = await openProject(join(dir, 'p.duckdb'));
});
afterAll(() => {
  closeProject(project);
  rmSync(dir, { recursive: true, force: true });
});

describe('runReadOnlyQuery on a read-write project', () => {
  const attempts: [string, string][] = [
    ['read_csv', `SELECT * FROM read_csv('${secret}')`],
    ['upper-case, schema-qualified', `SELECT * FROM main.READ_CSV_AUTO('${secret}')`],
    ['a path as a table (replacement scan)', `SELECT * FROM '${secret}'`],
    ['a quoted path as a table', `SELECT * FROM "${secret}"`],
    ['inside a CTE', `WITH a AS (SELECT * FROM read_csv('${secret}')) SELECT * FROM a`],
    ['inside a scalar subquery', `SELECT (SELECT count(*) FROM read_text('${secret}'))`],
    ['in a join', `SELECT * FROM range(1) r, read_blob('${secret}') b`],
    ['in a lateral / IN list', `SELECT 1 WHERE 'x' IN (SELECT content FROM read_text('${secret}'))`],
    ['glob', `SELECT * FROM glob('${dir}/*')`],
    ['sniff_csv', `SELECT * FROM sniff_csv('${secret}')`],
    ['parquet_scan', `SELECT * FROM parquet_scan('${secret}')`],
    ['query() runs SQL text', `SELECT * FROM query('SELECT * FROM read_csv(''${secret}'')')`],
    ['getenv', `SELECT getenv('HOME')`],
    ['EXPLAIN ANALYZE runs the query', `EXPLAIN ANALYZE SELECT * FROM read_csv('${secret}')`],
    ['a comment before EXPLAIN', `/* x */ EXPLAIN ANALYZE SELECT * FROM read_csv('${secret}')`],
  ];
  for (const [name, sql] of attempts) {
    it(`refuses ${name}`, async () => {
      await expect(runReadOnlyQuery(project, sql)).rejects.toThrow(/not allowed|no table named/);
    });
  }

  const statements = [
    `COPY (SELECT 1) TO '${join(dir, 'out.csv')}'`,
    `ATTACH '${join(dir, 'other.duckdb')}' AS other`,
    'INSTALL httpfs',
    'LOAD httpfs',
    "PRAGMA enable_profiling = 'json'",
    'SET enable_external_access = true',
    `EXPORT DATABASE '${join(dir, 'export')}'`,
    `IMPORT DATABASE '${join(dir, 'export')}'`,
    'CREATE TABLE t AS SELECT 1',
  ];
  for (const sql of statements) {
    it(`refuses the statement ${sql.split(' ')[0]}`, async () => {
      await expect(runReadOnlyQuery(project, sql)).rejects.toThrow();
    });
  }

  it('still runs ordinary queries over project tables, CTEs and safe table functions', async () => {
    const count = await runReadOnlyQuery(
      project,
      `WITH s AS (SELECT * FROM soil_samples) SELECT (SELECT count(*) FROM s) AS n, (SELECT sum(range) FROM range(4)) AS total, (SELECT count(*) FROM datasets) AS d`,
    );
    expect(count.rows).toEqual([[0, 6, 0]]);
    const tables = await runReadOnlyQuery(
      project,
      `SELECT count(*) FROM information_schema.tables WHERE table_name = 'datasets'`,
    );
    expect(tables.rows).toEqual([[1]]);
    const explain = await runReadOnlyQuery(project, 'EXPLAIN SELECT * FROM datasets');
    expect(explain.rows.length).toBeGreaterThan(0);
  });
});
