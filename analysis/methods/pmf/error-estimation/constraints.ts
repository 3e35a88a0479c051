// Constrained runs (EPA PMF 5.0 user guide §6.2, after ME-2's pulling, Paatero 1999): an
// element of F (profile) or G (contribution) is set to zero (a hard constraint), or pulled up
// maximally, down maximally or towards a value by a soft pull whose strength is raised until
// Q(true) has risen by the dQ limit (PMF 5.0 default: 0.5 % of the base Q). All pulls of one
// run share one strength s (weights s × the element's curvature, pull-weights.ts); s is found by
// bisection on log s. Profiles stay normalised (G columns mean 1, normalised-solve.ts).

import { SoilTraceError } from '../../../errors.ts';
import type { PmfFactors, PmfProblem } from '../q.ts';
import { type NormalisedSolution, normalisedCopy, solveNormalised } from './normalised-solve.ts';
import { fCurvature, gCurvature } from './pull-weights.ts';

export type ConstraintKind = 'zero' | 'pullUp' | 'pullDown' | 'value';

export type ConstraintElement =
  | { matrix: 'F'; factor: number; species: number }
  | { matrix: 'G'; factor: number; sample: number };

export interface Constraint {
  kind: ConstraintKind;
  element: ConstraintElement;
  /** Target of a 'value' constraint (profile units, or contribution with mean 1). */
  value?: number;
}

export interface ConstraintSettings {
  /** Largest rise of Q(true) allowed; default 0.5 % of the base Q (PMF 5.0 default). */
  dQLimit?: number;
  /** Sweeps of each re-fit (default 300). */
  maxSweeps?: number;
  /** Bisection steps on log(strength) (default 14). */
  bisections?: number;
}

export interface ConstrainedRun {
  dQLimit: number;
  qBase: number;
  qTrue: number;
  qRobust: number;
  dQ: number;
  /** Pull strength used (0 with hard constraints only). */
  strength: number;
  /** Each constraint's element before and after. */
  elements: { constraint: Constraint; before: number; after: number }[];
  /** The constrained solution, G columns mean 1. */
  solution: PmfFactors;
}

function indexOf(element: ConstraintElement, factors: number, species: number): number {
  return element.matrix === 'F'
    ? element.factor * species + element.species
    : element.sample * factors + element.factor;
}

function check(problem: PmfProblem, factors: number, c: Constraint) {
  const e = c.element;
  const bad =
    !Number.isInteger(e.factor) ||
    e.factor < 0 ||
    e.factor >= factors ||
    (e.matrix === 'F'
      ? !Number.isInteger(e.species) || e.species < 0 || e.species >= problem.species
      : !Number.isInteger(e.sample) || e.sample < 0 || e.sample >= problem.samples) ||
    (c.kind === 'value' && !(typeof c.value === 'number' && c.value >= 0));
  if (bad) {
    throw new SoilTraceError({
      zh: `约束不合法：${JSON.stringify(c)}（因子、物种或样品序号越界，或目标值不是非负数）`,
      en: `invalid constraint ${JSON.stringify(c)}: factor, species or sample out of range, or the target is not a non-negative number`,
    });
  }
}

/** One constrained run of `base`. */
export function constrainPmf(
  problem: PmfProblem,
  base: PmfFactors,
  constraints: readonly Constraint[],
  settings: ConstraintSettings = {},
): ConstrainedRun {
  const k = base.factors;
  const { samples: n, species: m } = problem;
  for (const c of constraints) check(problem, k, c);
  const maxSweeps = settings.maxSweeps ?? 300;
  const start0 = solveNormalised(problem, normalisedCopy(problem, base), { maxSweeps: 2000 });
  const start: PmfFactors = { g: start0.g, f: start0.f, factors: k };
  const qBase = start0.qTrue;
  const dQLimit = settings.dQLimit ?? 0.005 * qBase;

  const holdF = new Uint8Array(k * m);
  const holdG = new Uint8Array(n * k);
  const begin: PmfFactors = { g: start.g.slice(), f: start.f.slice(), factors: k };
  const fTarget = new Float64Array(k * m);
  const gTarget = new Float64Array(n * k);
  const fScale = new Float64Array(k * m);
  const gScale = new Float64Array(n * k);
  const fCurv = fCurvature(problem, start);
  const gCurv = gCurvature(problem, start);
  const speciesMax = new Float64Array(m);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++) speciesMax[j] = Math.max(speciesMax[j], problem.x[i * m + j]);
  let hasHoldG = false;
  let hasPulls = false;
  for (const c of constraints) {
    const at = indexOf(c.element, k, m);
    const isF = c.element.matrix === 'F';
    if (c.kind === 'zero') {
      if (isF) {
        holdF[at] = 1;
        begin.f[at] = 0;
      } else {
        holdG[at] = 1;
        begin.g[at] = 0;
        hasHoldG = true;
      }
      continue;
    }
    hasPulls = true;
    const current = isF ? start.f[at] : start.g[at];
    // "Maximally": a target no feasible solution reaches (a profile value above the species'
    // largest concentration, a contribution above the number of samples), or zero.
    const far = isF ? 10 * speciesMax[j0(c.element)] + 10 * current : 10 * n + 10 * current;
    const target = c.kind === 'pullUp' ? far : c.kind === 'pullDown' ? 0 : (c.value as number);
    if (isF) {
      fTarget[at] = target;
      fScale[at] = fCurv[at];
    } else {
      gTarget[at] = target;
      gScale[at] = gCurv[at];
    }
  }

  const run = (strength: number): NormalisedSolution =>
    solveNormalised(problem, begin, {
      maxSweeps,
      holdF,
      holdG: hasHoldG ? holdG : undefined,
      pullF: hasPulls ? { weight: fScale.map((w) => w * strength), target: fTarget } : undefined,
      pullG: hasPulls ? { weight: gScale.map((w) => w * strength), target: gTarget } : undefined,
    });

  let best = run(0);
  let strength = 0;
  if (hasPulls) {
    // Bracket: strengths are relative to the data's own curvature, so 1e-6…1e4 spans "no pull"
    // to "the pull dominates"; a 'value' pull reached at the top costs what it costs.
    let lo = -6;
    let hi = 4;
    const top = run(10 ** hi);
    if (top.qTrue - qBase <= dQLimit) {
      best = top;
      strength = 10 ** hi;
    } else {
      for (let b = 0; b < (settings.bisections ?? 14); b++) {
        const mid = (lo + hi) / 2;
        const fit = run(10 ** mid);
        if (fit.qTrue - qBase <= dQLimit) {
          lo = mid;
          best = fit;
          strength = 10 ** mid;
        } else hi = mid;
      }
    }
  }
  return {
    dQLimit,
    qBase,
    qTrue: best.qTrue,
    qRobust: best.qRobust,
    dQ: best.qTrue - qBase,
    strength,
    elements: constraints.map((constraint) => {
      const at = indexOf(constraint.element, k, m);
      const isF = constraint.element.matrix === 'F';
      return {
        constraint,
        before: isF ? start.f[at] : start.g[at],
        after: isF ? best.f[at] : best.g[at],
      };
    }),
    solution: { g: best.g, f: best.f, factors: k },
  };
}

function j0(element: ConstraintElement): number {
  return element.matrix === 'F' ? element.species : 0;
}
