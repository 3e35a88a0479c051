import { existsSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatError, SoilTraceError, userLocale } from '../../errors.ts';
import {
  type CrsSpec,
  ImportError,
  type ImportIssue,
  importDataset,
  parseMappingText,
  type SourceFormat,
} from '../../import/index.ts';
import { DATASET_KINDS, type DatasetKind } from '../../store/catalog.ts';
import { closeProject, openProject } from '../../store/index.ts';
import type { CliCommand, CliIo } from '../command.ts';

const USAGE = `usage: soiltrace import --project P.duckdb --kind soil|crop|emission|flux --file F [options]

Imports one file into a project (created when absent) in one transaction: on any error the
project is left exactly as it was (a project this command created is removed again).

  --sheet NAME        Excel sheet (default: the first with data)
  --format F          auto (default), csv, xlsx, parquet, pmf (EPA PMF 5 concentration file)
  --uncertainty FILE  EPA PMF 5 uncertainty file that goes with a pmf concentration file
  --map "H=F,…"       override the column mapping: header=field[@unit], e.g.
                      --map "Cd (ppb)=Cd@ug/kg,编号=sample_id,备注=ignore"
  --crs CRS           auto (default: lon/lat WGS84/CGCS2000, or Gauss-Krüger X/Y with zone prefix),
                      wgs84, cgcs2000, gcj02 (高德/腾讯 coordinates), gk3:ZONE, gk6:ZONE
  --json              one JSON object {datasetId, kind, rows, columns, warnings}`;

const CRS = /^(auto|wgs84|cgcs2000|gcj02|gk3:\d+|gk6:\d+)$/;

function issueLine(i: ImportIssue): string {
  const error = new SoilTraceError(i.text, { file: i.file, row: i.row, column: i.column, value: i.value });
  const locale = userLocale();
  const label =
    i.severity === 'error' ? (locale === 'zh' ? '错误' : 'error') : locale === 'zh' ? '警告' : 'warning';
  const count =
    i.count && i.count > 1 ? (locale === 'zh' ? `（共 ${i.count} 处）` : ` (${i.count} in all)`) : '';
  return `${label}: ${formatError(error, locale)}${count}`;
}

export const command: CliCommand = {
  summary: { zh: '导入调查或排放数据文件到项目', en: 'import a survey or emission file into a project' },
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values } = parseArgs({
      args,
      options: {
        project: { type: 'string' },
        kind: { type: 'string' },
        file: { type: 'string' },
        sheet: { type: 'string' },
        format: { type: 'string', default: 'auto' },
        uncertainty: { type: 'string' },
        map: { type: 'string' },
        crs: { type: 'string', default: 'auto' },
        json: { type: 'boolean', default: false },
      },
      strict: true,
    });
    if (!values.project) throw new SoilTraceError({ zh: '缺少 --project 参数', en: 'missing --project' });
    if (!values.file) throw new SoilTraceError({ zh: '缺少 --file 参数', en: 'missing --file' });
    const kind = values.kind as DatasetKind;
    if (!DATASET_KINDS.includes(kind)) {
      throw new SoilTraceError({
        zh: `--kind 应为 ${DATASET_KINDS.join('、')} 之一`,
        en: `--kind must be one of ${DATASET_KINDS.join(', ')}`,
      });
    }
    const format = values.format as SourceFormat;
    if (!['auto', 'csv', 'xlsx', 'parquet', 'pmf'].includes(format)) {
      throw new SoilTraceError({
        zh: '--format 应为 auto、csv、xlsx、parquet 或 pmf',
        en: '--format must be auto, csv, xlsx, parquet or pmf',
      });
    }
    if (!CRS.test(values.crs ?? 'auto')) {
      throw new SoilTraceError({
        zh: '--crs 应为 auto、wgs84、cgcs2000、gcj02、gk3:带号 或 gk6:带号',
        en: '--crs must be auto, wgs84, cgcs2000, gcj02, gk3:ZONE or gk6:ZONE',
      });
    }
    const mapping = values.map ? parseMappingText(values.map) : undefined;
    if (!existsSync(values.file)) {
      throw new SoilTraceError(
        { zh: '文件不存在或无法读取', en: 'the file does not exist or cannot be read' },
        { file: values.file },
      );
    }
    // A project this command creates is removed again when the import fails, so a failed first
    // import leaves nothing behind. (A process killed mid-import may leave an empty valid project.)
    const created = !existsSync(values.project);
    const project = await openProject(values.project);
    let ok = false;
    try {
      const result = await importDataset(project, {
        file: values.file,
        kind,
        format,
        sheet: values.sheet,
        mapping,
        crs: values.crs as CrsSpec,
        uncertaintyFile: values.uncertainty,
      });
      ok = true;
      if (values.json) {
        io.stdout(JSON.stringify(result));
      } else {
        const zh = userLocale() === 'zh';
        io.stdout(
          zh
            ? `已导入 ${result.datasetId}：${result.rows} 行`
            : `imported ${result.datasetId}: ${result.rows} rows`,
        );
        for (const c of result.columns) {
          io.stdout(
            `  ${c.source} → ${c.field ?? (zh ? '（仅保留原始列）' : '(raw table only)')}${c.factor !== 1 ? ` ×${c.factor}` : ''}`,
          );
        }
        for (const w of result.warnings) io.stdout(issueLine(w));
      }
      return 0;
    } catch (error) {
      if (error instanceof ImportError) {
        for (const i of error.issues) io.stderr(issueLine(i));
        io.stderr(
          userLocale() === 'zh' ? '导入失败，项目未作修改' : 'import failed; the project was not changed',
        );
        return 1;
      }
      throw error;
    } finally {
      closeProject(project);
      if (!ok && created) {
        rmSync(values.project, { force: true });
        rmSync(`${values.project}.wal`, { force: true });
      }
    }
  },
};
