import type { EventEmitter } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import nodePath from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from './channels.ts';
import { contentSecurityPolicy, secureWebPreferences } from './security.ts';

// main.ts against a recording stand-in for the 'electron' module (the binary is not needed):
// what it registers before 'ready', the window it opens, and how its IPC handlers treat
// senders and arguments.

type Handler = (...args: unknown[]) => unknown;

const fake = await vi.hoisted(async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const state = {
    userData: '',
    privileged: [] as unknown[],
    protocolHandlers: new Map<string, Handler>(),
    ipcOn: new Map<string, Handler>(),
    ipcHandle: new Map<string, Handler>(),
    windows: [] as { options: Record<string, unknown>; url: string; webContents: unknown }[],
    dialogsShown: [] as string[],
    menus: [] as MenuItemConstructorOptions[][],
    forks: [] as { path: string; child: EventEmitter & { sent: unknown[][] } }[],
    permissionRequest: null as Handler | null,
    permissionCheck: null as Handler | null,
    beforeRequest: null as { filter: unknown; listener: Handler } | null,
    resolveReady: (): void => undefined,
  };
  const app = new Emitter() as EventEmitter & Record<string, unknown>;
  const ready = new Promise<void>((resolve) => {
    state.resolveReady = resolve;
  });
  Object.assign(app, {
    requestSingleInstanceLock: () => true,
    whenReady: () => ready,
    isReady: () => false,
    getPath: (name: string) => (name === 'userData' ? state.userData : `/home/user/${name}`),
    getLocale: () => 'zh-CN',
    getAppPath: () => '/nonexistent-app',
    getVersion: () => '0.1.0',
    isPackaged: false,
    addRecentDocument: () => undefined,
    clearRecentDocuments: () => undefined,
    quit: () => undefined,
  });
  class BrowserWindow extends Emitter {
    static all: BrowserWindow[] = [];
    static getAllWindows = () => BrowserWindow.all;
    static getFocusedWindow = () => BrowserWindow.all[0] ?? null;
    static fromWebContents = () => BrowserWindow.all[0] ?? null;
    webContents = Object.assign(new Emitter(), {
      sent: [] as unknown[][],
      isDestroyed: () => false,
      postMessage(...args: unknown[]) {
        this.sent.push(args);
      },
      send(...args: unknown[]) {
        this.sent.push(args);
      },
    });
    record: { options: Record<string, unknown>; url: string; webContents: unknown };
    constructor(options: Record<string, unknown>) {
      super();
      this.record = { options, url: '', webContents: this.webContents };
      state.windows.push(this.record);
      BrowserWindow.all.push(this);
    }
    loadURL(url: string) {
      this.record.url = url;
      return Promise.resolve();
    }
    setTitle() {}
    isMinimized = () => false;
    restore() {}
    focus() {}
  }
  const dialog = {
    showSaveDialog: async () => {
      state.dialogsShown.push('save');
      return { canceled: true };
    },
    showOpenDialog: async () => {
      state.dialogsShown.push('open');
      return { canceled: true, filePaths: [] };
    },
    showMessageBox: async () => {
      state.dialogsShown.push('message');
      return { response: 0 };
    },
    showErrorBox: () => {
      state.dialogsShown.push('error');
    },
  };
  const electron = {
    app,
    BrowserWindow,
    dialog,
    ipcMain: {
      on: (channel: string, handler: Handler) => state.ipcOn.set(channel, handler),
      handle: (channel: string, handler: Handler) => state.ipcHandle.set(channel, handler),
    },
    Menu: {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => template,
      setApplicationMenu: (menu: MenuItemConstructorOptions[]) => state.menus.push(menu),
    },
    MessageChannelMain: class {
      port1 = { name: 'port1' };
      port2 = { name: 'port2' };
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => state.privileged.push(...schemes),
      handle: (scheme: string, handler: Handler) => state.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Handler) => {
          state.permissionRequest = handler;
        },
        setPermissionCheckHandler: (handler: Handler) => {
          state.permissionCheck = handler;
        },
        webRequest: {
          onHeadersReceived: () => undefined,
          onBeforeRequest: (filter: unknown, listener: Handler) => {
            state.beforeRequest = { filter, listener };
          },
        },
      },
    },
    utilityProcess: {
      fork: (path: string) => {
        const child = Object.assign(new Emitter(), {
          sent: [] as unknown[][],
          postMessage(...args: unknown[]) {
            this.sent.push(args);
          },
          kill: () => undefined,
        });
        state.forks.push({ path, child });
        return child;
      },
    },
  };
  return { state, electron };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const { state } = fake;
const trustedEvent = (sender: unknown = state.windows[0]?.webContents) => ({
  sender,
  senderFrame: { url: 'soiltrace://app/index.html', parent: null },
});
const evilEvent = () => ({
  sender: state.windows[0]?.webContents,
  senderFrame: { url: 'https://evil.example/', parent: null },
});

beforeAll(async () => {
  state.userData = await mkdtemp(nodePath.join(tmpdir(), 'soiltrace-main-'));
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  await import('./main.ts');
});
afterAll(() => rm(state.userData, { recursive: true, force: true }));

describe('main before ready', () => {
  it('registers the app scheme as privileged and nothing else yet', () => {
    expect(state.privileged).toEqual([
      { scheme: 'soiltrace', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    expect(state.windows).toEqual([]);
    expect(state.forks).toEqual([]);
  });
});

describe('main after ready', () => {
  beforeAll(async () => {
    state.resolveReady();
    await vi.waitFor(() => expect(state.windows).toHaveLength(1));
  });

  it('opens one secure window on the app origin, with the bundled CommonJS preload', () => {
    const [win] = state.windows;
    const prefs = win.options.webPreferences as { preload: string };
    expect(prefs).toEqual(secureWebPreferences(prefs.preload));
    expect(nodePath.basename(prefs.preload)).toBe('preload.cjs');
    expect(win.url).toBe('soiltrace://app/index.html');
  });

  it('starts the core in a utility process from utility.js', () => {
    expect(state.forks.map((fork) => nodePath.basename(fork.path))).toEqual(['utility.js']);
  });

  it('refuses permissions and blocks network requests', () => {
    const answers: boolean[] = [];
    state.permissionRequest?.(null, 'media', (granted: boolean) => answers.push(granted));
    expect(answers).toEqual([false]);
    expect(state.permissionCheck?.(null, 'clipboard-read')).toBe(false);
    const cancelled: unknown[] = [];
    state.beforeRequest?.listener({ url: 'https://tiles.example/1/2/3.png' }, (r: unknown) =>
      cancelled.push(r),
    );
    expect(cancelled).toEqual([{ cancel: true }]);
  });

  it('serves the renderer through the protocol handler, with the CSP, never outside dist/', async () => {
    const handler = state.protocolHandlers.get('soiltrace');
    const refused = (await handler?.({
      url: 'soiltrace://app/..%2f..%2fetc%2fpasswd',
      method: 'GET',
    })) as Response;
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
  });

  it('builds the menu in Chinese for a Chinese locale', () => {
    expect(state.menus.at(-1)?.map((item) => item.label)).toEqual(['文件', '编辑', '视图', '帮助']);
  });

  it('hands a port to a trusted window only', () => {
    const requestPort = state.ipcOn.get(CHANNELS.requestPort);
    const child = state.forks[0].child;
    const contents = state.windows[0].webContents as { sent: unknown[][] };
    requestPort?.(evilEvent());
    expect(child.sent.filter(([message]) => (message as { kind: string }).kind === 'connect')).toEqual([]);
    requestPort?.(trustedEvent());
    expect(child.sent.filter(([message]) => (message as { kind: string }).kind === 'connect')).toEqual([
      [{ kind: 'connect' }, [{ name: 'port1' }]],
    ]);
    expect(contents.sent).toContainEqual([CHANNELS.port, null, [{ name: 'port2' }]]);
  });

  it('tells the user when the renderer has not been built', () => {
    expect(state.dialogsShown).toEqual(['error']);
  });

  it('validates save and open requests and their senders before any dialog', async () => {
    state.dialogsShown.length = 0;
    const save = state.ipcHandle.get(CHANNELS.saveFile);
    const open = state.ipcHandle.get(CHANNELS.openFile);
    const good = { suggestedName: 'a.png', data: new Uint8Array([1]), filters: [] };
    expect(() => save?.(evilEvent(), good)).toThrow('refused');
    await expect(save?.(trustedEvent(), { ...good, suggestedName: '../../a.png' })).rejects.toThrow(
      /suggestedName/,
    );
    await expect(save?.(trustedEvent(), { ...good, data: [1] })).rejects.toThrow(/data/);
    await expect(open?.(trustedEvent(), { filters: 'all' })).rejects.toThrow(/filters/);
    expect(state.dialogsShown).toEqual([]);
    expect(await save?.(trustedEvent(), good)).toEqual({ saved: false });
    expect(state.dialogsShown).toEqual(['save']);
  });

  it('rebuilds the menu in the language the renderer reports, ignoring junk', () => {
    const setLanguage = state.ipcOn.get(CHANNELS.setLanguage);
    setLanguage?.(trustedEvent(), 'klingon');
    setLanguage?.(evilEvent(), 'en');
    expect(state.menus.at(-1)?.[0].label).toBe('文件');
    setLanguage?.(trustedEvent(), 'en');
    expect(state.menus.at(-1)?.[0].label).toBe('File');
  });

  it('asks the core to shut down cleanly on quit', () => {
    const event = { preventDefault: vi.fn() };
    (fake.electron.app as EventEmitter).emit('before-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(state.forks[0].child.sent.at(-1)).toEqual([{ kind: 'shutdown' }]);
  });
});
