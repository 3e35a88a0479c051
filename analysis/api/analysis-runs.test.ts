import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { duckdbRunStore } from './analysis-runs.ts';

const run = (id: string, createdAt: string) => ({
  id,
  kind: 'pmf',
  createdAt,
  parameters: { factors: 3, seed: 42 },
  result: { qTrue: 123.5, runs: [{ seed: 42 }] },
  version: '0.1.0',
});

describe('analysis runs store', () => {
  it('creates analysis_runs on demand and round-trips runs, newest first', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const store = duckdbRunStore(connection);
    await store.save(run('a', '2026-01-01T00:00:00Z'));
    await store.save(run('b', '2026-01-02T00:00:00Z'));
    expect((await store.list('pmf')).map((r) => r.id)).toEqual(['b', 'a']);
    expect(await store.list('kriging')).toEqual([]);
    expect((await store.list('pmf', ['qTrue']))[1].fields).toEqual({ qTrue: 123.5 });
    expect((await store.get('a'))?.result).toEqual({ qTrue: 123.5, runs: [{ seed: 42 }] });
    await store.updateResult('a', { qTrue: 1 });
    expect((await store.get('a'))?.result).toEqual({ qTrue: 1 });
    // A failed insert (duplicate key) rolls back and leaves the table as it was.
    await expect(store.save(run('a', '2026-01-03T00:00:00Z'))).rejects.toThrow();
    expect((await store.list('pmf')).length).toBe(2);
    expect(await store.get('zzz')).toBeNull();
    connection.closeSync();
    instance.closeSync();
  });

  it('keeps runs in the project file across close and reopen', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'soiltrace-runs-')), 'p.duckdb');
    const first = await DuckDBInstance.create(path);
    const writer = await first.connect();
    await duckdbRunStore(writer).save(run('kept', '2026-02-01T00:00:00Z'));
    writer.closeSync();
    first.closeSync();
    const second = await DuckDBInstance.create(path);
    const reader = await second.connect();
    expect((await duckdbRunStore(reader).get('kept'))?.parameters).toEqual({ factors: 3, seed: 42 });
    reader.closeSync();
    second.closeSync();
  });
});
