import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import nodePath from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHandler, createApiHandler } from '../analysis/api/handler.ts';
import { type BridgeIpc, createBridge, MAX_PARAMS_BYTES } from './bridge.ts';
import { CHANNELS } from './channels.ts';
import { createPathGrants } from './path-grants.ts';
import { createPortClient } from './port-client.ts';
import { type CoreHandler, serveRequestsOnPort } from './serve-requests-on-port.ts';
import { createFakeChannel } from './testing/fake-ports.ts';

type Listener = (event: unknown, ...args: unknown[]) => void;

function fakeIpc(answers: Record<string, (arg: unknown) => unknown> = {}) {
  const invoked: [string, unknown][] = [];
  const sent: [string, unknown[]][] = [];
  const listeners = new Map<string, Set<Listener>>();
  const ipc: BridgeIpc = {
    async invoke(channel, arg) {
      invoked.push([channel, arg]);
      const answer = answers[channel];
      if (!answer) throw new Error(`no handler for ${channel}`);
      return answer(arg);
    },
    send: (channel, ...args) => sent.push([channel, args]),
    on(channel, listener) {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener));
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
    },
  };
  const emit = (channel: string, value: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener({}, value);
  };
  return { ipc, invoked, sent, emit };
}

/** Preload bridge ↔ (fake MessagePort) ↔ core serving the given handler. */
function wire(handler: CoreHandler, ipc: BridgeIpc, pathForFile: (file: File) => string = () => '') {
  const channel = createFakeChannel();
  serveRequestsOnPort(channel.core, handler, { grants: createPathGrants(), forwardEvents: true });
  channel.core.start();
  const { bridge, attachPort } = createBridge({ ipc, pathForFile });
  attachPort(channel.client);
  return { bridge, channel };
}

describe('bridge ↔ core with the real API handler', () => {
  let home: string;
  let handler: ApiHandler;
  const version = async () =>
    (JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string })
      .version;

  beforeAll(async () => {
    home = await mkdtemp(nodePath.join(tmpdir(), 'soiltrace-bridge-'));
    handler = createApiHandler({ homeDir: home });
  });
  afterAll(async () => {
    await handler.close();
    await rm(home, { recursive: true, force: true });
  });

  it('calls contract methods and gets their results', async () => {
    const { bridge } = wire(handler, fakeIpc().ipc);
    expect(await bridge.invoke('app.info', {})).toEqual({
      ok: true,
      result: { version: await version(), transport: 'direct' },
    });
    expect(await bridge.invoke('project.info', {})).toEqual({ ok: true, result: null });
  });

  it('passes the core’s errors through as data', async () => {
    const { bridge } = wire(handler, fakeIpc().ipc);
    expect(await bridge.invoke('datasets.list', {})).toMatchObject({
      ok: false,
      error: { code: 'no_project' },
    });
    // zod in the core validates params again: a number where the contract wants a path
    expect(await bridge.invoke('project.open', { path: 123 })).toMatchObject({
      ok: false,
      error: { code: 'bad_params', location: { column: 'path' } },
    });
  });

  it('refuses unknown methods, oversized and non-data params without sending anything', async () => {
    const { bridge, channel } = wire(handler, fakeIpc().ipc);
    expect(await bridge.invoke('fs.readFile', { path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
    expect(await bridge.invoke('__proto__', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
    const huge = { sql: 'x'.repeat(MAX_PARAMS_BYTES / 2 + 1) };
    expect(await bridge.invoke('query.run', huge)).toMatchObject({
      ok: false,
      error: { code: 'bad_params' },
    });
    expect(await bridge.invoke('query.run', { sql: 'SELECT 1', f: () => 1 })).toMatchObject({
      ok: false,
      error: { code: 'bad_params' },
    });
    expect(channel.client.sent).toEqual([]);
  });

  it('refuses a path the page made up', async () => {
    const { bridge } = wire(handler, fakeIpc().ipc);
    expect(await bridge.invoke('project.open', { path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'bad_params', location: { column: 'path', value: '/etc/passwd' } },
    });
  });
});

describe('bridge ↔ core: a project as main creates it and the renderer fills it', () => {
  let dir: string;
  let handler: ApiHandler;
  beforeAll(async () => {
    dir = await mkdtemp(nodePath.join(tmpdir(), 'soiltrace-bridge-project-'));
    handler = createApiHandler({ homeDir: dir });
  });
  afterAll(async () => {
    await handler.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('creates a project from main, imports a picked CSV, lists it and reads its column back as Arrow', async () => {
    // One core, two connections sharing the grants: main's (parentPort) and the window's.
    const grants = createPathGrants();
    const toMain = createFakeChannel();
    const toWindow = createFakeChannel();
    for (const channel of [toMain, toWindow]) {
      serveRequestsOnPort(channel.core, handler, { grants, forwardEvents: true });
      channel.core.start();
    }
    const main = createPortClient();
    main.attachPort(toMain.client);

    const csv = nodePath.join(dir, '土壤样品.csv');
    await writeFile(
      csv,
      'sample_id,lon,lat,pH,land_use,Cd,Pb\nS1,117.1,34.2,6.1,paddy,0.31,28\nS2,117.2,34.3,7.8,dryland,0.18,35.5\nS3,117.3,34.1,5.2,vegetable,0.52,41\n',
    );
    const { bridge, attachPort } = createBridge({ ipc: fakeIpc().ipc, pathForFile: () => csv });
    attachPort(toWindow.client);
    const events: string[] = [];
    bridge.onEvent((event) => events.push(event.type));

    // File › New project: main chose the path in its save dialog.
    const projectPath = nodePath.join(dir, '徐州.duckdb');
    await main.grant(projectPath);
    expect(await main.call('project.create', { path: projectPath })).toMatchObject({
      ok: true,
      result: { name: '徐州', datasetCount: 0, sample: false },
    });
    expect(await bridge.invoke('datasets.list', {})).toEqual({ ok: true, result: [] });

    const path = bridge.pathForFile(new File([], '土壤样品.csv'));
    const preview = await bridge.invoke('import.preview', { path });
    if (!preview.ok) throw new Error(preview.error.message.en);
    const { kind, mapping } = preview.result as { kind: string; mapping: unknown[] };
    const committed = await bridge.invoke('import.commit', { path, kind, mapping });
    expect(committed).toMatchObject({ ok: true, result: { dataset: { rows: 3 } } });

    const listed = await bridge.invoke('datasets.list', {});
    if (!listed.ok) throw new Error(listed.error.message.en);
    const datasets = listed.result as { id: string; rows: number; sourceFile: string }[];
    expect(datasets).toHaveLength(1);
    expect(datasets[0].rows).toBe(3);

    const table = await bridge.invoke('data.table', {
      datasetId: datasets[0].id,
      columns: ['sample_id', 'cd_mg_kg'],
    });
    if (!table.ok) throw new Error(table.error.message.en);
    expect(table.result).toBeInstanceOf(Uint8Array);
    const decoded = tableFromIPC(table.result as Uint8Array);
    expect(decoded.getChild('sample_id')?.toArray()).toEqual(['S1', 'S2', 'S3']);
    expect(Array.from(decoded.getChild('cd_mg_kg')?.toArray() as ArrayLike<number>)).toEqual([
      0.31, 0.18, 0.52,
    ]);
    expect(events).toContain('project.changed');
  });
});

describe('bridge: user-chosen paths, files and menus', () => {
  const opened: string[] = [];
  const pathHandler: CoreHandler = {
    async call(method, params) {
      opened.push(`${method} ${(params as { path: string }).path}`);
      return null;
    },
    onEvent: () => () => undefined,
  };

  it('accepts a path chosen in the native open dialog', async () => {
    const { ipc, invoked } = fakeIpc({ [CHANNELS.openFile]: () => '/data/土壤样品.csv' });
    const { bridge } = wire(pathHandler, ipc);
    const filters = [{ name: 'CSV', extensions: ['csv'] }];
    expect(await bridge.openFile({ title: '导入', filters })).toBe('/data/土壤样品.csv');
    expect(invoked).toEqual([[CHANNELS.openFile, { title: '导入', filters }]]);
    expect(await bridge.invoke('import.preview', { path: '/data/土壤样品.csv' })).toEqual({
      ok: true,
      result: null,
    });
    expect(opened).toContain('import.preview /data/土壤样品.csv');
  });

  it('accepts the path of a file the user picked or dropped, at once', async () => {
    const { bridge } = wire(pathHandler, fakeIpc().ipc, () => '/data/dropped.xlsx');
    const path = bridge.pathForFile(new File(['x'], 'dropped.xlsx'));
    expect(await bridge.invoke('import.preview', { path })).toEqual({ ok: true, result: null });
  });

  it('a cancelled dialog grants nothing', async () => {
    const { ipc } = fakeIpc({ [CHANNELS.openFile]: () => null });
    const { bridge, channel } = wire(pathHandler, ipc);
    expect(await bridge.openFile({ filters: [] })).toBeNull();
    expect(channel.client.sent).toEqual([]);
  });

  it('validates save requests before asking main, and main’s answer after', async () => {
    const { ipc, invoked } = fakeIpc({
      [CHANNELS.saveFile]: (request) => ({
        saved: true,
        path: `/docs/${(request as { suggestedName: string }).suggestedName}`,
      }),
    });
    const { bridge } = wire(pathHandler, ipc);
    const data = new Uint8Array([60, 115, 118, 103]);
    expect(await bridge.saveFile({ suggestedName: 'map.svg', data, filters: [] })).toEqual({
      saved: true,
      path: '/docs/map.svg',
    });
    await expect(bridge.saveFile({ suggestedName: '../map.svg', data, filters: [] })).rejects.toThrow(
      /suggestedName/,
    );
    await expect(
      bridge.saveFile({ suggestedName: 'map.svg', data: 'not bytes' as unknown as Uint8Array, filters: [] }),
    ).rejects.toThrow(/data/);
    expect(invoked).toHaveLength(1);
  });

  it('delivers valid menu commands only, until unsubscribed', () => {
    const { ipc, emit } = fakeIpc();
    const { bridge } = wire(pathHandler, ipc);
    const commands: unknown[] = [];
    const stop = bridge.onMenuCommand((command) => commands.push(command));
    emit(CHANNELS.menuCommand, { type: 'show-view', view: 'map' });
    emit(CHANNELS.menuCommand, { type: 'show-view', view: 'settings' });
    emit(CHANNELS.menuCommand, { type: 'run', code: 'alert(1)' });
    stop();
    emit(CHANNELS.menuCommand, { type: 'export' });
    expect(commands).toEqual([{ type: 'show-view', view: 'map' }]);
  });

  it('tells main the UI language, refusing anything else', () => {
    const { ipc, sent } = fakeIpc();
    const { bridge } = wire(pathHandler, ipc);
    bridge.setLanguage('en');
    expect(() => bridge.setLanguage('fr' as 'en')).toThrow(/language/);
    expect(sent).toEqual([[CHANNELS.setLanguage, ['en']]]);
  });
});
