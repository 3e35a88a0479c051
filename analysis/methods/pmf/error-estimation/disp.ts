// Displacement (DISP) error estimation (Paatero et al. 2014, Atmos. Meas. Tech. 7:781, §2.2;
// EPA PMF 5.0 user guide §5.2): each profile element f_hj is moved up and down, the rest of the
// solution re-fitted around it, until Q has risen by dQmax (4, 8, 16, 32). The range each
// element spans over all displaced solutions at a dQmax is its DISP interval; a displaced
// solution whose contributions no longer match the base factors one to one is a factor swap.
//
// Each step is a warm-started re-fit with f_hj held (solveNormalised, G columns kept at mean 1 so
// the displacement cannot be absorbed by rescaling the factor). The displacement reaching a dQmax
// is found by modelling dQ ≈ a·δ² (Q is quadratic near its minimum): δ ← δ·√(dQmax/dQ), then
// regula falsi on √dQ once the target is bracketed.

import { pearson } from '../match-factors.ts';
import type { PmfFactors, PmfProblem } from '../q.ts';
import { normalisedCopy, solveNormalised } from './normalised-solve.ts';

export const DISP_LEVELS = [4, 8, 16, 32] as const;

export interface DispSettings {
  /** dQmax values, ascending (default 4, 8, 16, 32 as PMF 5.0). */
  levels?: readonly number[];
  /** Sweeps of each re-fit (default 60): starts are warm, from the previous displacement. */
  maxSweeps?: number;
  /** Re-fits per element, direction and level at most (default 8). */
  maxSteps?: number;
  /** Accept a displacement when |dQ − dQmax| ≤ tolerance·dQmax (default 0.1). */
  tolerance?: number;
  /** Decrease of Q, as % of the base Q, beyond which the result is flagged (default 0.1). */
  decreaseFlagPercent?: number;
  /** Factors whose elements are displaced (default all); for splitting DISP over threads. */
  displaceFactors?: readonly number[];
  onProgress?: (done: number, total: number) => void;
}

export interface DispResult {
  levels: number[];
  factors: number;
  species: number;
  /** Q(true) of the base, re-fitted to convergence with G columns at mean 1 (the dQ reference). */
  qBase: number;
  /** Base profiles, G columns mean 1 (factors × species). */
  baseProfiles: number[][];
  /** low[level][h][j], high[level][h][j]: the range of f_hj over all displaced solutions. */
  low: number[][][];
  high: number[][][];
  /** dQ reached by the displacement of f_hj itself, down and up: dQDown[level][h][j]. */
  dQDown: number[][][];
  dQUp: number[][][];
  /**
   * Where the target dQ could not be reached: 'zero' (f_hj went to 0 below dQmax) or 'bound'
   * (f_hj reached 100 × the species' mean concentration): limitDown/limitUp[level][h][j].
   */
  limitDown: ('zero' | null)[][][];
  limitUp: ('bound' | null)[][][];
  /** swaps[level][h]: displaced solutions in which factor h no longer matched base factor h. */
  swaps: number[][];
  /** Largest decrease of Q below the base seen in any re-fit, and as % of it (PMF 5.0 "%dQ"). */
  maxQDecrease: number;
  maxQDecreasePercent: number;
  /** True when that decrease exceeds decreaseFlagPercent: the base was not a minimum. */
  decreaseFlag: boolean;
  solves: number;
  elapsedMs: number;
}

interface Step {
  delta: number;
  dQ: number;
  solution: PmfFactors;
}

/** Factor h of `displaced` still matches base factor h: its contributions correlate best with it. */
function swappedFactors(base: PmfFactors, displaced: PmfFactors, samples: number): boolean[] {
  const k = base.factors;
  const column = (g: Float64Array, h: number) =>
    Float64Array.from({ length: samples }, (_, i) => g[i * k + h]);
  const baseColumns = Array.from({ length: k }, (_, h) => column(base.g, h));
  return Array.from({ length: k }, (_, l) => {
    const c = column(displaced.g, l);
    let best = 0;
    let bestR = Number.NEGATIVE_INFINITY;
    for (let h = 0; h < k; h++) {
      const r = pearson(c, baseColumns[h]);
      if (r > bestR) {
        bestR = r;
        best = h;
      }
    }
    return best !== l;
  });
}

/** DISP of every profile element of `base`. Pure; runtime ∝ factors × species × 2 × levels. */
export function displacePmf(problem: PmfProblem, base: PmfFactors, settings: DispSettings = {}): DispResult {
  const t0 = performance.now();
  const { samples: n, species: m } = problem;
  const k = base.factors;
  const levels = [...(settings.levels ?? DISP_LEVELS)].sort((a, b) => a - b);
  const maxSweeps = settings.maxSweeps ?? 60;
  const maxSteps = settings.maxSteps ?? 8;
  const tolerance = settings.tolerance ?? 0.1;
  const polished = solveNormalised(problem, normalisedCopy(problem, base), { maxSweeps: 2000 });
  const start: PmfFactors = { g: polished.g, f: polished.f, factors: k };
  const qBase = polished.qTrue;
  let solves = 1;
  let maxQDecrease = 0;

  const grid = <T>(fill: () => T) =>
    levels.map(() => Array.from({ length: k }, () => Array.from({ length: m }, fill)));
  const low = grid(() => Number.POSITIVE_INFINITY);
  const high = grid(() => Number.NEGATIVE_INFINITY);
  const dQDown = grid(() => 0);
  const dQUp = grid(() => 0);
  const limitDown = grid<'zero' | null>(() => null);
  const limitUp = grid<'bound' | null>(() => null);
  const swaps = levels.map(() => new Array<number>(k).fill(0));
  const speciesMean = new Float64Array(m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) speciesMean[j] += problem.x[i * m + j] / n;

  const record = (level: number, solution: PmfFactors) => {
    for (let a = 0; a < k; a++) {
      for (let j = 0; j < m; j++) {
        const v = solution.f[a * m + j];
        if (v < low[level][a][j]) low[level][a][j] = v;
        if (v > high[level][a][j]) high[level][a][j] = v;
      }
    }
    swappedFactors(start, solution, n).forEach((swapped, a) => {
      if (swapped) swaps[level][a]++;
    });
  };
  for (let li = 0; li < levels.length; li++) record(li, start);

  const displaced = settings.displaceFactors ?? Array.from({ length: k }, (_, h) => h);
  const total = displaced.length * m * 2;
  let done = 0;
  for (const h of displaced) {
    for (let j = 0; j < m; j++) {
      const at = h * m + j;
      const v0 = start.f[at];
      const hold = new Uint8Array(k * m);
      hold[at] = 1;
      const scale = speciesMean[j] > 0 ? speciesMean[j] : 1;
      for (const direction of [-1, 1] as const) {
        const maxDelta = direction < 0 ? v0 : 100 * scale;
        const evaluate = (delta: number, from: PmfFactors): Step => {
          const f = from.f.slice();
          f[at] = v0 + direction * delta;
          const fit = solveNormalised(problem, { g: from.g, f, factors: k }, { holdF: hold, maxSweeps });
          solves++;
          const dQ = fit.qTrue - qBase;
          if (-dQ > maxQDecrease) maxQDecrease = -dQ;
          return { delta, dQ, solution: fit };
        };
        // The last accepted displacement: the next level starts from it.
        let accepted: Step = { delta: 0, dQ: 0, solution: start };
        for (let li = 0; li < levels.length; li++) {
          const target = levels[li];
          let below: Step = accepted;
          let above: Step | undefined;
          let result: Step | undefined;
          let limited = false;
          for (let step = 0; step < maxSteps; step++) {
            let delta: number;
            if (above) {
              // Regula falsi on √dQ between the bracketing displacements.
              const sb = Math.sqrt(Math.max(below.dQ, 0));
              const sa = Math.sqrt(above.dQ);
              const s = Math.sqrt(target);
              delta =
                sa > sb
                  ? below.delta + ((s - sb) / (sa - sb)) * (above.delta - below.delta)
                  : (below.delta + above.delta) / 2;
            } else if (below.dQ > 0 && below.delta > 0) {
              delta = Math.min(below.delta * Math.sqrt(target / below.dQ), below.delta * 10);
            } else {
              delta = Math.max(0.1 * v0, 1e-3 * scale);
            }
            if (delta >= maxDelta) {
              delta = maxDelta;
              if (below.delta >= maxDelta) {
                limited = true;
                result = below;
                break;
              }
            }
            const trial = evaluate(delta, below.solution);
            if (Math.abs(trial.dQ - target) <= tolerance * target) {
              result = trial;
              break;
            }
            if (trial.dQ < target) {
              below = trial;
              if (delta >= maxDelta) {
                limited = true;
                result = trial;
                break;
              }
            } else above = trial;
          }
          // Out of steps: keep the displacement closest to the target from below.
          if (!result) result = below;
          accepted = result;
          record(li, result.solution);
          if (direction < 0) {
            dQDown[li][h][j] = result.dQ;
            limitDown[li][h][j] = limited ? 'zero' : null;
          } else {
            dQUp[li][h][j] = result.dQ;
            limitUp[li][h][j] = limited ? 'bound' : null;
          }
        }
        done++;
        settings.onProgress?.(done, total);
      }
    }
  }
  const maxQDecreasePercent = qBase > 0 ? (100 * maxQDecrease) / qBase : 0;
  return {
    levels,
    factors: k,
    species: m,
    qBase,
    baseProfiles: Array.from({ length: k }, (_, h) => Array.from(start.f.subarray(h * m, (h + 1) * m))),
    low,
    high,
    dQDown,
    dQUp,
    limitDown,
    limitUp,
    swaps,
    maxQDecrease,
    maxQDecreasePercent,
    decreaseFlag: maxQDecreasePercent > (settings.decreaseFlagPercent ?? 0.1),
    solves,
    elapsedMs: performance.now() - t0,
  };
}

/**
 * Joins DISP results computed for disjoint sets of factors of the same base (displaceFactors):
 * intervals are the union, swap counts and re-fits add up, each element keeps the dQ and limit
 * of the part that displaced it.
 */
export function mergeDisp(
  parts: readonly DispResult[],
  displaced: readonly (readonly number[])[],
): DispResult {
  const [first] = parts;
  const merged: DispResult = structuredClone(first);
  parts.forEach((part, p) => {
    if (p === 0) return;
    part.levels.forEach((_, l) => {
      for (let h = 0; h < part.factors; h++) {
        merged.swaps[l][h] += part.swaps[l][h];
        for (let j = 0; j < part.species; j++) {
          merged.low[l][h][j] = Math.min(merged.low[l][h][j], part.low[l][h][j]);
          merged.high[l][h][j] = Math.max(merged.high[l][h][j], part.high[l][h][j]);
        }
      }
      for (const h of displaced[p]) {
        merged.dQDown[l][h] = part.dQDown[l][h].slice();
        merged.dQUp[l][h] = part.dQUp[l][h].slice();
        merged.limitDown[l][h] = part.limitDown[l][h].slice();
        merged.limitUp[l][h] = part.limitUp[l][h].slice();
      }
    });
    merged.solves += part.solves;
    merged.maxQDecrease = Math.max(merged.maxQDecrease, part.maxQDecrease);
    merged.maxQDecreasePercent = Math.max(merged.maxQDecreasePercent, part.maxQDecreasePercent);
    merged.decreaseFlag ||= part.decreaseFlag;
    merged.elapsedMs = Math.max(merged.elapsedMs, part.elapsedMs);
  });
  return merged;
}
