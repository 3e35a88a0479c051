import { z } from 'zod';
import type { ApcsSpeciesResult, ApcsWarning } from '../../methods/apcs-mlr/index.ts';
import type { Dendrogram } from '../../methods/correlation/index.ts';
import type { GeoDetectorResult } from '../../methods/geodetector/index.ts';
import type { RatioPlotData } from '../../methods/isotopes/index.ts';
import type { MetalBalance } from '../../methods/mass-balance/index.ts';
import type { BartlettResult, KmoResult } from '../../methods/pca/index.ts';

// Source attribution beyond PMF (issue 6): correlation, PCA, APCS-MLR, GeoDetector, lead isotope
// mixing and the flux mass balance over datasets of the open project. Small matrices travel as
// JSON, per-sample tables as Arrow IPC. Schemas are local: importing contract.ts would close a cycle.

const bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected bytes');
const columnList = z.array(z.string().min(1)).min(2).max(40);
const discretizationMethod = z.enum(['equal', 'quantile', 'natural', 'geometric', 'sd']);

export const correlationParams = z.object({
  datasetId: z.string().min(1),
  /** Numeric columns of the dataset, e.g. cd_mg_kg. */
  columns: columnList,
  method: z.enum(['pearson', 'spearman']).default('pearson'),
  log: z.boolean().default(false),
  linkage: z.enum(['average', 'complete']).default('average'),
});

export const correlationResult = z.object({
  datasetId: z.string(),
  variables: z.array(z.string()),
  method: z.enum(['pearson', 'spearman']),
  log: z.boolean(),
  r: z.array(z.array(z.number())),
  p: z.array(z.array(z.number())),
  n: z.array(z.array(z.number())),
  /** '', '*' (p < 0.05) or '**' (p < 0.01) per cell. */
  marks: z.array(z.array(z.string())),
  dendrogram: z.custom<Dendrogram>(),
});
export type CorrelationResultShape = z.infer<typeof correlationResult>;

export const pcaParams = z.object({
  datasetId: z.string().min(1),
  columns: columnList,
  /** Components kept; default eigenvalue > 1. */
  components: z.number().int().min(1).max(40).optional(),
  rotate: z.boolean().default(true),
  log: z.boolean().default(false),
});

export const pcaResult = z.object({
  datasetId: z.string(),
  variables: z.array(z.string()),
  n: z.number().int(),
  kmo: z.custom<KmoResult>(),
  bartlett: z.custom<BartlettResult>(),
  eigenvalues: z.array(z.number()),
  explained: z.array(z.number()),
  cumulative: z.array(z.number()),
  components: z.number().int(),
  loadings: z.array(z.array(z.number())),
  rotatedLoadings: z.array(z.array(z.number())),
  rotatedExplained: z.array(z.number()),
  communalities: z.array(z.number()),
  /** Biplot points, Arrow IPC: sample_id, pc1, pc2 (scores of the first two kept components). */
  scores: bytes,
});
export type PcaResultShape = z.infer<typeof pcaResult>;

export const apcsParams = z.object({
  datasetId: z.string().min(1),
  columns: columnList,
  /** Sources (components); default eigenvalue > 1. */
  factors: z.number().int().min(1).max(20).optional(),
});

export const apcsResult = z.object({
  datasetId: z.string(),
  variables: z.array(z.string()),
  n: z.number().int(),
  sources: z.number().int(),
  eigenvalues: z.array(z.number()),
  rotatedLoadings: z.array(z.array(z.number())),
  species: z.array(z.custom<ApcsSpeciesResult>()),
  warnings: z.array(z.custom<ApcsWarning>()),
  /** Per sample, Arrow IPC: sample_id, then <species>_s<k> contributions (k = 1…sources). */
  contributions: bytes,
});
export type ApcsResultShape = z.infer<typeof apcsResult>;

const discretization = z.union([
  z.object({
    kind: z.literal('optimal'),
    minClasses: z.number().int().min(2).default(3),
    maxClasses: z.number().int().max(12).default(8),
  }),
  z.object({
    kind: z.literal('fixed'),
    method: discretizationMethod,
    classes: z.number().int().min(2).max(20),
  }),
  /** Take the values as strata (text or integer codes). */
  z.object({ kind: z.literal('strata') }),
]);

export const geoFactorSpec = z.union([
  z.object({
    source: z.literal('column'),
    column: z.string().min(1),
    discretization: discretization.optional(),
  }),
  /** Distance (km) from each sample to the nearest enterprise of an industry of an emission dataset. */
  z.object({
    source: z.literal('distance'),
    emissionDatasetId: z.string().min(1),
    industry: z.string().min(1),
    discretization: discretization.optional(),
  }),
]);
export type GeoFactorSpec = z.input<typeof geoFactorSpec>;

export const geodetectorParams = z.object({
  datasetId: z.string().min(1),
  y: z.string().min(1),
  factors: z.array(geoFactorSpec).min(1).max(12),
});

export const geodetectorResult = z.object({
  datasetId: z.string(),
  y: z.string(),
  /** Rows with a Y value. */
  n: z.number().int(),
  factorNames: z.array(z.string()),
  discretizations: z.array(
    z.object({
      x: z.string(),
      kind: z.enum(['strata', 'fixed', 'optimal']),
      method: discretizationMethod.nullable(),
      classes: z.number().int().nullable(),
      breaks: z.array(z.number()).nullable(),
    }),
  ),
  detectors: z.custom<GeoDetectorResult>(),
});
export type GeodetectorResultShape = z.infer<typeof geodetectorResult>;

const endMember = z.object({
  name: z.string().min(1),
  /** [min, max] of 206Pb/207Pb and of 208Pb/207Pb. */
  ranges: z
    .array(z.tuple([z.number().finite(), z.number().finite()]))
    .min(1)
    .max(2),
});
export type EndMemberShape = z.infer<typeof endMember>;

export const isotopesParams = z.object({
  samples: z.union([
    z.object({
      source: z.literal('dataset'),
      datasetId: z.string().min(1),
      xColumn: z.string().min(1),
      yColumn: z.string().min(1),
    }),
    /** A CSV the user uploaded: sample_id, 206Pb/207Pb, 208Pb/207Pb (column names given). */
    z.object({
      source: z.literal('csv'),
      name: z.string(),
      text: z.string().min(1).max(5_000_000),
      idColumn: z.string().default('sample_id'),
      xColumn: z.string().default('206Pb/207Pb'),
      yColumn: z.string().default('208Pb/207Pb'),
    }),
  ]),
  endMembers: z.array(endMember).min(2).max(3),
  draws: z.number().int().min(100).max(100_000).default(2000),
  seed: z.number().int().default(1),
});

export const isotopesResult = z.object({
  axes: z.tuple([z.string(), z.string()]),
  n: z.number().int(),
  plot: z.custom<RatioPlotData>(),
  /** Mean point share of each end-member over the samples, and per-end-member mean MC summary. */
  /** Over the samples: mean point share, mean MC share and mean of the per-sample 95 % interval bounds. */
  meanShares: z.array(
    z.object({
      name: z.string(),
      point: z.number(),
      mcMean: z.number(),
      p2_5: z.number(),
      p97_5: z.number(),
    }),
  ),
  infeasibleSamples: z.number().int(),
  /** Per sample, Arrow IPC: sample_id, x, y, feasible, then per end-member E: E_point, E_mean, E_p2_5, E_p97_5. */
  samples: bytes,
  draws: z.number().int(),
  seed: z.number().int(),
});
export type IsotopesResultShape = z.infer<typeof isotopesResult>;

export const massBalanceParams = z.object({
  datasetId: z.string().min(1),
  depthCm: z.number().positive().max(200).default(20),
  bulkDensity: z.number().positive().max(3).default(1.3),
  /** Soil dataset whose mean concentration is the starting point of the years-to-screening. */
  soilDatasetId: z.string().min(1).optional(),
  /** Screening values, mg/kg; default GB 15618-2018 at the soil dataset's median pH, land use "other". */
  screening: z.record(z.string(), z.number().positive()).optional(),
});

export const massBalanceResult = z.object({
  datasetId: z.string(),
  depthCm: z.number(),
  bulkDensity: z.number(),
  soilMassKgPerHa: z.number(),
  balances: z.array(z.custom<MetalBalance>()),
  projection: z.array(
    z.object({
      metal: z.string(),
      accumulation: z.number(),
      current: z.number().nullable(),
      screening: z.number().nullable(),
      /** Years at the current net rate; null = never (no net accumulation) or unknown. */
      years: z.number().nullable(),
    }),
  ),
  screeningSource: z.string(),
  medianPh: z.number().nullable(),
});
export type MassBalanceResultShape = z.infer<typeof massBalanceResult>;

export const attributionOptionsResult = z.object({
  /** Industries present per emission dataset (codes and counts). */
  industries: z.array(
    z.object({
      datasetId: z.string(),
      industries: z.array(z.object({ code: z.string(), count: z.number().int() })),
    }),
  ),
  /** Default end-members (case-study file) and an example isotope CSV to start from. */
  endMembers: z.array(endMember),
  endMembersSource: z.string(),
  exampleIsotopeCsv: z.object({ name: z.string(), text: z.string() }),
  defaults: z.object({ depthCm: z.number(), bulkDensity: z.number() }),
});
export type AttributionOptions = z.infer<typeof attributionOptionsResult>;

export const attributionMethods = {
  'attribution.options': { params: z.object({}), result: attributionOptionsResult },
  'attribution.correlation': { params: correlationParams, result: correlationResult },
  'attribution.pca': { params: pcaParams, result: pcaResult },
  'attribution.apcs': { params: apcsParams, result: apcsResult },
  'attribution.geodetector': { params: geodetectorParams, result: geodetectorResult },
  'attribution.isotopes': { params: isotopesParams, result: isotopesResult },
  'attribution.massBalance': { params: massBalanceParams, result: massBalanceResult },
} as const;
