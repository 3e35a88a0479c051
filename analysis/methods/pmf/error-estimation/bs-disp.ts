// BS-DISP, a lighter form (after Brown et al. 2015, Sci. Total Environ. 518:626; EPA PMF 5.0
// user guide §5.3): DISP is run on a subset of the bootstrap runs, each on its own resampled data
// and starting from its own bootstrap solution, so the intervals hold both the random error
// (resampling) and the rotational ambiguity (displacement). Only runs in which every bootstrap
// factor mapped one to one onto the base factors are displaced; their factors are put in base
// order. PMF 5.0 displaces every run and also changes the dQmax rule for resampled data; here
// the dQmax levels are the same as DISP's.

import type { PmfFactors, PmfProblem } from '../q.ts';
import { type BootstrapSettings, bootstrapRuns, resampledProblem } from './bootstrap.ts';
import { type DispSettings, displacePmf } from './disp.ts';

export interface BsDispSettings extends BootstrapSettings {
  /** Bootstrap runs to displace (the first ones that map one to one; default 10). */
  displacedRuns?: number;
  disp?: Omit<DispSettings, 'onProgress'>;
}

export interface BsDispResult {
  levels: number[];
  bootstrapRuns: number;
  /** Bootstrap runs displaced, and those skipped because their factors did not map one to one. */
  displacedRuns: number;
  skippedRuns: number;
  blockSize: number;
  /** low[level][h][j], high[level][h][j] in base factor order, over all displaced solutions. */
  low: number[][][];
  high: number[][][];
  /** swaps[level][h]: summed over the displaced runs. */
  swaps: number[][];
  /** Largest Q decrease (% of that run's Q) over the displaced runs. */
  maxQDecreasePercent: number;
  solves: number;
  elapsedMs: number;
}

export async function bsDispPmf(
  problem: PmfProblem,
  base: PmfFactors,
  settings: BsDispSettings,
): Promise<BsDispResult> {
  const t0 = performance.now();
  const k = base.factors;
  const m = problem.species;
  const { runs, blockSize } = await bootstrapRuns(problem, base, settings);
  const wanted = settings.displacedRuns ?? 10;
  let low: number[][][] = [];
  let high: number[][][] = [];
  let swaps: number[][] = [];
  let levels: number[] = [];
  let displaced = 0;
  let skipped = 0;
  let solves = 0;
  let maxQDecreasePercent = 0;
  for (const run of runs) {
    if (displaced >= wanted) break;
    const oneToOne = new Set(run.mapping.filter((h) => h >= 0)).size === k && !run.mapping.includes(-1);
    if (!oneToOne) {
      skipped++;
      continue;
    }
    const result = displacePmf(
      resampledProblem(problem, run.rows),
      { g: run.g, f: run.f, factors: k },
      settings.disp,
    );
    if (displaced === 0) {
      levels = result.levels;
      const grid = (v: number) =>
        levels.map(() => Array.from({ length: k }, () => new Array<number>(m).fill(v)));
      low = grid(Number.POSITIVE_INFINITY);
      high = grid(Number.NEGATIVE_INFINITY);
      swaps = levels.map(() => new Array<number>(k).fill(0));
    }
    for (let l = 0; l < levels.length; l++) {
      for (let bsFactor = 0; bsFactor < k; bsFactor++) {
        const h = run.mapping[bsFactor];
        swaps[l][h] += result.swaps[l][bsFactor];
        for (let j = 0; j < m; j++) {
          low[l][h][j] = Math.min(low[l][h][j], result.low[l][bsFactor][j]);
          high[l][h][j] = Math.max(high[l][h][j], result.high[l][bsFactor][j]);
        }
      }
    }
    maxQDecreasePercent = Math.max(maxQDecreasePercent, result.maxQDecreasePercent);
    solves += result.solves;
    displaced++;
  }
  return {
    levels,
    bootstrapRuns: runs.length,
    displacedRuns: displaced,
    skippedRuns: skipped,
    blockSize,
    low,
    high,
    swaps,
    maxQDecreasePercent,
    solves,
    elapsedMs: performance.now() - t0,
  };
}
