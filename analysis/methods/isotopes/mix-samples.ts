import { type EndMember, endMemberCentre } from './end-members.ts';
import { binaryMixing, type MixingShares, ternaryMixing } from './mixing.ts';
import { type MixingMonteCarloResult, mixingMonteCarlo } from './monte-carlo.ts';

export interface IsotopeSample {
  id: string;
  /** [206/207] for binary or [206/207, 208/207] for ternary mixing (or the user's ratios). */
  ratios: readonly number[];
}

export interface SampleMixing {
  id: string;
  /** Shares from the end-member centres (point estimate), with its feasibility flag. */
  point: MixingShares;
  /** Monte Carlo over the end-member ranges; sample i uses seed + i. */
  uncertainty: MixingMonteCarloResult;
}

/**
 * Isotope mixing for every sample: the point estimate from the centres of the end-member ranges
 * and its Monte Carlo uncertainty. Two end-members → binary on the first ratio; three → ternary.
 */
export function mixSamples(
  samples: readonly IsotopeSample[],
  endMembers: readonly EndMember[],
  options: { draws?: number; seed?: number; mode?: 'clamp' | 'reject' } = {},
): SampleMixing[] {
  const centres = endMembers.map(endMemberCentre);
  const seed = options.seed ?? 1;
  return samples.map((sample, i) => {
    const point =
      endMembers.length === 2
        ? binaryMixing(sample.ratios[0], centres[0][0], centres[1][0])
        : ternaryMixing(
            [sample.ratios[0], sample.ratios[1]],
            [
              [centres[0][0], centres[0][1]],
              [centres[1][0], centres[1][1]],
              [centres[2][0], centres[2][1]],
            ],
          );
    const uncertainty = mixingMonteCarlo({
      sample: sample.ratios,
      endMembers,
      draws: options.draws,
      seed: seed + i,
      mode: options.mode,
    });
    return { id: sample.id, point, uncertainty };
  });
}
