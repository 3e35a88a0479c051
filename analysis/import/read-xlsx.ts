import ExcelJS from 'exceljs';
import { SoilTraceError } from '../errors.ts';
import { detectField, splitHeader } from './mapping.ts';
import type { DatasetKind } from './types.ts';

// Excel survey sheets: a title row merged across the table is common, and so is a two-row header
// whose first row groups columns under a merged cell ("重金属含量(mg/kg)" over 镉, 汞, 砷 …).

export interface XlsxTable {
  sheet: string;
  sheets: string[];
  headers: string[];
  /** Each data row with its Excel row number. */
  rows: { row: number; cells: string[] }[];
}

export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
  }
  if ('richText' in value)
    return value.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result !== undefined && typeof result === 'object' && result !== null && 'error' in result)
      return result.error;
    return cellText((result ?? null) as ExcelJS.CellValue);
  }
  if ('text' in value) return String(value.text).trim();
  if ('error' in value) return value.error;
  return String(value);
}

export async function readXlsx(
  path: string,
  file: string,
  kind: DatasetKind,
  sheetName?: string,
): Promise<XlsxTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    throw new SoilTraceError(
      {
        zh: `无法读取 Excel 文件：${(error as Error).message}`,
        en: `cannot read the Excel file: ${(error as Error).message}`,
      },
      { file },
    );
  }
  const sheets = workbook.worksheets.map((w) => w.name);
  const worksheet = sheetName
    ? workbook.getWorksheet(sheetName)
    : workbook.worksheets.find((w) => w.actualRowCount > 0);
  if (!worksheet) {
    throw new SoilTraceError(
      sheetName
        ? {
            zh: `找不到工作表 “${sheetName}”（有：${sheets.join('，')}）`,
            en: `no sheet "${sheetName}" (sheets: ${sheets.join(', ')})`,
          }
        : { zh: '工作簿中没有数据', en: 'the workbook holds no data' },
      { file },
    );
  }
  const width = worksheet.columnCount;
  const texts = (rowNumber: number): string[] => {
    const row = worksheet.getRow(rowNumber);
    return Array.from({ length: width }, (_, c) => cellText(row.getCell(c + 1).value));
  };
  // The header row: the first with at least two distinct non-empty cells (skips merged titles).
  let headerRow = 0;
  for (let r = 1; r <= Math.min(worksheet.rowCount, 30); r++) {
    const distinct = new Set(texts(r).filter((t) => t !== ''));
    if (distinct.size >= 2) {
      headerRow = r;
      break;
    }
  }
  if (headerRow === 0) {
    throw new SoilTraceError(
      { zh: '工作表中找不到表头行', en: 'no header row found in the sheet' },
      { file },
    );
  }
  const first = texts(headerRow);
  let headers = first;
  let lastHeaderRow = headerRow;
  if (hasGroupedHeader(worksheet, headerRow, width)) {
    const second = texts(headerRow + 1);
    headers = first.map((top, c) => joinHeaders(top, second[c], kind));
    lastHeaderRow = headerRow + 1;
  }
  const rows: { row: number; cells: string[] }[] = [];
  for (let r = lastHeaderRow + 1; r <= worksheet.rowCount; r++) {
    const cells = texts(r);
    if (cells.some((t) => t !== '')) rows.push({ row: r, cells });
  }
  // Drop trailing columns that have neither a header nor data.
  let used = headers.length;
  while (used > 0 && headers[used - 1] === '' && rows.every((r) => r.cells[used - 1] === '')) used--;
  return {
    sheet: worksheet.name,
    sheets,
    headers: headers.slice(0, used),
    rows: rows.map((r) => ({ row: r.row, cells: r.cells.slice(0, used) })),
  };
}

/** A merge across columns inside the header row, or down from it into the next row. */
function hasGroupedHeader(worksheet: ExcelJS.Worksheet, headerRow: number, width: number): boolean {
  const top = worksheet.getRow(headerRow);
  const next = worksheet.getRow(headerRow + 1);
  for (let c = 1; c <= width; c++) {
    const a = top.getCell(c);
    if (a.isMerged && a.master.address !== a.address && Number(a.master.row) === headerRow) return true;
    const b = next.getCell(c);
    if (b.isMerged && Number(b.master.row) === headerRow) return true;
  }
  return false;
}

/** "重金属含量(mg/kg)" over "镉" → "镉(mg/kg)"; "采样深度(cm)" over "上限" → "采样深度上限(cm)". */
function joinHeaders(top: string, bottom: string, kind: DatasetKind): string {
  if (bottom === '' || bottom === top) return top;
  if (top === '') return bottom;
  const t = splitHeader(top);
  const b = splitHeader(bottom);
  const unit = b.unit ?? t.unit;
  const withUnit = (name: string) => (unit ? `${name}(${unit})` : name);
  if (detectField(withUnit(b.name), kind)) return withUnit(b.name);
  return withUnit(`${t.name}${b.name}`);
}
