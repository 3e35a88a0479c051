import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../analysis/cli/command.ts';
import { main } from '../../analysis/cli/main.ts';
import { closeProject, openProject, runReadOnlyQuery } from '../../analysis/store/index.ts';
import { repoRoot } from '../support/shared-data.ts';

const dir = mkdtempSync(join(tmpdir(), 'soiltrace-import-cli-'));
const previousLang = process.env.SOILTRACE_LANG;

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => {
      stdout += `${t}\n`;
    },
    stderr: (t) => {
      stderr += `${t}\n`;
    },
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

beforeAll(() => {
  process.env.SOILTRACE_LANG = 'en';
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  if (previousLang === undefined) delete process.env.SOILTRACE_LANG;
  else process.env.SOILTRACE_LANG = previousLang;
});

describe('soiltrace import / datasets / query', () => {
  const project = join(dir, 'p.duckdb');
  const gbk = join(repoRoot, 'tests/fixtures/import/soil-gbk.csv');

  it('import --json creates the project and prints {datasetId, kind, rows, columns, warnings}', async () => {
    expect(existsSync(project)).toBe(false);
    const { code, stdout } = await cli(
      'import',
      '--project',
      project,
      '--kind',
      'soil',
      '--file',
      gbk,
      '--json',
    );
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]);
    expect(Object.keys(out).sort()).toEqual(['columns', 'datasetId', 'kind', 'rows', 'warnings']);
    expect(out).toMatchObject({ datasetId: 'soil_1', kind: 'soil', rows: 3 });
    expect(out.columns.find((c: { source: string }) => c.source === '汞Hg(μg/kg)')).toMatchObject({
      field: 'Hg',
      factor: 0.001,
    });
  });

  it('bad input: exit 1, stderr names file, row and column, the project is unchanged', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, '样品编号,经度,纬度,pH,镉Cd(mg/kg)\nB1,120.1,30.1,5.5,0.3\nB2,120.2,30.2,6.0,abc\n');
    const before = readFileSync(project);
    const { code, stderr, stdout } = await cli(
      'import',
      '--project',
      project,
      '--kind',
      'soil',
      '--file',
      bad,
      '--json',
    );
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('file bad.csv, row 3, column "镉Cd(mg/kg)", value "abc"');
    expect(readFileSync(project).equals(before)).toBe(true);
  });

  it('a failed import into a project that did not exist leaves no file behind', async () => {
    const fresh = join(dir, 'fresh.duckdb');
    const bad = join(dir, 'dup.csv');
    writeFileSync(bad, 'sample_id,lon,lat,Cd\nD1,120.1,30.1,0.3\nD1,120.2,30.2,0.4\n');
    const { code, stderr } = await cli('import', '--project', fresh, '--kind', 'soil', '--file', bad);
    expect(code).toBe(1);
    expect(stderr).toMatch(/row 3, column "sample_id", value "D1": duplicate identifier \(same as row 2\)/);
    expect(existsSync(fresh)).toBe(false);
  });

  it('--map overrides the mapping (with a unit) and --crs names a Gauss-Krüger zone', async () => {
    const other = join(dir, 'mapped.duckdb');
    const file = join(dir, 'odd-headers.csv');
    // PROJ cs2cs: (120.5°E, 30.25°N) = E 548122.0631, N 3347932.8162 in CGCS2000 3° GK CM 120°E.
    writeFileSync(file, 'Code,East,North,Cadmium (ppb)\nM1,548122.0631,3347932.8162,310\n');
    const { code, stdout, stderr } = await cli(
      'import',
      '--project',
      other,
      '--kind',
      'soil',
      '--file',
      file,
      '--map',
      'Code=sample_id,East=x,North=y,Cadmium (ppb)=Cd@ug/kg',
      '--crs',
      'gk3:40',
      '--json',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).columns.map((c: { field: string }) => c.field)).toEqual([
      'sample_id',
      'x',
      'y',
      'Cd',
    ]);
    const q = await cli(
      'query',
      '--project',
      other,
      '--sql',
      'SELECT sample_id, round(lon, 6), round(lat, 6), cd_mg_kg FROM soil_samples',
      '--json',
    );
    expect(JSON.parse(q.stdout).rows).toEqual([['M1', 120.5, 30.25, 0.31]]);
  });

  it('datasets --json lists the catalog', async () => {
    const { code, stdout } = await cli('datasets', '--project', project, '--json');
    expect(code).toBe(0);
    const { datasets } = JSON.parse(stdout);
    expect(datasets).toHaveLength(1);
    expect(datasets[0]).toMatchObject({
      id: 'soil_1',
      kind: 'soil',
      sourceFile: 'soil-gbk.csv',
      rowCount: 3,
      encoding: 'gb18030',
    });
    const readable = await cli('datasets', '--project', project);
    expect(readable.stdout).toMatch(/soil_1\s+soil\s+soil-gbk\.csv\s+3/);
  });

  it('query runs read-only SQL and refuses writes', async () => {
    const { code, stdout } = await cli(
      'query',
      '--project',
      project,
      '--sql',
      'SELECT sample_id, hg_mg_kg FROM soil_samples ORDER BY 1',
      '--json',
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      columns: [
        { name: 'sample_id', type: 'VARCHAR' },
        { name: 'hg_mg_kg', type: 'DOUBLE' },
      ],
      rows: [
        ['GB-01', 0.12],
        ['GB-02', 0.085],
        ['GB-03', null],
      ],
    });
    for (const sql of [
      'DELETE FROM datasets',
      'DROP TABLE datasets',
      "COPY datasets TO '/tmp/x.csv'",
      'SELECT 1; DELETE FROM datasets',
      "SELECT * FROM read_csv('/etc/hostname')",
    ]) {
      const refused = await cli('query', '--project', project, '--sql', sql);
      expect(refused.code).toBe(1);
    }
    const count = await cli(
      'query',
      '--project',
      project,
      '--sql',
      'SELECT count(*) AS n FROM datasets',
      '--json',
    );
    expect(JSON.parse(count.stdout).rows).toEqual([[1]]);
  });

  it('runReadOnlyQuery gives the same result as Arrow IPC', async () => {
    const p = await openProject(project, { readOnly: true });
    try {
      const result = await runReadOnlyQuery(
        p,
        'SELECT sample_id, cd_below_dl, cd_dl_mg_kg, source_row FROM soil_samples ORDER BY 1',
      );
      const table = tableFromIPC(result.arrow());
      expect(table.numRows).toBe(3);
      expect(table.getChild('sample_id')?.toArray()).toEqual(['GB-01', 'GB-02', 'GB-03']);
      expect(Array.from(table.getChild('cd_dl_mg_kg') ?? [])).toEqual([null, null, 0.01]);
      expect(Array.from(table.getChild('cd_below_dl') ?? [])).toEqual([false, true, true]);
      // A read-only project refuses writes in DuckDB itself too.
      await expect(p.connection.run('DELETE FROM datasets')).rejects.toThrow(/read-only/i);
    } finally {
      closeProject(p);
    }
  });
});
