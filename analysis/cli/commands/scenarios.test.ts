import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../tests/support/shared-data.ts';
import { syntheticScenarioFile, writeSyntheticCase } from '../../methods/scenarios/testing/synthetic-case.ts';
import { main } from '../main.ts';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['scenarios', ...args], { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

interface Quantiles {
  p5: number;
  p50: number;
  p95: number;
}
interface Output {
  scenarios: {
    id: string;
    name: string;
    cost: Quantiles;
    npv: number;
    durationYears: number;
    carbonTCO2e: number;
    areaTreatedHa: number;
    exceedanceAreaHa: { before: number; after: number };
    projection: { year: number; meanConcentration: number }[];
    targetProbability: number;
    score: number;
    rank: number;
  }[];
  ranking: { ahp?: { consistencyRatio: number } };
}

const example = `${repoRoot}/datasets/scenarios/case-study-scenarios.json`;
const synthetic = writeSyntheticCase(
  syntheticScenarioFile([
    { id: 'bau', name: 'bau', actions: [] },
    { id: 'lime', name: 'lime', actions: [{ measure: 'lime', where: { landUses: ['paddy'] } }] },
  ]),
);
afterAll(() => rmSync(dirname(synthetic.file), { recursive: true, force: true }));

describe('soiltrace scenarios', () => {
  it('runs the case-study example with the contracted JSON shape; same seed, same output', async () => {
    const a = await run(['--file', example, '--draws', '200', '--seed', '3', '--json']);
    expect(a.stderr).toBe('');
    expect(a.code).toBe(0);
    const out = JSON.parse(a.stdout) as Output;
    expect(out.scenarios.length).toBeGreaterThanOrEqual(3);
    const ranks = out.scenarios.map((s) => s.rank).sort();
    expect(ranks[0]).toBe(1);
    for (const s of out.scenarios) {
      expect(typeof s.id).toBe('string');
      expect(typeof s.name).toBe('string');
      expect(s.cost.p5).toBeLessThanOrEqual(s.cost.p50);
      expect(s.cost.p50).toBeLessThanOrEqual(s.cost.p95);
      expect(Number.isFinite(s.npv)).toBe(true);
      expect(s.durationYears).toBeGreaterThanOrEqual(0);
      expect(s.carbonTCO2e).toBeGreaterThanOrEqual(0);
      expect(s.areaTreatedHa).toBeGreaterThanOrEqual(0);
      expect(s.exceedanceAreaHa.before).toBeGreaterThan(0);
      expect(s.projection.map((p) => p.year)).toEqual(Array.from({ length: 11 }, (_, i) => 2025 + i));
      expect(s.targetProbability).toBeGreaterThanOrEqual(0);
      expect(s.targetProbability).toBeLessThanOrEqual(1);
      expect(s.score).toBeGreaterThanOrEqual(0);
      expect(s.score).toBeLessThanOrEqual(1);
    }
    // Doing nothing costs nothing and treats nothing.
    const bau = out.scenarios.find((s) => s.id === 'business-as-usual');
    expect(bau?.cost).toEqual({ p5: 0, p50: 0, p95: 0 });
    expect(bau?.areaTreatedHa).toBe(0);
    expect(out.ranking.ahp?.consistencyRatio).toBeLessThan(0.1);
    const b = await run(['--file', example, '--draws', '200', '--seed', '3', '--json']);
    expect(b.stdout).toBe(a.stdout);
    // Chinese texts ride beside the contracted English ones (new fields; the old ones keep their type).
    const raw = JSON.parse(a.stdout) as {
      parameters: { label: string; labelZh: string }[];
      scenarios: { sensitivity?: { npv: { bars: { label: string; labelZh: string }[] } } }[];
    };
    for (const p of raw.parameters) expect([typeof p.label, typeof p.labelZh]).toEqual(['string', 'string']);
    const bars = raw.scenarios.flatMap((s) => s.sensitivity?.npv.bars ?? []);
    expect(bars.length).toBeGreaterThan(0);
    for (const bar of bars) expect(bar.labelZh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('prints a table without --json', async () => {
    const r = await run(['--file', synthetic.file, '--draws', '50']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/lime/);
    expect(r.stdout).toMatch(/Pareto|帕累托/);
  });

  it('names the NPV drivers in the user language', async () => {
    const fallow = writeSyntheticCase(
      syntheticScenarioFile([
        { id: 'fallow', name: 'fallow', actions: [{ measure: 'fallow', where: {}, years: 3 }] },
      ]),
    );
    const saved = process.env.SOILTRACE_LANG;
    try {
      // 72 mu at 500 / 1200 yuan/mu/a over 3 years at 10 %: Σ 1.1^−t (t = 0…2) = 2.735537, so
      // NPV 72 × 500 × 2.735537 = 98,479 → 10 and 72 × 1200 × 2.735537 = 236,350 → 24 (10k yuan).
      process.env.SOILTRACE_LANG = 'zh';
      const zh = await run(['--file', fallow.file, '--draws', '0']);
      expect(zh.stdout).toMatch(/净现值最敏感的参数.*：休耕：单位成本（元\/亩\/年） 10 → 24/);
      process.env.SOILTRACE_LANG = 'en';
      const en = await run(['--file', fallow.file, '--draws', '0']);
      expect(en.stdout).toMatch(/NPV most sensitive to .*: fallow: unit cost \(yuan\/mu\/a\) 10 → 24/);
    } finally {
      if (saved === undefined) delete process.env.SOILTRACE_LANG;
      else process.env.SOILTRACE_LANG = saved;
      rmSync(dirname(fallow.file), { recursive: true, force: true });
    }
  });

  it('bad input exits 1 with a message naming the field', async () => {
    const missing = await run(['--file', `${dirname(synthetic.file)}/nope.json`]);
    expect(missing.code).toBe(1);
    const badDraws = await run(['--file', synthetic.file, '--draws', 'many']);
    expect(badDraws.code).toBe(1);
    expect(badDraws.stderr).toMatch(/--draws/);
    const badMeasure = writeSyntheticCase(
      syntheticScenarioFile([
        { id: 'x', name: 'x', actions: [{ measure: 'no-such-measure', zones: ['a'] }] },
      ]),
    );
    const r = await run(['--file', badMeasure.file]);
    rmSync(dirname(badMeasure.file), { recursive: true, force: true });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/scenarios\[0\]\.actions\[0\]\.measure/);
    expect(r.stderr).toMatch(/no-such-measure/);
    const schema = writeSyntheticCase(
      syntheticScenarioFile([{ id: 'bau', name: 'bau', actions: [] }], {
        horizon: { startYear: 2030, endYear: 2020 },
      }),
    );
    const s = await run(['--file', schema.file]);
    rmSync(dirname(schema.file), { recursive: true, force: true });
    expect(s.code).toBe(1);
    expect(s.stderr).toMatch(/horizon/);
  });
});
