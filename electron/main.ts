import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import nodePath from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  type IpcMainEvent,
  type IpcMainInvokeEvent,
  ipcMain,
  Menu,
  MessageChannelMain,
  protocol,
  session,
  type UtilityProcess,
  utilityProcess,
  type WebContents,
} from 'electron';
import { type ApiErrorShape, isApiMethod, type ProjectInfo } from '../analysis/api/contract.ts';
import { APP_ENTRY_URL, APP_SCHEME } from './app-origin.ts';
import { privilegedSchemes, serveAppRequest } from './app-protocol.ts';
import { type AppSettings, addRecentProject, parseSettings, serializeSettings } from './app-settings.ts';
import { CHANNELS } from './channels.ts';
import { createFileDialogHandlers, writeFileAtomic } from './file-dialogs.ts';
import { formatApiError } from './format-api-error.ts';
import { validateLanguage } from './ipc-schemas.ts';
import { type MenuActions, type MenuLocale, menuLocale, menuTemplate } from './menu.ts';
import type { MenuCommand } from './menu-commands.ts';
import { coreRestartedError, createPortClient } from './port-client.ts';
import { projectPathFromArgv, withProjectExtension } from './project-paths.ts';
import {
  createNavigationGuards,
  isTrustedSender,
  refuseAllPermissions,
  secureWebPreferences,
  withSecurityHeaders,
} from './security.ts';

// The main process only wires Electron to the pure modules beside it: windows, menus, native
// dialogs, and the hand-over of a MessagePort between each window and the core.

const here = nodePath.dirname(fileURLToPath(import.meta.url));
const PRELOAD = nodePath.join(here, 'preload.cjs');
const UTILITY = nodePath.join(here, 'utility.js');
const PROJECT_FILTER = { name: 'SoilTrace 项目 / project', extensions: ['duckdb'] };
const DATA_FILTER = { name: '数据表 / data table', extensions: ['csv', 'tsv', 'txt', 'xlsx', 'xls'] };

// Must run before 'ready'.
protocol.registerSchemesAsPrivileged(privilegedSchemes());

const core = createPortClient();
let coreProcess: UtilityProcess | null = null;
let coreStarts: number[] = [];
let quitting = false;
let settings: AppSettings = { recentProjects: [] };
let currentProject: ProjectInfo | null = null;
/** A file the OS asked us to open (macOS 'open-file') before the app was ready. */
let pendingOpenPath: string | null = null;

const settingsFile = () => nodePath.join(app.getPath('userData'), 'settings.json');

async function loadSettings(): Promise<void> {
  settings = parseSettings(await readFile(settingsFile(), 'utf8').catch(() => null));
}

async function saveSettings(): Promise<void> {
  await mkdir(nodePath.dirname(settingsFile()), { recursive: true });
  await writeFile(settingsFile(), serializeSettings(settings));
}

const locale = (): MenuLocale => settings.language ?? menuLocale(app.getLocale());
const text = (zh: string, en: string) => (locale() === 'zh' ? zh : en);
const focusedWindow = () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0] ?? null;

function showError(title: string, error: ApiErrorShape): void {
  const win = focusedWindow();
  const options = { type: 'error' as const, title, message: title, detail: formatApiError(error, locale()) };
  void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
}

// ---- the core (utility process) ----

function connectRenderer(contents: WebContents): void {
  if (!coreProcess || contents.isDestroyed()) return;
  const { port1, port2 } = new MessageChannelMain();
  coreProcess.postMessage({ kind: 'connect' }, [port1]);
  contents.postMessage(CHANNELS.port, null, [port2]);
}

function startCore(): void {
  const child = utilityProcess.fork(UTILITY, [], { serviceName: 'SoilTrace core', stdio: 'inherit' });
  coreProcess = child;
  coreStarts = [...coreStarts.filter((time) => Date.now() - time < 60_000), Date.now()];
  core.attachPort({
    postMessage: (message) => child.postMessage(message),
    addEventListener: (_type, listener) => child.on('message', (data: unknown) => listener({ data })),
    start: () => undefined,
    close: () => undefined,
  });
  // Paths the user chose in earlier runs stay usable.
  for (const path of settings.recentProjects) core.grantInOrder(path);
  child.on('exit', (code) => {
    if (coreProcess === child) coreProcess = null;
    core.failPending(coreRestartedError());
    if (quitting) return;
    if (coreStarts.length >= 3) {
      dialog.showErrorBox(
        text('SoilTrace 计算进程反复退出', 'The SoilTrace core keeps exiting'),
        text(`退出代码 ${code}。请重新启动 SoilTrace。`, `Exit code ${code}. Please restart SoilTrace.`),
      );
      return;
    }
    startCore();
    for (const win of BrowserWindow.getAllWindows()) connectRenderer(win.webContents);
    void restoreProject();
  });
}

/** After a core restart, reopen what was open. */
async function restoreProject(): Promise<void> {
  const project = currentProject;
  if (!project) return;
  if (project.sample) await core.call('project.openSample', {});
  else {
    await core.grant(project.path);
    await core.call('project.open', { path: project.path });
  }
}

core.onEvent((event) => {
  if (event.type !== 'project.changed') return;
  currentProject = event.data.project;
  for (const win of BrowserWindow.getAllWindows()) {
    win.setTitle(currentProject ? `${currentProject.name} — SoilTrace` : 'SoilTrace');
  }
  if (currentProject && !currentProject.sample) {
    settings.recentProjects = addRecentProject(settings.recentProjects, currentProject.path);
    app.addRecentDocument(currentProject.path);
    void saveSettings();
    buildMenu();
  }
});

async function callCore(title: string, method: string, params: unknown): Promise<boolean> {
  const response = await core.call(method, params);
  if (!response.ok) showError(title, response.error);
  return response.ok;
}

// ---- menu ----

function sendToRenderer(command: MenuCommand): void {
  focusedWindow()?.webContents.send(CHANNELS.menuCommand, command);
}

async function openProjectAt(path: string): Promise<void> {
  await core.grant(path);
  const opened = await callCore(text('无法打开项目', 'Cannot open the project'), 'project.open', { path });
  if (!opened && settings.recentProjects.includes(path) && !existsSync(path)) {
    settings.recentProjects = settings.recentProjects.filter((entry) => entry !== path);
    await saveSettings();
    buildMenu();
  }
}

async function chooseSavePath(title: string, defaultName: string): Promise<string | null> {
  const win = focusedWindow();
  const options = {
    title,
    defaultPath: nodePath.join(app.getPath('documents'), defaultName),
    filters: [PROJECT_FILTER],
  };
  const result = await (win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options));
  return result.canceled || !result.filePath ? null : withProjectExtension(result.filePath);
}

async function chooseOpenPath(title: string, filters: { name: string; extensions: string[] }[]) {
  const win = focusedWindow();
  const options = { title, filters, properties: ['openFile' as const] };
  const result = await (win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options));
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

const menuActions: MenuActions = {
  newProject: async () => {
    const path = await chooseSavePath(
      text('新建项目', 'New project'),
      text('新项目.duckdb', 'project.duckdb'),
    );
    if (!path) return;
    await core.grant(path);
    await callCore(text('无法新建项目', 'Cannot create the project'), 'project.create', { path });
  },
  openProject: async () => {
    const path = await chooseOpenPath(text('打开项目', 'Open project'), [PROJECT_FILTER]);
    if (path) await openProjectAt(path);
  },
  saveProjectAs: async () => {
    const name = currentProject ? `${currentProject.name}.duckdb` : 'project.duckdb';
    const path = await chooseSavePath(text('项目另存为', 'Save project as'), name);
    if (!path) return;
    await core.grant(path);
    await callCore(text('无法另存项目', 'Cannot save the project'), 'project.saveAs', { path });
  },
  openRecent: (path) => void openProjectAt(path),
  clearRecent: () => {
    settings.recentProjects = [];
    app.clearRecentDocuments();
    void saveSettings();
    buildMenu();
  },
  importData: async () => {
    const path = await chooseOpenPath(text('导入数据', 'Import data'), [DATA_FILTER]);
    if (!path) return;
    await core.grant(path);
    sendToRenderer({ type: 'import-data', path });
  },
  exportData: () => sendToRenderer({ type: 'export' }),
  showView: (view) => sendToRenderer({ type: 'show-view', view }),
  setLanguage: (next) => {
    setLanguage(next);
    sendToRenderer({ type: 'set-language', locale: next });
  },
  userGuide: () => sendToRenderer({ type: 'user-guide' }),
  about: () => {
    const win = focusedWindow();
    const options = {
      type: 'info' as const,
      title: 'SoilTrace',
      message: `SoilTrace ${app.getVersion()}`,
      detail: `${text('土壤重金属污染溯源与修复规划工作台', 'Heavy-metal soil pollution source tracing and remediation planning')}\n\nElectron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`,
    };
    void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
  },
};

function buildMenu(): void {
  const template = menuTemplate(locale(), menuActions, {
    recent: settings.recentProjects,
    isMac: process.platform === 'darwin',
    isDevelopment: !app.isPackaged,
    canSaveAs: isApiMethod('project.saveAs'),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function setLanguage(next: MenuLocale): void {
  if (settings.language === next) return;
  settings.language = next;
  void saveSettings();
  buildMenu();
}

// ---- IPC from the preload (every argument validated, every sender checked) ----

function trusted(event: IpcMainEvent | IpcMainInvokeEvent): boolean {
  if (isTrustedSender(event.senderFrame)) return true;
  console.error(`soiltrace: refused IPC from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
  return false;
}

function dialogsFor(contents: WebContents) {
  const win = BrowserWindow.fromWebContents(contents);
  return createFileDialogHandlers({
    showSaveDialog: (options) => (win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options)),
    showOpenDialog: (options) => (win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options)),
    writeFile: writeFileAtomic,
    defaultDir: app.getPath('documents'),
  });
}

function registerIpc(): void {
  ipcMain.on(CHANNELS.requestPort, (event) => {
    if (trusted(event)) connectRenderer(event.sender);
  });
  ipcMain.handle(CHANNELS.saveFile, (event, input: unknown) => {
    if (!trusted(event)) throw new Error('refused');
    return dialogsFor(event.sender).saveFile(input);
  });
  ipcMain.handle(CHANNELS.openFile, (event, input: unknown) => {
    if (!trusted(event)) throw new Error('refused');
    return dialogsFor(event.sender).openFile(input);
  });
  ipcMain.on(CHANNELS.setLanguage, (event, input: unknown) => {
    if (!trusted(event)) return;
    try {
      setLanguage(validateLanguage(input));
    } catch (error) {
      console.error(`soiltrace: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}

// ---- windows ----

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    title: 'SoilTrace',
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(PRELOAD),
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

function rendererDir(): string {
  return nodePath.join(app.getAppPath(), 'dist');
}

async function openFromCommandLine(argv: readonly string[], cwd: string): Promise<void> {
  const path = projectPathFromArgv(argv, cwd);
  if (path) await openProjectAt(path);
}

if (!app.requestSingleInstanceLock()) {
  // One instance per user: a second one would fight over the project file's lock.
  app.quit();
} else {
  app.on('second-instance', (_event, argv, cwd) => {
    const win = focusedWindow();
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
    void openFromCommandLine(argv, cwd);
  });

  app.on('web-contents-created', (_event, contents) => {
    createNavigationGuards(contents);
  });

  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (app.isReady()) void openProjectAt(path);
    else pendingOpenPath = path;
  });

  app.whenReady().then(async () => {
    await loadSettings();
    const ses = session.defaultSession;
    refuseAllPermissions(ses);
    ses.webRequest.onHeadersReceived((details, callback) =>
      callback({ responseHeaders: withSecurityHeaders(details.responseHeaders) }),
    );
    // No network at run time: the page has everything it needs on the app origin.
    ses.webRequest.onBeforeRequest(
      { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] },
      (_d, cb) => cb({ cancel: true }),
    );
    const root = rendererDir();
    protocol.handle(APP_SCHEME, (request) =>
      serveAppRequest(request, { rootDir: root, readFile: (path) => readFile(path) }),
    );
    if (!existsSync(nodePath.join(root, 'index.html'))) {
      dialog.showErrorBox(
        'SoilTrace',
        `The renderer is not built (${root}/index.html is missing). Run \`npm run build\` first.`,
      );
    }
    registerIpc();
    startCore();
    buildMenu();
    createWindow();
    await openFromCommandLine(process.argv, process.cwd());
    if (pendingOpenPath) await openProjectAt(pendingOpenPath);
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Let the core close the project (checkpoint DuckDB, stop jobs) before the app exits.
  app.on('before-quit', (event) => {
    const child = coreProcess;
    if (!child) return;
    event.preventDefault();
    if (quitting) return;
    quitting = true;
    const timer = setTimeout(() => child.kill(), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      coreProcess = null;
      app.quit();
    });
    child.postMessage({ kind: 'shutdown' });
  });
}
