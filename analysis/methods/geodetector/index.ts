// Geographical detector (Wang et al. 2010; geodetector 1.0-5 parity): detectors, discretisation,
// optimal discretisation, and the distance-to-nearest-source factor.
export {
  classBreaks,
  classify,
  DISCRETIZATION_METHODS,
  type DiscretizationMethod,
  discretize,
  strataFromBreaks,
} from './discretize.ts';
export { distanceToNearestKm, EARTH_RADIUS_KM, haversineKm } from './distance-to-nearest.ts';
export { type EcologicalResult, ecologicalDetector } from './ecological-detector.ts';
export { type FactorDetectorResult, factorDetector, qStatistic } from './factor-detector.ts';
export { type GeoDetectorResult, type GeoFactor, geoDetector } from './geodetector.ts';
export {
  INTERACTION_KIND_LABELS,
  INTERACTION_KINDS,
  type InteractionKind,
  type InteractionResult,
  interactionDetector,
  interactionKind,
} from './interaction-detector.ts';
export { naturalBreaksUpTo } from './natural-breaks.ts';
export {
  type DiscretizationCandidate,
  type OptimalDiscretization,
  type OptimalDiscretizationOptions,
  optimalDiscretization,
} from './optimal-discretization.ts';
export {
  type RiskDetectorResult,
  riskDetector,
  type StratumComparison,
  type StratumMean,
} from './risk-detector.ts';
export { completeCases, encodeStrata, intersectStrata, type Strata } from './strata.ts';
