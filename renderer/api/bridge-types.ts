import type { ApiEvent, ApiResponse } from '../../analysis/api/contract.ts';

// What the Electron preload exposes as `window.soiltrace` through contextBridge. Nothing else of
// Electron or Node reaches the renderer. Errors cross as data (ApiResponse) because
// ipcRenderer.invoke keeps only an Error's message.

export interface SaveFileRequest {
  /** File name offered in the save dialog, e.g. "Cd-histogram.png". */
  suggestedName: string;
  data: Uint8Array;
  filters: { name: string; extensions: string[] }[];
}

export interface SaveFileResult {
  saved: boolean;
  /** Where it was written (absent when the user cancelled). */
  path?: string;
}

export interface OpenFileRequest {
  title?: string;
  filters: { name: string; extensions: string[] }[];
}

/** Native menu items main forwards to the renderer (electron/menu-commands.ts validates them). */
export type MenuCommand =
  | { type: 'import-data'; path: string }
  | { type: 'export' }
  | { type: 'show-view'; view: 'project' | 'data' | 'map' | 'jobs' }
  | { type: 'set-language'; locale: 'zh' | 'en' }
  | { type: 'user-guide' };

export interface SoilTraceBridge {
  /** One API call: method name from the contract, params as plain data (Uint8Array allowed). */
  invoke(method: string, params: unknown): Promise<ApiResponse>;
  /** Subscribes to API events; returns the unsubscribe function. */
  onEvent(listener: (event: ApiEvent) => void): () => void;
  /** Native save dialog, then write the bytes. */
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  /** Native open dialog; the chosen absolute path, or null when cancelled. */
  openFile(request: OpenFileRequest): Promise<string | null>;
  /** Absolute path of a File from an <input type=file> or a drop (webUtils.getPathForFile). */
  pathForFile(file: File): string;
  /** Electron only: native menu commands for the renderer. */
  onMenuCommand?(listener: (command: MenuCommand) => void): () => void;
  /** Electron only: tells main the UI language so the native menu follows it. */
  setLanguage?(locale: 'zh' | 'en'): void;
}

declare global {
  interface Window {
    soiltrace?: SoilTraceBridge;
  }
}
