import { z } from 'zod';
import type { OpenFileRequest, SaveFileRequest, SaveFileResult } from '../renderer/api/bridge-types.ts';

// Every argument that reaches main over IPC is checked here, in the preload (to fail early with
// a clear message) and again in main (which trusts nothing from a renderer process).

/**
 * Chart PNGs at 300 dpi and XLSX exports of 100,000 rows stay far below this; it also keeps
 * clear of Chromium's IPC message size limit, past which the renderer is killed, not refused.
 */
export const MAX_SAVE_BYTES = 200 * 1024 * 1024;
export const MAX_FILTERS = 20;

const fileName = z
  .string()
  .min(1)
  .max(255)
  .refine((name) => !/[/\\\0]/.test(name) && name !== '.' && name !== '..', {
    message: 'must be a plain file name, without folders',
  });

const fileFilter = z
  .object({
    name: z.string().min(1).max(100),
    extensions: z
      .array(z.string().regex(/^(\*|[A-Za-z0-9]{1,16})$/, 'an extension like "png", without the dot'))
      .min(1)
      .max(20),
  })
  .strict();

export const saveFileRequest = z
  .object({
    suggestedName: fileName,
    data: z
      .custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected bytes (Uint8Array)')
      .refine((data) => data.byteLength <= MAX_SAVE_BYTES, `at most ${MAX_SAVE_BYTES} bytes`),
    filters: z.array(fileFilter).max(MAX_FILTERS),
  })
  .strict();

export const openFileRequest = z
  .object({
    title: z.string().max(200).optional(),
    filters: z.array(fileFilter).max(MAX_FILTERS),
  })
  .strict();

export const saveFileResult = z.object({ saved: z.boolean(), path: z.string().optional() }).strict();

export const uiLanguage = z.enum(['zh', 'en']);

/** An IPC argument failed validation; the message names the field and what was expected. */
export class IpcValidationError extends Error {
  constructor(what: string, error: z.ZodError) {
    const issue = error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : '(argument)';
    super(`invalid ${what}: ${where}: ${issue?.message ?? 'invalid'}`);
    this.name = 'IpcValidationError';
  }
}

function validator<T>(what: string, schema: z.ZodType<T>): (input: unknown) => T {
  return (input) => {
    const parsed = schema.safeParse(input);
    if (!parsed.success) throw new IpcValidationError(what, parsed.error);
    return parsed.data;
  };
}

export const validateSaveRequest: (input: unknown) => SaveFileRequest = validator(
  'save-file request',
  saveFileRequest,
);
export const validateOpenRequest: (input: unknown) => OpenFileRequest = validator(
  'open-file request',
  openFileRequest,
);
export const validateSaveResult: (input: unknown) => SaveFileResult = validator(
  'save-file result',
  saveFileResult,
);
export const validateLanguage: (input: unknown) => 'zh' | 'en' = validator('language', uiLanguage);
