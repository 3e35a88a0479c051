import { quantileSorted } from '../../stats/quantile.ts';
import { seededUniform } from '../../stats/seeded-random.ts';
import type { EndMember } from './end-members.ts';
import { binaryMixing, clampShares, ternaryMixing } from './mixing.ts';

export interface ShareSummary {
  name: string;
  mean: number;
  sd: number;
  p2_5: number;
  p50: number;
  p97_5: number;
}

export interface MixingMonteCarloResult {
  shares: ShareSummary[];
  draws: number;
  /** Draws whose shares fell outside [0, 1] before clamping or rejection. */
  infeasible: number;
  /** Draws the summary rests on (all with 'clamp', the feasible ones with 'reject'). */
  used: number;
  seed: number;
  mode: 'clamp' | 'reject';
}

export interface MixingMonteCarloOptions {
  /** Sample ratio(s); one value for binary, two for ternary mixing. */
  sample: readonly number[];
  /** Optional ±half-width of a uniform analytical uncertainty on each sample ratio. */
  sampleHalfWidth?: readonly number[];
  /** Two end-members (binary, first ratio) or three (ternary, two ratios). */
  endMembers: readonly EndMember[];
  draws?: number;
  seed?: number;
  /** 'clamp' (default): infeasible draws are clamped into [0, 1] and renormalised; 'reject': dropped. */
  mode?: 'clamp' | 'reject';
}

/**
 * Monte Carlo uncertainty of isotope mixing shares: each draw takes every end-member ratio
 * uniformly from its range (and the sample ratio from its uncertainty band), solves the mixing
 * equations, and counts infeasible draws. Reproducible by seed (pure-rand Mersenne Twister).
 */
export function mixingMonteCarlo(options: MixingMonteCarloOptions): MixingMonteCarloResult {
  const draws = options.draws ?? 10_000;
  const seed = options.seed ?? 1;
  const mode = options.mode ?? 'clamp';
  const ends = options.endMembers;
  if (ends.length !== 2 && ends.length !== 3)
    throw new Error('mixingMonteCarlo: give two or three end-members');
  const random = seededUniform(seed);
  const uniform = (lo: number, hi: number) => lo + (hi - lo) * random();
  const samples: number[][] = ends.map(() => []);
  let infeasible = 0;
  for (let d = 0; d < draws; d++) {
    const s = options.sample.map((v, i) => {
      const h = options.sampleHalfWidth?.[i] ?? 0;
      return h > 0 ? uniform(v - h, v + h) : v;
    });
    const points = ends.map((e) => e.ranges.map(([lo, hi]) => uniform(lo, hi)));
    const result =
      ends.length === 2
        ? binaryMixing(s[0], points[0][0], points[1][0])
        : ternaryMixing(
            [s[0], s[1]],
            [
              [points[0][0], points[0][1]],
              [points[1][0], points[1][1]],
              [points[2][0], points[2][1]],
            ],
          );
    if (!result.feasible) infeasible++;
    if (!result.feasible && mode === 'reject') continue;
    const shares = result.feasible ? result.shares : clampShares(result.shares);
    shares.forEach((f, i) => {
      samples[i].push(f);
    });
  }
  const summaries = ends.map((e, i) => {
    const values = Float64Array.from(samples[i]).sort();
    const n = values.length;
    const mean = n ? values.reduce((s, v) => s + v, 0) / n : Number.NaN;
    const sd = n > 1 ? Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1)) : Number.NaN;
    return {
      name: e.name,
      mean,
      sd,
      p2_5: quantileSorted(values, 0.025),
      p50: quantileSorted(values, 0.5),
      p97_5: quantileSorted(values, 0.975),
    };
  });
  return { shares: summaries, draws, infeasible, used: samples[0].length, seed, mode };
}
