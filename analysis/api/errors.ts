import type { ZodError } from 'zod';
import { type InputLocation, type LocalizedText, SoilTraceError } from '../errors.ts';
import type { ApiErrorShape } from './contract.ts';

/** An error a transport sends back to the UI: a code, text in both languages, where in the input. */
export class ApiError extends Error {
  readonly code: ApiErrorShape['code'];
  readonly text: LocalizedText;
  readonly location: InputLocation | undefined;

  constructor(code: ApiErrorShape['code'], text: LocalizedText, location?: InputLocation) {
    super(text.en);
    this.name = 'ApiError';
    this.code = code;
    this.text = text;
    this.location = location;
  }

  toShape(): ApiErrorShape {
    return this.location
      ? { code: this.code, message: this.text, location: this.location }
      : { code: this.code, message: this.text };
  }
}

export function badParams(method: string, error: ZodError): ApiError {
  const first = error.issues[0];
  const where = first?.path.length ? first.path.join('.') : '(params)';
  const detail = first?.message ?? 'invalid';
  return new ApiError(
    'bad_params',
    {
      zh: `${method} 的参数 ${where} 无效：${detail}`,
      en: `invalid parameter ${where} for ${method}: ${detail}`,
    },
    { column: where },
  );
}

/** Any thrown value → the wire shape; internal errors keep their message but no stack. */
export function toApiErrorShape(error: unknown): ApiErrorShape {
  if (error instanceof ApiError) return error.toShape();
  if (error instanceof SoilTraceError) {
    const location = Object.fromEntries(Object.entries(error.location).filter(([, v]) => v !== undefined));
    return Object.keys(location).length
      ? { code: 'input', message: error.text, location }
      : { code: 'input', message: error.text };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: { zh: `内部错误：${message}`, en: `internal error: ${message}` } };
}
