import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { PmfProblem } from './q.ts';

/**
 * A random starting F (factors × species) from a seed: each element uniform on
 * (0, 2·mean of the species], so every factor starts as a positive mix on the data's scale.
 * Same seed → same start (pure-rand xoroshiro128+).
 */
export function randomStartF(problem: PmfProblem, factors: number, seed: number): Float64Array {
  const { x, samples: n, species: m } = problem;
  const rng = xoroshiro128plus(seed);
  const means = new Float64Array(m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) means[j] += x[i * m + j] / n;
  const f = new Float64Array(factors * m);
  for (let h = 0; h < factors; h++) {
    for (let j = 0; j < m; j++) {
      const scale = means[j] > 0 ? means[j] : 1e-6;
      f[h * m + j] = (2 * (1 - uniformFloat64(rng)) * scale) / factors;
    }
  }
  return f;
}
