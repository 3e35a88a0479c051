// Remediation and source-control scenario planner (issue 7): the public API for the CLI and the views.

export type {
  CompareOptions,
  ComparisonResult,
  ScenarioComparison,
  ZoneSummary,
} from './compare-scenarios.ts';
export {
  compareScenarioFile,
  compareScenarios,
  measureLibraryFor,
  parseScenarioFile,
  prepareInputs,
  readScenarioFile,
} from './compare-scenarios.ts';
export { addMeasureCost, netPresentValue } from './costs.ts';
export { depositionGHaA, lengthScaleFor } from './deposition.ts';
export { parseZonePolygons, pointInPolygon, pointInRing } from './geojson-zones.ts';
export { childIngestionHQ } from './health-risk.ts';
export type { GridInterpolator, GridSpec, ScatteredPoints } from './interpolation/grid.ts';
export { cellCentres, gridOver, projectLocal } from './interpolation/grid.ts';
export type { IdwOptions, IdwStencil } from './interpolation/idw.ts';
export { idwApply, idwGrid, idwPoints, idwStencil } from './interpolation/idw.ts';
export type { Enterprise, FluxRow } from './load-inputs.ts';
export { readEnterprises, readFluxes, readSoilSamples, readZonePolygons } from './load-inputs.ts';
export { ahpWeights, checkPairwiseMatrix, SAATY_RANDOM_INDEX } from './mcda/ahp.ts';
export { topsis } from './mcda/topsis.ts';
export { weightedSum } from './mcda/weighted-sum.ts';
export type { Measure, MeasureEffects } from './measure-library.ts';
export { DEFAULT_MEASURES, mergeMeasureLibrary, unsourcedFigures } from './measure-library.ts';
export type { MonteCarloResult, Quantiles, RunControl } from './monte-carlo.ts';
export { drawParameters, monteCarloScenario, quantiles, sampleWith } from './monte-carlo.ts';
export type { ParetoPoint } from './pareto.ts';
export { paretoFront } from './pareto.ts';
export {
  affineProjection,
  concentrationChangePerYear,
  firstYearAtOrAbove,
  firstYearAtOrBelow,
  projectConcentration,
  soilMassKgPerHa,
} from './projection.ts';
export type { Figure, Range } from './range.ts';
export { rangeQuantile } from './range.ts';
export type { PlanningModel, ScenarioOutcome, ZoneProjection } from './scenario-model.ts';
export { compilePlanningModel, evaluateScenario, modeValues } from './scenario-model.ts';
export type { ScenarioFile } from './scenario-schema.ts';
export { scenarioFileSchema } from './scenario-schema.ts';
export type { SensitivityMetric, Tornado, TornadoBar } from './sensitivity.ts';
export { tornado } from './sensitivity.ts';
export { grainLimit, interventionValue, STANDARDS_VERSION, screeningValue } from './standards-lookup.ts';
export type { ManagementZone, SoilSamples, ZoneCells } from './zones.ts';
export { cellArea, delineateZones, interpolateCells, MU_PER_HA, zonesFromPolygons } from './zones.ts';
