import { mean } from '../../stats/mean.ts';
import { quantileSorted } from '../../stats/quantile.ts';
import { standardDeviation } from '../../stats/standard-deviation.ts';
import type { MetalAssessment, SampleAssessment } from './assess-samples.ts';
import { classesOf, type SoilClass } from './screening-class.ts';
import type { StandardKind } from './standards/types.ts';

// The descriptive-statistics table papers print for each metal (n, min, max, mean, SD, CV,
// background, screening value, exceedance rate, share of each class).

export const SUMMARY_PERCENTILES = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95] as const;

export interface Descriptives {
  n: number;
  min: number | null;
  max: number | null;
  mean: number | null;
  median: number | null;
  /** Sample SD (n − 1); null for n < 2. */
  sd: number | null;
  /** SD / mean; null where undefined. */
  cv: number | null;
  /** Type-7 percentiles keyed p5, p10, p25, p50, p75, p90, p95. */
  percentiles: Record<string, number | null>;
}

function nullable(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

export function describe(values: ArrayLike<number>): Descriptives {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  const m = mean(sorted);
  const sd = standardDeviation(sorted);
  const percentiles: Record<string, number | null> = {};
  for (const p of SUMMARY_PERCENTILES)
    percentiles[`p${Math.round(p * 100)}`] = nullable(quantileSorted(sorted, p));
  return {
    n,
    min: n ? sorted[0] : null,
    max: n ? sorted[n - 1] : null,
    mean: nullable(m),
    median: nullable(quantileSorted(sorted, 0.5)),
    sd: nullable(sd),
    cv: m > 0 ? nullable(sd / m) : null,
    percentiles,
  };
}

export interface MetalSummary extends Descriptives {
  metal: string;
  /** mg/kg; null where the background set lacks the metal. */
  background: number | null;
  /** Range of the screening values applied (they vary with pH and land use); null if none. */
  screening: { min: number; max: number } | null;
  /** Share of classed samples with C > their screening value. */
  exceedanceRate: number | null;
  /** Share of samples with C > background. */
  aboveBackgroundRate: number | null;
  classCounts: Record<string, number>;
  /** Share of classed samples in each class. */
  classShares: Record<string, number>;
  meanPi: number | null;
  meanIgeo: number | null;
  meanEr: number | null;
}

function counts(classes: readonly SoilClass[], kind: StandardKind) {
  const classCounts: Record<string, number> = {};
  const classShares: Record<string, number> = {};
  for (const c of classesOf(kind)) classCounts[c] = 0;
  for (const c of classes) classCounts[c]++;
  for (const c of classesOf(kind)) classShares[c] = classes.length ? classCounts[c] / classes.length : 0;
  return { classCounts, classShares };
}

function meanOf(values: (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return present.length ? mean(present) : null;
}

/** The summary row of one metal over the samples that measured it. */
export function summarizeMetal(
  metal: string,
  rows: readonly MetalAssessment[],
  kind: StandardKind,
): MetalSummary {
  const values = rows.map((r) => r.value);
  const classed = rows.filter((r) => r.class !== null);
  const screenings = rows.map((r) => r.screening).filter((s): s is number => s !== null);
  const withBackground = rows.filter((r) => r.background !== null);
  return {
    metal,
    ...describe(values),
    background: rows.find((r) => r.background !== null)?.background ?? null,
    screening: screenings.length ? { min: Math.min(...screenings), max: Math.max(...screenings) } : null,
    exceedanceRate: classed.length
      ? classed.filter((r) => r.screening !== null && r.value > r.screening).length / classed.length
      : null,
    aboveBackgroundRate: withBackground.length
      ? withBackground.filter((r) => r.value > (r.background ?? Number.POSITIVE_INFINITY)).length /
        withBackground.length
      : null,
    ...counts(
      classed.map((r) => r.class as SoilClass),
      kind,
    ),
    meanPi: meanOf(rows.map((r) => r.pi)),
    meanIgeo: meanOf(rows.map((r) => r.igeo)),
    meanEr: meanOf(rows.map((r) => r.er)),
  };
}

export interface AssessmentSummary {
  n: number;
  /** Samples with a class. */
  classified: number;
  classCounts: Record<string, number>;
  classShares: Record<string, number>;
  nemerow: Descriptives;
  ri: Descriptives;
  metals: MetalSummary[];
}

export function summarizeAssessment(
  samples: readonly SampleAssessment[],
  metals: readonly string[],
  kind: StandardKind,
): AssessmentSummary {
  const classes = samples.map((s) => s.class).filter((c): c is SoilClass => c !== null);
  return {
    n: samples.length,
    classified: classes.length,
    ...counts(classes, kind),
    nemerow: describe(samples.map((s) => s.nemerow).filter((v): v is number => v !== null)),
    ri: describe(samples.map((s) => s.ri).filter((v): v is number => v !== null)),
    metals: metals.map((metal) =>
      summarizeMetal(
        metal,
        samples.map((s) => s.metals[metal]).filter((m): m is MetalAssessment => m !== undefined),
        kind,
      ),
    ),
  };
}
