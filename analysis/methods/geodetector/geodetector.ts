import { ecologicalDetector } from './ecological-detector.ts';
import { factorDetector } from './factor-detector.ts';
import { type InteractionKind, interactionDetector } from './interaction-detector.ts';
import { type RiskDetectorResult, riskDetector } from './risk-detector.ts';
import { completeCases, type Strata } from './strata.ts';

export interface GeoFactor {
  name: string;
  strata: Strata;
}

export interface GeoDetectorResult {
  /** n: samples used (Y and the factor present). */
  factors: { x: string; n: number; q: number; p: number; f: number; lambda: number; strata: number }[];
  /** q, qA and qB on the n samples where Y, A and B are all present. */
  interactions: {
    a: string;
    b: string;
    n: number;
    q: number;
    qA: number;
    qB: number;
    kind: InteractionKind;
  }[];
  risk: ({ x: string; n: number } & RiskDetectorResult)[];
  ecological: {
    a: string;
    b: string;
    n: number;
    f: number;
    critical: number;
    significant: boolean;
    stronger: string;
  }[];
}

/**
 * All four detectors of the geographical detector (Wang et al. 2010) for Y over stratified factors,
 * pairs taken in the given factor order (as geodetector 1.0-5 does). Missing values (NaN in Y, code
 * −1 in a factor) are left out per detector: a factor's q and risk table use the samples where Y
 * and that factor are present; an interaction or ecological pair uses those where both are. With
 * complete data every detector sees the same samples, as in the package.
 */
export function geoDetector(y: ArrayLike<number>, factors: readonly GeoFactor[]): GeoDetectorResult {
  const result: GeoDetectorResult = { factors: [], interactions: [], risk: [], ecological: [] };
  for (const factor of factors) {
    const used = completeCases(y, [factor.strata]);
    const n = used.y.length;
    const { q, p, f, lambda, strata } = factorDetector(used.y, used.strata[0]);
    result.factors.push({ x: factor.name, n, q, p, f, lambda, strata });
    result.risk.push({ x: factor.name, n, ...riskDetector(used.y, used.strata[0]) });
  }
  for (let i = 0; i < factors.length - 1; i++) {
    for (let j = i + 1; j < factors.length; j++) {
      const [a, b] = [factors[i], factors[j]];
      const used = completeCases(y, [a.strata, b.strata]);
      const n = used.y.length;
      const interaction = interactionDetector(used.y, used.strata[0], used.strata[1]);
      result.interactions.push({ a: a.name, b: b.name, n, ...interaction });
      const eco = ecologicalDetector(interaction.qA, interaction.qB, n);
      result.ecological.push({
        a: a.name,
        b: b.name,
        n,
        ...eco,
        stronger: eco.stronger === 'a' ? a.name : b.name,
      });
    }
  }
  return result;
}
