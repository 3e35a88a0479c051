import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../main.ts';

const dir = mkdtempSync(join(tmpdir(), 'soiltrace-flux-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['flux', ...args], { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

interface Balance {
  metal: string;
  zone?: string;
  inputs: { pathway: string; flux: number; share: number }[];
  totalInput: number;
  totalOutput: number;
  netFlux: number;
  accumulation: number;
  projection: {
    screening: number;
    yearsLinear: number | null;
    yearsFirstOrder: number | null;
    lossRate: number;
    steadyState: number;
  } | null;
}
interface Output {
  soilMassKgPerHa: number;
  metals: Balance[];
  zones: Balance[];
}

function csv(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

// Hand case: Cd inputs deposition 3 + manure 3, output crop 2 → net 4 g/ha/a; 15 cm × 1.5 g/cm³
// → M = 2.25e6 kg/ha → ΔC = 4·1000/2.25e6 = 0.0017778 mg/kg/a; from 0.50 to 0.60 mg/kg: 56.25 a.
// First order: i = 6·1000/2.25e6 = 0.0026667 mg/kg/a, k = (2·1000/2.25e6)/0.5 = 0.0017778 /a,
// steady state i/k = 1.5 mg/kg, t = −ln((0.6 − 1.5)/(0.5 − 1.5))/k = 59.2647 a.
const FLUX = `pathway,direction,zone,metal,flux_g_ha_a
atmospheric_deposition,input,,Cd,3
manure,input,,Cd,3
crop_removal,output,,Cd,2
atmospheric_deposition,input,,Pb,100
`;

describe('soiltrace flux', () => {
  it('--json: shares, ΔC and years by hand', async () => {
    const file = csv('flux.csv', FLUX);
    const args = [
      '--file',
      file,
      '--depth-cm',
      '15',
      '--bulk-density',
      '1.5',
      '--concentration',
      'Cd=0.5',
      '--screening',
      'Cd=0.6',
      '--json',
    ];
    const { code, stdout } = await run(args);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as Output;
    expect(out.soilMassKgPerHa).toBeCloseTo(2.25e6, 6);
    const cd = out.metals.find((m) => m.metal === 'Cd');
    expect(cd?.inputs.map((p) => [p.pathway, p.share])).toEqual([
      ['atmospheric_deposition', 0.5],
      ['manure', 0.5],
    ]);
    expect(cd?.netFlux).toBe(4);
    expect(cd?.accumulation).toBeCloseTo(0.0017778, 7);
    expect(cd?.projection?.yearsLinear).toBeCloseTo(56.25, 9);
    expect(cd?.projection?.lossRate).toBeCloseTo(2000 / 2.25e6 / 0.5, 12);
    expect(cd?.projection?.steadyState).toBeCloseTo(1.5, 9);
    expect(cd?.projection?.yearsFirstOrder).toBeCloseTo(-Math.log(0.9) / (2000 / 2.25e6 / 0.5), 6);
    expect(out.metals.find((m) => m.metal === 'Pb')?.projection).toBeNull();
    expect(out.zones).toEqual([]);
  });

  it('defaults to 20 cm × 1.3 g/cm³ = 2.6e6 kg/ha; Chinese headers and names are read', async () => {
    const file = csv(
      'flux-zh.csv',
      '途径,方向,区域,金属,通量(g/ha/a)\n大气沉降,输入,平原,镉,4.8\n灌溉水,输入,平原,镉,1.2\n作物收获,输出,平原,镉,2\n大气沉降,输入,丘陵,镉,2.4\n',
    );
    const { code, stdout } = await run(['--file', file, '--json']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as Output;
    expect(out.soilMassKgPerHa).toBe(2.6e6);
    // Area mean with equal weights: deposition (4.8 + 2.4)/2 = 3.6, irrigation 0.6, crop 1 → net 3.2.
    const [cd] = out.metals;
    expect(cd.metal).toBe('Cd');
    expect(cd.inputs.map((p) => p.pathway)).toEqual(['atmospheric_deposition', 'irrigation']);
    expect(cd.totalInput).toBeCloseTo(4.2, 12);
    expect(cd.netFlux).toBeCloseTo(3.2, 12);
    expect(cd.accumulation).toBeCloseTo(3200 / 2.6e6, 14);
    expect(out.zones.map((z) => [z.zone, z.netFlux])).toEqual([
      ['平原', 4],
      ['丘陵', 2.4],
    ]);
    // Zone areas 3 : 1 → deposition (3·4.8 + 2.4)/4 = 4.2.
    const weighted = JSON.parse(
      (await run(['--file', file, '--zone-areas', '平原=300,丘陵=100', '--json'])).stdout,
    ) as Output;
    expect(weighted.metals[0].inputs[0].flux).toBeCloseTo(4.2, 12);
  });

  it('--screening without values takes GB 15618-2018 for the pH and land use', async () => {
    const file = csv('flux3.csv', FLUX);
    const base = [
      '--file',
      file,
      '--depth-cm',
      '15',
      '--bulk-density',
      '1.5',
      '--concentration',
      'Cd=0.5,Pb=40',
    ];
    // Paddy, pH 6.8 (6.5 < pH ≤ 7.5): Cd 0.6, Pb 140 mg/kg (GB 15618-2018 Table 1).
    const r = await run([...base, '--screening', '--ph', '6.8', '--land-use', '水田', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Output;
    expect(out.metals.find((m) => m.metal === 'Cd')?.projection?.screening).toBe(0.6);
    expect(out.metals.find((m) => m.metal === 'Pb')?.projection?.screening).toBe(140);
    expect(out.metals.find((m) => m.metal === 'Cd')?.projection?.yearsLinear).toBeCloseTo(56.25, 9);
    // Pb: 100 g/ha/a, no outputs → 100·1000/2.25e6 mg/kg/a; (140 − 40)/(0.044444) = 2250 a.
    expect(out.metals.find((m) => m.metal === 'Pb')?.projection?.yearsLinear).toBeCloseTo(2250, 6);
    expect((await run([...base, '--screening'])).code).toBe(1);
  });

  it('text output', async () => {
    const file = csv('flux2.csv', FLUX);
    const { code, stdout } = await run([
      '--file',
      file,
      '--concentration',
      'Cd=0.5',
      '--screening',
      'Cd=0.6',
      '--depth-cm',
      '15',
      '--bulk-density',
      '1.5',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('1.778e-3');
    // 56.25 a linear (56.2 after rounding 56.2499…), 59.26 a first-order.
    expect(stdout).toContain('56.2 | 59.3');
  });

  it('bad input exits 1 naming file, row and column', async () => {
    const bad = csv(
      'bad.csv',
      'pathway,direction,zone,metal,flux_g_ha_a\nmanure,input,,Cd,2\nmanure,sideways,,Cd,1\n',
    );
    const r = await run(['--file', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.csv/);
    expect(r.stderr).toMatch(/3/);
    expect(r.stderr).toMatch(/direction/);
    const negative = csv('neg.csv', 'pathway,direction,zone,metal,flux_g_ha_a\nmanure,input,,Cd,-2\n');
    expect((await run(['--file', negative])).code).toBe(1);
    expect((await run(['--file', csv('ok.csv', FLUX), '--screening', 'Cd=0.6'])).code).toBe(1);
    expect((await run(['--file', csv('ok2.csv', FLUX), '--depth-cm', '0'])).code).toBe(1);
  });
});
