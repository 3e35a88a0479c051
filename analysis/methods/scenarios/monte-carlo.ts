import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { quantileSorted } from '../../stats/quantile.ts';
import { rangeQuantile } from './range.ts';
import {
  type CompiledScenario,
  evaluateScenario,
  type ParameterSpec,
  type PlanningModel,
} from './scenario-model.ts';

// Monte Carlo over every range (issue 7): each draw samples all parameter slots in a fixed order from a
// xoroshiro128+ stream seeded by `seed` (pure-rand), so the same seed gives identical results, and every
// scenario sees the same draws of the slots it shares with the others (common random numbers).

export interface Quantiles {
  p5: number;
  p50: number;
  p95: number;
}

export function quantiles(values: Float64Array): Quantiles {
  const sorted = Float64Array.from(values).sort();
  return {
    p5: quantileSorted(sorted, 0.05),
    p50: quantileSorted(sorted, 0.5),
    p95: quantileSorted(sorted, 0.95),
  };
}

/** Fills `out` with one draw of every parameter from the generator. */
export function drawParameters(
  parameters: readonly ParameterSpec[],
  next: () => number,
  out: Float64Array = new Float64Array(parameters.length),
): Float64Array {
  for (let k = 0; k < parameters.length; k++) {
    out[k] = rangeQuantile(parameters[k].range, parameters[k].distribution, next());
  }
  return out;
}

/** `draws` samples of a function of uniform draws, seeded: the generic engine behind the scenarios. */
export function sampleWith(seed: number, draws: number, fn: (next: () => number) => number): Float64Array {
  const rng = xoroshiro128plus(seed);
  const next = () => uniformFloat64(rng);
  const out = new Float64Array(draws);
  for (let i = 0; i < draws; i++) out[i] = fn(next);
  return out;
}

export interface MonteCarloResult {
  draws: number;
  seed: number;
  costTotal: Quantiles;
  npv: Quantiles;
  carbonTCO2e: Quantiles;
  durationYears: Quantiles;
  residualUnsafeHa: Quantiles;
  exceedanceAfterHa: Quantiles;
  targetShare: Quantiles;
  /** Share of draws in which the target is met by the target year. */
  targetProbability: number;
  /** [target metal][year] p5/p50/p95 of the area-weighted mean concentration. */
  meanConcentration: { p5: Float64Array; p50: Float64Array; p95: Float64Array };
}

export interface RunControl {
  /** Checked every 256 draws; an aborted signal stops the run by throwing its reason. */
  signal?: AbortSignal;
  /** Called every 256 draws and at the end with the draws done. */
  onDraws?: (done: number) => void;
}

export function monteCarloScenario(
  model: PlanningModel,
  scenario: CompiledScenario,
  draws: number,
  seed: number,
  control: RunControl = {},
): MonteCarloResult {
  const rng = xoroshiro128plus(seed);
  const next = () => uniformFloat64(rng);
  const values = new Float64Array(model.parameters.length);
  const cost = new Float64Array(draws);
  const npv = new Float64Array(draws);
  const carbon = new Float64Array(draws);
  const duration = new Float64Array(draws);
  const unsafe = new Float64Array(draws);
  const exceed = new Float64Array(draws);
  const share = new Float64Array(draws);
  const series = model.targetMetals.length * model.years;
  const conc = new Float64Array(series * draws);
  let met = 0;
  for (let i = 0; i < draws; i++) {
    if ((i & 255) === 0 && i > 0) {
      control.signal?.throwIfAborted();
      control.onDraws?.(i);
    }
    drawParameters(model.parameters, next, values);
    const o = evaluateScenario(model, scenario, values);
    cost[i] = o.costTotal;
    npv[i] = o.npv;
    carbon[i] = o.carbonTCO2e;
    duration[i] = o.durationYears;
    unsafe[i] = o.unsafeAfterHa;
    exceed[i] = o.exceedanceAfterHa;
    share[i] = o.targetShare;
    conc.set(o.meanConcentration, i * series);
    if (o.targetMet) met++;
  }
  control.onDraws?.(draws);
  const p5 = new Float64Array(series);
  const p50 = new Float64Array(series);
  const p95 = new Float64Array(series);
  const column = new Float64Array(draws);
  for (let s = 0; s < series; s++) {
    for (let i = 0; i < draws; i++) column[i] = conc[i * series + s];
    const q = quantiles(column);
    p5[s] = q.p5;
    p50[s] = q.p50;
    p95[s] = q.p95;
  }
  return {
    draws,
    seed,
    costTotal: quantiles(cost),
    npv: quantiles(npv),
    carbonTCO2e: quantiles(carbon),
    durationYears: quantiles(duration),
    residualUnsafeHa: quantiles(unsafe),
    exceedanceAfterHa: quantiles(exceed),
    targetShare: quantiles(share),
    targetProbability: draws > 0 ? met / draws : Number.NaN,
    meanConcentration: { p5, p50, p95 },
  };
}
