import { parseArgs } from 'node:util';
import { SoilTraceError, userLocale } from '../../errors.ts';
import { compareScenarioFile } from '../../methods/scenarios/compare-scenarios.ts';
import type { CliCommand } from '../command.ts';

const usage = `usage: soiltrace scenarios --file SCENARIOS.json [--draws N] [--seed S] [--json]

Compares remediation and source-control scenarios: zones, yearly plough-layer mass balance, cost
(total and NPV), carbon, exceedance area before/after, Monte Carlo probability of meeting the
target, multi-criteria rank. The file format is documented in datasets/scenarios/README.md.

  --file    the scenario file (inputs are resolved relative to it)
  --draws   Monte Carlo draws (default 1000; 0 = deterministic only)
  --seed    random seed (default 1); the same seed gives identical output
  --json    one JSON object on stdout`;

function integerOption(name: string, text: string | undefined, fallback: number, min: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) {
    throw new SoilTraceError(
      { zh: `--${name} 应为不小于 ${min} 的整数`, en: `--${name} must be an integer ≥ ${min}` },
      { value: text },
    );
  }
  return value;
}

const fmt = (x: number, digits = 0) =>
  x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export const command: CliCommand = {
  summary: { zh: '修复与源头管控情景比较', en: 'compare remediation and source-control scenarios' },
  usage,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        file: { type: 'string' },
        draws: { type: 'string' },
        seed: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
      strict: true,
    });
    if (!values.file) {
      throw new SoilTraceError({ zh: '缺少 --file 参数', en: 'missing --file' });
    }
    const draws = integerOption('draws', values.draws, 1000, 0);
    const seed = integerOption('seed', values.seed, 1, 0);
    const result = compareScenarioFile(values.file, { draws, seed, sensitivity: true });
    if (values.json) {
      io.stdout(JSON.stringify(result));
      return 0;
    }
    const zh = userLocale() === 'zh';
    const t = result.target;
    const totalHa = result.zones.reduce((a, z) => a + z.areaHa, 0);
    const lines = [
      zh
        ? `${result.title ?? '情景比较'} — ${result.horizon.startYear}–${result.horizon.endYear}，目标年 ${t.year}（${t.criterion === 'safe-utilization' ? '安全利用率' : '达标面积比例'} ≥ ${t.rate * 100}%，${t.metals.join('、')}），${draws} 次抽样，种子 ${seed}`
        : `${result.title ?? 'scenarios'} — ${result.horizon.startYear}–${result.horizon.endYear}, target ${t.year} (${t.criterion} ≥ ${t.rate * 100} %, ${t.metals.join(', ')}), ${draws} draws, seed ${seed}`,
      zh
        ? `${result.zones.length} 个管理分区，${fmt(totalHa, 1)} 公顷（${fmt(totalHa * 15)} 亩）`
        : `${result.zones.length} zones, ${fmt(totalHa, 1)} ha (${fmt(totalHa * 15)} mu)`,
      '',
      zh
        ? '排名  情景                             费用中位数（万元）  净现值（万元）  tCO2e    超筛选值面积 公顷 前→后  达标概率  得分'
        : 'rank  id                               cost p50 (10k yuan)  NPV (10k yuan)  t CO2e   exceed. ha before→after  P(target)  score',
    ];
    for (const s of [...result.scenarios].sort((a, b) => a.rank - b.rank)) {
      lines.push(
        `${String(s.rank).padEnd(5)} ${s.id.padEnd(32)} ${fmt(s.cost.p50 / 1e4).padStart(19)} ${fmt(s.npv / 1e4).padStart(15)} ${fmt(s.carbonTCO2e).padStart(8)}  ${`${fmt(s.exceedanceAreaHa.before, 1)} → ${fmt(s.exceedanceAreaHa.after, 1)}`.padStart(22)}  ${fmt(s.targetProbability * 100, 1).padStart(8)} %  ${s.score.toFixed(3)}`,
      );
      for (const w of s.warnings) lines.push(`      ! ${w}`);
      // The three ranges that swing the NPV most (the tornado's top bars), labelled in the user's language.
      const drivers = (s.sensitivity?.npv.bars ?? []).filter((b) => b.swing > 0).slice(0, 3);
      if (drivers.length > 0) {
        const list = drivers
          .map((b) => `${zh ? b.labelZh : b.label} ${fmt(b.atLow / 1e4)} → ${fmt(b.atHigh / 1e4)}`)
          .join(zh ? '；' : '; ');
        lines.push(
          zh
            ? `      净现值最敏感的参数（取低值 → 高值时的净现值，万元）：${list}`
            : `      NPV most sensitive to (NPV at its low → high end, 10k yuan): ${list}`,
        );
      }
    }
    if (result.ranking.ahp) {
      const cr = result.ranking.ahp.consistencyRatio.toFixed(3);
      lines.push('', zh ? `AHP 一致性比率 CR = ${cr}` : `AHP consistency ratio ${cr}`);
    }
    lines.push(
      '',
      zh
        ? `帕累托前沿（净现值 vs 不安全面积减少）：${result.paretoFront.join('、')}`
        : `Pareto front (NPV vs unsafe area removed): ${result.paretoFront.join(', ')}`,
    );
    io.stdout(lines.join('\n'));
    return 0;
  },
};
