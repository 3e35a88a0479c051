// Costs and their present value. Cash flows are yearly; the first horizon year is year 0 and is not
// discounted (end-of-year convention would shift every NPV by one factor of 1 + r; we follow the
// common Chinese feasibility-study practice of discounting from the base year, 《建设项目经济评价方法与参数》第三版).

/** NPV = Σ_t CF_t / (1 + r)^t, t = 0 for the first year. */
export function netPresentValue(cashFlows: ArrayLike<number>, rate: number): number {
  let total = 0;
  let factor = 1;
  for (let t = 0; t < cashFlows.length; t++) {
    total += cashFlows[t] / factor;
    factor *= 1 + rate;
  }
  return total;
}

export function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}

/**
 * Adds one measure's cost to the yearly cash flows: a recurring unit cost every active year, a
 * one-off cost spread evenly over the active years. Years outside the horizon are dropped.
 */
export function addMeasureCost(
  cashFlows: Float64Array,
  firstYearIndex: number,
  activeYears: number,
  total: number,
  recurring: boolean,
): void {
  const perYear = recurring ? total : total / activeYears;
  for (let t = firstYearIndex; t < firstYearIndex + activeYears; t++) {
    if (t >= 0 && t < cashFlows.length) cashFlows[t] += perYear;
  }
}
