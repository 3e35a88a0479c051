import { describe, expect, it } from 'vitest';
import { checkPayload } from './payload-size.ts';

describe('checkPayload', () => {
  it('counts strings as UTF-16, numbers as 8 bytes, bytes by length (hand count)', () => {
    // object 16 + key "sql" (8 + 3·2) + value "SELECT 1" (8 + 8·2) = 16 + 14 + 24 = 54
    expect(checkPayload({ sql: 'SELECT 1' }, 1000)).toEqual({ ok: true, bytes: 54 });
    // array 16 + two keys "0","1" (8 + 2 each) + 8 + (16 + 10) = 16 + 20 + 8 + 26 = 70
    expect(checkPayload([1, new Uint8Array(10)], 1000)).toEqual({ ok: true, bytes: 70 });
  });

  it('stops at the limit', () => {
    expect(checkPayload({ data: new Uint8Array(2000) }, 1000)).toEqual({ ok: false, reason: 'too_large' });
    expect(checkPayload({ sql: 'x'.repeat(600) }, 1000)).toEqual({ ok: false, reason: 'too_large' });
  });

  it('refuses what is not data: functions, symbols, class instances, cycles, deep nesting', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = { deep };
    for (const value of [() => 1, { f: () => 1 }, Symbol('x'), new Date(), new Map(), cyclic, deep]) {
      expect(checkPayload(value, 1e9)).toEqual({ ok: false, reason: 'not_data' });
    }
  });
});
