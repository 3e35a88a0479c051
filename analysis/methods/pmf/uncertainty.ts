// Uncertainty from method detection limits and error fractions, EPA PMF 5.0 user guide
// (Norris et al. 2014, EPA/600/R-14/108) §5.1: eq. 5-1 for values at or below the MDL, eq. 5-2 above it;
// censored values are replaced by MDL/2, missing values by the species median with 4 × median.

/** Eq. 5-1 (conc ≤ MDL): 5/6·MDL; eq. 5-2 (conc > MDL): √((EF·conc)² + (0.5·MDL)²). */
export function uncertaintyFromMdl(conc: number, mdl: number, errorFraction: number): number {
  if (conc <= mdl) return (5 / 6) * mdl;
  return Math.sqrt((errorFraction * conc) ** 2 + (0.5 * mdl) ** 2);
}

export interface MdlInput {
  /** samples × species, row-major; NaN marks a missing value. */
  conc: Float64Array;
  samples: number;
  species: number;
  /** Per species. */
  mdl: Float64Array;
  /** Per species, e.g. 0.1 for 10 %. */
  errorFraction: Float64Array;
  /** 1 where the value was reported below the detection limit (censored). */
  censored?: Uint8Array;
}

/**
 * Concentrations and uncertainties ready for PMF. Censored → MDL/2 with 5/6·MDL; missing →
 * the species median of the measured values with 4 × median (user guide §5.1).
 */
export function concentrationsWithUncertainty(input: MdlInput): { x: Float64Array; u: Float64Array } {
  const { conc, samples: n, species: m, mdl, errorFraction, censored } = input;
  const x = new Float64Array(n * m);
  const u = new Float64Array(n * m);
  for (let j = 0; j < m; j++) {
    const medianValue = speciesMedian(conc, n, m, j, censored);
    for (let i = 0; i < n; i++) {
      const at = i * m + j;
      if (censored?.[at]) {
        x[at] = mdl[j] / 2;
        u[at] = (5 / 6) * mdl[j];
      } else if (Number.isNaN(conc[at])) {
        x[at] = medianValue;
        u[at] = 4 * medianValue;
      } else {
        x[at] = conc[at];
        u[at] = uncertaintyFromMdl(conc[at], mdl[j], errorFraction[j]);
      }
    }
  }
  return { x, u };
}

/** Median of a species' measured (not missing, not censored) values; NaN when there are none. */
export function speciesMedian(
  conc: Float64Array,
  samples: number,
  species: number,
  j: number,
  excluded?: Uint8Array,
): number {
  const values: number[] = [];
  for (let i = 0; i < samples; i++) {
    const at = i * species + j;
    if (!Number.isNaN(conc[at]) && !excluded?.[at]) values.push(conc[at]);
  }
  if (values.length === 0) return Number.NaN;
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}
