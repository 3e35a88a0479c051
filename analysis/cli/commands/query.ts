import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { SoilTraceError } from '../../errors.ts';
import { type CellValue, queryProjectFileReadOnly } from '../../store/index.ts';
import type { CliCommand, CliIo } from '../command.ts';

const USAGE = `usage: soiltrace query --project P.duckdb --sql "SELECT …" [--json]

Runs one read-only SQL statement (SELECT, EXPLAIN) on a project, opened with DuckDB's
access_mode READ_ONLY. Tables: datasets (the catalog), soil_samples, crop_samples, enterprises,
input_fluxes, uncertainties, raw_<dataset id> (every original column), schema_version.

  --json   one JSON object {columns: [{name, type}], rows: [[…], …]}`;

/** Display width: CJK and full-width characters take two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1;
  return w;
}

function pad(text: string, to: number): string {
  return text + ' '.repeat(Math.max(0, to - width(text)));
}

/** A plain-text table for terminals. */
export function formatTable(headers: string[], rows: CellValue[][]): string {
  const cells = rows.map((row) => row.map((v) => (v === null ? '' : String(v))));
  const widths = headers.map((h, i) =>
    Math.min(40, Math.max(width(h), ...cells.map((r) => width(r[i] ?? '')))),
  );
  const clip = (text: string, w: number) => {
    if (width(text) <= w) return text;
    let out = '';
    for (const ch of text) {
      if (width(`${out}${ch}…`) > w) break;
      out += ch;
    }
    return `${out}…`;
  };
  const line = (values: string[]) =>
    values
      .map((v, i) => pad(clip(v, widths[i]), widths[i]))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

export function requireProjectFile(path: string | undefined): string {
  if (!path) throw new SoilTraceError({ zh: '缺少 --project 参数', en: 'missing --project' });
  if (!existsSync(path)) {
    throw new SoilTraceError(
      { zh: '项目文件不存在', en: 'the project file does not exist' },
      { file: basename(path) },
    );
  }
  return path;
}

export const command: CliCommand = {
  summary: { zh: '对项目执行只读 SQL 查询', en: 'run a read-only SQL query on a project' },
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values } = parseArgs({
      args,
      options: {
        project: { type: 'string' },
        sql: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
      strict: true,
    });
    const path = requireProjectFile(values.project);
    if (!values.sql) throw new SoilTraceError({ zh: '缺少 --sql 参数', en: 'missing --sql' });
    const result = await queryProjectFileReadOnly(path, values.sql);
    if (values.json) {
      io.stdout(JSON.stringify({ columns: result.columns, rows: result.rows }));
    } else {
      io.stdout(
        formatTable(
          result.columns.map((c) => c.name),
          result.rows,
        ),
      );
      io.stdout(`(${result.rows.length})`);
    }
    return 0;
  },
};
