import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { SoilTraceError } from '../errors.ts';
import { KIND_TABLES, kindViewSql, MIGRATIONS, SCHEMA_VERSION } from './schema.ts';

/** An open project: one `.duckdb` file. */
export interface Project {
  path: string;
  readOnly: boolean;
  instance: DuckDBInstance;
  /** A connection for reads; writers (imports) open their own so a transaction never mixes with them. */
  connection: DuckDBConnection;
}

export interface OpenProjectOptions {
  /**
   * Open with DuckDB's access_mode READ_ONLY: no statement can change the file, and other
   * read-only processes may open it at the same time. The file must exist.
   */
  readOnly?: boolean;
  /** Create the file when absent (default true for read-write). */
  create?: boolean;
}

/** Opens (creating and migrating when needed) a project file. Close it with `closeProject`. */
export async function openProject(path: string, options: OpenProjectOptions = {}): Promise<Project> {
  const readOnly = options.readOnly ?? false;
  const exists = path === ':memory:' || existsSync(path);
  if (!exists && (readOnly || options.create === false)) {
    throw new SoilTraceError({ zh: '项目文件不存在', en: 'the project file does not exist' }, { file: path });
  }
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(path, readOnly ? { access_mode: 'READ_ONLY' } : {});
  } catch (error) {
    throw new SoilTraceError(
      {
        zh: `无法打开项目（是否被其他程序占用或不是 DuckDB 文件？）：${(error as Error).message}`,
        en: `cannot open the project (in use by another program, or not a DuckDB file?): ${(error as Error).message}`,
      },
      { file: basename(path) },
    );
  }
  const connection = await instance.connect();
  const project: Project = { path, readOnly, instance, connection };
  try {
    await migrate(project);
  } catch (error) {
    closeProject(project);
    throw error;
  }
  return project;
}

export function closeProject(project: Project): void {
  project.connection.closeSync();
  project.instance.closeSync();
}

/** The schema version stored in a project (0 for an empty file). */
export async function schemaVersion(connection: DuckDBConnection): Promise<number> {
  const exists = await connection.runAndReadAll(
    `SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main' AND table_name = 'schema_version'`,
  );
  if (Number(exists.getRowsJS()[0][0]) === 0) return 0;
  const result = await connection.runAndReadAll('SELECT coalesce(max(version), 0) FROM schema_version');
  return Number(result.getRowsJS()[0][0]);
}

async function migrate(project: Project): Promise<void> {
  const { connection } = project;
  const current = await schemaVersion(connection);
  if (current > SCHEMA_VERSION) {
    throw new SoilTraceError(
      {
        zh: `项目由较新版本的 SoilTrace 创建（架构版本 ${current}，本程序支持 ${SCHEMA_VERSION}），请升级`,
        en: `the project was made by a newer SoilTrace (schema ${current}; this one supports ${SCHEMA_VERSION}); please upgrade`,
      },
      { file: basename(project.path) },
    );
  }
  if (current === SCHEMA_VERSION) return;
  if (project.readOnly) {
    throw new SoilTraceError(
      {
        zh: '项目需要升级架构，不能以只读方式打开',
        en: 'the project needs a schema upgrade and cannot be opened read-only',
      },
      { file: basename(project.path) },
    );
  }
  await connection.run('BEGIN TRANSACTION');
  try {
    await connection.run(
      'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)',
    );
    for (let version = current; version < SCHEMA_VERSION; version++) {
      for (const statement of MIGRATIONS[version]) await connection.run(statement);
      await connection.run('INSERT INTO schema_version VALUES ($1, current_timestamp::TIMESTAMP)', [
        version + 1,
      ]);
    }
    // A stored view keeps the column list it was created with; rebuild the kind views so columns
    // a migration added to shape_<view> (schema 2: Cr(VI)) show through.
    if (current > 0) await rebuildKindViews(connection);
    await connection.run('COMMIT');
  } catch (error) {
    await connection.run('ROLLBACK');
    throw error;
  }
  // Make the new schema durable in the main file rather than only the write-ahead log.
  await connection.run('CHECKPOINT');
}

async function rebuildKindViews(connection: DuckDBConnection): Promise<void> {
  for (const kind of Object.keys(KIND_TABLES) as (keyof typeof KIND_TABLES)[]) {
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
}

/** Accepts either a project or a bare connection (tests, read-only instances). */
export function connectionOf(target: Project | DuckDBConnection): DuckDBConnection {
  return target instanceof DuckDBConnection ? target : target.connection;
}
