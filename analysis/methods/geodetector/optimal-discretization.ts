import {
  classBreaks,
  DISCRETIZATION_METHODS,
  type DiscretizationMethod,
  strataFromBreaks,
} from './discretize.ts';
import { qStatistic } from './factor-detector.ts';
import { naturalBreaksUpTo } from './natural-breaks.ts';
import type { Strata } from './strata.ts';

export interface DiscretizationCandidate {
  method: DiscretizationMethod;
  classes: number;
  q: number;
}

export interface OptimalDiscretization extends DiscretizationCandidate {
  breaks: number[];
  strata: Strata;
  /** Every method × class count tried, for the q-versus-classes chart. */
  candidates: DiscretizationCandidate[];
}

export interface OptimalDiscretizationOptions {
  methods?: readonly DiscretizationMethod[];
  minClasses?: number;
  maxClasses?: number;
}

/**
 * Optimal parameters-based discretisation (Song et al. 2020, GIScience & Remote Sensing 57:593,
 * "OPGD"): try every method × class count and keep the one with the largest q of Y. Ties keep the
 * earlier candidate (method order as given, then fewer classes), so the result is deterministic.
 * Breaks and q come from the samples where both x and y are numbers; the strata cover every sample
 * (−1 where x is missing).
 */
export function optimalDiscretization(
  y: ArrayLike<number>,
  x: ArrayLike<number>,
  options: OptimalDiscretizationOptions = {},
): OptimalDiscretization {
  const methods = options.methods ?? DISCRETIZATION_METHODS;
  const minClasses = options.minClasses ?? 3;
  const maxClasses = options.maxClasses ?? 8;
  const rows: number[] = [];
  for (let i = 0; i < x.length; i++) if (Number.isFinite(x[i]) && Number.isFinite(y[i])) rows.push(i);
  const xs = Float64Array.from(rows, (i) => x[i]);
  const ys = Float64Array.from(rows, (i) => y[i]);
  const natural = methods.includes('natural') ? naturalBreaksUpTo(xs, maxClasses) : [];
  const candidates: DiscretizationCandidate[] = [];
  let best: { candidate: DiscretizationCandidate; breaks: number[]; strata: Strata } | undefined;
  for (const method of methods) {
    for (let classes = minClasses; classes <= maxClasses; classes++) {
      const breaks = method === 'natural' ? natural[classes] : classBreaks(xs, method, classes);
      const strata = strataFromBreaks(xs, breaks);
      const candidate = { method, classes, q: strata.levels.length < 2 ? 0 : qStatistic(ys, strata) };
      candidates.push(candidate);
      if (!best || candidate.q > best.candidate.q) best = { candidate, breaks, strata };
    }
  }
  if (!best) throw new Error('optimalDiscretization: no method or class count to try');
  return { ...best.candidate, breaks: best.breaks, strata: strataFromBreaks(x, best.breaks), candidates };
}
