import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importDataset } from '../../analysis/import/index.ts';
import { closeProject, listDatasets, openProject } from '../../analysis/store/index.ts';
import { repoRoot } from '../support/shared-data.ts';
import { projectSnapshot } from './import-support.ts';

const dir = mkdtempSync(join(tmpdir(), 'soiltrace-import-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function writeBig(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('样品编号,经度,纬度,pH,镉Cd(mg/kg),铅Pb(mg/kg),锌Zn(mg/kg),备注\n');
  let chunk: string[] = [];
  for (let i = 0; i < rows; i++) {
    chunk.push(
      `K${i},${120 + (i % 1000) / 1e4},${30 + (i % 997) / 1e4},6.1,${i % 50 === 0 ? '<0.01' : '0.2'},31.5,88,第${i}号`,
    );
    if (chunk.length === 50_000) {
      out.write(`${chunk.join('\n')}\n`);
      chunk = [];
    }
  }
  out.write(chunk.length ? `${chunk.join('\n')}\n` : '');
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

describe('a killed import', () => {
  it('leaves the project exactly as it was (the uncommitted transaction is discarded on reopen)', async () => {
    const projectPath = join(dir, 'p.duckdb');
    const small = join(dir, 'small.csv');
    writeFileSync(small, '样品编号,经度,纬度,镉Cd(mg/kg)\nA1,120.1,30.1,0.2\nA2,120.2,30.2,<0.05\n');
    const project = await openProject(projectPath);
    await importDataset(project, { file: small, kind: 'soil' });
    const before = await projectSnapshot(project);
    closeProject(project);

    const big = join(dir, 'big.csv');
    await writeBig(big, 600_000);
    const child = spawn(
      process.execPath,
      [
        join(repoRoot, 'bin/run-ts.mjs'),
        join(repoRoot, 'tests/integration/import-kill-child.ts'),
        projectPath,
        big,
      ],
      {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    // Kill 400 ms after the import began: the raw table is being written inside the transaction.
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`child never started: ${output}`)), 60_000);
      child.stdout.on('data', () => {
        if (output.includes('importing')) {
          clearTimeout(timer);
          setTimeout(resolve, 400);
        }
      });
    });
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(output).not.toContain('done'); // the kill really came mid-import

    const reopened = await openProject(projectPath);
    try {
      expect(await projectSnapshot(reopened)).toEqual(before);
      expect((await listDatasets(reopened)).map((d) => d.id)).toEqual(['soil_1']);
      // And the project still takes imports.
      const again = await importDataset(reopened, { file: small, kind: 'soil' });
      expect(again.datasetId).toBe('soil_2');
    } finally {
      closeProject(reopened);
    }
  });
});
