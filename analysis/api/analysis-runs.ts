import type { DuckDBConnection } from '@duckdb/node-api';
import { serialQueue } from '../store/serial-queue.ts';
import type { ProjectSession } from './session.ts';

// Stored analysis runs (DEVELOPERS.md: results carry their parameters, seed and version):
// analysis_runs(id, kind, created_at, parameters JSON, result JSON, version), created on demand in
// the project. Each write is one transaction, so a failed save leaves the project as it was.

export interface AnalysisRun {
  id: string;
  kind: string;
  createdAt: string;
  parameters: unknown;
  result: unknown;
  version: string;
}

export interface AnalysisRunStore {
  save(run: AnalysisRun): Promise<void>;
  /** Runs of a kind, newest first, with the named top-level fields of each result. */
  list(
    kind: string,
    fields?: string[],
  ): Promise<(Omit<AnalysisRun, 'result'> & { fields: Record<string, unknown> })[]>;
  get(id: string): Promise<AnalysisRun | null>;
  updateResult(id: string, result: unknown): Promise<void>;
}

const CREATE = `CREATE TABLE IF NOT EXISTS analysis_runs (
  id VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, created_at VARCHAR NOT NULL,
  parameters JSON, result JSON, version VARCHAR)`;

async function inTransaction<T>(connection: DuckDBConnection, work: () => Promise<T>): Promise<T> {
  await connection.run('BEGIN TRANSACTION');
  try {
    const out = await work();
    await connection.run('COMMIT');
    return out;
  } catch (error) {
    await connection.run('ROLLBACK');
    throw error;
  }
}

/** The store over a writable DuckDB connection of the project. */
export function duckdbRunStore(connection: DuckDBConnection): AnalysisRunStore {
  const serial = serialQueue();
  let ready: Promise<unknown> | null = null;
  const ensure = () => {
    ready ??= connection.run(CREATE).catch((error: unknown) => {
      ready = null;
      throw error;
    });
    return ready;
  };
  const store: AnalysisRunStore = {
    async save(run) {
      await ensure();
      await inTransaction(connection, () =>
        connection.run('INSERT INTO analysis_runs VALUES ($1, $2, $3, $4::JSON, $5::JSON, $6)', [
          run.id,
          run.kind,
          run.createdAt,
          JSON.stringify(run.parameters),
          JSON.stringify(run.result),
          run.version,
        ]),
      );
    },
    async list(kind, fields = []) {
      await ensure();
      const extract = fields.map((_, i) => `, CAST(json_extract(result, $${i + 2}) AS VARCHAR)`).join('');
      const reader = await connection.runAndReadAll(
        `SELECT id, kind, created_at, CAST(parameters AS VARCHAR), version${extract} FROM analysis_runs WHERE kind = $1 ORDER BY created_at DESC, id`,
        [kind, ...fields.map((f) => `$.${f}`)],
      );
      return reader.getRowsJS().map((row) => ({
        id: String(row[0]),
        kind: String(row[1]),
        createdAt: String(row[2]),
        parameters: JSON.parse(String(row[3])) as unknown,
        version: String(row[4]),
        fields: Object.fromEntries(
          fields.map((f, i) => [f, row[5 + i] === null ? null : (JSON.parse(String(row[5 + i])) as unknown)]),
        ),
      }));
    },
    async get(id) {
      await ensure();
      const reader = await connection.runAndReadAll(
        'SELECT id, kind, created_at, CAST(parameters AS VARCHAR), CAST(result AS VARCHAR), version FROM analysis_runs WHERE id = $1',
        [id],
      );
      const row = reader.getRowsJS()[0];
      if (!row) return null;
      return {
        id: String(row[0]),
        kind: String(row[1]),
        createdAt: String(row[2]),
        parameters: JSON.parse(String(row[3])) as unknown,
        result: JSON.parse(String(row[4])) as unknown,
        version: String(row[5]),
      };
    },
    async updateResult(id, result) {
      await ensure();
      await inTransaction(connection, () =>
        connection.run('UPDATE analysis_runs SET result = $2::JSON WHERE id = $1', [
          id,
          JSON.stringify(result),
        ]),
      );
    },
  };
  return {
    save: (run) => serial(() => store.save(run)),
    list: (kind, fields) => serial(() => store.list(kind, fields)),
    get: (id) => serial(() => store.get(id)),
    updateResult: (id, result) => serial(() => store.updateResult(id, result)),
  };
}

const stores = new WeakMap<ProjectSession, Promise<AnalysisRunStore>>();

export function runStoreFor(session: ProjectSession): Promise<AnalysisRunStore> {
  let store = stores.get(session);
  if (!store) {
    store = session.writeConnection().then(duckdbRunStore);
    stores.set(session, store);
  }
  return store;
}
