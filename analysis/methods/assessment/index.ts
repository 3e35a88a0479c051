// Pollution assessment core (issue 5): standards, classes, indices, health risk, crop safety.
// Pure functions; the UI and CLI build on these.

export * from './assess-samples.ts';
export * from './band-scheme.ts';
export * from './crop-safety.ts';
export * from './crop-samples-from-table.ts';
export * from './ecological-risk.ts';
export * from './enrichment-factor.ts';
export * from './geoaccumulation-index.ts';
export * from './health-risk.ts';
export * from './nemerow-index.ts';
export * from './screening-class.ts';
export * from './single-factor-index.ts';
export * from './soil-samples-from-table.ts';
export * from './standards/index.ts';
export * from './summary-table.ts';
