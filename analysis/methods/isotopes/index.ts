// Lead isotope mixing: binary/ternary shares, Monte Carlo over end-member ranges, plot data.
export { CHINA_PB_END_MEMBERS, type EndMember, endMemberCentre } from './end-members.ts';
export { type IsotopeSample, mixSamples, type SampleMixing } from './mix-samples.ts';
export { binaryMixing, clampShares, type MixingShares, type RatioPoint, ternaryMixing } from './mixing.ts';
export {
  type MixingMonteCarloOptions,
  type MixingMonteCarloResult,
  mixingMonteCarlo,
  type ShareSummary,
} from './monte-carlo.ts';
export { type RatioPlotData, ratioPlotData } from './ratio-plot.ts';
