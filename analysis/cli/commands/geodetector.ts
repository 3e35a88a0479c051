import { parseArgs } from 'node:util';
import { SoilTraceError, userLocale } from '../../errors.ts';
import { numericColumn, readTableFile, type TableFile, textColumn } from '../../io/read-table-file.ts';
import {
  classBreaks,
  DISCRETIZATION_METHODS,
  type DiscretizationMethod,
  strataFromBreaks,
} from '../../methods/geodetector/discretize.ts';
import { geoDetector } from '../../methods/geodetector/geodetector.ts';
import { INTERACTION_KIND_LABELS } from '../../methods/geodetector/interaction-detector.ts';
import { optimalDiscretization } from '../../methods/geodetector/optimal-discretization.ts';
import { encodeStrata, type Strata } from '../../methods/geodetector/strata.ts';
import type { CliCommand } from '../command.ts';

const usage = `usage: soiltrace geodetector --file FILE --y COL --x A,B,C [--discretize METHOD:CLASSES | --optimal] [--json]

Geographical detector (Wang et al. 2010; results as the R package geodetector 1.0-5): factor
detector q and p (non-central F), interaction detector (q of every pair and its kind:
weaken_nonlinear, weaken_uni, enhance_bi, independent, enhance_nonlinear), risk detector (mean of
Y per stratum, Welch t-tests between strata) and ecological detector (q ratio against
F(0.9; N−1, N−1)).

  --file FILE              CSV/TSV (UTF-8 or GBK) with a header row
  --y COL                  the explained variable (numeric)
  --x A,B,C                factor columns
  --discretize M:K         discretise continuous factors with method M into K classes;
                           M = equal, quantile, natural (Jenks), geometric, sd
  --optimal                discretise continuous factors by the method and class count (3–8)
                           with the largest q (the default for continuous factors)
  --classes MIN-MAX        class counts the optimal search tries (default 3-8)
  --continuous A,B         treat these numeric factor columns as continuous even if integer
                           (e.g. elevation in whole metres)
  --json                   one JSON object {y, n, droppedRows, factors, interactions, risk, ecological}

Text columns and integer columns are taken as strata as they are. A column with non-integer
numbers is continuous and is discretised (optimal search unless --discretize is given); so is an
integer column with more distinct values than half the rows (the geodetector package refuses
such a column as strata). The method and class count chosen are reported per factor.
Missing values are left out per detector: a factor's q, p and risk table use the rows where Y and
that factor are present, a pair the rows where Y and both factors are (n is reported for each);
droppedRows counts rows without Y.`;

interface FactorColumn {
  name: string;
  kind: 'text' | 'integer' | 'continuous';
  cells: string[];
}

function options(args: string[]) {
  try {
    return parseArgs({
      args,
      strict: true,
      options: {
        file: { type: 'string' },
        y: { type: 'string' },
        x: { type: 'string' },
        discretize: { type: 'string' },
        optimal: { type: 'boolean', default: false },
        classes: { type: 'string' },
        continuous: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    throw new SoilTraceError({
      zh: `参数错误：${(error as Error).message}`,
      en: `bad arguments: ${(error as Error).message}`,
    });
  }
}

function required(value: string | undefined, name: string): string {
  if (!value) throw new SoilTraceError({ zh: `缺少参数 --${name}`, en: `missing option --${name}` });
  return value;
}

function parseDiscretize(spec: string): { method: DiscretizationMethod; classes: number } {
  const [method, classes] = spec.split(':');
  const k = Number(classes);
  if (!DISCRETIZATION_METHODS.includes(method as DiscretizationMethod) || !Number.isInteger(k) || k < 2) {
    throw new SoilTraceError({
      zh: `--discretize 应为 方法:类数（方法 ${DISCRETIZATION_METHODS.join('、')}，类数 ≥ 2），实为 “${spec}”`,
      en: `--discretize must be METHOD:CLASSES (METHOD one of ${DISCRETIZATION_METHODS.join(', ')}, CLASSES ≥ 2), got "${spec}"`,
    });
  }
  return { method: method as DiscretizationMethod, classes: k };
}

function parseClassRange(spec: string | undefined): [number, number] {
  if (spec === undefined) return [3, 8];
  const m = /^(\d+)-(\d+)$/.exec(spec.trim());
  const lo = Number(m?.[1]);
  const hi = Number(m?.[2]);
  if (!m || lo < 2 || hi < lo) {
    throw new SoilTraceError({
      zh: `--classes 应为 最小-最大（如 3-8），实为 “${spec}”`,
      en: `--classes must be MIN-MAX (e.g. 3-8), got "${spec}"`,
    });
  }
  return [lo, hi];
}

function factorColumn(table: TableFile, name: string): FactorColumn {
  const cells = textColumn(table, name);
  const filled = cells.filter((c) => c !== '');
  const numeric = filled.length > 0 && filled.every((c) => Number.isFinite(Number(c)));
  if (!numeric) return { name, kind: 'text', cells };
  const integer = filled.every((c) => Number.isInteger(Number(c)));
  const distinct = new Set(filled.map(Number)).size;
  return { name, kind: integer && distinct <= filled.length / 2 ? 'integer' : 'continuous', cells };
}

const fmt = (v: number | null, digits = 4) =>
  v === null || Number.isNaN(v)
    ? '—'
    : Math.abs(v) < 1e-3 && v !== 0
      ? v.toExponential(3)
      : v.toFixed(digits);

export const command: CliCommand = {
  summary: {
    zh: '地理探测器：因子、交互、风险、生态探测（含连续变量离散化）',
    en: 'GeoDetector: factor, interaction, risk and ecological detectors (with discretisation)',
  },
  usage,
  async run(args, io) {
    const values = options(args);
    const file = required(values.file, 'file');
    const yName = required(values.y, 'y');
    const xNames = required(values.x, 'x')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    if (values.discretize && values.optimal) {
      throw new SoilTraceError({
        zh: '--discretize 与 --optimal 只能选一个',
        en: 'give either --discretize or --optimal, not both',
      });
    }
    const fixed = values.discretize ? parseDiscretize(values.discretize) : undefined;
    const [minClasses, maxClasses] = parseClassRange(values.classes);
    const forced = new Set(
      (values.continuous ?? '')
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== ''),
    );
    const table = readTableFile(file);
    const y = numericColumn(table, yName);
    const columns = xNames.map((name) => {
      if (name === yName) {
        throw new SoilTraceError(
          { zh: '因子不能与 Y 相同', en: 'a factor cannot be the Y column' },
          { file: table.file, column: name },
        );
      }
      return factorColumn(table, name);
    });
    const yPresent = Array.from(y).filter(Number.isFinite);
    const withY = yPresent.length;
    if (withY < 3) {
      throw new SoilTraceError(
        { zh: `Y 的有效值不足 3 个（仅 ${withY} 个）`, en: `fewer than 3 values of Y (${withY})` },
        { file: table.file, column: yName },
      );
    }
    if (yPresent.every((v) => v === yPresent[0])) {
      throw new SoilTraceError(
        { zh: 'Y 为常数，无法计算 q', en: 'Y is constant: q is undefined' },
        { file: table.file, column: yName },
      );
    }
    const discretizations: Record<
      string,
      { method: DiscretizationMethod; classes: number; breaks: number[] } | null
    > = {};
    const factors = columns.map((c) => {
      let strata: Strata;
      if (c.kind === 'continuous' || forced.has(c.name)) {
        const x = Float64Array.from(c.cells, (cell) => (cell === '' ? Number.NaN : Number(cell)));
        if (x.some((v, i) => c.cells[i] !== '' && Number.isNaN(v))) {
          const row = x.findIndex((v, i) => c.cells[i] !== '' && Number.isNaN(v));
          throw new SoilTraceError(
            { zh: '连续因子应为数值，却是文本', en: 'a continuous factor must be numeric, found text' },
            { file: table.file, row: row + 2, column: c.name, value: c.cells[row] },
          );
        }
        if (fixed) {
          const present = Float64Array.from(x.filter((v, i) => Number.isFinite(v) && Number.isFinite(y[i])));
          const breaks = classBreaks(present, fixed.method, fixed.classes);
          strata = strataFromBreaks(x, breaks);
          discretizations[c.name] = { ...fixed, breaks };
        } else {
          const best = optimalDiscretization(y, x, { minClasses, maxClasses });
          strata = best.strata;
          discretizations[c.name] = { method: best.method, classes: best.classes, breaks: best.breaks };
        }
      } else {
        // Integer strata by value, so "2" and "2.0" are one stratum.
        strata = encodeStrata(
          c.kind === 'integer' ? c.cells.map((v) => (v === '' ? '' : String(Number(v)))) : c.cells,
        );
        discretizations[c.name] = null;
      }
      const present = new Set(
        Array.from(strata.codes).filter((code, i) => code >= 0 && Number.isFinite(y[i])),
      );
      if (present.size < 2) {
        throw new SoilTraceError(
          { zh: '因子只有一个分层，无法探测', en: 'the factor has a single stratum' },
          { file: table.file, column: c.name },
        );
      }
      return { name: c.name, strata };
    });
    const result = geoDetector(y, factors);
    const output = {
      y: yName,
      n: withY,
      droppedRows: y.length - withY,
      factors: result.factors.map((f) => ({ ...f, discretization: discretizations[f.x] })),
      interactions: result.interactions,
      risk: result.risk,
      ecological: result.ecological,
    };
    if (values.json) {
      io.stdout(JSON.stringify(output));
      return 0;
    }
    const locale = userLocale();
    const L = (zh: string, en: string) => (locale === 'zh' ? zh : en);
    const lines = [
      L(
        `地理探测器：Y = ${yName}，有 Y 值 ${output.n} 行（缺 ${output.droppedRows} 行），${table.file}`,
        `GeoDetector: Y = ${yName}, ${output.n} rows with Y (${output.droppedRows} without), ${table.file}`,
      ),
      '',
      L('因子探测', 'factor detector'),
      `${L('因子', 'x').padEnd(24)} ${'q'.padStart(10)} ${'p'.padStart(12)}  ${L('分层', 'strata')}  ${L('离散化', 'discretisation')}`,
      ...output.factors.map(
        (f) =>
          `${f.x.padEnd(24)} ${fmt(f.q, 6).padStart(10)} ${(f.p < 1e-9 ? '< 1e-9' : fmt(f.p, 6)).padStart(12)}  ${String(f.strata).padStart(6)}  ${
            f.discretization ? `${f.discretization.method}:${f.discretization.classes}` : L('原样', 'as is')
          }`,
      ),
    ];
    if (output.interactions.length) {
      lines.push(
        '',
        L('交互探测', 'interaction detector'),
        `${'a ∩ b'.padEnd(36)} ${'q'.padStart(10)}  ${L('类型', 'kind')}`,
      );
      for (const i of output.interactions) {
        lines.push(
          `${`${i.a} ∩ ${i.b}`.padEnd(36)} ${fmt(i.q, 6).padStart(10)}  ${i.kind} (${INTERACTION_KIND_LABELS[i.kind][locale]})`,
        );
      }
      lines.push(
        '',
        L('生态探测（q 之比与 F(0.9; N−1, N−1) 比较）', 'ecological detector (q ratio vs F(0.9; N−1, N−1))'),
      );
      for (const e of output.ecological) {
        lines.push(
          `${`${e.a} vs ${e.b}`.padEnd(36)} F ${fmt(e.f).padStart(8)}  ${L('临界值', 'crit')} ${fmt(e.critical)}  ${
            e.significant ? L('显著', 'significant') : L('不显著', 'n.s.')
          }`,
        );
      }
    }
    lines.push('', L('风险探测（各分层 Y 的均值）', 'risk detector (mean of Y per stratum)'));
    for (const r of output.risk) {
      lines.push(`${r.x}: ${r.means.map((m) => `${m.level}=${fmt(m.mean)} (n ${m.n})`).join(', ')}`);
      const significant = r.comparisons.filter((c) => c.significant).map((c) => `${c.a}|${c.b}`);
      const shown =
        significant.length > 20
          ? `${significant.slice(0, 20).join(', ')} … ${L(`另 ${significant.length - 20} 对`, `(${significant.length - 20} more)`)}`
          : significant.join(', ');
      lines.push(
        `  ${L('差异显著的分层对（Welch t 检验，0.05）', 'significant pairs (Welch t, 0.05)')}: ${significant.length ? shown : L('无', 'none')}`,
      );
    }
    io.stdout(lines.join('\n'));
    return 0;
  },
};
