// A known mixture for the error-estimation tests: X = G·F (+ optional multiplicative noise) from
// well-separated non-negative profiles with zeros, about a quarter of G zero, seeded (pure-rand).

import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { PmfFactors, PmfProblem } from '../q.ts';
import { normalisedCopy } from './normalised-solve.ts';

export const TRUE_PROFILES = [
  [5, 3, 0, 0, 1, 0, 2, 0],
  [0, 0, 4, 6, 0, 1, 0, 2],
  [0, 1, 0, 0, 3, 5, 0, 7],
];

export interface SyntheticCase {
  problem: PmfProblem;
  /** The truth, G columns normalised to mean 1. */
  truth: PmfFactors;
}

/** `noise` is the relative standard deviation-like amplitude of uniform noise (0 = exact). */
export function syntheticCase(samples: number, seed: number, noise = 0): SyntheticCase {
  const rng = xoroshiro128plus(seed);
  const k = TRUE_PROFILES.length;
  const m = TRUE_PROFILES[0].length;
  const f = Float64Array.from(TRUE_PROFILES.flat());
  const g = new Float64Array(samples * k).map(() => {
    const v = uniformFloat64(rng);
    return v < 0.25 ? 0 : v * 2;
  });
  const x = new Float64Array(samples * m);
  for (let i = 0; i < samples; i++) {
    for (let j = 0; j < m; j++) {
      let v = 0;
      for (let h = 0; h < k; h++) v += g[i * k + h] * f[h * m + j];
      const e = noise * Math.sqrt(3) * (2 * uniformFloat64(rng) - 1);
      x[i * m + j] = Math.max(v * (1 + e), 0);
    }
  }
  const u = x.map((v) => Math.max(noise, 0.05) * v + 0.05);
  const problem = { x, u, samples, species: m };
  return { problem, truth: normalisedCopy(problem, { g, f, factors: k }) };
}
