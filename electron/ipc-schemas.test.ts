import { describe, expect, it } from 'vitest';
import {
  IpcValidationError,
  MAX_SAVE_BYTES,
  validateLanguage,
  validateOpenRequest,
  validateSaveRequest,
} from './ipc-schemas.ts';

const png = { name: 'PNG', extensions: ['png'] };
const good = { suggestedName: 'Cd-直方图.png', data: new Uint8Array([137, 80, 78, 71]), filters: [png] };

describe('validateSaveRequest', () => {
  it('accepts a file name, bytes and filters', () => {
    const checked = validateSaveRequest(good);
    expect(checked.suggestedName).toBe('Cd-直方图.png');
    expect([...checked.data]).toEqual([137, 80, 78, 71]);
  });

  it('rejects wrong types with the field named', () => {
    expect(() => validateSaveRequest({ ...good, data: [1, 2, 3] })).toThrow(/data: expected bytes/);
    expect(() => validateSaveRequest({ ...good, data: 'iVBORw0K' })).toThrow(IpcValidationError);
    expect(() => validateSaveRequest({ ...good, suggestedName: 42 })).toThrow(/suggestedName/);
    expect(() => validateSaveRequest({ ...good, filters: 'png' })).toThrow(/filters/);
    expect(() => validateSaveRequest(null)).toThrow(IpcValidationError);
    expect(() => validateSaveRequest('save me')).toThrow(IpcValidationError);
  });

  it('refuses folders in the name: the dialog, not the renderer, picks where', () => {
    for (const name of [
      '../../.bashrc',
      '/etc/passwd',
      'C:\\Windows\\x.png',
      'a/b.png',
      '..',
      'x\0.png',
      '',
    ]) {
      expect(() => validateSaveRequest({ ...good, suggestedName: name }), name).toThrow(/suggestedName/);
    }
  });

  it('refuses unknown keys (e.g. a path smuggled in) and odd filters', () => {
    expect(() => validateSaveRequest({ ...good, path: '/etc/passwd' })).toThrow(IpcValidationError);
    expect(() => validateSaveRequest({ ...good, filters: [{ name: 'PNG', extensions: ['.png'] }] })).toThrow(
      /filters\.0\.extensions\.0/,
    );
    expect(() => validateSaveRequest({ ...good, filters: [{ name: 'PNG', extensions: [] }] })).toThrow(
      /filters\.0\.extensions/,
    );
    const many = Array.from({ length: 21 }, () => png);
    expect(() => validateSaveRequest({ ...good, filters: many })).toThrow(/filters/);
  });

  it('refuses oversized data', () => {
    const huge = new Uint8Array(1);
    // Stands in for a buffer one byte over the limit without allocating 200 MiB.
    Object.defineProperty(huge, 'byteLength', { value: MAX_SAVE_BYTES + 1 });
    expect(() => validateSaveRequest({ ...good, data: huge })).toThrow(/at most 209715200 bytes/);
    const atLimit = new Uint8Array(1);
    Object.defineProperty(atLimit, 'byteLength', { value: MAX_SAVE_BYTES });
    expect(() => validateSaveRequest({ ...good, data: atLimit })).not.toThrow();
  });
});

describe('validateOpenRequest', () => {
  it('accepts filters and an optional title, nothing else', () => {
    expect(validateOpenRequest({ filters: [png] })).toEqual({ filters: [png] });
    expect(validateOpenRequest({ title: '导入', filters: [] })).toEqual({ title: '导入', filters: [] });
    expect(() => validateOpenRequest({ filters: [png], defaultPath: '/etc' })).toThrow(IpcValidationError);
    expect(() => validateOpenRequest({ title: 'x'.repeat(201), filters: [] })).toThrow(/title/);
    expect(() => validateOpenRequest(undefined)).toThrow(IpcValidationError);
  });
});

describe('validateLanguage', () => {
  it('knows zh and en only', () => {
    expect(validateLanguage('zh')).toBe('zh');
    expect(validateLanguage('en')).toBe('en');
    expect(() => validateLanguage('fr')).toThrow(IpcValidationError);
    expect(() => validateLanguage({ locale: 'en' })).toThrow(IpcValidationError);
  });
});
