import {
  type CompiledScenario,
  evaluateScenario,
  modeValues,
  type PlanningModel,
  type ScenarioOutcome,
} from './scenario-model.ts';

// One-at-a-time sensitivity for a tornado chart: every range the scenario uses is set to its low and
// then its high end with all others at their modes; bars are sorted by swing |high − low|. Health risk
// here covers the target metals only (the fast evaluation).

export type SensitivityMetric =
  | 'npv'
  | 'costTotal'
  | 'carbonTCO2e'
  | 'targetShare'
  | 'unsafeAfterHa'
  | 'healthRiskAfter';

export interface TornadoBar {
  key: string;
  /** English label (the original JSON field); `labelZh` is the Chinese one. */
  label: string;
  labelZh: string;
  low: number;
  high: number;
  /** Metric with this parameter at its low and at its high end. */
  atLow: number;
  atHigh: number;
  swing: number;
}

export interface Tornado {
  metric: SensitivityMetric;
  base: number;
  bars: TornadoBar[];
}

export function tornado(
  model: PlanningModel,
  scenario: CompiledScenario,
  metric: SensitivityMetric,
): Tornado {
  const modes = modeValues(model);
  const read = (o: ScenarioOutcome) => o[metric];
  const base = read(evaluateScenario(model, scenario, modes));
  const values = Float64Array.from(modes);
  const bars: TornadoBar[] = [];
  for (const slot of scenario.usedSlots) {
    const p = model.parameters[slot];
    if (p.range[0] === p.range[2]) continue;
    values[slot] = p.range[0];
    const atLow = read(evaluateScenario(model, scenario, values));
    values[slot] = p.range[2];
    const atHigh = read(evaluateScenario(model, scenario, values));
    values[slot] = modes[slot];
    bars.push({
      key: p.key,
      label: p.label,
      labelZh: p.labelZh,
      low: p.range[0],
      high: p.range[2],
      atLow,
      atHigh,
      swing: Math.abs(atHigh - atLow),
    });
  }
  bars.sort((a, b) => b.swing - a.swing || (a.key < b.key ? -1 : 1));
  return { metric, base, bars };
}
