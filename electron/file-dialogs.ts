import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import nodePath from 'node:path';
import type { OpenFileRequest, SaveFileResult } from '../renderer/api/bridge-types.ts';
import { validateOpenRequest, validateSaveRequest } from './ipc-schemas.ts';

// The main-process side of bridge.saveFile / bridge.openFile. Paths come only from the native
// dialogs; the renderer proposes a file name, never a folder.

/** The slice of electron's dialog (bound to the window) and the file system it needs. */
export interface DialogAdapter {
  showSaveDialog(options: {
    title?: string;
    defaultPath: string;
    filters: OpenFileRequest['filters'];
  }): Promise<{ canceled: boolean; filePath?: string }>;
  showOpenDialog(options: {
    title?: string;
    filters: OpenFileRequest['filters'];
    properties: ['openFile'];
  }): Promise<{ canceled: boolean; filePaths: string[] }>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  /** Where the save dialog starts (app.getPath('documents')). */
  defaultDir: string;
}

export interface FileDialogHandlers {
  saveFile(input: unknown): Promise<SaveFileResult>;
  openFile(input: unknown): Promise<string | null>;
}

export function createFileDialogHandlers(adapter: DialogAdapter): FileDialogHandlers {
  return {
    async saveFile(input) {
      const request = validateSaveRequest(input);
      const result = await adapter.showSaveDialog({
        defaultPath: nodePath.join(adapter.defaultDir, request.suggestedName),
        filters: request.filters,
      });
      if (result.canceled || !result.filePath) return { saved: false };
      await adapter.writeFile(result.filePath, request.data);
      return { saved: true, path: result.filePath };
    },
    async openFile(input) {
      const request = validateOpenRequest(input);
      const result = await adapter.showOpenDialog({
        ...(request.title ? { title: request.title } : {}),
        filters: request.filters,
        properties: ['openFile'],
      });
      if (result.canceled || result.filePaths.length === 0) return null;
      return result.filePaths[0];
    },
  };
}

/**
 * Writes through a temporary file in the same folder and renames it into place, so a failed
 * or interrupted save never leaves a half-written file where the user's file was.
 */
export async function writeFileAtomic(path: string, data: Uint8Array): Promise<void> {
  const temporary = nodePath.join(
    nodePath.dirname(path),
    `.${nodePath.basename(path)}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    await writeFile(temporary, data, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
