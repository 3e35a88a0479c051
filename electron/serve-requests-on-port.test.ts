import { describe, expect, it } from 'vitest';
import type { ApiEvent } from '../analysis/api/contract.ts';
import { ApiError } from '../analysis/api/errors.ts';
import { createPathGrants } from './path-grants.ts';
import { createPortClient } from './port-client.ts';
import { type CoreHandler, serveRequestsOnPort } from './serve-requests-on-port.ts';
import { createFakeChannel } from './testing/fake-ports.ts';

/** A handler that adds numbers, returns bytes, fails on demand and records what it was asked. */
function fakeHandler() {
  const calls: [string, unknown][] = [];
  const listeners = new Set<(event: ApiEvent) => void>();
  const handler: CoreHandler = {
    async call(method, params) {
      calls.push([method, params]);
      const p = params as { a: number; b: number; n: number };
      if (method === 'sum') return { total: p.a + p.b };
      if (method === 'bytes') return Uint8Array.from({ length: p.n }, (_, i) => i * 3);
      if (method === 'fail') {
        throw new ApiError(
          'not_found',
          { zh: '没有数据集 d9', en: 'no dataset d9' },
          { column: 'datasetId' },
        );
      }
      if (method === 'crash') throw new TypeError('boom');
      if (method === 'open') return { opened: (params as { path: string }).path };
      throw new ApiError('unknown_method', { zh: '未知', en: 'unknown' });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const emit = (event: ApiEvent) => {
    for (const listener of listeners) listener(event);
  };
  return { handler, calls, emit, listenerCount: () => listeners.size };
}

function connect(options: { forwardEvents?: boolean } = {}) {
  const channel = createFakeChannel();
  const fake = fakeHandler();
  const grants = createPathGrants();
  const malformed: unknown[] = [];
  serveRequestsOnPort(channel.core, fake.handler, {
    grants,
    forwardEvents: options.forwardEvents ?? true,
    onClose: channel.core.onClose,
    onMalformed: (data) => malformed.push(data),
  });
  channel.core.start();
  const client = createPortClient();
  client.attachPort(channel.client);
  return { channel, client, grants, malformed, ...fake };
}

describe('serveRequestsOnPort', () => {
  it('answers each request by id, concurrently, results computed by the handler', async () => {
    const { client, calls } = connect();
    const [a, b, c] = await Promise.all([
      client.call('sum', { a: 2, b: 3 }),
      client.call('sum', { a: 0.1, b: 0.2 }),
      client.call('bytes', { n: 4 }),
    ]);
    expect(a).toEqual({ ok: true, result: { total: 5 } });
    expect(b).toEqual({ ok: true, result: { total: 0.1 + 0.2 } });
    expect(c.ok && c.result).toEqual(new Uint8Array([0, 3, 6, 9]));
    expect(calls.map(([method]) => method)).toEqual(['sum', 'sum', 'bytes']);
  });

  it('returns errors as data: ApiError keeps its code, text and location; others become internal', async () => {
    const { client } = connect();
    expect(await client.call('fail', {})).toEqual({
      ok: false,
      error: {
        code: 'not_found',
        message: { zh: '没有数据集 d9', en: 'no dataset d9' },
        location: { column: 'datasetId' },
      },
    });
    const crashed = await client.call('crash', {});
    expect(crashed).toEqual({
      ok: false,
      error: { code: 'internal', message: { zh: '内部错误：boom', en: 'internal error: boom' } },
    });
  });

  it('refuses paths that were not granted, before the handler sees them', async () => {
    const { client, calls } = connect();
    const refused = await client.call('open', { path: '/home/user/.ssh/id_rsa' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'bad_params', location: { value: '/home/user/.ssh/id_rsa' } },
    });
    expect(calls).toEqual([]);
    await client.grant('/data/徐州.duckdb');
    expect(await client.call('open', { path: '/data/徐州.duckdb' })).toEqual({
      ok: true,
      result: { opened: '/data/徐州.duckdb' },
    });
  });

  it('a grant sent without waiting still precedes the next request on the same port', async () => {
    const { client } = connect();
    client.grantInOrder('/data/samples.csv');
    expect(await client.call('open', { path: '/data/samples.csv' })).toMatchObject({ ok: true });
  });

  it('answers malformed messages that carry an id, drops the rest', async () => {
    const { channel, malformed } = connect();
    const replies: unknown[] = [];
    channel.client.addEventListener('message', ({ data }) => replies.push(data));
    channel.client.postMessage({ kind: 'request', id: 7, method: 42 } as never);
    channel.client.postMessage({ kind: 'request', method: 'sum' } as never);
    channel.client.postMessage('hello' as never);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(replies).toEqual([
      {
        kind: 'response',
        id: 7,
        response: { ok: false, error: { code: 'bad_params', message: expect.any(Object) } },
      },
    ]);
    expect(malformed).toHaveLength(3);
  });

  it('forwards events while the port is open and unsubscribes when it closes', async () => {
    const { client, channel, emit, listenerCount } = connect();
    const received: ApiEvent[] = [];
    client.onEvent((event) => received.push(event));
    const event: ApiEvent = { type: 'job.progress', data: { jobId: 'j1', kind: 'pmf', progress: 0.25 } };
    emit(event);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(received).toEqual([event]);
    expect(listenerCount()).toBe(1);
    channel.disconnect();
    expect(listenerCount()).toBe(0);
  });

  it('does not forward events when asked not to', () => {
    const { listenerCount } = connect({ forwardEvents: false });
    expect(listenerCount()).toBe(0);
  });
});

describe('createPortClient', () => {
  it('queues calls until a port is attached, then sends them in order', async () => {
    const client = createPortClient();
    const pending = client.call('sum', { a: 1, b: 1 });
    const channel = createFakeChannel();
    const fake = fakeHandler();
    serveRequestsOnPort(channel.core, fake.handler, { grants: createPathGrants() });
    channel.core.start();
    client.attachPort(channel.client);
    expect(await pending).toEqual({ ok: true, result: { total: 2 } });
  });

  it('fails calls left on a replaced port (core restarted) instead of hanging', async () => {
    const client = createPortClient();
    const dead = createFakeChannel(); // nobody serves it
    client.attachPort(dead.client);
    const lost = client.call('sum', { a: 1, b: 2 });
    const live = createFakeChannel();
    serveRequestsOnPort(live.core, fakeHandler().handler, { grants: createPathGrants() });
    live.core.start();
    client.attachPort(live.client);
    expect(await lost).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await client.call('sum', { a: 1, b: 2 })).toEqual({ ok: true, result: { total: 3 } });
  });

  it('turns params that cannot be cloned into a bad_params response', async () => {
    const { client } = connect();
    expect(await client.call('sum', { a: () => 1 })).toMatchObject({
      ok: false,
      error: { code: 'bad_params' },
    });
  });
});
