// Plough-layer input/output mass balance (../shared/reference/soil-standards.md, "Input/output mass
// balance of a plough layer"): ΔC [mg/kg/a] = (Σ inputs − Σ outputs) [g/ha/a] × 1000 / M [kg/ha].
// Years are stepped one at a time so inputs, outputs and removals can change as measures start and
// stop; a share removed each year (phytoextraction in %/a) makes the loss proportional to C.

/** M = 1e4 m²/ha × depth [m] × bulk density [g/cm³ = t/m³] × 1000 kg/t. 0.2 m at 1.3 → 2.6e6 kg/ha. */
export function soilMassKgPerHa(depthM: number, bulkDensity: number): number {
  return 1e4 * depthM * bulkDensity * 1000;
}

/** Chinese convention: 150,000 kg of plough layer per mu = 2.25e6 kg/ha (soil-standards.md). */
export const CONVENTIONAL_SOIL_MASS_KG_HA = 2.25e6;

/** Yearly concentration change (mg/kg/a) from a net input (g/ha/a) into a soil mass (kg/ha). */
export function concentrationChangePerYear(netInputGHaA: number, massKgPerHa: number): number {
  return (netInputGHaA * 1000) / massKgPerHa;
}

/** The year-by-year drivers of one zone and metal over the horizon (index 0 = first year). */
export interface YearlyBalance {
  /** Σ inputs (g/ha/a) each year. */
  inputs: ArrayLike<number>;
  /** Σ fixed outputs (g/ha/a) each year: crop and straw removal, leaching, runoff, phytoextraction. */
  outputs: ArrayLike<number>;
  /** Share of the soil metal removed during each year (1/a), 0 when none. */
  removalFraction?: ArrayLike<number>;
  /** Share removed once at the end of each year (excavation, washing, dilution), 0 when none. */
  oneTimeReduction?: ArrayLike<number>;
}

/**
 * End-of-year concentrations. Each year: C ← C·(1 − r) + (I − O)·1000/M, then C ← C·(1 − f) for a
 * one-off reduction, floored at 0 (a soil cannot hold negative metal).
 */
export function projectConcentration(c0: number, balance: YearlyBalance, massKgPerHa: number): Float64Array {
  const n = balance.inputs.length;
  const out = new Float64Array(n);
  let c = c0;
  for (let t = 0; t < n; t++) {
    const r = balance.removalFraction?.[t] ?? 0;
    const f = balance.oneTimeReduction?.[t] ?? 0;
    c = c * (1 - r) + concentrationChangePerYear(balance.inputs[t] - balance.outputs[t], massKgPerHa);
    c = Math.max(0, c * (1 - f));
    out[t] = c;
  }
  return out;
}

/**
 * The same balance as an affine map of the initial concentration, valid while C stays positive:
 * C_t = a_t·C0 + b_t. Lets every grid cell of a zone be projected with two numbers per year.
 */
export function affineProjection(
  balance: YearlyBalance,
  massKgPerHa: number,
): { a: Float64Array; b: Float64Array } {
  const n = balance.inputs.length;
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  let ai = 1;
  let bi = 0;
  for (let t = 0; t < n; t++) {
    const keep = (1 - (balance.removalFraction?.[t] ?? 0)) * (1 - (balance.oneTimeReduction?.[t] ?? 0));
    const add = concentrationChangePerYear(balance.inputs[t] - balance.outputs[t], massKgPerHa);
    ai *= keep;
    bi = (bi * (1 - (balance.removalFraction?.[t] ?? 0)) + add) * (1 - (balance.oneTimeReduction?.[t] ?? 0));
    a[t] = ai;
    b[t] = bi;
  }
  return { a, b };
}

/** First year whose end-of-year value is at or below the threshold, or null within the horizon. */
export function firstYearAtOrBelow(
  series: ArrayLike<number>,
  startYear: number,
  threshold: number,
): number | null {
  for (let t = 0; t < series.length; t++) if (series[t] <= threshold) return startYear + t;
  return null;
}

/** First year whose end-of-year value reaches the threshold, or null within the horizon. */
export function firstYearAtOrAbove(
  series: ArrayLike<number>,
  startYear: number,
  threshold: number,
): number | null {
  for (let t = 0; t < series.length; t++) if (series[t] >= threshold) return startYear + t;
  return null;
}

/**
 * Steady state and exponential approach when losses are proportional to C with rate k (1/a) and
 * inputs I (g/ha/a): C(t) = I·1000/(k·M) + (C0 − I·1000/(k·M))·e^(−kt) (soil-standards.md).
 */
export function exponentialProjection(
  c0: number,
  inputGHaA: number,
  k: number,
  massKgPerHa: number,
  t: number,
): number {
  const steady = (inputGHaA * 1000) / (k * massKgPerHa);
  return steady + (c0 - steady) * Math.exp(-k * t);
}
