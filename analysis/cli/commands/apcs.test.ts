import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { seededUniform } from '../../stats/seeded-random.ts';
import { main } from '../main.ts';

const dir = mkdtempSync(join(tmpdir(), 'soiltrace-apcs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['apcs', ...args], { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

interface Output {
  n: number;
  droppedRows: number;
  factors: number;
  sources: string[];
  eigenvalues: number[];
  loadings: Record<string, Record<string, number>>;
  kmo: { overall: number };
  bartlett: { chiSquare: number; df: number; p: number };
  species: { species: string; r2: number; shares: Record<string, number>; unexplained: number }[];
}

// Two sources with disjoint profiles and exactly uncorrelated activities (no noise):
// industry → Cd 0.3, Zn 80, Pb 40 per unit; parent material → Cr 60, Ni 25 per unit.
// APCS-MLR then recovers the split exactly: 100 % of Cd/Zn/Pb to one source, Cr/Ni to the other.
function writeData(): string {
  const random = seededUniform(3);
  const n = 60;
  const g1 = Array.from({ length: n }, () => 0.2 + 2 * random());
  const raw = Array.from({ length: n }, () => 0.5 + random());
  const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
  const [m1, m2] = [mean(g1), mean(raw)];
  const beta =
    g1.reduce((s, v, i) => s + (v - m1) * (raw[i] - m2), 0) / g1.reduce((s, v) => s + (v - m1) ** 2, 0);
  const g2 = raw.map((v, i) => v - beta * (g1[i] - m1));
  const lines = ['sample_id,Cd,Zn,Pb,Cr,Ni'];
  for (let i = 0; i < n; i++) {
    lines.push([`S${i + 1}`, 0.3 * g1[i], 80 * g1[i], 40 * g1[i], 60 * g2[i], 25 * g2[i]].join(','));
  }
  lines.push('S_missing,0.3,,40,60,25');
  const file = join(dir, 'two-sources.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('soiltrace apcs', () => {
  const file = writeData();

  it('--json: two sources, shares 100 % / 0 %, unexplained 0, a row with a gap left out', async () => {
    const { code, stdout } = await run(['--file', file, '--species', 'Cd,Zn,Pb,Cr,Ni', '--json']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as Output;
    expect(out.n).toBe(60);
    expect(out.droppedRows).toBe(1);
    expect(out.factors).toBe(2);
    expect(out.sources).toEqual(['F1', 'F2']);
    // Correlation matrix: two blocks of perfectly correlated species → eigenvalues 3, 2, 0, 0, 0.
    expect(out.eigenvalues[0]).toBeCloseTo(3, 9);
    expect(out.eigenvalues[1]).toBeCloseTo(2, 9);
    const industrial = out.loadings.Cd.F1 > out.loadings.Cd.F2 ? 'F1' : 'F2';
    const parent = industrial === 'F1' ? 'F2' : 'F1';
    for (const s of out.species) {
      const expected = ['Cd', 'Zn', 'Pb'].includes(s.species)
        ? { [industrial]: 1, [parent]: 0 }
        : { [industrial]: 0, [parent]: 1 };
      expect(s.shares[industrial]).toBeCloseTo(expected[industrial], 8);
      expect(s.shares[parent]).toBeCloseTo(expected[parent], 8);
      expect(s.unexplained).toBeCloseTo(0, 8);
      expect(s.r2).toBeCloseTo(1, 10);
    }
  });

  it('--factors 1 and the text table, in English and Chinese', async () => {
    vi.stubEnv('SOILTRACE_LANG', 'en');
    const en = await run(['--file', file, '--species', 'Cd,Zn,Pb,Cr,Ni', '--factors', '1']);
    vi.stubEnv('SOILTRACE_LANG', 'zh');
    const zh = await run(['--file', file, '--species', 'Cd,Zn,Pb,Cr,Ni', '--factors', '1']);
    vi.unstubAllEnvs();
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('1 sources');
    expect(en.stdout).toContain('unexpl.');
    expect(zh.stdout).toContain('1 个源');
    expect(zh.stdout).toContain('未解释');
  });

  it('bad input exits 1', async () => {
    expect((await run(['--file', file, '--species', 'Cd,Zn'])).code).toBe(1);
    expect((await run(['--file', file, '--species', 'Cd,Zn,Hg'])).code).toBe(1);
    expect((await run(['--file', file, '--species', 'Cd,Zn,Pb', '--factors', '7'])).code).toBe(1);
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'Cd,Zn,Pb\n1,2,3\n2,x,4\n3,5,6\n4,4,4\n');
    const r = await run(['--file', bad, '--species', 'Cd,Zn,Pb']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.csv/);
  });
});
