import { findElement } from '../../domain/elements.ts';
import { INPUT_PATHWAY_LABELS, INPUT_PATHWAYS } from '../../domain/industries.ts';
import { SoilTraceError } from '../../errors.ts';
import type { TableFile } from '../../io/read-table-file.ts';
import type { FluxDirection, FluxRecord } from './flux-balance.ts';

// Accepted headers: the English names of the flux dataset and the Chinese ones reports use.
const HEADERS = {
  pathway: ['pathway', '途径'],
  direction: ['direction', '方向'],
  zone: ['zone', '区域'],
  metal: ['metal', '金属'],
  flux: ['flux_g_ha_a', '通量(g/ha/a)', '通量（g/ha/a）', '通量'],
} as const;

const DIRECTIONS: Record<string, FluxDirection> = {
  input: 'input',
  in: 'input',
  输入: 'input',
  投入: 'input',
  output: 'output',
  out: 'output',
  输出: 'output',
  支出: 'output',
};

function columnIndex(table: TableFile, names: readonly string[], required: boolean): number {
  const index = table.headers.findIndex((h) => names.includes(h.trim()));
  if (index < 0 && required) {
    throw new SoilTraceError(
      {
        zh: `缺少列 “${names[1] ?? names[0]}”（或 “${names[0]}”）`,
        en: `missing column "${names[0]}" (or "${names[1] ?? names[0]}")`,
      },
      { file: table.file, column: names[0] },
    );
  }
  return index;
}

const pathwayByChinese = new Map(INPUT_PATHWAYS.map((p) => [INPUT_PATHWAY_LABELS[p].zh, p]));

/**
 * Flux records from a table with columns pathway,direction,zone,metal,flux_g_ha_a (or 途径,方向,
 * 区域,金属,通量(g/ha/a)); zone is optional. Directions input/output (输入/输出); metals by symbol or
 * Chinese name (镉 → Cd); known Chinese input pathways become their codes (大气沉降 →
 * atmospheric_deposition). A flux must be a number ≥ 0 (the direction gives the sign); errors name
 * the file, row and column.
 */
export function fluxRecordsFromTable(table: TableFile): FluxRecord[] {
  const col = {
    pathway: columnIndex(table, HEADERS.pathway, true),
    direction: columnIndex(table, HEADERS.direction, true),
    zone: columnIndex(table, HEADERS.zone, false),
    metal: columnIndex(table, HEADERS.metal, true),
    flux: columnIndex(table, HEADERS.flux, true),
  };
  const records: FluxRecord[] = [];
  table.rows.forEach((row, i) => {
    const cell = (index: number) => (index < 0 ? '' : (row[index] ?? '').trim());
    if (row.every((c) => c.trim() === '')) return;
    const where = (index: number) => ({
      file: table.file,
      row: i + 2,
      column: table.headers[index],
      value: cell(index),
    });
    const directionText = cell(col.direction).toLowerCase();
    const direction = DIRECTIONS[directionText];
    if (!direction) {
      throw new SoilTraceError(
        { zh: '方向应为 input/output（输入/输出）', en: 'direction must be input or output (输入/输出)' },
        where(col.direction),
      );
    }
    const metalText = cell(col.metal);
    if (metalText === '') {
      throw new SoilTraceError({ zh: '金属不能为空', en: 'the metal is empty' }, where(col.metal));
    }
    const pathwayText = cell(col.pathway);
    if (pathwayText === '') {
      throw new SoilTraceError({ zh: '途径不能为空', en: 'the pathway is empty' }, where(col.pathway));
    }
    const fluxText = cell(col.flux);
    const flux = Number(fluxText);
    if (fluxText === '' || !Number.isFinite(flux) || flux < 0) {
      throw new SoilTraceError(
        { zh: '通量应为 ≥ 0 的数值（g/ha/a）', en: 'the flux must be a number ≥ 0 (g/ha/a)' },
        where(col.flux),
      );
    }
    records.push({
      pathway: pathwayByChinese.get(pathwayText) ?? pathwayText,
      direction,
      zone: cell(col.zone),
      metal: findElement(metalText)?.symbol ?? metalText,
      flux,
    });
  });
  if (records.length === 0) {
    throw new SoilTraceError(
      { zh: '文件中没有通量记录', en: 'the file has no flux rows' },
      { file: table.file },
    );
  }
  return records;
}
