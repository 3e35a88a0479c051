import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SoilTraceError } from '../errors.ts';
import { numericColumn, readTableFile, textColumn } from './read-table-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'soiltrace-io-'));

describe('readTableFile', () => {
  it('decodes GBK with Chinese headers and quoted fields', () => {
    const path = join(dir, 'gbk.csv');
    const text = '样品编号,土地利用类型,镉(mg/kg)\r\nS1,水田,0.31\r\n"S,2","旱地",0.5\r\n';
    // Node's TextDecoder reads GB18030 but does not encode it: write GBK bytes by hand.
    // 样=D1F9 品=C6B7 编=B1E0 号=BAC5 土=CDC1 地=B5D8 利=C0FB 用=D3C3 类=C0E0 型=D0CD 镉=EFD3 水=CBAE 田=CCEF 旱=BAB5
    const gbk: Record<string, number[]> = {
      样: [0xd1, 0xf9],
      品: [0xc6, 0xb7],
      编: [0xb1, 0xe0],
      号: [0xba, 0xc5],
      土: [0xcd, 0xc1],
      地: [0xb5, 0xd8],
      利: [0xc0, 0xfb],
      用: [0xd3, 0xc3],
      类: [0xc0, 0xe0],
      型: [0xd0, 0xcd],
      镉: [0xef, 0xd3],
      水: [0xcb, 0xae],
      田: [0xcc, 0xef],
      旱: [0xba, 0xb5],
    };
    const bytes = [...text].flatMap((ch) => gbk[ch] ?? [ch.charCodeAt(0)]);
    writeFileSync(path, Uint8Array.from(bytes));
    const table = readTableFile(path);
    expect(table.encoding).toBe('gb18030');
    expect(table.headers).toEqual(['样品编号', '土地利用类型', '镉(mg/kg)']);
    expect(textColumn(table, '样品编号')).toEqual(['S1', 'S,2']);
    expect(Array.from(numericColumn(table, '镉(mg/kg)'))).toEqual([0.31, 0.5]);
  });

  it('names file, row and column for text in a number column', () => {
    const path = join(dir, 'bad.csv');
    writeFileSync(path, '\ufeffid,Cd\nA,0.2\nB,abc\n');
    const table = readTableFile(path);
    expect(table.encoding).toBe('utf-8-bom');
    try {
      numericColumn(table, 'Cd');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SoilTraceError);
      expect((error as SoilTraceError).location).toEqual({
        file: 'bad.csv',
        row: 3,
        column: 'Cd',
        value: 'abc',
      });
    }
  });
});

describe('row numbers', () => {
  it('name the file line even after blank lines and multi-line quoted cells', () => {
    const path = join(dir, 'gaps.csv');
    writeFileSync(path, 'id,note,Cd\nA,"two\nlines",0.2\n\nB,x,oops\n');
    const table = readTableFile(path);
    expect(table.lineNumbers).toEqual([2, 5]);
    expect(() => numericColumn(table, 'Cd')).toThrowError(SoilTraceError);
    try {
      numericColumn(table, 'Cd');
    } catch (error) {
      expect((error as SoilTraceError).location.row).toBe(5);
    }
  });
});
