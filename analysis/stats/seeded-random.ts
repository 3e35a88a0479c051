import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { mersenne } from 'pure-rand/generator/mersenne';

/**
 * A reproducible stream of uniform numbers in [0, 1) from a seed (pure-rand's Mersenne Twister,
 * 53-bit floats). Same seed, same stream, on every platform — results can carry their seed.
 */
export function seededUniform(seed: number): () => number {
  const rng = mersenne(seed >>> 0);
  return () => uniformFloat64(rng);
}
