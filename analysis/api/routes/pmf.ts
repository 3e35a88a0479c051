import { randomUUID } from 'node:crypto';
import { SoilTraceError } from '../../errors.ts';
import { runJobsInWorkers } from '../../jobs/run-jobs.ts';
import { bootstrapPmf } from '../../methods/pmf/error-estimation/bootstrap.ts';
import type { BsDispResult } from '../../methods/pmf/error-estimation/bs-disp.ts';
import type { ConstrainedRun } from '../../methods/pmf/error-estimation/constraints.ts';
import type { DispResult } from '../../methods/pmf/error-estimation/disp.ts';
import type {
  ErrorEstimationResult,
  ErrorEstimationTask,
} from '../../methods/pmf/error-estimation/error-estimation-task.ts';
import type { FpeakResult } from '../../methods/pmf/error-estimation/fpeak.ts';
import { preparePmfInput } from '../../methods/pmf/prepare-input.ts';
import { type PmfResult, runPmf } from '../../methods/pmf/run-pmf.ts';
import { suggestFactorNames } from '../../methods/pmf-factor-names/suggest-factor-names.ts';
import { runStoreFor } from '../analysis-runs.ts';
import {
  type PmfErrorParams,
  type PmfRunParams,
  type PmfStoredResult,
  pmfConstraint,
  pmfErrorParams,
  pmfPrepareOptions,
  pmfRunParams,
  pmfSource,
  pmfStoredResult,
} from '../contracts/pmf.ts';
import { ApiError } from '../errors.ts';
import type { JobControl } from '../jobs.ts';
import type { DispTask } from '../pmf-disp-task.ts';
import { type PmfInputData, readPmfSource, speciesRows } from '../pmf-input.ts';
import type { ApiContext, RouteModule } from './types.ts';

// Routes of the PMF page (issue 4 §4): the species table with S/N, runs (in the call or as the
// `pmf` job on worker threads with progress and cancel), and the project's stored runs.

const rows = (values: Float64Array, n: number, m: number): number[][] =>
  Array.from({ length: n }, (_, i) => Array.from(values.subarray(i * m, (i + 1) * m)));

function storedResult(
  runId: string,
  params: ReturnType<typeof pmfRunParams.parse>,
  data: PmfInputData,
  result: PmfResult,
  x: Float64Array,
): PmfStoredResult {
  const s = result.solution;
  const { samples: n, species: m, factors: k } = s;
  const predicted = new Float64Array(n * m);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++) {
      let fit = 0;
      for (let h = 0; h < k; h++) fit += s.contributions[i * k + h] * s.profiles[h * m + j];
      predicted[i * m + j] = fit;
    }
  const percentOfSpecies = rows(s.percentOfSpecies, k, m);
  const best = result.runs[result.best];
  return {
    runId,
    createdAt: new Date().toISOString(),
    softwareVersion: result.softwareVersion,
    parameters: { ...result.parameters, robust: params.robust, seeds: result.seeds },
    source: { ...params.source },
    sampleIds: data.matrices.sampleIds,
    coordinates: data.coordinates,
    species: result.parameters.species,
    categories: result.parameters.categories,
    factors: k,
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
    qExpected: s.qExpected,
    profiles: rows(s.profiles, k, m),
    percentOfSpecies,
    percentOfTotal: rows(s.percentOfTotal, k, m),
    contributions: rows(s.contributions, n, k),
    contributionsMass: rows(s.contributionsMass, n, k),
    observed: rows(x, n, m),
    predicted: rows(predicted, n, m),
    scaledResiduals: rows(s.scaledResiduals, n, m),
    qPerSpecies: Array.from(s.qPerSpecies),
    qExpectedPerSpecies: s.qExpectedPerSpecies,
    speciesFit: s.speciesFit.map((f) => ({ ...f })),
    nameSuggestions: percentOfSpecies.map((row) => suggestFactorNames(result.parameters.species, row)),
    factorNames: Array.from({ length: k }, () => ''),
    elapsedMs: result.elapsedMs,
  };
}

/** Prepares the input, runs PMF, stores the run in the project and returns the stored result. */
export async function runPmfAnalysis(
  ctx: ApiContext,
  raw: PmfRunParams,
  control?: Pick<JobControl, 'signal' | 'progress'>,
): Promise<PmfStoredResult> {
  const params = pmfRunParams.parse(raw);
  const session = ctx.session();
  control?.progress(0.01, { zh: '正在准备数据', en: 'preparing the data' });
  const data = await readPmfSource(() => session, params.source);
  const input = preparePmfInput(data.matrices, params.options);
  const result = await runPmf(input, {
    factors: params.factors,
    runs: params.runs,
    seed: params.seed,
    solver: { robust: params.robust },
    workers: params.workers,
    signal: control?.signal,
    onProgress: (p) => {
      if (!p.finished) return;
      control?.progress(Math.min(0.99, p.runsDone / p.runs), {
        zh: `已完成 ${p.runsDone}/${p.runs} 次运行`,
        en: `${p.runsDone}/${p.runs} runs done`,
      });
    },
  });
  const runId = randomUUID();
  const stored = storedResult(runId, params, data, result, input.problem.x);
  const store = await runStoreFor(session);
  await store.save({
    id: runId,
    kind: 'pmf',
    createdAt: stored.createdAt,
    parameters: { ...stored.parameters, source: stored.source, options: params.options },
    result: stored,
    version: stored.softwareVersion,
  });
  control?.progress(1, { zh: '完成', en: 'done' });
  return stored;
}

async function storedRun(ctx: ApiContext, runId: string): Promise<PmfStoredResult> {
  const run = await (await runStoreFor(ctx.session())).get(runId);
  if (run?.kind !== 'pmf') {
    throw new ApiError(
      'not_found',
      { zh: `没有 PMF 运行 ${runId}`, en: `no PMF run ${runId}` },
      { value: runId },
    );
  }
  return pmfStoredResult.parse(run.result);
}

/**
 * Bootstrap (block bootstrap, mapping at r ≥ 0.6) and DISP (dQmax 4/8/16/32) of a stored run's
 * base solution, and when asked Fpeak, BS-DISP and one constrained run (user guide §5.3, §6), on
 * the stored input re-read from its source; the tables are saved with the run.
 */
export async function runPmfErrors(
  ctx: ApiContext,
  raw: PmfErrorParams,
  control?: Pick<JobControl, 'signal' | 'progress'>,
): Promise<PmfStoredResult> {
  const params = pmfErrorParams.parse(raw);
  const session = ctx.session();
  const store = await runStoreFor(session);
  const run = await store.get(params.runId);
  if (run?.kind !== 'pmf') {
    throw new ApiError('not_found', {
      zh: `没有 PMF 运行 ${params.runId}`,
      en: `no PMF run ${params.runId}`,
    });
  }
  const result = pmfStoredResult.parse(run.result);
  const stored = run.parameters as { source: unknown; options: unknown };
  const data = await readPmfSource(() => session, pmfSource.parse(stored.source));
  const input = preparePmfInput(data.matrices, pmfPrepareOptions.parse(stored.options));
  const { problem } = input;
  const k = result.factors;
  const base = {
    g: Float64Array.from(result.contributions.flat()),
    f: Float64Array.from(result.profiles.flat()),
    factors: k,
  };
  const t0 = performance.now();
  const bsShare = params.disp ? 0.6 : 0.9;
  control?.progress(0.01, { zh: '误差估计：自举', en: 'error estimation: bootstrap' });
  const bootstrap =
    params.bootstrapRuns > 0
      ? await bootstrapPmf(problem, base, {
          runs: params.bootstrapRuns,
          seed: params.seed,
          workers: params.workers,
          signal: control?.signal,
          onProgress: (done, total) =>
            control?.progress((bsShare * done) / total, {
              zh: `自举 ${done}/${total}`,
              en: `bootstrap ${done}/${total}`,
            }),
        })
      : null;
  let disp: DispResult | null = null;
  if (params.disp) {
    control?.progress(bsShare, { zh: '误差估计：DISP', en: 'error estimation: DISP' });
    [disp] = await runJobsInWorkers<DispTask, DispResult>([{ problem, base }], {
      module: new URL('../pmf-disp-task.ts', import.meta.url),
      concurrency: 1,
      signal: control?.signal,
      onProgress: ({ message }) => {
        const m = message as { done: number; total: number } | undefined;
        if (m)
          control?.progress(bsShare + ((0.99 - bsShare) * m.done) / m.total, {
            zh: `DISP ${m.done}/${m.total}`,
            en: `DISP ${m.done}/${m.total}`,
          });
      },
    });
  }
  // Fpeak, BS-DISP and the constrained run: one worker task each (error-estimation-task.ts), in
  // parallel; each is one long synchronous computation.
  const tasks: ErrorEstimationTask[] = [];
  if (params.fpeak?.length) tasks.push({ kind: 'fpeak', problem, base, strengths: params.fpeak });
  if (params.bsDisp)
    tasks.push({
      kind: 'bs-disp',
      problem,
      base,
      settings: { runs: params.bsDisp.runs, seed: params.seed, displacedRuns: params.bsDisp.displacedRuns },
    });
  if (params.constraints)
    tasks.push({
      kind: 'constraints',
      problem,
      base,
      constraints: params.constraints,
      settings: params.dQLimit === undefined ? {} : { dQLimit: params.dQLimit },
    });
  let fpeak: FpeakResult[] | undefined;
  let bsDisp: BsDispResult | undefined;
  let constrained: ConstrainedRun | undefined;
  if (tasks.length) {
    control?.progress(0.99, {
      zh: `误差估计：${tasks.map((t) => t.kind).join('、')}`,
      en: `error estimation: ${tasks.map((t) => t.kind).join(', ')}`,
    });
    const parts = await runJobsInWorkers<ErrorEstimationTask, ErrorEstimationResult>(tasks, {
      module: new URL('../../methods/pmf/error-estimation/error-estimation-task.ts', import.meta.url),
      concurrency: tasks.length,
      signal: control?.signal,
    });
    tasks.forEach((task, i) => {
      if (task.kind === 'fpeak') fpeak = parts[i] as FpeakResult[];
      else if (task.kind === 'bs-disp') bsDisp = parts[i] as BsDispResult;
      else if (task.kind === 'constraints') constrained = parts[i] as ConstrainedRun;
    });
  }
  const n = problem.samples;
  const m = problem.species;
  // Parts not asked for this time keep what the run had: they are estimates of the same base.
  const previous = result.errors;
  const updated: PmfStoredResult = {
    ...result,
    errors: {
      bootstrap: bootstrap
        ? {
            runs: bootstrap.runs,
            seed: bootstrap.seed,
            blockSize: bootstrap.blockSize,
            threshold: bootstrap.threshold,
            mappingCounts: bootstrap.mappingCounts,
            unmapped: bootstrap.unmapped,
            mappedPercent: bootstrap.mappedPercent,
            percentiles: [...bootstrap.percentiles],
            profilePercentiles: bootstrap.profilePercentiles,
            baseProfiles: bootstrap.baseProfiles,
          }
        : (previous?.bootstrap ?? null),
      disp: disp
        ? {
            levels: disp.levels,
            qBase: disp.qBase,
            swaps: disp.swaps,
            maxQDecreasePercent: disp.maxQDecreasePercent,
            decreaseFlag: disp.decreaseFlag,
            low: disp.low,
            high: disp.high,
            baseProfiles: disp.baseProfiles,
          }
        : (previous?.disp ?? null),
      fpeak: fpeak
        ? fpeak.map((r) => ({
            strength: r.strength,
            qTrue: r.qTrue,
            qRobust: r.qRobust,
            dQ: r.dQ,
            profiles: r.profiles,
            contributions: rows(r.contributions, n, k),
          }))
        : (previous?.fpeak ?? null),
      bsDisp: bsDisp
        ? {
            levels: bsDisp.levels,
            bootstrapRuns: bsDisp.bootstrapRuns,
            displacedRuns: bsDisp.displacedRuns,
            skippedRuns: bsDisp.skippedRuns,
            blockSize: bsDisp.blockSize,
            swaps: bsDisp.swaps,
            maxQDecreasePercent: bsDisp.maxQDecreasePercent,
            low: bsDisp.low,
            high: bsDisp.high,
          }
        : (previous?.bsDisp ?? null),
      constraints: constrained
        ? {
            dQLimit: constrained.dQLimit,
            qBase: constrained.qBase,
            qTrue: constrained.qTrue,
            qRobust: constrained.qRobust,
            dQ: constrained.dQ,
            strength: constrained.strength,
            elements: constrained.elements.map((e) => ({
              constraint: pmfConstraint.parse(e.constraint),
              before: e.before,
              after: e.after,
            })),
            profiles: rows(constrained.solution.f, k, m),
            contributions: rows(constrained.solution.g, n, k),
          }
        : (previous?.constraints ?? null),
      elapsedMs: performance.now() - t0,
    },
  };
  await store.updateResult(params.runId, updated);
  control?.progress(1, { zh: '完成', en: 'done' });
  return updated;
}

export const pmfRoutes: RouteModule = {
  'pmf.errors': async (params, ctx) => runPmfErrors(ctx, params),
  'pmf.species': async (params, ctx) => {
    const data = await readPmfSource(() => ctx.session(), params.source);
    const prepared = preparePmfInput(data.matrices, params.options ?? {});
    return {
      sampleIds: data.matrices.sampleIds,
      species: speciesRows(data, prepared),
      available: data.available,
    };
  },
  'pmf.run': async (params, ctx) => runPmfAnalysis(ctx, params),
  'pmf.runs': async (_params, ctx) => {
    const list = await (await runStoreFor(ctx.session())).list('pmf', ['qTrue', 'qRobust']);
    return list.map((r) => {
      const p = r.parameters as {
        factors: number;
        runs: number;
        seed: number;
        source: { type: string; datasetId?: string; concPath?: string };
      };
      return {
        runId: r.id,
        createdAt: r.createdAt,
        softwareVersion: r.version,
        factors: p.factors,
        runs: p.runs,
        seed: p.seed,
        qTrue: Number(r.fields.qTrue),
        qRobust: Number(r.fields.qRobust),
        source: p.source.type === 'dataset' ? String(p.source.datasetId) : String(p.source.concPath),
      };
    });
  },
  'pmf.result': async ({ runId }, ctx) => storedRun(ctx, runId),
  'pmf.nameFactors': async ({ runId, names }, ctx) => {
    const result = await storedRun(ctx, runId);
    if (names.length !== result.factors) {
      throw new SoilTraceError({
        zh: `应给出 ${result.factors} 个因子名称，实为 ${names.length}`,
        en: `expected ${result.factors} factor names, got ${names.length}`,
      });
    }
    const factorNames = names.map((n) => n.trim());
    await (await runStoreFor(ctx.session())).updateResult(runId, { ...result, factorNames });
    return { runId, factorNames };
  },
};
