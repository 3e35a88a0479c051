// Atmospheric deposition near an enterprise from its air emissions: a documented screening model,
// not a dispersion model. A share f of the emitted metal deposits within the study area, spread by
// a radially symmetric exponential kernel of length L: flux(r) = E·f·e^(−r/L)/(2πL²), whose integral
// over the plane is E·f (∫0^∞ e^(−r/L)·2πr dr = 2πL²). L grows with stack height H: L = max(Lmin, k·H).
// f, k and Lmin are estimates, editable in the scenario file (deposition.*).

export interface DepositionKernel {
  localFraction: number;
  lengthScaleM: number;
}

/** Deposition flux (g/ha/a) at distance r (m) from a source emitting E kg/a to air. */
export function depositionGHaA(emissionKgA: number, distanceM: number, kernel: DepositionKernel): number {
  const L = kernel.lengthScaleM;
  const perM2 = (emissionKgA * kernel.localFraction * Math.exp(-distanceM / L)) / (2 * Math.PI * L * L); // kg/m²/a
  return perM2 * 1000 * 1e4;
}

export function lengthScaleFor(stackHeightM: number, perStackHeight: number, minimumM: number): number {
  return Math.max(minimumM, Number.isFinite(stackHeightM) ? perStackHeight * stackHeightM : 0);
}
