// Block bootstrap of a PMF solution (EPA PMF 5.0 user guide §5.1; Norris et al. 2014): resample
// blocks of consecutive samples with replacement, refit from the base solution, map each
// bootstrap factor to the base factor whose contributions it correlates with best (r ≥ 0.6 by
// default, as PMF 5.0), and summarise the mapped profiles by percentiles.

import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { SoilTraceError } from '../../../errors.ts';
import { type JobProgress, runJobsInProcess, runJobsInWorkers } from '../../../jobs/run-jobs.ts';
import { quantileSorted } from '../../../stats/quantile.ts';
import type { BaseRunOptions } from '../base-runs.ts';
import { pearson } from '../match-factors.ts';
import type { PmfFactors, PmfProblem } from '../q.ts';
import { solvePmf } from '../solve.ts';
import { normaliseContributions, normalisedCopy } from './normalised-solve.ts';

/** Percentiles PMF 5.0 reports for bootstrap profiles. */
export const BOOTSTRAP_PERCENTILES = [5, 25, 50, 75, 95] as const;
export const DEFAULT_MAPPING_THRESHOLD = 0.6;

/** Lag-1 autocorrelation of a series (Box & Jenkins 1976, eq. 2.1.12). */
export function lag1Autocorrelation(series: ArrayLike<number>): number {
  const n = series.length;
  if (n < 3) return 0;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += series[i] / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    const d = series[i] - mean;
    den += d * d;
    if (i > 0) num += d * (series[i - 1] - mean);
  }
  return den > 0 ? num / den : 0;
}

/**
 * Block length from the data: the largest lag-1 autocorrelation ρ of the base contributions
 * (factor time series) in Carlstein's (1986, Ann. Stat. 14:1171) optimal block length for an
 * AR(1) series, l = (2ρ/(1 − ρ²))^(2/3) · n^(1/3), rounded up and kept within [1, n/2].
 * A ρ below 2/√n, the approximate 95 % bound of a white-noise autocorrelation (Box & Jenkins
 * 1976, §6.2.2), counts as 0: uncorrelated samples (e.g. a soil survey in file order) give
 * blocks of 1, the ordinary bootstrap. PMF 5.0 proposes its own block size; this rule is ours,
 * reported with the result, and any block size can be given instead (--block-size).
 */
export function chooseBlockSize(base: PmfFactors, samples: number): { blockSize: number; rho: number } {
  const k = base.factors;
  let rho = 0;
  const column = new Float64Array(samples);
  for (let h = 0; h < k; h++) {
    for (let i = 0; i < samples; i++) column[i] = base.g[i * k + h];
    rho = Math.max(rho, lag1Autocorrelation(column));
  }
  const r = rho < 2 / Math.sqrt(samples) ? 0 : Math.min(rho, 0.99);
  const length = r > 0 ? ((2 * r) / (1 - r * r)) ** (2 / 3) * samples ** (1 / 3) : 1;
  return { blockSize: Math.max(1, Math.min(Math.ceil(length), Math.floor(samples / 2))), rho };
}

/** Moving-block resample of row indices (Künsch 1989): blocks start anywhere, n rows in all. */
export function resampleRows(samples: number, blockSize: number, seed: number): Int32Array {
  const rng = xoroshiro128plus(seed);
  const rows = new Int32Array(samples);
  let filled = 0;
  while (filled < samples) {
    const start = uniformInt(rng, 0, samples - blockSize);
    for (let b = 0; b < blockSize && filled < samples; b++) rows[filled++] = start + b;
  }
  return rows;
}

export interface BootstrapRunTask {
  problem: PmfProblem;
  /** The base solution, G columns normalised to mean 1. */
  base: PmfFactors;
  blockSize: number;
  seed: number;
  threshold: number;
  solver: BaseRunOptions;
}

export interface BootstrapRun {
  seed: number;
  rows: Int32Array;
  qTrue: number;
  qRobust: number;
  converged: boolean;
  iterations: number;
  /** factors × species, G columns (over the resampled rows) normalised to mean 1. */
  f: Float64Array;
  /** resampled samples × factors. */
  g: Float64Array;
  /** mapping[l] = base factor bootstrap factor l maps to, or −1 when no r reaches the threshold. */
  mapping: number[];
  /** correlation[l·k + h]: r between bootstrap factor l's and base factor h's contributions. */
  correlation: Float64Array;
}

/** The rows `rows` of a problem (and of a G, when given), in that order. */
export function resampledProblem(problem: PmfProblem, rows: Int32Array): PmfProblem {
  const m = problem.species;
  const x = new Float64Array(rows.length * m);
  const u = new Float64Array(rows.length * m);
  rows.forEach((r, i) => {
    x.set(problem.x.subarray(r * m, (r + 1) * m), i * m);
    u.set(problem.u.subarray(r * m, (r + 1) * m), i * m);
  });
  return { x, u, samples: rows.length, species: m };
}

/** One bootstrap run: resample, refit from base F and the resampled rows of base G, map. */
export function bootstrapRun(task: BootstrapRunTask): BootstrapRun {
  const { problem, base, blockSize, seed, threshold } = task;
  const { samples: n } = problem;
  const k = base.factors;
  const rows = resampleRows(n, blockSize, seed);
  const g0 = new Float64Array(n * k);
  for (let i = 0; i < n; i++) g0.set(base.g.subarray(rows[i] * k, (rows[i] + 1) * k), i * k);
  const resampled = resampledProblem(problem, rows);
  const fit = solvePmf(resampled, { f: base.f, g: g0, factors: k }, task.solver);
  const solution = { g: fit.g, f: fit.f, factors: k };
  normaliseContributions(solution, n);
  const correlation = new Float64Array(k * k);
  const bsColumn = new Float64Array(n);
  const baseColumn = new Float64Array(n);
  const mapping: number[] = [];
  for (let l = 0; l < k; l++) {
    for (let i = 0; i < n; i++) bsColumn[i] = solution.g[i * k + l];
    let best = -1;
    let bestR = Number.NEGATIVE_INFINITY;
    for (let h = 0; h < k; h++) {
      for (let i = 0; i < n; i++) baseColumn[i] = g0[i * k + h];
      const r = pearson(bsColumn, baseColumn);
      correlation[l * k + h] = r;
      if (r > bestR) {
        bestR = r;
        best = h;
      }
    }
    mapping.push(bestR >= threshold ? best : -1);
  }
  return {
    seed,
    rows,
    qTrue: fit.qTrue,
    qRobust: fit.qRobust,
    converged: fit.converged,
    iterations: fit.iterations,
    f: solution.f,
    g: solution.g,
    mapping,
    correlation,
  };
}

export interface BootstrapSettings {
  runs: number;
  /** Run i uses seed + i. Default 42. */
  seed?: number;
  /** Default: chooseBlockSize. */
  blockSize?: number;
  /** Minimum contribution correlation to map a bootstrap factor (default 0.6, PMF 5.0). */
  threshold?: number;
  /** Solver settings of each refit (default: the base-run defaults). */
  solver?: BaseRunOptions;
  /** 'auto' (default): worker threads from 8 runs on; 'none'; or a thread count. */
  workers?: 'auto' | 'none' | number;
  signal?: AbortSignal;
  onProgress?: (runsDone: number, runs: number) => void;
}

export interface BootstrapSummary {
  runs: number;
  seed: number;
  blockSize: number;
  /** Largest lag-1 autocorrelation of the base contributions (what chose the block size). */
  rho: number;
  threshold: number;
  factors: number;
  species: number;
  /** counts[h][l]: runs in which bootstrap factor l mapped to base factor h. */
  mappingCounts: number[][];
  /** unmapped[l]: runs in which bootstrap factor l mapped to no base factor. */
  unmapped: number[];
  /** Percent of runs in which base factor h was reproduced as bootstrap factor h. */
  mappedPercent: number[];
  percentiles: readonly number[];
  /**
   * profilePercentiles[h][j] = the 5th, 25th, 50th, 75th, 95th percentiles of species j in the
   * bootstrap factors mapped to base factor h (concentration units, contributions mean 1);
   * empty where nothing mapped.
   */
  profilePercentiles: number[][][];
  /** The base profiles on the same scale (G columns mean 1), factors × species. */
  baseProfiles: number[][];
  /** Q of each run on its resampled data. */
  q: { seed: number; qTrue: number; qRobust: number; converged: boolean; iterations: number }[];
  elapsedMs: number;
}

/** Tables of a set of bootstrap runs (exported for BS-DISP and for runs computed elsewhere). */
export function summariseBootstrap(
  base: PmfFactors,
  species: number,
  runs: readonly BootstrapRun[],
  settings: { seed: number; blockSize: number; rho: number; threshold: number },
): Omit<BootstrapSummary, 'elapsedMs'> {
  const k = base.factors;
  const counts = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const unmapped = new Array<number>(k).fill(0);
  const values = Array.from({ length: k * species }, () => [] as number[]);
  for (const run of runs) {
    run.mapping.forEach((h, l) => {
      if (h < 0) {
        unmapped[l]++;
        return;
      }
      counts[h][l]++;
      for (let j = 0; j < species; j++) values[h * species + j].push(run.f[l * species + j]);
    });
  }
  const profilePercentiles = Array.from({ length: k }, (_, h) =>
    Array.from({ length: species }, (_, j) => {
      const sorted = values[h * species + j].sort((a, b) => a - b);
      return sorted.length === 0 ? [] : BOOTSTRAP_PERCENTILES.map((p) => quantileSorted(sorted, p / 100));
    }),
  );
  return {
    runs: runs.length,
    seed: settings.seed,
    blockSize: settings.blockSize,
    rho: settings.rho,
    threshold: settings.threshold,
    factors: k,
    species,
    mappingCounts: counts,
    unmapped,
    mappedPercent: counts.map((row, h) => (runs.length ? (100 * row[h]) / runs.length : 0)),
    percentiles: BOOTSTRAP_PERCENTILES,
    profilePercentiles,
    baseProfiles: Array.from({ length: k }, (_, h) =>
      Array.from(base.f.subarray(h * species, (h + 1) * species)),
    ),
    q: runs.map((r) => ({
      seed: r.seed,
      qTrue: r.qTrue,
      qRobust: r.qRobust,
      converged: r.converged,
      iterations: r.iterations,
    })),
  };
}

/** The bootstrap runs themselves (tasks in worker threads when there are many). */
export async function bootstrapRuns(
  problem: PmfProblem,
  base: PmfFactors,
  settings: BootstrapSettings,
): Promise<{ runs: BootstrapRun[]; blockSize: number; rho: number; normalisedBase: PmfFactors }> {
  const { runs } = settings;
  if (!Number.isInteger(runs) || runs < 1 || runs > 10_000) {
    throw new SoilTraceError({
      zh: `自举次数应为 1–10000 的整数，实为 ${runs}`,
      en: `bootstrap runs must be an integer 1–10000, got ${runs}`,
    });
  }
  const normalisedBase = normalisedCopy(problem, base);
  const chosen = chooseBlockSize(normalisedBase, problem.samples);
  const blockSize = settings.blockSize ?? chosen.blockSize;
  if (!Number.isInteger(blockSize) || blockSize < 1 || blockSize > problem.samples) {
    throw new SoilTraceError({
      zh: `块大小应为 1–${problem.samples} 的整数，实为 ${blockSize}`,
      en: `block size must be an integer 1–${problem.samples}, got ${blockSize}`,
    });
  }
  const seed = settings.seed ?? 42;
  const tasks: BootstrapRunTask[] = Array.from({ length: runs }, (_, i) => ({
    problem,
    base: normalisedBase,
    blockSize,
    seed: seed + i,
    threshold: settings.threshold ?? DEFAULT_MAPPING_THRESHOLD,
    solver: settings.solver ?? {},
  }));
  const onProgress = (p: JobProgress<BootstrapRun>) => {
    if (p.result) settings.onProgress?.(p.done, runs);
  };
  const mode = settings.workers ?? 'auto';
  const results =
    mode === 'none' || (mode === 'auto' && runs < 8)
      ? await runJobsInProcess((t: BootstrapRunTask) => bootstrapRun(t), tasks, {
          signal: settings.signal,
          onProgress,
        })
      : await runJobsInWorkers<BootstrapRunTask, BootstrapRun>(tasks, {
          module: new URL('./bootstrap-task.ts', import.meta.url),
          concurrency: typeof mode === 'number' ? mode : undefined,
          signal: settings.signal,
          onProgress,
        });
  return { runs: results, blockSize, rho: chosen.rho, normalisedBase };
}

/** Block bootstrap of `base` on `problem`: runs, mapping table, profile percentiles, Q per run. */
export async function bootstrapPmf(
  problem: PmfProblem,
  base: PmfFactors,
  settings: BootstrapSettings,
): Promise<BootstrapSummary> {
  const t0 = performance.now();
  const { runs, blockSize, rho, normalisedBase } = await bootstrapRuns(problem, base, settings);
  const summary = summariseBootstrap(normalisedBase, problem.species, runs, {
    seed: settings.seed ?? 42,
    blockSize,
    rho,
    threshold: settings.threshold ?? DEFAULT_MAPPING_THRESHOLD,
  });
  return { ...summary, elapsedMs: performance.now() - t0 };
}
