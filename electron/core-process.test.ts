import { describe, expect, it } from 'vitest';
import type { ApiEvent } from '../analysis/api/contract.ts';
import { type ConnectedPort, type ParentLike, startCoreProcess } from './core-process.ts';
import { createPortClient } from './port-client.ts';
import type { FromCoreMessage } from './port-protocol.ts';
import { createFakeChannel } from './testing/fake-ports.ts';

function fakeParent() {
  let listener: ((data: unknown, ports: readonly ConnectedPort[]) => void) | null = null;
  const toMain: FromCoreMessage[] = [];
  const parent: ParentLike = {
    onMessage: (next) => {
      listener = next;
    },
    postMessage: (message) => toMain.push(structuredClone(message)),
  };
  const send = (data: unknown, ports: ConnectedPort[] = []) => listener?.(structuredClone(data), ports);
  return { parent, toMain, send };
}

function countingHandler() {
  const log: string[] = [];
  const listeners = new Set<(event: ApiEvent) => void>();
  return {
    log,
    emit: (event: ApiEvent) => {
      for (const listener of listeners) listener(event);
    },
    handler: {
      async call(method: string, params: unknown) {
        log.push(method);
        return { method, params };
      },
      onEvent(listener: (event: ApiEvent) => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      async close() {
        log.push('close');
      },
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('startCoreProcess', () => {
  it('serves main on parentPort: grants and calls', async () => {
    const { parent, toMain, send } = fakeParent();
    const core = countingHandler();
    const { grants } = startCoreProcess(parent, { handler: core.handler, exit: () => undefined });
    send({ kind: 'grant', id: 1, path: '/data/p.duckdb' });
    send({ kind: 'request', id: 2, method: 'project.open', params: { path: '/data/p.duckdb' } });
    await settle();
    expect(grants.isGranted('/data/p.duckdb')).toBe(true);
    expect(toMain).toEqual([
      { kind: 'response', id: 1, response: { ok: true, result: null } },
      {
        kind: 'response',
        id: 2,
        response: { ok: true, result: { method: 'project.open', params: { path: '/data/p.duckdb' } } },
      },
    ]);
  });

  it('serves each renderer port handed over in a connect message, events included', async () => {
    const { parent, send, toMain } = fakeParent();
    const core = countingHandler();
    startCoreProcess(parent, { handler: core.handler, exit: () => undefined });
    const channel = createFakeChannel();
    send({ kind: 'connect' }, [channel.core]);
    const client = createPortClient();
    client.attachPort(channel.client);
    const events: ApiEvent[] = [];
    client.onEvent((event) => events.push(event));
    expect(await client.call('app.info', {})).toEqual({
      ok: true,
      result: { method: 'app.info', params: {} },
    });
    core.emit({ type: 'project.changed', data: { project: null } });
    await settle();
    expect(events).toEqual([{ type: 'project.changed', data: { project: null } }]);
    // main gets the event too (it keeps the recent list and window title)
    expect(toMain).toContainEqual({
      kind: 'event',
      event: { type: 'project.changed', data: { project: null } },
    });
  });

  it('closes the handler once on shutdown, then exits 0', async () => {
    const { parent, send } = fakeParent();
    const core = countingHandler();
    const exits: number[] = [];
    startCoreProcess(parent, { handler: core.handler, exit: (code) => exits.push(code) });
    send({ kind: 'shutdown' });
    send({ kind: 'shutdown' });
    await settle();
    expect(core.log).toEqual(['close']);
    expect(exits).toEqual([0]);
  });

  it('logs a connect without a port and ignores it', () => {
    const { parent, send } = fakeParent();
    const logs: string[] = [];
    startCoreProcess(parent, {
      handler: countingHandler().handler,
      exit: () => undefined,
      log: (t) => logs.push(t),
    });
    send({ kind: 'connect' });
    expect(logs).toEqual(['soiltrace core: connect without a port']);
  });
});
