import { type ApiErrorShape, type ApiResponse, isApiMethod } from '../analysis/api/contract.ts';
import type { OpenFileRequest, SaveFileRequest, SoilTraceBridge } from '../renderer/api/bridge-types.ts';
import { CHANNELS } from './channels.ts';
import {
  validateLanguage,
  validateOpenRequest,
  validateSaveRequest,
  validateSaveResult,
} from './ipc-schemas.ts';
import { type MenuCommand, parseMenuCommand } from './menu-commands.ts';
import { checkPayload } from './payload-size.ts';
import { type ClientPort, createPortClient } from './port-client.ts';
import { MAX_PATH_LENGTH } from './port-protocol.ts';

// window.soiltrace: what the preload exposes through contextBridge. The page gets these
// functions only — never ipcRenderer or the MessagePort to the core.

/** Params are copied twice (port, contextBridge); uploads travel by path, so this is generous. */
export const MAX_PARAMS_BYTES = 64 * 1024 * 1024;

/** The bridge type of renderer/api/bridge-types.ts plus the Electron-only menu hooks. */
export interface ElectronBridge extends SoilTraceBridge {
  /** Menu items the renderer acts on (import wizard, export, view, language, help). */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Tells main the UI language, so the native menu follows it. */
  setLanguage(locale: 'zh' | 'en'): void;
}

/** The DOM MessagePort as the preload receives it from main. */
export type BridgePort = ClientPort;

/** The slice of ipcRenderer the bridge uses. */
export interface BridgeIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  send(channel: string, ...args: unknown[]): void;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export interface BridgeDeps {
  ipc: BridgeIpc;
  /** webUtils.getPathForFile: '' for a File that is not on disk. */
  pathForFile(file: File): string;
}

export interface BridgeConnection {
  bridge: ElectronBridge;
  /** Connects (or, after a core restart or reload, reconnects) to the core. */
  attachPort(port: BridgePort): void;
}

function failure(code: ApiErrorShape['code'], zh: string, en: string): ApiResponse {
  return { ok: false, error: { code, message: { zh, en } } };
}

export function createBridge(deps: BridgeDeps): BridgeConnection {
  const core = createPortClient();

  const bridge: ElectronBridge = {
    async invoke(method, params) {
      if (typeof method !== 'string' || !isApiMethod(method)) {
        const name = String(method).slice(0, 100);
        return failure('unknown_method', `未知的接口 “${name}”`, `unknown API method "${name}"`);
      }
      const size = checkPayload(params, MAX_PARAMS_BYTES);
      if (!size.ok) {
        const limit = `${MAX_PARAMS_BYTES / 1024 / 1024} MB`;
        return size.reason === 'too_large'
          ? failure(
              'bad_params',
              `${method} 的参数过大（上限 ${limit}）`,
              `params of ${method} are too large (limit ${limit})`,
            )
          : failure(
              'bad_params',
              `${method} 的参数只能是数据（对象、数组、字符串、数字、字节）`,
              `params of ${method} must be plain data (objects, arrays, strings, numbers, bytes)`,
            );
      }
      return core.call(method, params);
    },

    onEvent(listener) {
      if (typeof listener !== 'function') throw new TypeError('onEvent expects a function');
      return core.onEvent(listener);
    },

    async saveFile(input: SaveFileRequest) {
      const checked = validateSaveRequest(input);
      return validateSaveResult(await deps.ipc.invoke(CHANNELS.saveFile, checked));
    },

    async openFile(input: OpenFileRequest) {
      const checked = validateOpenRequest(input);
      const chosen = await deps.ipc.invoke(CHANNELS.openFile, checked);
      if (chosen === null) return null;
      if (typeof chosen !== 'string' || chosen.length === 0 || chosen.length > MAX_PATH_LENGTH) {
        throw new Error('main returned an invalid path');
      }
      await core.grant(chosen);
      return chosen;
    },

    pathForFile(file) {
      const path = deps.pathForFile(file);
      // Granted on the same port as later requests, so it is in place before any call uses it.
      if (path) core.grantInOrder(path);
      return path;
    },

    onMenuCommand(listener) {
      if (typeof listener !== 'function') throw new TypeError('onMenuCommand expects a function');
      const onCommand = (_event: unknown, value: unknown) => {
        const command = parseMenuCommand(value);
        if (command) listener(command);
      };
      deps.ipc.on(CHANNELS.menuCommand, onCommand);
      return () => {
        deps.ipc.removeListener(CHANNELS.menuCommand, onCommand);
      };
    },

    setLanguage(locale) {
      deps.ipc.send(CHANNELS.setLanguage, validateLanguage(locale));
    },
  };

  return { bridge, attachPort: core.attachPort };
}
