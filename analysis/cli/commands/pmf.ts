import { parseArgs } from 'node:util';
import { SoilTraceError } from '../../errors.ts';
import { bootstrapPmf } from '../../methods/pmf/error-estimation/bootstrap.ts';
import { displacePmf } from '../../methods/pmf/error-estimation/disp.ts';
import { displacePmfInWorkers } from '../../methods/pmf/error-estimation/disp-in-workers.ts';
import { fpeakPmf } from '../../methods/pmf/error-estimation/fpeak.ts';
import {
  type PrepareOptions,
  preparePmfInput,
  type SpeciesCategory,
} from '../../methods/pmf/prepare-input.ts';
import type { PmfFactors, PmfProblem } from '../../methods/pmf/q.ts';
import { readPmfFiles } from '../../methods/pmf/read-pmf-files.ts';
import { runPmf } from '../../methods/pmf/run-pmf.ts';
import type { CliCommand } from '../command.ts';

const usage = `usage: soiltrace pmf --conc FILE --unc FILE --factors K [options]

Positive Matrix Factorization base runs on EPA PMF 5 style files (first column sample id or date,
then one column per species; the uncertainty file has the same shape).

  --conc FILE        concentrations
  --unc FILE         uncertainties
  --factors K        number of factors
  --runs N           base runs from random starts (default 20); the best has the lowest Q(robust)
  --seed S           first seed; run i uses S + i (default 42)
  --weak A,B         weak species (uncertainty × 3)
  --bad C            bad species (excluded)
  --total NAME       total variable (treated as weak; profiles as % of it)
  --extra-unc P      extra modelling uncertainty, percent 0–25 (default 0)
  --robust           minimise Q(robust) instead of Q(true)
  --workers N        worker threads (default: one per core, at most one per run; 0 = this thread)
  --bootstrap N      block bootstrap of the best run with N resamples (seeds from --seed)
  --block-size B     bootstrap block length (default: from the contributions' lag-1 autocorrelation)
  --disp             displacement (DISP) intervals of the best run at dQmax 4, 8, 16, 32
  --fpeak S1,S2      Fpeak rotations of the best run at these strengths
  --json             one JSON object on stdout (gains "bootstrap", "disp", "fpeak" when asked)`;

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function integerOption(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n)) {
    throw new SoilTraceError({
      zh: `--${name} 应为整数，实为 “${value}”`,
      en: `--${name} must be an integer, got "${value}"`,
    });
  }
  return n;
}

function matrix(values: Float64Array, rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, (_, i) => Array.from(values.subarray(i * cols, (i + 1) * cols)));
}

const round = (v: number) => Number(v.toPrecision(4));

export const command: CliCommand = {
  summary: {
    zh: 'PMF 正定矩阵因子分析源解析（EPA PMF 5 文件）',
    en: 'PMF source apportionment (EPA PMF 5 files)',
  },
  usage,
  async run(args, io) {
    let parsed: ReturnType<typeof parse>;
    try {
      parsed = parse(args);
    } catch (error) {
      throw new SoilTraceError({
        zh: `参数错误：${(error as Error).message}`,
        en: `bad arguments: ${(error as Error).message}`,
      });
    }
    const { values } = parsed;
    if (!values.conc || !values.unc || values.factors === undefined) {
      throw new SoilTraceError({
        zh: '需要 --conc、--unc 和 --factors 参数',
        en: '--conc, --unc and --factors are required',
      });
    }
    const factors = integerOption('factors', values.factors, 0);
    const runs = integerOption('runs', values.runs, 20);
    const seed = integerOption('seed', values.seed, 42);
    const workers = values.workers === undefined ? 'auto' : integerOption('workers', values.workers, 0);
    const extra = values['extra-unc'] === undefined ? 0 : Number(values['extra-unc']) / 100;
    if (!Number.isFinite(extra)) {
      throw new SoilTraceError({
        zh: '--extra-unc 应为 0–25 的百分数',
        en: '--extra-unc must be a percentage 0–25',
      });
    }
    const { conc, unc } = readPmfFiles(values.conc, values.unc);
    const categories: Record<string, SpeciesCategory> = {};
    for (const name of list(values.weak)) categories[name] = 'weak';
    for (const name of list(values.bad)) categories[name] = 'bad';
    const options: PrepareOptions = { categories, totalVariable: values.total, extraUncertainty: extra };
    const input = preparePmfInput(
      {
        sampleIds: conc.sampleIds,
        species: conc.species,
        conc: conc.values,
        unc: unc.values,
        concFile: conc.file,
        uncFile: unc.file,
      },
      options,
    );
    const result = await runPmf(input, {
      factors,
      runs,
      seed,
      solver: { robust: values.robust ?? false },
      workers: workers === 0 ? 'none' : workers,
      // Progress goes to stderr, and only for people: with --json the output stays one object.
      onProgress: values.json
        ? undefined
        : (p) => {
            if (p.finished && p.q !== undefined) {
              io.stderr(`  ${p.runsDone}/${runs} runs done (seed ${p.seed}: Q(robust) ${p.q.toFixed(1)})`);
            }
          },
    });
    const { solution } = result;
    const best = result.runs[result.best];
    const errors = await errorEstimates(input.problem, { g: best.g, f: best.f, factors }, values, {
      seed,
      workers,
    });
    const m = input.species.length;
    const n = input.sampleIds.length;
    if (values.json) {
      io.stdout(
        JSON.stringify({
          command: 'pmf',
          softwareVersion: result.softwareVersion,
          elapsedMs: Math.round(result.elapsedMs),
          settings: {
            conc: conc.file,
            unc: unc.file,
            factors,
            runs,
            seed,
            weak: list(values.weak),
            bad: list(values.bad),
            totalVariable: values.total ?? null,
            extraUncertainty: extra,
            robust: values.robust ?? false,
          },
          ...errors.json,
          species: input.species,
          categories: input.categories,
          sampleIds: input.sampleIds,
          factors,
          runs: result.runs.map((r) => ({
            seed: r.seed,
            qTrue: r.qTrue,
            qRobust: r.qRobust,
            converged: r.converged,
            iterations: r.iterations,
          })),
          best: result.best,
          qTrue: best.qTrue,
          qRobust: best.qRobust,
          qExpected: solution.qExpected,
          profiles: matrix(solution.profiles, factors, m),
          contributions: matrix(solution.contributions, n, factors),
          contributionsMass: matrix(solution.contributionsMass, n, factors),
          percentOfSpecies: matrix(solution.percentOfSpecies, factors, m),
          percentOfTotal: matrix(solution.percentOfTotal, factors, m),
          signalToNoise: input.summary.map((s) => ({
            species: s.species,
            signalToNoise: s.signalToNoise,
            category: s.category,
            missingPercent: s.missingPercent,
          })),
          speciesQ: input.species.map((name, j) => ({
            species: name,
            q: solution.qPerSpecies[j],
            qOverExpected: solution.speciesFit[j].qOverExpected,
            r2: solution.speciesFit[j].r2,
            slope: solution.speciesFit[j].slope,
            intercept: solution.speciesFit[j].intercept,
          })),
          sampleQ: input.sampleIds.map((id, i) => ({
            sample: id,
            q: solution.qPerSample[i],
            qOverExpected: solution.qPerSample[i] / solution.qExpectedPerSample,
          })),
        }),
      );
      return 0;
    }
    const lines = [
      `PMF: ${n} samples × ${m} species (${conc.file}), ${factors} factors, ${runs} runs, seeds ${seed}…${seed + runs - 1}`,
      '',
      'run  seed        Q(true)     Q(robust)  iterations  converged',
      ...result.runs.map(
        (r, i) =>
          `${String(i + 1).padStart(3)}${i === result.best ? '*' : ' '} ${String(r.seed).padStart(5)} ${r.qTrue.toFixed(1).padStart(14)} ${r.qRobust.toFixed(1).padStart(13)} ${String(r.iterations).padStart(11)}  ${r.converged ? 'yes' : 'no'}`,
      ),
      '',
      `best run ${result.best + 1}: Q(true) ${best.qTrue.toFixed(1)}, Q(robust) ${best.qRobust.toFixed(1)}, Q(expected) ${solution.qExpected}`,
      '',
      'profiles (concentration units; contributions normalised to mean 1):',
      `${'species'.padEnd(24)}${Array.from({ length: factors }, (_, h) => `factor ${h + 1}`.padStart(13)).join('')}`,
      ...input.species.map(
        (name, j) =>
          `${name.slice(0, 23).padEnd(24)}${Array.from({ length: factors }, (_, h) => ` ${String(round(solution.profiles[h * m + j])).padStart(12)}`).join('')}`,
      ),
      ...errors.lines,
      '',
      `${(result.elapsedMs / 1000).toFixed(1)} s, soiltrace ${result.softwareVersion}`,
    ];
    io.stdout(lines.join('\n'));
    return 0;
  },
};

function strengths(value: string): number[] {
  const out = list(value).map(Number);
  if (out.length === 0 || out.some((v) => !Number.isFinite(v))) {
    throw new SoilTraceError({
      zh: `--fpeak 应为逗号分隔的数值，实为 “${value}”`,
      en: `--fpeak must be comma-separated numbers, got "${value}"`,
    });
  }
  return out;
}

/** Bootstrap, DISP and Fpeak of the best run, when asked for (each adds a key to the JSON). */
async function errorEstimates(
  problem: PmfProblem,
  base: PmfFactors,
  values: ReturnType<typeof parse>['values'],
  { seed, workers }: { seed: number; workers: 'auto' | number },
): Promise<{ json: Record<string, unknown>; lines: string[] }> {
  const json: Record<string, unknown> = {};
  const lines: string[] = [];
  const k = base.factors;
  if (values.bootstrap !== undefined) {
    const runs = integerOption('bootstrap', values.bootstrap, 0);
    const blockSize =
      values['block-size'] === undefined ? undefined : integerOption('block-size', values['block-size'], 1);
    const bs = await bootstrapPmf(problem, base, {
      runs,
      seed,
      blockSize,
      workers: workers === 0 ? 'none' : workers,
    });
    json.bootstrap = bs;
    lines.push(
      '',
      `bootstrap: ${runs} runs, block size ${bs.blockSize} (lag-1 r ${bs.rho.toFixed(2)}), mapping r ≥ ${bs.threshold}`,
      ...bs.mappingCounts.map(
        (row, h) =>
          `  base factor ${h + 1} ← bootstrap factors: ${row.join(' ')}  (${bs.mappedPercent[h].toFixed(0)} % as itself); bootstrap factor ${h + 1} unmapped in ${bs.unmapped[h]} runs`,
      ),
    );
  }
  if (values.disp) {
    // One worker per factor unless --workers 0 (same numbers either way).
    const disp =
      workers === 0
        ? displacePmf(problem, base)
        : await displacePmfInWorkers(problem, base, {
            concurrency: workers === 'auto' ? undefined : workers,
          });
    json.disp = disp;
    lines.push(
      '',
      `DISP: ${disp.solves} re-fits, Q(base) ${disp.qBase.toFixed(1)}, largest Q decrease ${disp.maxQDecreasePercent.toFixed(3)} %${disp.decreaseFlag ? ' (FLAG: base not a minimum)' : ''}`,
      ...disp.levels.map((level, l) => `  dQmax ${level}: factor swaps ${disp.swaps[l].join(' ')}`),
    );
  }
  if (values.fpeak !== undefined) {
    const fpeak = fpeakPmf(problem, base, strengths(values.fpeak));
    json.fpeak = fpeak.map((r) => ({
      strength: r.strength,
      qTrue: r.qTrue,
      qRobust: r.qRobust,
      dQ: r.dQ,
      profiles: r.profiles,
      contributions: matrix(r.contributions, r.contributions.length / k, k),
    }));
    lines.push(
      '',
      'Fpeak:',
      ...fpeak.map((r) => `  φ ${r.strength}: Q(true) ${r.qTrue.toFixed(1)}, dQ ${r.dQ.toFixed(1)}`),
    );
  }
  return { json, lines };
}

function parse(args: string[]) {
  return parseArgs({
    args,
    options: {
      conc: { type: 'string' },
      unc: { type: 'string' },
      factors: { type: 'string' },
      runs: { type: 'string' },
      seed: { type: 'string' },
      weak: { type: 'string' },
      bad: { type: 'string' },
      total: { type: 'string' },
      'extra-unc': { type: 'string' },
      robust: { type: 'boolean' },
      workers: { type: 'string' },
      bootstrap: { type: 'string' },
      'block-size': { type: 'string' },
      disp: { type: 'boolean' },
      fpeak: { type: 'string' },
      json: { type: 'boolean' },
    },
    strict: true,
    allowPositionals: false,
  });
}
