export interface EndMember {
  name: string;
  /** Range [min, max] of each ratio used (one ratio for binary, two for ternary mixing). */
  ranges: readonly (readonly [number, number])[];
  source?: string;
}

/**
 * Chinese end-member ranges of 206Pb/207Pb (Bi et al. 2017, ES&T 51:13502, via
 * reference/soil-standards.md). Defaults only — users enter their own, and 208/207 as well.
 */
export const CHINA_PB_END_MEMBERS: readonly EndMember[] = [
  { name: 'coal', ranges: [[1.114, 1.383]], source: 'Bi et al. 2017, ES&T 51:13502' },
  { name: 'Pb/Zn ore', ranges: [[1.02, 1.183]], source: 'Bi et al. 2017, ES&T 51:13502' },
];

/** The middle of each range: the end-member's point estimate. */
export function endMemberCentre(end: EndMember): number[] {
  return end.ranges.map(([lo, hi]) => (lo + hi) / 2);
}
