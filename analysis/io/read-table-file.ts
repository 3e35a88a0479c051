import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { SoilTraceError } from '../errors.ts';
import { decodeText, type TextEncoding } from './decode-text.ts';
import { type DelimitedTable, parseDelimited } from './parse-delimited.ts';

export interface TableFile extends DelimitedTable {
  file: string;
  encoding: TextEncoding;
}

/** Reads a small CSV/TSV file (UTF-8, UTF-8 BOM or GBK) whole; the file is only read. */
export function readTableFile(path: string): TableFile {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new SoilTraceError({ zh: '无法读取文件', en: 'cannot read the file' }, { file: path });
  }
  const { text, encoding } = decodeText(bytes);
  const table = parseDelimited(text);
  if (table.headers.length === 0) {
    throw new SoilTraceError(
      { zh: '文件为空，缺少表头', en: 'the file is empty: no header row' },
      { file: basename(path) },
    );
  }
  return { ...table, file: basename(path), encoding };
}

/** The spreadsheet row (1-based, header = 1) of data row `index`, as error messages name it. */
export function rowNumberOf(table: DelimitedTable, index: number): number {
  return table.lineNumbers?.[index] ?? index + 2;
}

/**
 * A numeric column of a table; throws naming file, row and column for text in a number column.
 * Empty cells become NaN (missing stays missing).
 */
export function numericColumn(table: TableFile, column: string): Float64Array {
  const index = table.headers.indexOf(column);
  if (index < 0) {
    throw new SoilTraceError(
      { zh: `缺少列 “${column}”`, en: `missing column "${column}"` },
      { file: table.file, column },
    );
  }
  const out = new Float64Array(table.rows.length);
  table.rows.forEach((row, i) => {
    const cell = (row[index] ?? '').trim();
    if (cell === '') {
      out[i] = Number.NaN;
      return;
    }
    const value = Number(cell);
    if (!Number.isFinite(value)) {
      throw new SoilTraceError(
        { zh: '应为数值，却是文本', en: 'expected a number, found text' },
        { file: table.file, row: rowNumberOf(table, i), column, value: cell },
      );
    }
    out[i] = value;
  });
  return out;
}

export function textColumn(table: TableFile, column: string): string[] {
  const index = table.headers.indexOf(column);
  if (index < 0) {
    throw new SoilTraceError(
      { zh: `缺少列 “${column}”`, en: `missing column "${column}"` },
      { file: table.file, column },
    );
  }
  return table.rows.map((row) => (row[index] ?? '').trim());
}
