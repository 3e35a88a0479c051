import { parseArgs } from 'node:util';
import { userLocale } from '../../errors.ts';
import { closeProject, listDatasets, openProject } from '../../store/index.ts';
import type { CliCommand, CliIo } from '../command.ts';
import { formatTable, requireProjectFile } from './query.ts';

const USAGE = `usage: soiltrace datasets --project P.duckdb [--json]

Lists the datasets of a project (the catalog): id, kind, source file, rows, import time,
coordinate system, warnings.

  --json   one JSON object {datasets: [{id, kind, sourceFile, sourceSha256, importedAt, rowCount,
           columnMapping, units, crs, warnings, rawTable, …}]}`;

export const command: CliCommand = {
  summary: { zh: '列出项目中的数据集', en: 'list the datasets of a project' },
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values } = parseArgs({
      args,
      options: { project: { type: 'string' }, json: { type: 'boolean', default: false } },
      strict: true,
    });
    const path = requireProjectFile(values.project);
    const project = await openProject(path, { readOnly: true });
    try {
      const datasets = await listDatasets(project);
      if (values.json) {
        io.stdout(JSON.stringify({ datasets }));
        return 0;
      }
      const zh = userLocale() === 'zh';
      const headers = zh
        ? ['编号', '类型', '源文件', '行数', '导入时间', '坐标系', '警告']
        : ['id', 'kind', 'source file', 'rows', 'imported', 'CRS', 'warnings'];
      io.stdout(
        formatTable(
          headers,
          datasets.map((d) => [
            d.id,
            d.kind,
            d.sourceFile,
            d.rowCount,
            d.importedAt,
            d.crs,
            d.warnings.length,
          ]),
        ),
      );
      return 0;
    } finally {
      closeProject(project);
    }
  },
};
