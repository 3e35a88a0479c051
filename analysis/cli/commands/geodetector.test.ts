import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasShared, sharedPath } from '../../../tests/support/shared-data.ts';
import { main } from '../main.ts';

const dir = mkdtempSync(join(tmpdir(), 'soiltrace-geodetector-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['geodetector', ...args], {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

interface Output {
  n: number;
  factors: {
    x: string;
    q: number;
    p: number;
    strata: number;
    discretization: { method: string; classes: number } | null;
  }[];
  interactions: { a: string; b: string; q: number; kind: string }[];
  risk: { x: string; means: { level: string; mean: number }[] }[];
  ecological: { a: string; b: string; significant: boolean }[];
}

describe.skipIf(!hasShared)('soiltrace geodetector on the geodetector package example', () => {
  it('--json reproduces geodetector 1.0-5 (q, p, interactions, risk means, ecological)', async () => {
    const file = sharedPath('data/geodetector/CollectData.csv');
    const { code, stdout } = await run([
      '--file',
      file,
      '--y',
      'incidence',
      '--x',
      'watershed,elevation,soiltype',
      '--json',
    ]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as Output;
    const q = Object.fromEntries(out.factors.map((f) => [f.x, f]));
    expect(q.watershed.q).toBeCloseTo(0.6377737, 7);
    expect(q.elevation.q).toBeCloseTo(0.6067087, 7);
    expect(q.soiltype.q).toBeCloseTo(0.3857168, 7);
    expect(q.watershed.p).toBeCloseTo(0.0001169914, 10);
    expect(q.elevation.p).toBeCloseTo(0.04080407, 8);
    expect(q.soiltype.p).toBeCloseTo(0.3632363, 7);
    expect(q.watershed.discretization).toBeNull();
    expect(out.interactions.map((i) => [i.a, i.b, Number(i.q.toFixed(8)), i.kind])).toEqual([
      ['watershed', 'elevation', 0.71359678, 'enhance_bi'],
      ['watershed', 'soiltype', 0.73568055, 'enhance_bi'],
      ['elevation', 'soiltype', 0.6635237, 'enhance_bi'],
    ]);
    const soil = out.risk.find((r) => r.x === 'soiltype');
    expect(soil?.means.map((m) => Number(m.mean.toFixed(6)))).toEqual([
      6.34, 6.6875, 6.583279, 5.84381, 6.347073,
    ]);
    expect(out.ecological.map((e) => e.significant)).toEqual([false, true, true]);
  });
});

describe('soiltrace geodetector on small files', () => {
  // x (continuous, non-integer) in three clusters around 2, 11 and 21; y is 1, 5, 9 by cluster;
  // g is text alternating a/b.
  const rows = ['y,x,g'];
  for (let i = 0; i < 30; i++) {
    const cluster = Math.floor(i / 10);
    rows.push(`${[1, 5, 9][cluster]},${[2, 11, 21][cluster] + 0.1 * (i % 10) + 0.05},${i % 2 ? 'a' : 'b'}`);
  }
  const file = join(dir, 'steps.csv');
  writeFileSync(file, `${rows.join('\n')}\n`);

  it('discretises a continuous factor with the chosen method and reports it', async () => {
    const { code, stdout } = await run([
      '--file',
      file,
      '--y',
      'y',
      '--x',
      'x,g',
      '--discretize',
      'equal:3',
      '--json',
    ]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as Output;
    // Equal thirds of [2.05, 21.95] break at 8.68 and 15.32, between the clusters: q = 1.
    expect(out.factors[0].discretization).toMatchObject({ method: 'equal', classes: 3 });
    expect(out.factors[0].q).toBeCloseTo(1, 12);
    expect(out.factors[1].discretization).toBeNull();
    // g alternates a/b: each cluster has 5 a and 5 b, so both strata have mean 5 → q = 0 exactly.
    expect(out.factors[1].q).toBeCloseTo(0, 12);
  });

  it('the optimal search (default) finds a split with q = 1', async () => {
    const { code, stdout } = await run(['--file', file, '--y', 'y', '--x', 'x', '--json']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as Output;
    expect(out.factors[0].q).toBeCloseTo(1, 12);
    expect(out.factors[0].discretization?.classes).toBeGreaterThanOrEqual(3);
  });

  it('text output lists q per factor', async () => {
    const { code, stdout } = await run([
      '--file',
      file,
      '--y',
      'y',
      '--x',
      'x,g',
      '--discretize',
      'natural:3',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('natural:3');
    expect(stdout).toContain('1.000000');
  });

  it('bad input exits 1 with the file and column named', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'y,g\n1,a\nx,b\n3,a\n');
    const r = await run(['--file', bad, '--y', 'y', '--x', 'g']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.csv/);
    expect(r.stderr).toMatch(/"?y"?|“y”/);
    expect((await run(['--file', file, '--y', 'y', '--x', 'x', '--discretize', 'jenks:3'])).code).toBe(1);
    expect((await run(['--file', file, '--y', 'y', '--x', 'nope'])).code).toBe(1);
    const constant = join(dir, 'constant.csv');
    writeFileSync(constant, 'y,g\n2,a\n2,b\n2,a\n2,b\n');
    expect((await run(['--file', constant, '--y', 'y', '--x', 'g'])).code).toBe(1);
  });
});
