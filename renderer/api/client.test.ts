import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnsToArrowIpc } from '../../analysis/api/arrow-ipc.ts';
import type { ApiEvent } from '../../analysis/api/contract.ts';
import { ApiError } from '../../analysis/api/errors.ts';
import type { ApiHandler } from '../../analysis/api/handler.ts';
import { decodeWire, encodeWire } from '../../analysis/api/wire.ts';
import { type RunningServer, startServer } from '../../analysis/server/server.ts';
import { decodeTable, numberColumn, textColumn } from '../lib/arrow.ts';
import { ApiCallError, createBridgeClient, createHttpClient } from './client.ts';

const lon = [120.1, 120.2, 120.3];
const cd = [0.31, null, 0.5];

function handler(): ApiHandler {
  return {
    async call(method) {
      if (method === 'map.points') {
        return columnsToArrowIpc([
          { name: 'id', kind: 'text', values: ['S1', 'S2', '土3'] },
          { name: 'lon', kind: 'number', values: lon },
          { name: 'cd_mg_kg', kind: 'number', values: cd },
        ]);
      }
      if (method === 'import.preview') {
        return { file: 'a.csv', preview: columnsToArrowIpc([{ name: 'x', kind: 'number', values: [1, 2] }]) };
      }
      throw new ApiError('no_project', { zh: '尚未打开项目', en: 'no project is open' });
    },
    onEvent: (_listener: (e: ApiEvent) => void) => () => {},
    async close() {},
  };
}

describe('HTTP client against the browser-mode server', () => {
  let server: RunningServer;
  let dist: string;

  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), 'soiltrace-client-'));
    await writeFile(join(dist, 'index.html'), '<!doctype html>');
    server = await startServer({ handler: handler(), distDir: dist });
  });
  afterAll(async () => {
    await server.close();
    await rm(dist, { recursive: true, force: true });
  });

  const client = () => createHttpClient({ baseUrl: `http://127.0.0.1:${server.port}`, token: server.token });

  it('decodes Arrow bytes; a null-free float column is a view on the received buffer (zero-copy)', async () => {
    const bytes = await client().call('map.points', { datasetId: 'soil_1', columns: ['cd_mg_kg'] });
    const table = decodeTable(bytes);
    expect(table.numRows).toBe(3);
    const lonColumn = numberColumn(table, 'lon');
    expect(Array.from(lonColumn ?? [])).toEqual(lon);
    expect(lonColumn?.buffer).toBe(bytes.buffer);
    // A column with nulls is copied once, nulls becoming NaN for plotting.
    const cdColumn = numberColumn(table, 'cd_mg_kg');
    expect(cdColumn?.[0]).toBe(0.31);
    expect(Number.isNaN(cdColumn?.[1] ?? 0)).toBe(true);
    expect(textColumn(table, 'id')).toEqual(['S1', 'S2', '土3']);
    expect(numberColumn(table, 'absent')).toBeNull();
  });

  it('decodes bytes nested in a JSON result', async () => {
    const preview = await client().call('import.preview', { path: 'a.csv' });
    expect(Array.from(numberColumn(decodeTable(preview.preview), 'x') ?? [])).toEqual([1, 2]);
  });

  it('rejects with the core’s typed bilingual error; a wrong token is refused', async () => {
    const error = await client()
      .call('datasets.list', {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiCallError);
    expect((error as ApiCallError).shape).toEqual({
      code: 'no_project',
      message: { zh: '尚未打开项目', en: 'no project is open' },
    });
    const refused = await createHttpClient({ baseUrl: `http://127.0.0.1:${server.port}`, token: 'nope' })
      .call('datasets.list', {})
      .catch((e: unknown) => e);
    expect((refused as ApiCallError).shape.code).toBe('unauthorized');
  });
});

describe('bridge client (Electron preload)', () => {
  it('unwraps ApiResponse envelopes and turns failures into ApiCallError', async () => {
    const client = createBridgeClient({
      invoke: async (method) =>
        method === 'app.info'
          ? { ok: true, result: { version: '1.0.0', transport: 'electron' } }
          : { ok: false, error: { code: 'bad_params', message: { zh: '参数无效', en: 'bad' } } },
      onEvent: () => () => {},
      saveFile: async () => ({ saved: true, path: '/x.png' }),
      openFile: async () => null,
      pathForFile: () => '/home/u/a.csv',
    });
    expect(await client.call('app.info', {})).toEqual({ version: '1.0.0', transport: 'electron' });
    await expect(client.call('datasets.list', {})).rejects.toBeInstanceOf(ApiCallError);
    expect(await client.saveFile('x.png', new Uint8Array([1]), 'image/png')).toBe(true);
  });
});

describe('wire encoding', () => {
  it('round-trips nested bytes and leaves look-alike objects alone', () => {
    const value = {
      a: new Uint8Array([0, 255, 7]),
      b: [{ c: new Uint8Array(70_000).fill(9) }],
      d: { $bytes: 1 },
    };
    const back = decodeWire(encodeWire(value)) as typeof value;
    expect(Array.from(back.a)).toEqual([0, 255, 7]);
    expect(back.b[0].c.length).toBe(70_000);
    expect(back.b[0].c[69_999]).toBe(9);
    expect(back.d).toEqual({ $bytes: 1 });
  });
});
