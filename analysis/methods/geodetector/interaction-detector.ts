import { qStatistic } from './factor-detector.ts';
import { intersectStrata, type Strata } from './strata.ts';

export type InteractionKind =
  | 'weaken_nonlinear'
  | 'weaken_uni'
  | 'enhance_bi'
  | 'independent'
  | 'enhance_nonlinear';

export const INTERACTION_KINDS: readonly InteractionKind[] = [
  'weaken_nonlinear',
  'weaken_uni',
  'enhance_bi',
  'independent',
  'enhance_nonlinear',
];

/** Names of the interaction types as Chinese and English reports print them (Wang & Xu 2017, table 1). */
export const INTERACTION_KIND_LABELS: Record<InteractionKind, { zh: string; en: string }> = {
  weaken_nonlinear: { zh: '非线性减弱', en: 'weaken, nonlinear' },
  weaken_uni: { zh: '单因子非线性减弱', en: 'weaken, uni-' },
  enhance_bi: { zh: '双因子增强', en: 'enhance, bi-' },
  independent: { zh: '独立', en: 'independent' },
  enhance_nonlinear: { zh: '非线性增强', en: 'enhance, nonlinear' },
};

// q values that differ only by rounding (e.g. an overlay that equals one of its factors) count as equal.
const TOLERANCE = 1e-12;

/**
 * The type of an interaction (Wang & Xu 2017, Acta Geogr. Sin. 72:116, table 1; geodetector 1.0-5,
 * interaction_detector): q12 ≤ min → weaken, nonlinear; min < q12 < max → weaken, uni-;
 * max ≤ q12 < qa + qb → enhance, bi-; q12 = qa + qb → independent; q12 > qa + qb → enhance,
 * nonlinear. Ties go as the package resolves them (q12 = max counts as enhance, bi-). One
 * deliberate difference: the package's last test overwrites "independent" with "enhance, bi-", so
 * it can never report independence; we report it as its own definition says.
 */
export function interactionKind(qa: number, qb: number, qab: number): InteractionKind {
  const lo = Math.min(qa, qb);
  const hi = Math.max(qa, qb);
  const sum = qa + qb;
  if (qab > sum + TOLERANCE) return 'enhance_nonlinear';
  if (Math.abs(qab - sum) <= TOLERANCE) return 'independent';
  if (qab >= hi - TOLERANCE) return 'enhance_bi';
  if (qab > lo + TOLERANCE) return 'weaken_uni';
  return 'weaken_nonlinear';
}

export interface InteractionResult {
  q: number;
  qA: number;
  qB: number;
  kind: InteractionKind;
}

/** Interaction detector: q of the overlay A ∩ B (every observed pair of strata) and its type. */
export function interactionDetector(y: ArrayLike<number>, a: Strata, b: Strata): InteractionResult {
  const qA = qStatistic(y, a);
  const qB = qStatistic(y, b);
  const q = qStatistic(y, intersectStrata(a, b));
  return { q, qA, qB, kind: interactionKind(qA, qB, q) };
}
