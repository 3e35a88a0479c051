import { describe, expect, it } from 'vitest';
import { csvBytes, toCsv } from './csv.ts';

describe('toCsv', () => {
  it('writes a UTF-8 BOM, CRLF rows, RFC 4180 quoting and empty cells for missing values', () => {
    const text = toCsv([
      { name: '样品编号', values: ['S1', 'S,2', 'S"3"'] },
      { name: 'Cd (mg/kg)', values: Float64Array.from([0.31, Number.NaN, 1.5]) },
      { name: '备注', values: ['多行\n备注', null, ''] },
    ]);
    expect(text).toBe(
      '\uFEFF样品编号,Cd (mg/kg),备注\r\nS1,0.31,"多行\n备注"\r\n"S,2",,\r\n"S""3""",1.5,\r\n',
    );
  });

  it('encodes as UTF-8 with the BOM bytes EF BB BF first', () => {
    const bytes = csvBytes([{ name: '镉', values: [1] }]);
    expect(Array.from(bytes.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    // 镉 = U+9549 → E9 95 89
    expect(Array.from(bytes.subarray(3, 6))).toEqual([0xe9, 0x95, 0x89]);
  });
});
