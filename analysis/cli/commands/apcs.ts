import { parseArgs } from 'node:util';
import { SoilTraceError, userLocale } from '../../errors.ts';
import { numericColumn, readTableFile } from '../../io/read-table-file.ts';
import { apcsMlr } from '../../methods/apcs-mlr/apcs-mlr.ts';
import type { CliCommand } from '../command.ts';

const usage = `usage: soiltrace apcs --file FILE --species A,B,C [--factors K] [--json]

APCS-MLR source apportionment (Thurston & Spengler 1985): z-scores, PCA of the correlation matrix
with varimax rotation (Kaiser normalisation), absolute principal component scores against an
artificial sample of zero concentrations, and per species an OLS regression on the APCS. Reports
KMO and Bartlett's test, eigenvalues, rotated loadings, and per species the share of each source
(F1, F2, … in order of rotated variance), the unexplained share (intercept / mean), R², mean
contributions and warnings for negative contributions.

  --file FILE        CSV/TSV (UTF-8 or GBK) with one column per species (e.g. soil-samples-en.csv)
  --species A,B,C    species columns (at least 3)
  --factors K        number of sources (default: components with eigenvalue > 1)
  --json             one JSON object on stdout

Rows with an empty cell in any species are left out (droppedRows).`;

function options(args: string[]) {
  try {
    return parseArgs({
      args,
      strict: true,
      options: {
        file: { type: 'string' },
        species: { type: 'string' },
        factors: { type: 'string' },
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

const keyed = (names: string[], values: readonly number[]) =>
  Object.fromEntries(names.map((n, i) => [n, values[i]]));
const pct = (v: number) => `${(100 * v).toFixed(1)}%`;

export const command: CliCommand = {
  summary: {
    zh: 'APCS-MLR 绝对主成分得分-多元线性回归源解析',
    en: 'APCS-MLR source apportionment (absolute principal component scores)',
  },
  usage,
  async run(args, io) {
    const values = options(args);
    if (!values.file) throw new SoilTraceError({ zh: '缺少参数 --file', en: 'missing option --file' });
    const species = (values.species ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    if (species.length < 3) {
      throw new SoilTraceError({
        zh: '--species 至少需要 3 个元素列',
        en: '--species needs at least 3 columns',
      });
    }
    let factors: number | undefined;
    if (values.factors !== undefined) {
      factors = Number(values.factors);
      if (!Number.isInteger(factors) || factors < 1 || factors > species.length) {
        throw new SoilTraceError({
          zh: `--factors 应为 1 到 ${species.length} 的整数，实为 “${values.factors}”`,
          en: `--factors must be an integer from 1 to ${species.length}, got "${values.factors}"`,
        });
      }
    }
    const table = readTableFile(values.file);
    const columns = species.map((s) => numericColumn(table, s));
    const result = apcsMlr(species, columns, { factors });
    const { pca } = result;
    const sources = Array.from({ length: pca.components }, (_, c) => `F${c + 1}`);
    const output = {
      file: table.file,
      n: pca.rows.length,
      droppedRows: table.rows.length - pca.rows.length,
      factors: pca.components,
      sources,
      kmo: {
        overall: pca.kmo.overall,
        perVariable: keyed(species, pca.kmo.perVariable),
        singular: pca.kmo.singular,
      },
      bartlett: { chiSquare: pca.bartlett.chiSquare, df: pca.bartlett.df, p: pca.bartlett.p },
      eigenvalues: pca.eigenvalues,
      explained: pca.explained,
      cumulative: pca.cumulative,
      rotatedVariance: keyed(sources, pca.rotatedVariance),
      rotatedExplained: keyed(sources, pca.rotatedExplained),
      loadings: Object.fromEntries(species.map((s, j) => [s, keyed(sources, pca.rotatedLoadings[j])])),
      communalities: keyed(species, pca.communalities),
      species: result.species.map((s) => ({
        species: s.species,
        mean: s.mean,
        r2: s.r2,
        intercept: s.intercept,
        shares: keyed(sources, s.shares),
        unexplained: s.unexplainedShare,
        meanContributions: keyed(sources, s.meanContributions),
        negativeSamples: keyed(sources, s.negativeSamples),
      })),
      warnings: result.warnings.map((w) => ({ ...w, source: w.source === null ? null : sources[w.source] })),
    };
    if (values.json) {
      io.stdout(JSON.stringify(output));
      return 0;
    }
    const L = (zh: string, en: string) => (userLocale() === 'zh' ? zh : en);
    const head = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(8) : c.padStart(9))).join(' ');
    const lines = [
      L(
        `APCS-MLR：${output.n} 个样品（剔除 ${output.droppedRows} 个），${species.length} 个元素，${pca.components} 个源（${output.file}）`,
        `APCS-MLR: ${output.n} samples (${output.droppedRows} left out), ${species.length} species, ${pca.components} sources (${output.file})`,
      ),
      `KMO ${pca.kmo.overall.toFixed(3)}; Bartlett χ² ${pca.bartlett.chiSquare.toFixed(1)}, df ${pca.bartlett.df}, p ${pca.bartlett.p.toExponential(2)}`,
      `${L('特征值', 'eigenvalues')}: ${pca.eigenvalues.map((v) => v.toFixed(3)).join(', ')}`,
      '',
      L('旋转成分载荷（最大方差法）', 'rotated loadings (varimax)'),
      head([L('元素', 'species'), ...sources, 'h²']),
      ...species.map((s, j) =>
        head([s, ...pca.rotatedLoadings[j].map((v) => v.toFixed(3)), pca.communalities[j].toFixed(3)]),
      ),
      head([L('方差%', '% var'), ...pca.rotatedExplained.map(pct), '']),
      '',
      L('各源对平均含量的贡献率', 'source shares of the mean concentration'),
      head([L('元素', 'species'), ...sources, L('未解释', 'unexpl.'), 'R²']),
      ...result.species.map((s) =>
        head([s.species, ...s.shares.map(pct), pct(s.unexplainedShare), s.r2.toFixed(3)]),
      ),
    ];
    if (output.warnings.length) {
      lines.push('', L('警告', 'warnings'));
      for (const w of output.warnings) {
        lines.push(
          w.kind === 'negative_sample_contributions'
            ? L(
                `  ${w.species}：${w.value} 个样品来自 ${w.source} 的贡献为负`,
                `  ${w.species}: ${w.value} samples with a negative contribution from ${w.source}`,
              )
            : L(
                `  ${w.species}：${w.source ?? '截距'} 为负（${w.value.toPrecision(4)}）`,
                `  ${w.species}: negative ${w.source ?? 'intercept'} (${w.value.toPrecision(4)})`,
              ),
        );
      }
    }
    io.stdout(lines.join('\n'));
    return 0;
  },
};
