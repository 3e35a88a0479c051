import { ecologicalDetector } from './ecological-detector.ts';
import { factorDetector } from './factor-detector.ts';
import { type InteractionKind, interactionDetector } from './interaction-detector.ts';
import { type RiskDetectorResult, riskDetector } from './risk-detector.ts';
import type { Strata } from './strata.ts';

export interface GeoFactor {
  name: string;
  strata: Strata;
}

export interface GeoDetectorResult {
  factors: { x: string; q: number; p: number; f: number; lambda: number; strata: number }[];
  interactions: { a: string; b: string; q: number; qA: number; qB: number; kind: InteractionKind }[];
  risk: ({ x: string } & RiskDetectorResult)[];
  ecological: { a: string; b: string; f: number; critical: number; significant: boolean; stronger: string }[];
}

/**
 * All four detectors of the geographical detector (Wang et al. 2010) for Y over stratified factors,
 * pairs taken in the given factor order (as geodetector 1.0-5 does). Y must have no missing values.
 */
export function geoDetector(y: ArrayLike<number>, factors: readonly GeoFactor[]): GeoDetectorResult {
  const single = factors.map((f) => ({ name: f.name, ...factorDetector(y, f.strata) }));
  const result: GeoDetectorResult = {
    factors: single.map((f) => ({ x: f.name, q: f.q, p: f.p, f: f.f, lambda: f.lambda, strata: f.strata })),
    interactions: [],
    risk: factors.map((f) => ({ x: f.name, ...riskDetector(y, f.strata) })),
    ecological: [],
  };
  for (let i = 0; i < factors.length - 1; i++) {
    for (let j = i + 1; j < factors.length; j++) {
      const [a, b] = [factors[i], factors[j]];
      result.interactions.push({ a: a.name, b: b.name, ...interactionDetector(y, a.strata, b.strata) });
      const eco = ecologicalDetector(single[i].q, single[j].q, y.length);
      result.ecological.push({
        a: a.name,
        b: b.name,
        ...eco,
        stronger: eco.stronger === 'a' ? a.name : b.name,
      });
    }
  }
  return result;
}
