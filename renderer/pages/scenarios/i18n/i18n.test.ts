import { describe, expect, it } from 'vitest';
import { expectIdenticalKeys, leafValues } from '../../../i18n/key-parity.ts';
import en from './en.json';
import zhCN from './zh-CN.json';

describe('scenario page strings', () => {
  it('has the same keys in Chinese and English, none empty', () => {
    expectIdenticalKeys(en, zhCN);
    for (const v of [...leafValues(en), ...leafValues(zhCN)]) expect(v.trim()).not.toBe('');
  });
});
