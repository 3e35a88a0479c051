import { execFile, fork } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import nodePath from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Builds the shell into a throw-away app folder laid out like the packaged app
// (package.json, node_modules, dist-electron/) and runs what can run without Electron:
// the preload in a bare VM context with a fake 'electron', the core under plain Node with a
// fake parentPort.

const run = promisify(execFile);
const repo = fileURLToPath(new URL('..', import.meta.url));
let app: string;
let outdir: string;

beforeAll(async () => {
  app = await mkdtemp(nodePath.join(tmpdir(), 'soiltrace-electron-build-'));
  for (const entry of ['package.json', 'node_modules', 'analysis', 'datasets']) {
    await symlink(nodePath.join(repo, entry), nodePath.join(app, entry));
  }
  outdir = nodePath.join(app, 'dist-electron');
  await run(process.execPath, [nodePath.join(repo, 'electron', 'build.mjs'), '--outdir', outdir], {
    cwd: repo,
  });
}, 60_000);
afterAll(() => rm(app, { recursive: true, force: true }));

describe('electron/build.mjs', () => {
  it('writes main.js (ESM, the package "main"), preload.cjs and utility.js', async () => {
    const pkg = JSON.parse(await readFile(nodePath.join(repo, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist-electron/main.js');
    const main = await readFile(nodePath.join(outdir, 'main.js'), 'utf8');
    expect(main).toMatch(/^} from "electron";$/m);
    await run(process.execPath, ['--check', nodePath.join(outdir, 'main.js')]);
    await run(process.execPath, ['--check', nodePath.join(outdir, 'utility.js')]);
  });

  it('bundles a preload that runs sandboxed: requires only electron, exposes only the bridge', async () => {
    const code = await readFile(nodePath.join(outdir, 'preload.cjs'), 'utf8');
    const required: string[] = [];
    const exposed: Record<string, unknown> = {};
    const sent: string[] = [];
    const electron = {
      contextBridge: {
        exposeInMainWorld: (key: string, api: unknown) => {
          exposed[key] = api;
        },
      },
      ipcRenderer: {
        on: () => undefined,
        send: (channel: string) => sent.push(channel),
        invoke: async () => null,
        removeListener: () => undefined,
      },
      webUtils: { getPathForFile: () => '' },
    };
    const sandbox = {
      require: (name: string) => {
        required.push(name);
        if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
        return electron;
      },
      module: { exports: {} },
      console,
    };
    // A bare context: no process, no Node globals, as in a sandboxed renderer.
    vm.runInNewContext(
      `(function (require, module, exports) {${code}\n})(require, module, module.exports)`,
      sandbox,
    );
    expect([...new Set(required)]).toEqual(['electron']);
    expect(Object.keys(exposed)).toEqual(['soiltrace']);
    expect(Object.keys(exposed.soiltrace as object).sort()).toEqual([
      'invoke',
      'onEvent',
      'onMenuCommand',
      'openFile',
      'pathForFile',
      'saveFile',
      'setLanguage',
    ]);
    expect(sent).toEqual(['soiltrace:request-port']);
  });

  it('bundles a core that loads outside the repo layout and serves requests on parentPort', async () => {
    const harness = nodePath.join(app, 'harness.mjs');
    await writeFile(
      harness,
      [
        "import { EventEmitter } from 'node:events';",
        'const parentPort = new EventEmitter();',
        'parentPort.postMessage = (message) => process.send(message);',
        'process.parentPort = parentPort;',
        "process.on('message', (data) => parentPort.emit('message', { data, ports: [] }));",
        'await import(process.argv[2]);',
        "process.send({ kind: 'ready' });",
      ].join('\n'),
    );
    const home = nodePath.join(app, 'home');
    await mkdir(home);
    const child = fork(harness, [nodePath.join(outdir, 'utility.js')], {
      serialization: 'advanced',
      env: { ...process.env, SOILTRACE_HOME: home },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const messages: unknown[] = [];
    const waitFor = (predicate: (message: unknown) => boolean) =>
      new Promise<unknown>((resolve, reject) => {
        const found = messages.find(predicate);
        if (found) return resolve(found);
        const onMessage = (message: unknown) => {
          if (!predicate(message)) return;
          child.off('message', onMessage);
          resolve(message);
        };
        child.on('message', onMessage);
        child.once('exit', (code) => reject(new Error(`core exited with ${code}`)));
      });
    child.on('message', (message) => messages.push(message));
    const byId = (id: number) => (message: unknown) => (message as { id?: number }).id === id;

    await waitFor((message) => (message as { kind: string }).kind === 'ready');
    child.send({ kind: 'request', id: 1, method: 'app.info', params: {} });
    child.send({ kind: 'request', id: 2, method: 'project.open', params: { path: '/etc/passwd' } });
    const pkg = JSON.parse(await readFile(nodePath.join(repo, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(await waitFor(byId(1))).toEqual({
      kind: 'response',
      id: 1,
      response: { ok: true, result: { version: pkg.version, transport: 'direct' } },
    });
    expect(await waitFor(byId(2))).toMatchObject({
      response: { ok: false, error: { code: 'bad_params', location: { value: '/etc/passwd' } } },
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.send({ kind: 'shutdown' });
    expect(await exited).toBe(0);
  }, 60_000);
});
