import { createHash } from 'node:crypto';
import {
  closeSync,
  createReadStream,
  createWriteStream,
  mkdtempSync,
  openSync,
  readSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { SoilTraceError } from '../errors.ts';
import { guessDelimiter, parseDelimited } from '../io/parse-delimited.ts';
import { readXlsx } from './read-xlsx.ts';
import type { DatasetKind, SourceFormat } from './types.ts';

// Turns a source file into something DuckDB reads: a UTF-8 CSV (the file itself, a transcoded
// copy of a GBK file, or a flattened Excel sheet) or a Parquet file. Source files are only read;
// temporary copies live in the OS temp folder and are removed by `dispose`.

export interface Source {
  path: string;
  file: string;
  format: Exclude<SourceFormat, 'auto' | 'pmf'>;
  encoding: string | null;
  sheet: string | null;
  sheets: string[];
  /** Headers as the user wrote them. */
  headers: string[];
  /** Unique, non-empty column names for DuckDB (same order as headers). */
  columnNames: string[];
  /** SQL for the source row number (header = row 1) of each raw-table row. */
  rowSql: string;
  /**
   * Where record numbers and line numbers part (DuckDB skips blank lines; a quoted field may span
   * lines): [first record index, lines to add from there on], ascending. Empty when they agree.
   */
  lineShifts?: [number, number][];
  /** The table function that reads every data row; `types` forces columns to VARCHAR. */
  relation(varcharColumns: ReadonlySet<string>): string;
  dispose(): void;
}

export const SOURCE_ROW_COLUMN = '__source_row';

export function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

export function sqlIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function uniqueNames(headers: string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((h, i) => {
    let name = h.trim() === '' ? `column_${i + 1}` : h.trim();
    const lower = name.toLowerCase();
    const count = seen.get(lower) ?? 0;
    seen.set(lower, count + 1);
    if (count > 0) name = `${name}_${count + 1}`;
    return name;
  });
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Line shifts of a CSV file: blank lines between records and records spanning several lines move
 * a record's line number away from its position. Files without quotes or blank lines (nearly all
 * large ones) are only searched, natively; others are walked line by line.
 */
export function csvLineShifts(path: string): [number, number][] {
  const fd = openSync(path, 'r');
  try {
    const size = 1 << 20;
    const buffer = Buffer.alloc(size + 2);
    let position = 0;
    let carry = 0;
    let simple = true;
    for (;;) {
      const n = readSync(fd, buffer, carry, size, position);
      if (n === 0) break;
      const chunk = buffer.subarray(0, carry + n);
      if (chunk.includes(34) || chunk.includes('\n\n') || chunk.includes('\n\r\n')) {
        simple = false;
        break;
      }
      position += n;
      // Keep the last two bytes: a blank line may straddle two chunks.
      carry = Math.min(2, chunk.length);
      chunk.copy(buffer, 0, chunk.length - carry);
    }
    if (simple) return [];
    // Walk lines: a record ends at a newline outside quotes ("" inside a quoted field toggles twice).
    const shifts: [number, number][] = [];
    let record = -1; // the header is record -1; data records count from 0
    let line = 1;
    let recordLine = 1;
    let inQuotes = false;
    let blank = true;
    let shift = 0;
    position = 0;
    for (;;) {
      const n = readSync(fd, buffer, 0, size, position);
      if (n === 0) break;
      position += n;
      for (let i = 0; i < n; i++) {
        const b = buffer[i];
        if (b === 34) {
          inQuotes = !inQuotes;
          blank = false;
        } else if (b === 10) {
          line++;
          if (inQuotes) continue;
          if (!blank) {
            // The record that started on recordLine ends here.
            const expected = record + 2 + shift;
            if (recordLine !== expected) {
              shift = recordLine - (record + 2);
              shifts.push([record, shift]);
            }
            record++;
          }
          recordLine = line;
          blank = true;
        } else if (b !== 13) {
          blank = false;
        }
      }
    }
    if (!blank && !inQuotes && recordLine !== record + 2 + shift) {
      shift = recordLine - (record + 2);
      shifts.push([record, shift]);
    }
    // The header is not a data record; shifts found at record -1 apply from record 0.
    return shifts.map(([r, s]) => [Math.max(r, 0), s]);
  } finally {
    closeSync(fd);
  }
}

function readHead(path: string, bytes: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const n = readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** UTF-8 unless the head holds a byte sequence UTF-8 forbids; a cut character at the end is fine. */
export function headLooksUtf8(head: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Streams a GBK/GB18030 file into a UTF-8 copy. */
export async function transcodeToUtf8(path: string, target: string): Promise<void> {
  const decoder = new TextDecoder('gb18030');
  const out = createWriteStream(target);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const text = decoder.decode(chunk as Buffer, { stream: true });
    if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  out.write(decoder.decode());
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
}

export function formatOf(
  path: string,
  requested: SourceFormat = 'auto',
): Exclude<SourceFormat, 'auto' | 'pmf'> {
  const ext = extname(path).toLowerCase();
  if (requested !== 'auto' && requested !== 'pmf') return requested;
  // Content wins over a misleading extension: ZIP (xlsx), PAR1 (Parquet), OLE2 (old .xls).
  let magic: Buffer = Buffer.alloc(0);
  try {
    magic = readHead(path, 8);
  } catch {
    // unreadable: reported by openSource
  }
  if (magic.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
  if (magic.subarray(0, 4).toString('latin1') === 'PAR1') return 'parquet';
  if (magic.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw new SoilTraceError(
      {
        zh: '不支持旧版 .xls 文件，请在 Excel/WPS 中另存为 .xlsx 或 CSV',
        en: 'old .xls files are not supported; save as .xlsx or CSV in Excel/WPS',
      },
      { file: basename(path) },
    );
  }
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
  if (ext === '.parquet' || ext === '.pq') return 'parquet';
  if (ext === '.xls') {
    throw new SoilTraceError(
      {
        zh: '不支持旧版 .xls 文件，请在 Excel/WPS 中另存为 .xlsx 或 CSV',
        en: 'old .xls files are not supported; save as .xlsx or CSV in Excel/WPS',
      },
      { file: basename(path) },
    );
  }
  return 'csv';
}

export interface OpenSourceOptions {
  format?: SourceFormat;
  sheet?: string;
  kind: DatasetKind;
  /** Force a GB18030 transcode (used after DuckDB found invalid UTF-8 past the head). */
  forceGb18030?: boolean;
}

export async function openSource(path: string, options: OpenSourceOptions): Promise<Source> {
  const file = basename(path);
  try {
    if (!statSync(path).isFile()) throw new Error('not a file');
  } catch {
    throw new SoilTraceError(
      { zh: '文件不存在或无法读取', en: 'the file does not exist or cannot be read' },
      { file },
    );
  }
  const format = formatOf(path, options.format);
  const temp: string[] = [];
  const dispose = () => {
    for (const dir of temp) rmSync(dir, { recursive: true, force: true });
  };
  const tempFile = (name: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'soiltrace-import-'));
    temp.push(dir);
    return join(dir, name);
  };
  try {
    if (format === 'parquet') return parquetSource(path, file, dispose);
    if (format === 'xlsx') {
      const table = await readXlsx(path, file, options.kind, options.sheet);
      const csvPath = tempFile('sheet.csv');
      const columnNames = uniqueNames(table.headers);
      const lines = [[SOURCE_ROW_COLUMN, ...columnNames].map(csvField).join(',')];
      for (const r of table.rows) lines.push([String(r.row), ...r.cells].map(csvField).join(','));
      const out = createWriteStream(csvPath);
      for (let i = 0; i < lines.length; i += 10000) out.write(`${lines.slice(i, i + 10000).join('\n')}\n`);
      await new Promise<void>((resolve, reject) =>
        out.end((e?: Error | null) => (e ? reject(e) : resolve())),
      );
      return {
        path,
        file,
        format,
        encoding: null,
        sheet: table.sheet,
        sheets: table.sheets,
        headers: table.headers,
        columnNames,
        rowSql: sqlIdentifier(SOURCE_ROW_COLUMN),
        relation: () =>
          `read_csv(${sqlString(csvPath)}, header=true, delim=',', quote='"', escape='"', all_varchar=true, null_padding=true)`,
        dispose,
      };
    }
    const head = readHead(path, 1 << 16);
    if (head.length === 0) {
      throw new SoilTraceError(
        { zh: '文件为空，缺少表头', en: 'the file is empty: no header row' },
        { file },
      );
    }
    const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
    const gbk = options.forceGb18030 || (!bom && !headLooksUtf8(head));
    let csvPath = path;
    let headText: string;
    if (gbk) {
      csvPath = tempFile('utf8.csv');
      await transcodeToUtf8(path, csvPath);
      headText = new TextDecoder('gb18030').decode(head);
    } else {
      headText = new TextDecoder('utf-8').decode(bom ? head.subarray(3) : head);
    }
    // The header is the first record; a quoted header may span lines, so parse a few lines.
    const firstLines = headText.split(/\r?\n/).slice(0, 5).join('\n');
    const delimiter = guessDelimiter(headText.split(/\r?\n/)[0] ?? '');
    const headers = parseDelimited(firstLines, delimiter).headers;
    if (headers.length === 0 || headers.every((h) => h === '')) {
      throw new SoilTraceError(
        { zh: '文件为空，缺少表头', en: 'the file is empty: no header row' },
        { file },
      );
    }
    const columnNames = uniqueNames(headers);
    const names = `[${columnNames.map(sqlString).join(', ')}]`;
    return {
      path,
      file,
      format: 'csv',
      encoding: gbk ? 'gb18030' : bom ? 'utf-8-bom' : 'utf-8',
      sheet: null,
      sheets: [],
      headers,
      columnNames,
      rowSql: 'rowid + 2',
      lineShifts: csvLineShifts(csvPath),
      relation: (varcharColumns) => {
        const types = [...varcharColumns].map((c) => `${sqlString(c)}: 'VARCHAR'`).join(', ');
        return `read_csv(${sqlString(csvPath)}, header=true, delim=${sqlString(delimiter)}, quote='"', escape='"', names=${names}${types ? `, types={${types}}` : ''}, null_padding=true)`;
      },
      dispose,
    };
  } catch (error) {
    dispose();
    throw error;
  }
}

function parquetSource(path: string, file: string, dispose: () => void): Source {
  return {
    path,
    file,
    format: 'parquet',
    encoding: null,
    sheet: null,
    sheets: [],
    // Filled by the caller from DESCRIBE (parquet keeps its own column names).
    headers: [],
    columnNames: [],
    rowSql: 'rowid + 1',
    relation: () => `read_parquet(${sqlString(path)})`,
    dispose,
  };
}

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
