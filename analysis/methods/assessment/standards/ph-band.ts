/**
 * Index of the pH band a soil pH falls in, given ascending band limits. A pH equal to a limit
 * belongs to the lower band (GB 15618-2018 Table 1: "pH ≤ 5.5", "5.5 < pH ≤ 6.5", …), so with
 * breaks [5.5, 6.5, 7.5]: 5.5 → 0, 5.51 → 1, 7.5 → 2, 7.51 → 3.
 */
export function phBandIndex(pH: number, breaks: readonly number[]): number {
  let band = 0;
  while (band < breaks.length && pH > breaks[band]) band++;
  return band;
}

export const GB15618_PH_BREAKS = [5.5, 6.5, 7.5] as const;

/** Text of a band, e.g. "5.5 < pH ≤ 6.5"; "all pH" for a standard without pH bands. */
export function phBandLabel(band: number, breaks: readonly number[]): string {
  if (breaks.length === 0) return 'all pH';
  if (band === 0) return `pH ≤ ${breaks[0]}`;
  if (band >= breaks.length) return `pH > ${breaks[breaks.length - 1]}`;
  return `${breaks[band - 1]} < pH ≤ ${breaks[band]}`;
}
