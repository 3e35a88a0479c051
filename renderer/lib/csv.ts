// CSV for Excel: UTF-8 with a byte-order mark (without it Excel on Chinese Windows reads the file
// as GBK and garbles 中文), CRLF line ends, RFC 4180 quoting.

export interface ExportColumn {
  name: string;
  values: ArrayLike<number | string | null>;
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

function cellText(value: number | string | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isNaN(value) ? '' : String(value);
  return value;
}

export function toCsv(columns: ExportColumn[]): string {
  const rowCount = Math.max(0, ...columns.map((c) => c.values.length));
  const lines = [columns.map((c) => quote(c.name)).join(',')];
  for (let r = 0; r < rowCount; r++) {
    lines.push(columns.map((c) => quote(cellText(c.values[r]))).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function csvBytes(columns: ExportColumn[]): Uint8Array {
  return new TextEncoder().encode(toCsv(columns));
}
