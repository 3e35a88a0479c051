import { basename } from 'node:path';
import { SoilTraceError } from '../../errors.ts';
import { readTableFile, type TableFile } from '../../io/read-table-file.ts';

/** A concentration (or uncertainty) table as EPA PMF 5 reads it: first column sample id or date. */
export interface PmfTable {
  file: string;
  sampleIds: string[];
  species: string[];
  /** samples × species, row-major; NaN where the cell was empty. */
  values: Float64Array;
}

function toPmfTable(table: TableFile): PmfTable {
  const species = table.headers.slice(1).map((h) => h.trim());
  if (species.length === 0) {
    throw new SoilTraceError(
      { zh: '表中除样品编号列外没有物种列', en: 'no species columns after the sample id column' },
      { file: table.file },
    );
  }
  const rows = table.rows.filter((row) => row.some((cell) => cell.trim() !== ''));
  const m = species.length;
  const values = new Float64Array(rows.length * m);
  const sampleIds: string[] = [];
  rows.forEach((row, i) => {
    sampleIds.push((row[0] ?? '').trim());
    for (let j = 0; j < m; j++) {
      const cell = (row[j + 1] ?? '').trim();
      if (cell === '') {
        values[i * m + j] = Number.NaN;
        continue;
      }
      const value = Number(cell);
      if (!Number.isFinite(value)) {
        throw new SoilTraceError(
          { zh: '应为数值，却是文本', en: 'expected a number, found text' },
          { file: table.file, row: table.rows.indexOf(row) + 2, column: species[j], value: cell },
        );
      }
      values[i * m + j] = value;
    }
  });
  return { file: table.file, sampleIds, species, values };
}

export function readPmfTable(path: string): PmfTable {
  return toPmfTable(readTableFile(path));
}

/** Reads an EPA PMF 5 concentration file and its uncertainty file; they must have the same shape. */
export function readPmfFiles(concPath: string, uncPath: string): { conc: PmfTable; unc: PmfTable } {
  const conc = readPmfTable(concPath);
  const unc = readPmfTable(uncPath);
  const uncFile = basename(uncPath);
  if (unc.species.length !== conc.species.length || unc.sampleIds.length !== conc.sampleIds.length) {
    throw new SoilTraceError(
      {
        zh: `不确定度文件的形状（${unc.sampleIds.length} 个样品 × ${unc.species.length} 个物种）与浓度文件（${conc.sampleIds.length} × ${conc.species.length}）不一致`,
        en: `the uncertainty file's shape (${unc.sampleIds.length} samples × ${unc.species.length} species) differs from the concentration file's (${conc.sampleIds.length} × ${conc.species.length})`,
      },
      { file: uncFile },
    );
  }
  conc.species.forEach((name, j) => {
    if (unc.species[j] !== name) {
      throw new SoilTraceError(
        {
          zh: `列名应为 “${name}”（与浓度文件相同）`,
          en: `expected column "${name}" (as in the concentration file)`,
        },
        { file: uncFile, row: 1, column: unc.species[j] },
      );
    }
  });
  return { conc, unc };
}
