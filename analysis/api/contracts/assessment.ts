import { z } from 'zod';
import type {
  AssessmentSummary,
  CropSummaryRow,
  ExposureParameters,
} from '../../methods/assessment/index.ts';

// Pollution assessment (issue 5) over a soil dataset of the open project, optionally with a crop
// dataset. Schemas are local: importing contract.ts here would close an import cycle.

const bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected bytes');
const text = z.object({ zh: z.string(), en: z.string() });

const positive = z.number().finite().positive();
/** Edits to one population's exposure parameters (units as in ExposureParameters). */
const exposurePatch = z
  .object({
    ingestionRate: positive,
    exposureFrequency: positive,
    exposureDuration: positive,
    bodyWeight: positive,
    averagingTimeCancer: positive,
    inhalationRate: positive,
    particleEmissionFactor: positive,
    skinArea: positive,
    adherenceFactor: positive,
    dermalAbsorption: positive,
  })
  .partial();

export const assessmentRunParams = z.object({
  /** A soil dataset of the open project. */
  datasetId: z.string().min(1),
  /** Built-in standard, or "user" with `userStandard` (JSON, see userStandardSchema). */
  standard: z.enum(['gb15618', 'gb36600-1', 'gb36600-2', 'user']).default('gb15618'),
  userStandard: z.unknown().optional(),
  /** National CNEMC 1990 background, or "user" with `userBackground` ({id, name, source, values}). */
  background: z.enum(['national', 'user']).default('national'),
  userBackground: z.unknown().optional(),
  piReference: z.enum(['screening', 'background']).default('screening'),
  /** Håkanson 150/300/600, rescaled to the metals assessed, or three ascending limits. */
  riBands: z
    .union([z.enum(['hakanson', 'rescaled']), z.tuple([positive, positive, positive])])
    .default('hakanson'),
  /** Reference element for the enrichment factor (Al, Fe, Sc, Ti, Mn); no EF without it. */
  efReference: z.string().min(1).max(4).optional(),
  /** Exposure parameter set id (hj25.3-2014, hj25.3-2019) and the user's edits to it. */
  healthParameters: z.string().min(1).default('hj25.3-2014'),
  exposure: z.object({ child: exposurePatch.optional(), adult: exposurePatch.optional() }).optional(),
  /** A crop dataset whose samples name their soil sample (soil_sample_id). */
  cropDatasetId: z.string().min(1).optional(),
});
export type AssessmentRunParams = z.input<typeof assessmentRunParams>;

export const assessmentWarning = z.object({
  code: z.string(),
  sampleId: z.string().optional(),
  metal: z.string().optional(),
  zh: z.string(),
  en: z.string(),
});
export type AssessmentWarningShape = z.infer<typeof assessmentWarning>;

const pathwayMeans = z.object({
  ingestion: z.number().nullable(),
  dermal: z.number().nullable(),
  inhalation: z.number().nullable(),
});

/** One metal's health risk for one population over the samples (per-sample doses, then statistics). */
export const metalHealthRow = z.object({
  metal: z.string(),
  population: z.enum(['child', 'adult']),
  n: z.number().int(),
  /** Mean HQ per pathway over samples; null where the metal has no RfD for it. */
  hq: pathwayMeans,
  /** HI of the metal = Σ pathway HQ: mean and maximum over samples. */
  hiMean: z.number().nullable(),
  hiMax: z.number().nullable(),
  /** Share of samples with the metal's HI > 1. */
  shareHiAbove1: z.number().nullable(),
  /** Total CR of the metal: mean and maximum; null where it has no slope factor. */
  crMean: z.number().nullable(),
  crMax: z.number().nullable(),
  /** Share of samples with the metal's CR > 1e-6. */
  shareCrAbove1e6: z.number().nullable(),
});
export type MetalHealthRow = z.infer<typeof metalHealthRow>;

const populationTotals = z.object({
  hiMean: z.number(),
  hiMax: z.number(),
  shareHiAbove1: z.number(),
  crMean: z.number(),
  crMax: z.number(),
  shareCrAbove1e4: z.number(),
});

const exposureSet = z.object({
  id: z.string(),
  name: text,
  source: z.string(),
  verify: z.boolean(),
  child: z.custom<ExposureParameters>(),
  adult: z.custom<ExposureParameters>(),
});
export type ExposureSetShape = z.infer<typeof exposureSet>;

export const assessmentRunResult = z.object({
  datasetId: z.string(),
  cropDatasetId: z.string().nullable(),
  standard: z.object({
    id: z.string(),
    version: z.string(),
    name: text,
    source: z.string(),
    kind: z.enum(['farmland', 'construction']),
  }),
  /** Classes of the standard's kind, lowest first. */
  classes: z.array(z.string()),
  background: z.object({
    id: z.string(),
    name: text,
    source: z.string(),
    verify: z.boolean(),
    values: z.record(z.string(), z.number()),
  }),
  piReference: z.enum(['screening', 'background']),
  bands: z.object({
    ri: z.object({ id: z.string(), thresholds: z.array(z.number()) }),
    ids: z.record(z.string(), z.string()),
  }),
  efReference: z.string().nullable(),
  metals: z.array(z.string()),
  /**
   * One row per sample, Arrow IPC: sample_id, lon, lat, land_use, ph, class, deciding_metals; per
   * metal M: M (mg/kg), M_screening, M_intervention, M_ratio (C/screening), M_pi, M_class, M_igeo,
   * M_igeo_class, M_er, M_ef; then pn, pn_class, ri, ri_class, hi_child, hi_adult, cr_child, cr_adult.
   */
  samples: bytes,
  summary: z.custom<AssessmentSummary>(),
  health: z.object({
    parameterSet: exposureSet,
    toxicity: z.object({ id: z.string(), source: z.string() }),
    metals: z.array(metalHealthRow),
    child: populationTotals,
    adult: populationTotals,
  }),
  crops: z
    .object({
      table: z.object({ id: z.string(), version: z.string(), source: z.string() }),
      summary: z.array(z.custom<CropSummaryRow>()),
      jointCounts: z.record(z.string(), z.number()),
      /**
       * One row per crop sample, Arrow IPC: sample_id, soil_sample_id, crop, lon, lat, exceeds,
       * joint_class, joint_action; per metal M: crop_M, limit_M, exceeds_M, soil_M, soil_class_M, bcf_M.
       */
      samples: bytes,
      metals: z.array(z.string()),
    })
    .nullable(),
  warnings: z.array(assessmentWarning),
  softwareVersion: z.string(),
});
export type AssessmentRunResult = z.infer<typeof assessmentRunResult>;

export const assessmentOptionsResult = z.object({
  standards: z.array(z.object({ id: z.string(), version: z.string(), name: text, kind: z.string() })),
  background: z.object({
    id: z.string(),
    name: text,
    source: z.string(),
    values: z.record(z.string(), z.number()),
  }),
  exposureSets: z.array(exposureSet),
  riBands: z.array(z.number()),
  efReferences: z.array(z.string()),
  foodTable: z.object({ id: z.string(), version: z.string(), source: z.string() }),
});

export const assessmentMethods = {
  /** Standards, background, exposure parameter sets and defaults for the options panel. */
  'assessment.options': { params: z.object({}), result: assessmentOptionsResult },
  /** Runs the assessment on a soil dataset (computed on demand; nothing is stored). */
  'assessment.run': { params: assessmentRunParams, result: assessmentRunResult },
} as const;
