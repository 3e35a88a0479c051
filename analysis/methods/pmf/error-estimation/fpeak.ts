// Fpeak rotation (Paatero et al. 2002, Chemometr. Intell. Lab. 60:253; EPA PMF 5.0 user guide
// §6.1): the base pair is rotated, G' = G·T⁻¹ and F' = T·F (so G'F' = GF), with
// T = I − (φ/(k−1))·(J − I): every profile loses φ/(k−1) of each other profile. Positive φ
// sharpens the profiles (more zeros in F), negative φ sharpens the contributions. The rotated
// pair usually has negative values, so, as ME-2 does, it is not used as such but pulled towards:
// the non-negative part of the rotated F and G become soft targets (strength `pullStrength`, on
// the scale of pull-weights.ts) and the solution is re-fitted; the rise in Q(true) is the cost.

import { inverse, Matrix } from 'ml-matrix';
import type { PmfFactors, PmfProblem } from '../q.ts';
import { normaliseContributions, normalisedCopy, solveNormalised } from './normalised-solve.ts';
import { fCurvature, gCurvature } from './pull-weights.ts';

export interface FpeakSettings {
  /**
   * Strength of the pulls towards the rotated pair, relative to the data (1 = as strong as the
   * data about each element). Default 0.01: on St. Louis (5 factors) φ = ±0.5 then costs 2–8 %
   * of Q, the range PMF 5.0 users explore; 1 costs 8–50× Q (the rotation is forced).
   */
  pullStrength?: number;
  /** Sweeps of each re-fit (default 500). */
  maxSweeps?: number;
}

export interface FpeakResult {
  strength: number;
  qTrue: number;
  qRobust: number;
  /** Q(true) minus that of the base re-fitted the same way (φ = 0 gives ≈ 0). */
  dQ: number;
  /** factors × species, G columns mean 1. */
  profiles: number[][];
  /** samples × factors, row-major, columns mean 1. */
  contributions: Float64Array;
}

/** The rotation matrix T (k × k, row-major) for strength φ. */
export function fpeakRotation(factors: number, strength: number): Float64Array {
  const t = new Float64Array(factors * factors);
  const off = factors > 1 ? -strength / (factors - 1) : 0;
  for (let a = 0; a < factors; a++) for (let b = 0; b < factors; b++) t[a * factors + b] = a === b ? 1 : off;
  return t;
}

/** The rotated pair G·T⁻¹, T·F, negatives kept (G'F' = GF exactly). */
export function rotate(base: PmfFactors, t: Float64Array): PmfFactors {
  const k = base.factors;
  const m = base.f.length / k;
  const n = base.g.length / k;
  const T = new Matrix(Array.from({ length: k }, (_, a) => Array.from(t.subarray(a * k, (a + 1) * k))));
  const inv = inverse(T);
  const f = new Float64Array(k * m);
  const g = new Float64Array(n * k);
  for (let a = 0; a < k; a++)
    for (let b = 0; b < k; b++) for (let j = 0; j < m; j++) f[a * m + j] += t[a * k + b] * base.f[b * m + j];
  for (let i = 0; i < n; i++)
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) g[i * k + b] += base.g[i * k + a] * inv.get(a, b);
  return { g, f, factors: k };
}

/** Fpeak runs of `base` at each strength (φ = 0 is the reference for dQ). */
export function fpeakPmf(
  problem: PmfProblem,
  base: PmfFactors,
  strengths: readonly number[],
  settings: FpeakSettings = {},
): FpeakResult[] {
  const k = base.factors;
  const m = problem.species;
  const maxSweeps = settings.maxSweeps ?? 500;
  const lambda = settings.pullStrength ?? 0.01;
  const start = normalisedCopy(problem, base);
  const refit = (strength: number) => {
    const rotated = rotate(start, fpeakRotation(k, strength));
    const target: PmfFactors = {
      g: rotated.g.map((v) => Math.max(v, 0)),
      f: rotated.f.map((v) => Math.max(v, 0)),
      factors: k,
    };
    normaliseContributions(target, problem.samples);
    const fit = solveNormalised(problem, target, {
      maxSweeps,
      pullF: { weight: fCurvature(problem, target).map((c) => lambda * c), target: target.f },
      pullG: { weight: gCurvature(problem, target).map((c) => lambda * c), target: target.g },
    });
    return fit;
  };
  const reference = refit(0);
  return strengths.map((strength) => {
    const fit = strength === 0 ? reference : refit(strength);
    return {
      strength,
      qTrue: fit.qTrue,
      qRobust: fit.qRobust,
      dQ: fit.qTrue - reference.qTrue,
      profiles: Array.from({ length: k }, (_, h) => Array.from(fit.f.subarray(h * m, (h + 1) * m))),
      contributions: fit.g,
    };
  });
}
