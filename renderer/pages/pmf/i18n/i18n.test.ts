import { describe, expect, it } from 'vitest';
import en from './en.json';
import zhCN from './zh-CN.json';

function keys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('PMF page strings', () => {
  it('has the same keys in Chinese and English, none empty', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
    const values = (o: unknown): string[] =>
      o !== null && typeof o === 'object' ? Object.values(o).flatMap(values) : [String(o)];
    for (const v of [...values(en), ...values(zhCN)]) expect(v.trim()).not.toBe('');
  });
});
