// Plough-layer input/output mass balance and concentration projections.
export {
  type FluxDirection,
  type FluxRecord,
  fluxBalance,
  fluxBalanceByZone,
  type MetalBalance,
  type PathwayFlux,
} from './flux-balance.ts';
export { fluxRecordsFromTable } from './flux-records-from-table.ts';
export {
  firstOrderConcentration,
  lossRateFromOutputs,
  yearsToReachFirstOrder,
  yearsToReachLinear,
} from './projection.ts';
export { concentrationRate, DEFAULT_BULK_DENSITY, DEFAULT_DEPTH_CM, soilMassKgPerHa } from './soil-mass.ts';
