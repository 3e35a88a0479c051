import { z } from 'zod';
import { REGULATED_METALS } from '../../domain/elements.ts';
import { INPUT_PATHWAYS } from '../../domain/industries.ts';
import { LAND_USES } from '../../domain/land-use.ts';
import { SOIL_CLASSES } from './standards-lookup.ts';

// The SCENARIOS.json file (documented field by field in datasets/scenarios/README.md). Validated
// at the boundary; anything wrong is reported with its JSON path (e.g. `scenarios[1].actions[0].measure`).

const metal = z.enum(REGULATED_METALS);
const landUse = z.enum(LAND_USES);

/** A number, or [low, mode, high] with low ≤ mode ≤ high. */
export const rangeSchema = z
  .union([z.number(), z.tuple([z.number(), z.number(), z.number()])])
  .refine((v) => typeof v === 'number' || (v[0] <= v[1] && v[1] <= v[2]), {
    message: 'a range is [low, mode, high] with low ≤ mode ≤ high',
  })
  .transform((v): readonly [number, number, number] => (typeof v === 'number' ? [v, v, v] : v));

const shareRange = rangeSchema.refine((r) => r[0] >= 0 && r[2] <= 1, {
  message: 'a share must lie in [0, 1]',
});

const distribution = z.enum(['triangular', 'uniform', 'lognormal']);

export const figureSchema = z
  .object({
    range: rangeSchema,
    unit: z.string(),
    source: z.string().min(1).optional(),
    estimate: z.boolean().optional(),
    distribution: distribution.optional(),
    note: z.string().optional(),
  })
  .strict()
  .refine((f) => f.source !== undefined || f.estimate === true, {
    message: 'every figure needs a "source" or "estimate": true',
  });

const costBasis = z.enum([
  'yuan_per_mu_year',
  'yuan_per_mu',
  'yuan_per_m3',
  'yuan_per_enterprise',
  'yuan_per_enterprise_year',
]);

const effectsSchema = z
  .object({
    cropUptakeReduction: figureSchema.optional(),
    soilRemovalGHaA: figureSchema.optional(),
    soilRemovalFractionPerYear: figureSchema.optional(),
    oneTimeReduction: figureSchema.optional(),
    exposureReduction: figureSchema.optional(),
    inputReduction: z
      .object({ pathways: z.array(z.enum(INPUT_PATHWAYS)).min(1), fraction: figureSchema })
      .strict()
      .optional(),
    emissionCut: figureSchema.optional(),
    stopsFoodCrop: z.boolean().optional(),
  })
  .strict();

const measureFields = {
  id: z.string().min(1),
  name: z.object({ zh: z.string(), en: z.string() }).strict(),
  category: z.enum(['farmland', 'construction', 'source_control']),
  target: z.enum(['zone', 'enterprise']),
  landUses: z.array(landUse).min(1),
  metals: z.array(metal).min(1),
  cost: figureSchema.and(z.object({ basis: costBasis })),
  carbon: figureSchema,
  duration: figureSchema,
  lasting: z.boolean(),
  effects: effectsSchema,
  secondaryEffects: z.array(z.string()),
  secondaryEffectsZh: z.array(z.string()).optional(),
};

export const measureSchema = z.object(measureFields).strict();
/** Overrides of library measures: the id plus any fields to replace. */
export const measureOverrideSchema = z
  .object({
    ...measureFields,
    cost: figureSchema.and(z.object({ basis: costBasis.optional() })),
    effects: effectsSchema,
  })
  .partial()
  .required({ id: true })
  .strict();

const zoneFilter = z
  .object({
    fluxZones: z.array(z.string()).optional(),
    landUses: z.array(landUse).optional(),
    classes: z.array(z.enum(SOIL_CLASSES)).optional(),
    minPH: z.number().optional(),
    maxPH: z.number().optional(),
    /** Zones whose mean concentration of a metal is at least this (mg/kg). */
    minConcentration: z.partialRecord(metal, z.number()).optional(),
  })
  .strict();

const actionSchema = z
  .object({
    measure: z.string().min(1),
    zones: z.array(z.string()).optional(),
    where: zoneFilter.optional(),
    enterprises: z.array(z.string()).optional(),
    industries: z.array(z.string()).optional(),
    share: shareRange.optional(),
    startYear: z.number().int().optional(),
    years: z.number().int().positive().optional(),
  })
  .strict();

export const CRITERIA = [
  'npv',
  'targetProbability',
  'residualUnsafeHa',
  'healthRiskReduction',
  'carbonTCO2e',
  'durationYears',
] as const;
export type CriterionId = (typeof CRITERIA)[number];
const criterion = z.enum(CRITERIA);

const scenarioSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    description: z.string().optional(),
    actions: z.array(actionSchema),
  })
  .strict();

export const scenarioFileSchema = z
  .object({
    version: z.literal(1).optional(),
    title: z.string().optional(),
    inputs: z
      .object({
        samples: z.string().min(1),
        enterprises: z.string().min(1).optional(),
        fluxes: z.string().min(1).optional(),
        zonePolygons: z.string().min(1).optional(),
      })
      .strict(),
    metals: z.array(metal).min(1).optional(),
    zoning: z
      .object({
        /** Interpolation method; ordinary kriging will plug in through ZoningOptions.interpolator. */
        method: z.enum(['idw']).default('idw'),
        cellSizeM: z.number().positive().default(200),
        idwPower: z.number().positive().default(2),
        maxNeighbours: z.number().int().positive().default(12),
        maxDistanceM: z.number().positive().optional(),
        /** Sample column naming each sample's flux zone (default: `flux_zone` when present). */
        fluxZoneColumn: z.string().min(1).optional(),
      })
      .strict()
      .default({ method: 'idw', cellSizeM: 200, idwPower: 2, maxNeighbours: 12 }),
    soil: z
      .object({
        depthM: z.number().positive().default(0.2),
        massKgPerHa: z.number().positive().default(2.25e6),
      })
      .strict()
      .default({ depthM: 0.2, massKgPerHa: 2.25e6 }),
    horizon: z
      .object({ startYear: z.number().int(), endYear: z.number().int() })
      .strict()
      .refine((h) => h.endYear >= h.startYear, { message: 'endYear must not be before startYear' }),
    /** Default 8 %, the social discount rate of 《建设项目经济评价方法与参数》 (3rd ed., verify). */
    discountRate: z.number().min(0).max(1).default(0.08),
    target: z
      .object({
        year: z.number().int(),
        /** Default: the metals above their screening value anywhere on the target land uses. */
        metals: z.array(metal).min(1).optional(),
        criterion: z.enum(['safe-utilization', 'below-screening']).default('safe-utilization'),
        rate: z.number().min(0).max(1).default(0.95),
        /** Land uses the target counts: cultivated land (耕地) by default. */
        landUses: z.array(landUse).min(1).default(['paddy', 'dryland', 'vegetable']),
      })
      .strict(),
    crops: z
      .array(
        z
          .object({
            name: z.string(),
            /** GB 2762 crop type for the default limits (rice, wheat, …); defaults to the name. */
            cropType: z.string().optional(),
            landUses: z.array(landUse).min(1),
            bcf: z.partialRecord(metal, rangeSchema),
            limitMgKg: z.partialRecord(metal, z.number().positive()).optional(),
          })
          .strict(),
      )
      .default([]),
    massBalance: z
      .object({
        inputScale: rangeSchema.default([1, 1, 1]),
        backgroundDepositionGHaA: z.partialRecord(metal, z.number().nonnegative()).optional(),
      })
      .strict()
      .default({ inputScale: [1, 1, 1] }),
    deposition: z
      .object({
        localFraction: shareRange.default([0.1, 0.3, 0.5]),
        lengthScalePerStackHeight: z.number().positive().default(20),
        minLengthScaleM: z.number().positive().default(1000),
      })
      .strict()
      .default({ localFraction: [0.1, 0.3, 0.5], lengthScalePerStackHeight: 20, minLengthScaleM: 1000 }),
    measures: z.array(measureOverrideSchema).default([]),
    ranking: z
      .object({
        method: z.enum(['topsis', 'weighted-sum']).default('topsis'),
        weights: z.partialRecord(criterion, z.number().nonnegative()).optional(),
        ahp: z
          .object({ criteria: z.array(criterion).min(2), matrix: z.array(z.array(z.number().positive())) })
          .strict()
          .optional(),
      })
      .strict()
      .default({ method: 'topsis' }),
    scenarios: z.array(scenarioSchema).min(1),
  })
  .strict();

export type ScenarioFile = z.output<typeof scenarioFileSchema>;
export type ScenarioSpec = ScenarioFile['scenarios'][number];
export type ActionSpec = ScenarioSpec['actions'][number];
export type ZoneFilter = z.output<typeof zoneFilter>;
export type CropSpec = ScenarioFile['crops'][number];

/** JSON path of a zod issue, e.g. `scenarios[0].actions[1].measure`. */
export function issuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}
