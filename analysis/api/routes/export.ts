import ExcelJS from 'exceljs';
import type { RouteModule } from './types.ts';

export const exportRoutes: RouteModule = {
  // Chart data as a workbook: one sheet, a bold frozen header row, numbers kept as numbers.
  'export.xlsx': async ({ sheetName, columns }) => {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'SoilTrace';
    const sheet = workbook.addWorksheet(sheetName.replace(/[\\/?*[\]:]/g, '_'), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.addRow(columns.map((c) => c.name)).font = { bold: true };
    const rows = Math.max(...columns.map((c) => c.values.length));
    for (let r = 0; r < rows; r++) sheet.addRow(columns.map((c) => c.values[r] ?? null));
    columns.forEach((c, i) => {
      sheet.getColumn(i + 1).width = Math.min(40, Math.max(10, c.name.length + 4));
    });
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  },
};
