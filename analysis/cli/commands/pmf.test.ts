import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasShared, sharedPath, sharedSkipReason } from '../../../tests/support/shared-data.ts';
import { main } from '../main.ts';

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['pmf', ...args], { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

interface PmfJson {
  species: string[];
  sampleIds: string[];
  factors: number;
  runs: { seed: number; qTrue: number; qRobust: number; converged: boolean; iterations: number }[];
  best: number;
  qTrue: number;
  qRobust: number;
  qExpected: number;
  profiles: number[][];
  contributions: number[][];
  signalToNoise: { species: string; signalToNoise: number; category: string }[];
  speciesQ: { species: string; q: number; qOverExpected: number }[];
  softwareVersion: string;
  elapsedMs: number;
}

// A small exact three-source mixture (sample i: contributions g_i, profiles below).
const species = ['Cd', 'Pb', 'Zn', 'Cr', 'Ni', 'Cu'];
const sources = [
  [0.5, 20, 80, 1, 1, 5],
  [0.05, 5, 30, 60, 40, 10],
  [0.2, 2, 10, 5, 3, 40],
];
function mixture(i: number): number[] {
  const g = [1 + Math.sin(i), 1 + Math.cos(1.3 * i), 1 + Math.sin(0.7 * i + 1)].map((v) => v + 0.1);
  return species.map((_, j) => sources.reduce((s, f, h) => s + g[h] * f[j], 0));
}

/** The mixture with 10 % uncertainties, written as EPA PMF 5 files (optionally spoiled). */
function fixture(dir: string, mutate?: (conc: string[][], unc: string[][]) => void) {
  const conc: string[][] = [['Sample', ...species]];
  const unc: string[][] = [['Sample', ...species]];
  for (let i = 0; i < 30; i++) {
    const x = mixture(i);
    conc.push([`S${i + 1}`, ...x.map((v) => v.toPrecision(8))]);
    unc.push([`S${i + 1}`, ...x.map((v) => (0.1 * v).toPrecision(8))]);
  }
  mutate?.(conc, unc);
  const c = join(dir, 'conc.csv');
  const u = join(dir, 'unc.csv');
  writeFileSync(c, conc.map((r) => r.join(',')).join('\n'));
  writeFileSync(u, unc.map((r) => r.join(',')).join('\n'));
  return { c, u };
}

describe('soiltrace pmf', () => {
  const dir = mkdtempSync(join(tmpdir(), 'soiltrace-pmf-'));

  it('prints one JSON object whose contributions × profiles rebuild the concentrations', async () => {
    const { c, u } = fixture(dir);
    const r = await cli(['--conc', c, '--unc', u, '--factors', '3', '--runs', '4', '--seed', '7', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as PmfJson;
    expect(out.species).toEqual(['Cd', 'Pb', 'Zn', 'Cr', 'Ni', 'Cu']);
    expect(out.sampleIds[0]).toBe('S1');
    expect(out.runs.map((run) => run.seed)).toEqual([7, 8, 9, 10]);
    expect(out.qTrue).toBe(out.runs[out.best].qTrue);
    expect(out.qRobust).toBe(Math.min(...out.runs.map((run) => run.qRobust)));
    expect(out.qExpected).toBe(30 * 6 - 3 * 36);
    // An exact 3-source mixture is fitted exactly: Q ≈ 0 and GF reproduces X.
    expect(out.qTrue).toBeLessThan(0.5);
    expect(out.profiles).toHaveLength(3);
    expect(out.contributions).toHaveLength(30);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const first = mixture(0);
    out.species.forEach((_, j) => {
      const fit = out.contributions[0].reduce((s, g, h) => s + g * out.profiles[h][j], 0);
      expect(fit).toBeCloseTo(first[j], 1);
    });
    expect(out.signalToNoise).toHaveLength(6);
    expect(out.signalToNoise[0].signalToNoise).toBeCloseTo(9, 10); // x/u = 10 → (x − u)/u = 9 everywhere
    expect(out.softwareVersion).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('adds bootstrap, DISP and Fpeak objects only when asked', async () => {
    const { c, u } = fixture(dir);
    const base = ['--conc', c, '--unc', u, '--factors', '3', '--runs', '4', '--workers', '0', '--json'];
    const plain = JSON.parse((await cli(base)).stdout) as Record<string, unknown>;
    expect(plain.bootstrap).toBeUndefined();
    expect(plain.disp).toBeUndefined();
    expect(plain.fpeak).toBeUndefined();
    const r = await cli([...base, '--bootstrap', '6', '--block-size', '2', '--disp', '--fpeak=0,0.3']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as PmfJson & {
      bootstrap: { runs: number; blockSize: number; mappedPercent: number[]; q: unknown[] };
      disp: {
        levels: number[];
        baseProfiles: number[][];
        low: number[][][];
        high: number[][][];
        swaps: number[][];
      };
      fpeak: { strength: number; dQ: number; profiles: number[][] }[];
    };
    expect(out.bootstrap.runs).toBe(6);
    expect(out.bootstrap.blockSize).toBe(2);
    expect(out.bootstrap.q).toHaveLength(6);
    // Three well-separated exact sources: every bootstrap factor maps to its base factor.
    expect(out.bootstrap.mappedPercent).toEqual([100, 100, 100]);
    expect(out.disp.levels).toEqual([4, 8, 16, 32]);
    // Swap counts are per factor, out of 3 factors × 6 species × 2 directions displacements.
    for (const level of out.disp.swaps) for (const count of level) expect(count).toBeLessThanOrEqual(36);
    out.disp.baseProfiles.forEach((row, h) => {
      row.forEach((v, j) => {
        expect(out.disp.low[3][h][j]).toBeLessThanOrEqual(v);
        expect(out.disp.high[3][h][j]).toBeGreaterThanOrEqual(v);
      });
    });
    expect(out.fpeak.map((f) => f.strength)).toEqual([0, 0.3]);
    expect(out.fpeak[0].dQ).toBe(0);
    expect(out.fpeak[1].dQ).toBeGreaterThan(0);
  });

  it('marks weak species (× 3 uncertainty) and drops bad ones', async () => {
    const { c, u } = fixture(dir);
    const r = await cli([
      '--conc',
      c,
      '--unc',
      u,
      '--factors',
      '2',
      '--runs',
      '2',
      '--weak',
      'Cd,Ni',
      '--bad',
      'Cu',
      '--json',
      '--workers',
      '0',
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as PmfJson & { categories: string[] };
    expect(out.species).toEqual(['Cd', 'Pb', 'Zn', 'Cr', 'Ni']);
    expect(out.categories).toEqual(['weak', 'strong', 'strong', 'strong', 'weak']);
    expect(out.profiles[0]).toHaveLength(5);
    expect(out.signalToNoise.find((s) => s.species === 'Cu')?.category).toBe('bad');
  });

  it('rejects bad input with exit code 1 and a message naming file, row and column', async () => {
    const english = process.env.SOILTRACE_LANG;
    process.env.SOILTRACE_LANG = 'en';
    try {
      const { c, u } = fixture(dir);
      const missing = await cli(['--conc', join(dir, 'nope.csv'), '--unc', u, '--factors', '2']);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/nope\.csv.*cannot read/);

      const shape = fixture(join(mkdtempSync(join(dir, 's-'))), (_, unc) => unc.pop());
      const mismatch = await cli(['--conc', shape.c, '--unc', shape.u, '--factors', '2']);
      expect(mismatch.code).toBe(1);
      expect(mismatch.stderr).toMatch(/unc\.csv.*29 samples × 6 species.*30 × 6/);

      const text = fixture(join(mkdtempSync(join(dir, 't-'))), (conc) => {
        conc[5][3] = 'n.d.';
      });
      const nonNumeric = await cli(['--conc', text.c, '--unc', text.u, '--factors', '2']);
      expect(nonNumeric.code).toBe(1);
      expect(nonNumeric.stderr).toMatch(/conc\.csv, row 6, column "Zn", value "n\.d\.": expected a number/);

      const zero = fixture(join(mkdtempSync(join(dir, 'z-'))), (_, unc) => {
        unc[3][2] = '0';
      });
      const zeroUnc = await cli(['--conc', zero.c, '--unc', zero.u, '--factors', '2']);
      expect(zeroUnc.code).toBe(1);
      expect(zeroUnc.stderr).toMatch(/unc\.csv, row 4, column "Pb".*uncertainty must be positive/);

      for (const k of ['0', '6', '2.5', 'x']) {
        const bad = await cli(['--conc', c, '--unc', u, '--factors', k]);
        expect(bad.code).toBe(1);
        expect(bad.stderr).toMatch(/factors/);
      }
      const noArgs = await cli(['--conc', c]);
      expect(noArgs.code).toBe(1);
      expect(noArgs.stderr).toMatch(/--unc/);
      const unknownSpecies = await cli(['--conc', c, '--unc', u, '--factors', '2', '--weak', 'Hg']);
      expect(unknownSpecies.code).toBe(1);
      expect(unknownSpecies.stderr).toMatch(/Hg/);
    } finally {
      if (english === undefined) delete process.env.SOILTRACE_LANG;
      else process.env.SOILTRACE_LANG = english;
    }
  });

  describe.skipIf(!hasShared)(
    `on EPA PMF 5.0's St. Louis example (${hasShared ? 'present' : sharedSkipReason})`,
    () => {
      it('reaches the reference Q(true) for 4 factors and reports Q per species', async () => {
        const d = sharedPath('data', 'pmf');
        const r = await cli([
          '--conc',
          `${d}/Dataset-StLouis-con.csv`,
          '--unc',
          `${d}/Dataset-StLouis-unc.csv`,
          '--factors',
          '4',
          '--runs',
          '8',
          '--json',
        ]);
        expect(r.code).toBe(0);
        const out = JSON.parse(r.stdout) as PmfJson;
        expect(out.species).toHaveLength(13);
        expect(out.qExpected).toBe(3710);
        expect(out.qTrue).toBeLessThanOrEqual(21370 * 1.01); // README reference table
        const total = out.speciesQ.reduce((s, q) => s + q.q, 0);
        expect(total).toBeCloseTo(out.qTrue, 6);
        // Q/Qexp per species averages to Q/Qexp overall.
        const mean = out.speciesQ.reduce((s, q) => s + q.qOverExpected, 0) / 13;
        expect(mean).toBeCloseTo(out.qTrue / out.qExpected, 8);
      });
    },
  );
});
