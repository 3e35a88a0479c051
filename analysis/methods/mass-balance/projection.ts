/**
 * Years until the concentration reaches `target` at a constant net rate, C(t) = C0 + t·ΔC
 * (reference/soil-standards.md). 0 when C0 is already at or above the target; +∞ when the
 * concentration does not rise.
 */
export function yearsToReachLinear(c0: number, target: number, accumulation: number): number {
  if (c0 >= target) return 0;
  if (!(accumulation > 0)) return Number.POSITIVE_INFINITY;
  return (target - c0) / accumulation;
}

/**
 * Concentration under constant input and losses proportional to the concentration:
 * C(t) = I/(kM) + (C0 − I/(kM))·e^(−kt) (reference/soil-standards.md), here with the input as a
 * concentration rate i = I·1000/M [mg/kg/a], so I/(kM) is the steady state i/k [mg/kg].
 */
export function firstOrderConcentration(t: number, c0: number, inputRate: number, k: number): number {
  if (k === 0) return c0 + inputRate * t;
  const steady = inputRate / k;
  return steady + (c0 - steady) * Math.exp(-k * t);
}

/**
 * Loss rate constant k [1/a] that makes the first-order model lose, at the current concentration,
 * what the balance lists as outputs: k·C0 = output rate. The two projections then start with the
 * same slope and part as the concentration moves.
 */
export function lossRateFromOutputs(outputRate: number, c0: number): number {
  return c0 > 0 ? outputRate / c0 : 0;
}

/**
 * Years until the first-order model reaches `target`: t = −ln((S − Css)/(C0 − Css)) / k with the
 * steady state Css = i/k; +∞ when Css ≤ S (the target is never reached), 0 when C0 ≥ S.
 */
export function yearsToReachFirstOrder(c0: number, target: number, inputRate: number, k: number): number {
  if (c0 >= target) return 0;
  if (k === 0) return yearsToReachLinear(c0, target, inputRate);
  const steady = inputRate / k;
  if (steady <= target) return Number.POSITIVE_INFINITY;
  return -Math.log((target - steady) / (c0 - steady)) / k;
}
