import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { importDataset } from '../analysis/import/index.ts';
import { seededUniform } from '../analysis/stats/seeded-random.ts';
import { closeProject, openProject } from '../analysis/store/index.ts';

// Import of a 1,000,000-row soil survey CSV (Chinese headers, 11 metals, 2 % censored "<DL"
// cells) against DuckDB's own `read_csv` of the same file into a table, in the same process.
// Target (issue 2 §6): ratio ≤ 1.5, peak RSS < 1 GB. The file goes to the OS temp folder.

const ROWS = Number(process.env.SOILTRACE_BENCH_ROWS ?? 1_000_000);
const METALS = ['镉Cd', '汞Hg', '砷As', '铅Pb', '铬Cr', '铜Cu', '镍Ni', '锌Zn', '锰Mn', '钴Co', '钒V'];
const SCALE = [0.3, 0.1, 10, 35, 60, 30, 30, 90, 400, 12, 80];
const LAND = ['水田', '旱地', '果园', '菜地', '林地'];

async function writeSurvey(path: string): Promise<void> {
  const uniform = seededUniform(20261129);
  const out = createWriteStream(path);
  out.write(
    `样品编号,经度,纬度,采样深度上限(cm),采样深度下限(cm),土地利用类型,pH,有机质(g/kg),${METALS.map((m) => `${m}(mg/kg)`).join(',')},采样日期\n`,
  );
  let lines: string[] = [];
  for (let i = 0; i < ROWS; i++) {
    const metals = SCALE.map((s, k) =>
      uniform() < 0.02 && k < 3
        ? `<${(s / 20).toPrecision(2)}`
        : (s * (0.3 + 1.4 * uniform())).toPrecision(3),
    );
    lines.push(
      `S${String(i).padStart(7, '0')},${(119.5 + uniform()).toFixed(6)},${(29 + uniform()).toFixed(6)},0,20,${LAND[i % 5]},${(4.5 + 3.5 * uniform()).toFixed(2)},${(10 + 30 * uniform()).toFixed(1)},${metals.join(',')},2023-10-${String(1 + (i % 28)).padStart(2, '0')}`,
    );
    if (lines.length === 20000) {
      if (!out.write(`${lines.join('\n')}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
      lines = [];
    }
  }
  if (lines.length) out.write(`${lines.join('\n')}\n`);
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

const cpuSeconds = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1e6;
const peakRssMb = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'soiltrace-bench-import-'));
  try {
    const csv = join(dir, 'soil-1m.csv');
    await writeSurvey(csv);
    console.log(
      `file: ${ROWS.toLocaleString('en')} rows, ${(statSync(csv).size / 1e6).toFixed(1)} MB, 20 columns`,
    );

    const baselineDb = join(dir, 'baseline.duckdb');
    const instance = await DuckDBInstance.create(baselineDb);
    const connection = await instance.connect();
    let t = performance.now();
    let cpu = process.cpuUsage();
    await connection.run(`CREATE TABLE soil AS SELECT * FROM read_csv('${csv}')`);
    const baseline = performance.now() - t;
    const baselineCpu = cpuSeconds(process.cpuUsage(cpu));
    connection.closeSync();
    instance.closeSync();
    console.log(
      `DuckDB read_csv → table:   ${(baseline / 1000).toFixed(2)} s wall, ${baselineCpu.toFixed(2)} s CPU   (peak RSS so far ${peakRssMb()} MB)`,
    );

    const project = await openProject(join(dir, 'project.duckdb'));
    t = performance.now();
    cpu = process.cpuUsage();
    const result = await importDataset(project, { file: csv, kind: 'soil' });
    const ours = performance.now() - t;
    const oursCpu = cpuSeconds(process.cpuUsage(cpu));
    closeProject(project);
    console.log(
      `SoilTrace importDataset:   ${(ours / 1000).toFixed(2)} s wall, ${oursCpu.toFixed(2)} s CPU   (${result.rows.toLocaleString('en')} rows, raw + canonical + validation + catalog)`,
    );
    console.log(`ratio import / read_csv:   ${(ours / baseline).toFixed(2)} wall   (target ≤ 1.5)`);
    console.log(
      `                           ${(oursCpu / baselineCpu).toFixed(2)} CPU (all threads; steadier on a busy machine)`,
    );
    console.log(`peak RSS (whole process):  ${peakRssMb()} MB   (target < 1024 MB)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
