import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../main.ts';

const dir = mkdtempSync(join(tmpdir(), 'soiltrace-assess-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function csv(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['assess', ...args], { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

interface JsonMetal {
  value: number;
  screening: number | null;
  intervention: number | null;
  pi: number | null;
  igeo: number | null;
  er: number | null;
  class: string | null;
}
interface JsonOut {
  standard: { id: string; version: string };
  background: { id: string };
  warnings: unknown[];
  samples: {
    sampleId: string;
    class: string;
    metals: Record<string, JsonMetal>;
    nemerow: number;
    ri: number;
  }[];
  summary: {
    n: number;
    classCounts: Record<string, number>;
    metals: { metal: string; n: number; mean: number }[];
  };
}

// Hand-checked rows (GB 15618-2018, national background Cd 0.097, Pb 26, Cu 22.6, Zn 74.2):
// S1 paddy pH 5.5 (band ≤ 5.5): Cd 0.31 > 0.3 → safe utilization; Pb 50 ≤ 80.
//    Cd Pi = 0.31/0.3 = 1.033333; Pb Pi = 50/80 = 0.625
//    Cd Igeo = log2(0.31/0.1455) = 1.091249; Er Cd = 30·0.31/0.097 = 95.876289; Er Pb = 5·50/26 = 9.615385
// S2 水田 pH 6.8 (band 6.5–7.5): Cd 3.5 > 3.0 → strict control; Cu 120 > 100 ("other" Cu row) safe.
// S3 旱地 pH 7.51 (band > 7.5): Cd 0.6 ≤ 0.6 → priority protection; Zn 301 > 300 → safe utilization.
// S4 果园 pH 7.0: Cu 160 ≤ 200 (orchard row) → priority protection.
const SOIL = `sample_id,pH,land_use,Cd,Pb,Cu,Zn,remark
S1,5.5,paddy,0.31,50,30,100,first
S2,6.8,水田,3.5,60,120,120,
S3,7.51,旱地,0.6,30,25,301,
S4,7.0,果园,0.2,30,160,80,
`;

describe('soiltrace assess --json', () => {
  it('prints one JSON object with the contract shape and hand-checked values', async () => {
    const file = csv('soil.csv', SOIL);
    const { code, stdout } = await run(['--file', file, '--json']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as JsonOut;
    expect(out.standard).toMatchObject({ id: 'gb15618', version: 'GB 15618-2018' });
    expect(out.background.id).toBe('cnemc-1990-national');
    expect(Array.isArray(out.warnings)).toBe(true);
    expect(out.samples.map((s) => [s.sampleId, s.class])).toEqual([
      ['S1', 'safe_utilization'],
      ['S2', 'strict_control'],
      ['S3', 'safe_utilization'],
      ['S4', 'priority_protection'],
    ]);
    const s1 = out.samples[0];
    expect(Object.keys(s1.metals)).toEqual(['Cd', 'Pb', 'Cu', 'Zn']);
    expect(s1.metals.Cd).toMatchObject({
      value: 0.31,
      screening: 0.3,
      intervention: 1.5,
      class: 'safe_utilization',
    });
    expect(s1.metals.Cd.pi).toBeCloseTo(1.033333, 6);
    expect(s1.metals.Cd.igeo).toBeCloseTo(1.091249, 6);
    expect(s1.metals.Cd.er).toBeCloseTo(95.876289, 6);
    expect(s1.metals.Pb.er).toBeCloseTo(9.615385, 6);
    expect(s1.metals.Cu).toMatchObject({ screening: 50, intervention: null, class: 'priority_protection' });
    const s2 = out.samples[1];
    expect(s2.metals.Cd).toMatchObject({ screening: 0.6, intervention: 3.0, class: 'strict_control' });
    expect(s2.metals.Cu).toMatchObject({ screening: 100, class: 'safe_utilization' });
    expect(out.samples[2].metals.Cd).toMatchObject({
      screening: 0.6,
      intervention: 4.0,
      class: 'priority_protection',
    });
    expect(out.samples[2].metals.Zn).toMatchObject({ screening: 300, class: 'safe_utilization' });
    expect(out.samples[3].metals.Cu).toMatchObject({ screening: 200, class: 'priority_protection' });
    expect(out.summary.n).toBe(4);
    expect(out.summary.classCounts).toEqual({
      priority_protection: 1,
      safe_utilization: 2,
      strict_control: 1,
    });
    // Cd mean (0.31 + 3.5 + 0.6 + 0.2)/4 = 1.1525
    expect(out.summary.metals.find((m) => m.metal === 'Cd')?.mean).toBeCloseTo(1.1525, 10);
  });

  it('S1 Nemerow and RI', async () => {
    const file = csv('soil-s1.csv', SOIL);
    const out = JSON.parse((await run(['--file', file, '--json'])).stdout) as JsonOut;
    const s1 = out.samples[0];
    // Pi: Cd 1.033333, Pb 0.625, Cu 30/50 = 0.6, Zn 100/200 = 0.5; mean 0.689583, max 1.033333
    // PN = sqrt((0.689583² + 1.033333²)/2) = sqrt((0.475525 + 1.067778)/2) = 0.878437
    expect(s1.nemerow).toBeCloseTo(0.878437, 5);
    // RI = 95.876289 + 9.615385 + 5·30/22.6 (6.637168) + 1·100/74.2 (1.347709) = 113.476551
    expect(s1.ri).toBeCloseTo(113.476551, 5);
  });

  it('GB 36600 class 1 with a Cr(VI) column named 六价铬', async () => {
    const file = csv('site.csv', 'sample_id,As,Pb,六价铬\nB1,25,300,2\nB2,10,900,3.5\nB3,130,100,1\n');
    const { code, stdout } = await run(['--file', file, '--standard', 'gb36600-1', '--json']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as JsonOut;
    expect(out.standard.id).toBe('gb36600-1');
    expect(out.samples.map((s) => s.class)).toEqual([
      'above_screening',
      'above_intervention',
      'above_intervention',
    ]);
    expect(out.samples[1].metals.CrVI).toMatchObject({
      value: 3.5,
      screening: 3.0,
      intervention: 30,
      class: 'above_screening',
    });
    expect(out.samples[1].metals.Pb).toMatchObject({
      screening: 400,
      intervention: 800,
      class: 'above_intervention',
    });
  });
});

describe('soiltrace assess with user tables', () => {
  it('reads a local standard and a local background', async () => {
    const standard = join(dir, 'local.json');
    writeFileSync(
      standard,
      JSON.stringify({
        id: 'local-cd',
        name: { zh: '地方镉标准', en: 'local Cd standard' },
        version: 'DB 00/T 1-2025',
        source: 'test',
        kind: 'farmland',
        phBreaks: [6.5],
        screening: [{ metal: 'Cd', land: 'any', values: [0.25, 0.5] }],
        intervention: [{ metal: 'Cd', land: 'any', values: [1, 2] }],
      }),
    );
    const background = join(dir, 'bkg.json');
    writeFileSync(
      background,
      JSON.stringify({ id: 'zj', name: '浙江', source: 'test', values: { Cd: 0.2 } }),
    );
    const file = csv('local.csv', 'sample_id,pH,land_use,Cd\nA,6.5,paddy,0.3\nB,6.6,paddy,0.3\n');
    const { code, stdout } = await run([
      '--file',
      file,
      '--standard-file',
      standard,
      '--background',
      background,
      '--pi-reference',
      'background',
      '--json',
    ]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as JsonOut;
    expect(out.standard).toMatchObject({ id: 'local-cd', version: 'DB 00/T 1-2025' });
    expect(out.background.id).toBe('zj');
    expect(out.samples.map((s) => s.class)).toEqual(['safe_utilization', 'priority_protection']);
    // Pi = 0.3 / 0.2 = 1.5; Igeo = log2(0.3 / 0.3) = 0; Er = 30 · 0.3 / 0.2 = 45
    expect(out.samples[0].metals.Cd.pi).toBeCloseTo(1.5, 12);
    expect(out.samples[0].metals.Cd.igeo).toBeCloseTo(0, 12);
    expect(out.samples[0].metals.Cd.er).toBeCloseTo(45, 12);
  });
});

describe('soiltrace assess --crops', () => {
  it('checks rice against GB 2762, pairs it with soil for BCF and the joint class', async () => {
    const soil = csv('soil-crops.csv', SOIL);
    // R1 on S1: Cd 0.25 > 0.2 → exceeds; soil Cd 0.31 is safe utilization → safe use measures.
    //   BCF Cd = 0.25/0.31 = 0.806452; Pb 0.05/50 = 0.001.
    // R2 on S4 (orchard soil, all priority): Cd 0.1, Pb 0.1 comply → priority protection.
    // R3 on S2: Cd "<0.02" → 0.01 complies; soil Cd 3.5 strict control → safe utilization, monitor closely.
    const crops = csv(
      'crops.csv',
      '样品编号,作物,镉Cd(mg/kg),铅Pb(mg/kg),对应土壤样品编号\nR1,水稻,0.25,0.05,S1\nR2,稻谷,0.1,0.1,S4\nR3,大米,<0.02,0.1,S2\n',
    );
    const { code, stdout } = await run(['--file', soil, '--crops', crops, '--json']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as {
      crops: {
        table: { version: string };
        samples: {
          sampleId: string;
          joint: { class: string; action: string };
          metals: Record<string, { bcf: number; cropExceeds: boolean }>;
        }[];
        summary: { crop: string; metal: string; n: number; exceedanceRate: number; limit: number }[];
      };
    };
    expect(out.crops.table.version).toBe('GB 2762-2022');
    const [r1, r2, r3] = out.crops.samples;
    expect(r1.metals.Cd.bcf).toBeCloseTo(0.806452, 6);
    expect(r1.metals.Pb.bcf).toBeCloseTo(0.001, 12);
    expect(r1.joint).toMatchObject({ class: 'safe_utilization', action: 'safe_use_measures' });
    expect(r2.joint).toMatchObject({ class: 'priority_protection', action: 'maintain' });
    expect(r3.joint).toMatchObject({ class: 'safe_utilization', action: 'monitor_closely' });
    const cd = out.crops.summary.find((r) => r.metal === 'Cd');
    expect(cd).toMatchObject({ crop: 'rice', n: 3, limit: 0.2 });
    expect(cd?.exceedanceRate).toBeCloseTo(1 / 3, 12);
  });
});

describe('soiltrace assess, readable output', () => {
  it('prints classes and the summary table', async () => {
    const file = csv('soil-text.csv', SOIL);
    const { code, stdout } = await run(['--file', file]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/GB 15618-2018/);
    expect(stdout).toMatch(/安全利用类|safe utilization/);
    expect(stdout).toMatch(/严格管控类|strict control/);
    expect(stdout.split('\n').some((l) => /^S2\s/.test(l) && /3\.5\*\*/.test(l))).toBe(true);
  });
});

describe('soiltrace assess, bad input', () => {
  it.each([
    ['missing pH column', 'sample_id,land_use,Cd\nA,paddy,0.2\n', /pH/, undefined],
    [
      'text in a number column',
      'sample_id,pH,land_use,Cd\nA,6,paddy,0.2\nB,6,paddy,abc\n',
      /row 3.*column "Cd".*abc/,
      undefined,
    ],
    ['pH above 14', 'sample_id,pH,land_use,Cd\nA,15,paddy,0.2\n', /row 2.*column "pH"/, undefined],
    [
      'negative concentration',
      'sample_id,pH,land_use,Cd,Pb\nA,6,paddy,0.2,-3\n',
      /row 2.*column "Pb".*negative/,
      undefined,
    ],
    [
      'unknown land use',
      'sample_id,pH,land_use,Cd\nA,6,moon,0.2\n',
      /row 2.*column "land_use".*moon/,
      undefined,
    ],
    ['no metal columns', 'sample_id,pH,land_use\nA,6,paddy\n', /no metal columns/, undefined],
    ['unknown standard', 'sample_id,pH,land_use,Cd\nA,6,paddy,0.2\n', /unknown standard/, 'gb9999'],
  ])('%s → exit 1 with file/row/column', async (_name, text, message, standard) => {
    const file = csv('bad.csv', text);
    const prev = process.env.SOILTRACE_LANG;
    process.env.SOILTRACE_LANG = 'en';
    try {
      const { code, stderr, stdout } = await run([
        '--file',
        file,
        '--json',
        ...(standard ? ['--standard', standard] : []),
      ]);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toMatch(message);
      if (!standard) expect(stderr).toMatch(/bad\.csv/);
    } finally {
      if (prev === undefined) delete process.env.SOILTRACE_LANG;
      else process.env.SOILTRACE_LANG = prev;
    }
  });

  it('an empty pH cell leaves the sample unclassed with a warning; --incomplete error stops', async () => {
    const file = csv('no-ph.csv', 'sample_id,pH,land_use,Cd\nA,,paddy,0.2\nB,6,paddy,0.5\n');
    const ok = await run(['--file', file, '--json']);
    expect(ok.code).toBe(0);
    const out = JSON.parse(ok.stdout) as JsonOut;
    expect(out.samples.map((s) => s.class)).toEqual([null, 'safe_utilization']);
    expect(JSON.stringify(out.warnings)).toMatch(/missing pH/);
    const prev = process.env.SOILTRACE_LANG;
    process.env.SOILTRACE_LANG = 'en';
    try {
      const strict = await run(['--file', file, '--incomplete', 'error']);
      expect(strict.code).toBe(1);
      expect(strict.stderr).toMatch(/no-ph\.csv.*row 2.*column "pH"/);
    } finally {
      if (prev === undefined) delete process.env.SOILTRACE_LANG;
      else process.env.SOILTRACE_LANG = prev;
    }
  });

  it('reports in Chinese by default', async () => {
    const file = csv('bad-zh.csv', 'sample_id,pH,land_use,Cd\nA,6,paddy,-1\n');
    const prev = process.env.SOILTRACE_LANG;
    process.env.SOILTRACE_LANG = 'zh';
    try {
      const { code, stderr } = await run(['--file', file]);
      expect(code).toBe(1);
      expect(stderr).toMatch(/第 2 行.*列 “Cd”.*负数/);
    } finally {
      if (prev === undefined) delete process.env.SOILTRACE_LANG;
      else process.env.SOILTRACE_LANG = prev;
    }
  });
});
