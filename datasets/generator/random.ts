import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/**
 * A seeded stream of random numbers. Every draw of the generator goes through one of these, so the
 * same seed gives the same case study, byte for byte.
 */
export interface Random {
  /** Uniform on [0, 1). */
  uniform(): number;
  /** Uniform on [low, high). */
  between(low: number, high: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** Integer uniform on [0, n). */
  integer(n: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** An independent stream, so adding draws to one part of the generator leaves the others unchanged. */
  fork(label: string): Random;
}

export function createRandom(seed: number): Random {
  const rng = xoroshiro128plus(seed);
  const uniform = () => uniformFloat64(rng);
  const random: Random = {
    uniform,
    between: (low, high) => low + (high - low) * uniform(),
    normal: () => {
      // Box–Muller; 1 − u keeps the logarithm's argument in (0, 1].
      const u = 1 - uniform();
      const v = uniform();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    integer: (n) => Math.floor(uniform() * n),
    pick: (items) => items[Math.floor(uniform() * items.length)],
    fork: (label) => createRandom(forkSeed(seed, label)),
  };
  return random;
}

/** FNV-1a over the label, mixed with the parent seed: a stable 32-bit seed per named stream. */
function forkSeed(seed: number, label: string): number {
  let hash = 0x811c9dc5 ^ (seed | 0);
  for (let i = 0; i < label.length; i++) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}
