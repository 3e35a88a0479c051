import type { z } from 'zod';
import type { ComparisonResult, Measure } from '../../../analysis/methods/scenarios/index.ts';
import type { scenarioFileSchema } from '../../../analysis/methods/scenarios/scenario-schema.ts';

// Pure helpers of the scenario planner page: edits to the scenario JSON (as the file is written,
// before the core's schema fills defaults), and the series behind the charts.

export type ScenarioJson = z.input<typeof scenarioFileSchema>;
export type ScenarioSpecJson = ScenarioJson['scenarios'][number];
export type ActionJson = ScenarioSpecJson['actions'][number];
export type RangeJson = number | [number, number, number];
export type Triple = [number, number, number];

/** The six ranking criteria in the core's order (scenario-schema.ts CRITERIA). */
export const CRITERIA = [
  'npv',
  'targetProbability',
  'residualUnsafeHa',
  'healthRiskReduction',
  'carbonTCO2e',
  'durationYears',
] as const;
export type Criterion = (typeof CRITERIA)[number];

/** Money is shown in 万元 (10⁴ yuan), the unit of county budgets. */
export const YUAN_PER_UNIT = 1e4;

export function asTriple(
  range: number | readonly [number, number, number] | undefined,
  fallback: Triple = [0, 0, 0],
): Triple {
  if (range === undefined) return fallback;
  return typeof range === 'number' ? [range, range, range] : [range[0], range[1], range[2]];
}

/** A pairwise matrix with a_ij set and its reciprocal a_ji = 1/a_ij (Saaty 1980). */
export function setPairwise(matrix: number[][], i: number, j: number, value: number): number[][] {
  const next = matrix.map((row) => [...row]);
  next[i][j] = value;
  next[j][i] = 1 / value;
  return next;
}

/** The identity pairwise matrix over n criteria (all equally important). */
export function identityMatrix(n: number): number[][] {
  return Array.from({ length: n }, () => new Array<number>(n).fill(1));
}

/** Reads "3", "0.5" or "1/3" as a positive number; null otherwise. */
export function parseJudgement(text: string): number | null {
  const t = text.trim();
  const fraction = /^(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)$/.exec(t);
  const value = fraction ? Number(fraction[1]) / Number(fraction[2]) : Number(t);
  return t !== '' && Number.isFinite(value) && value > 0 ? value : null;
}

/** A judgement as Saaty writes it: whole numbers, or 1/k for reciprocals. */
export function formatJudgement(value: number): string {
  if (value >= 1)
    return Number.isInteger(Math.round(value * 1e6) / 1e6) ? String(Math.round(value)) : value.toFixed(2);
  const k = 1 / value;
  return Math.abs(k - Math.round(k)) < 1e-6 ? `1/${Math.round(k)}` : value.toFixed(3);
}

/**
 * Replaces one figure of a library measure by an edited range in the file's `measures` overrides.
 * The edited figure is the user's own: it becomes an estimate, keeping the former source as a note.
 */
export function withMeasureFigure(
  file: ScenarioJson,
  measure: Measure,
  field: 'cost' | 'duration' | 'carbon',
  range: Triple,
): ScenarioJson {
  const overrides = [...(file.measures ?? [])];
  const k = overrides.findIndex((m) => m.id === measure.id);
  const current = k >= 0 ? overrides[k] : { id: measure.id };
  const base = measure[field];
  const note = base.source ? `edited; library source: ${base.source}` : base.note;
  const figure = { range, unit: base.unit, estimate: true, ...(note ? { note } : {}) };
  const next = { ...current, [field]: figure };
  if (k >= 0) overrides[k] = next;
  else overrides.push(next);
  return { ...file, measures: overrides };
}

/** The library as the scenario file sees it: defaults with the file's overrides of these figures. */
export function effectiveFigure(
  file: ScenarioJson,
  measure: Measure,
  field: 'cost' | 'duration' | 'carbon',
): { range: Triple; unit: string; source?: string; estimate: boolean; edited: boolean } {
  const override = file.measures?.find((m) => m.id === measure.id)?.[field];
  const figure = override ?? measure[field];
  return {
    range: asTriple(figure.range as RangeJson),
    unit: figure.unit,
    source: figure.source,
    estimate: figure.estimate === true,
    edited: override !== undefined,
  };
}

/** The Pareto front as a line: its scenarios by increasing cost. */
export function paretoLine(result: ComparisonResult): { x: number[]; y: number[]; ids: string[] } {
  const front = result.scenarios
    .filter((s) => result.paretoFront.includes(s.id))
    .sort((a, b) => a.npv - b.npv);
  return {
    x: front.map((s) => s.npv / YUAN_PER_UNIT),
    y: front.map((s) => s.riskReductionHa),
    ids: front.map((s) => s.id),
  };
}

const isEnglish = (language: string) => language.startsWith('en');

/** A parameter's label in the page language; results computed before `labelZh` existed show English. */
export function parameterLabel(parameter: { label: string; labelZh?: string }, language: string): string {
  return isEnglish(language) ? parameter.label : (parameter.labelZh ?? parameter.label);
}

/** A measure's side effects in the page language (English where a user measure gives no Chinese). */
export function measureSideEffects(
  measure: Pick<Measure, 'secondaryEffects' | 'secondaryEffectsZh'>,
  language: string,
): string[] {
  return isEnglish(language)
    ? measure.secondaryEffects
    : (measure.secondaryEffectsZh ?? measure.secondaryEffects);
}

/** Tornado bars bottom-up for plotly (largest swing on top), as deviations from the base value. */
export function tornadoBars(
  tornado: {
    base: number;
    bars: { label: string; labelZh?: string; atLow: number; atHigh: number; swing: number }[];
  },
  scale = 1,
  language = 'zh-CN',
): { labels: string[]; low: number[]; high: number[]; base: number } {
  // Parameters that do not move the metric are left out.
  const bars = tornado.bars.filter((b) => b.swing > 0).sort((a, b) => a.swing - b.swing);
  return {
    labels: bars.map((b) => parameterLabel(b, language)),
    low: bars.map((b) => (b.atLow - tornado.base) / scale),
    high: bars.map((b) => (b.atHigh - tornado.base) / scale),
    base: tornado.base / scale,
  };
}

/** A screening value that crossed the wire: JSON turns NaN into null. */
export function finiteOrNull(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
