import { mean } from '../../stats/mean.ts';
import { quantileSorted } from '../../stats/quantile.ts';
import { standardDeviation } from '../../stats/standard-deviation.ts';
import { naturalBreaksUpTo } from './natural-breaks.ts';
import type { Strata } from './strata.ts';

export type DiscretizationMethod = 'equal' | 'quantile' | 'natural' | 'geometric' | 'sd';

export const DISCRETIZATION_METHODS: readonly DiscretizationMethod[] = [
  'equal',
  'quantile',
  'natural',
  'geometric',
  'sd',
];

/**
 * The k − 1 interior class breaks of a continuous variable (classes are right-closed,
 * (b_i, b_{i+1}], the first one closed below, as R's cut(include.lowest = TRUE)):
 * - equal: equal widths between min and max;
 * - quantile: type-7 quantiles at i/k (duplicate breaks leave empty classes, which are dropped);
 * - natural: Jenks natural breaks (exact Fisher optimisation);
 * - geometric: breaks min·r^i with r = (max/min)^(1/k), as the GD package's disc(); for data with
 *   min ≤ 0 the series is built on x − min + (max − min)/100 and shifted back;
 * - sd: classes one standard deviation wide centred on the mean (breaks at mean + (i − k/2)·sd),
 *   the outer classes open-ended.
 */
export function classBreaks(
  values: ArrayLike<number>,
  method: DiscretizationMethod,
  classes: number,
): number[] {
  if (method === 'natural') return naturalBreaksUpTo(values, classes)[classes];
  const sorted = Float64Array.from(values).sort();
  const lo = sorted[0];
  const hi = sorted[sorted.length - 1];
  const interior = Array.from({ length: classes - 1 }, (_, i) => i + 1);
  switch (method) {
    case 'equal':
      return interior.map((i) => lo + ((hi - lo) * i) / classes);
    case 'quantile':
      return interior.map((i) => quantileSorted(sorted, i / classes));
    case 'geometric': {
      const offset = lo > 0 ? 0 : -lo + (hi - lo) / 100;
      const ratio = ((hi + offset) / (lo + offset)) ** (1 / classes);
      return interior.map((i) => (lo + offset) * ratio ** i - offset);
    }
    case 'sd': {
      const m = mean(sorted);
      const s = standardDeviation(sorted);
      return interior.map((i) => m + (i - classes / 2) * s);
    }
  }
}

/** Class index of each value: the number of breaks strictly below it (right-closed classes); −1 for NaN. */
export function classify(values: ArrayLike<number>, breaks: readonly number[]): Int32Array {
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) {
      codes[i] = -1;
      continue;
    }
    let c = 0;
    while (c < breaks.length && values[i] > breaks[c]) c++;
    codes[i] = c;
  }
  return codes;
}

function formatBound(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(6))) : x > 0 ? '∞' : '-∞';
}

/** Strata from breaks, labelled by interval "(a, b]"; classes nobody falls in are left out. */
export function strataFromBreaks(values: ArrayLike<number>, breaks: readonly number[]): Strata {
  const raw = classify(values, breaks);
  const used = [...new Set(raw)].filter((c) => c >= 0).sort((a, b) => a - b);
  const remap = new Map(used.map((c, i) => [c, i]));
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) continue;
    lo = Math.min(lo, values[i]);
    hi = Math.max(hi, values[i]);
  }
  const bounds = [lo, ...breaks, hi];
  const levels = used.map(
    (c) => `${c === 0 ? '[' : '('}${formatBound(bounds[c])}, ${formatBound(bounds[c + 1])}]`,
  );
  return { codes: Int32Array.from(raw, (c) => remap.get(c) ?? -1), levels };
}

/** Discretise a continuous variable into strata with one method and class count. */
export function discretize(values: ArrayLike<number>, method: DiscretizationMethod, classes: number): Strata {
  return strataFromBreaks(values, classBreaks(values, method, classes));
}
