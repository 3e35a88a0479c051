import { z } from 'zod';

// PMF source apportionment page (issue 4 §4). Inputs come from a project soil dataset (chosen
// samples and species; uncertainty from MDL and error fraction, EPA PMF 5.0 user guide eq. 5-1/5-2)
// or from EPA PMF 5 concentration/uncertainty files. Every run is stored in the project
// (analysis_runs) with its inputs, settings, seeds and software version. Schemas are local:
// importing contract.ts here would close an import cycle.

const text = z.object({ zh: z.string(), en: z.string() });
export const speciesCategory = z.enum(['strong', 'weak', 'bad']);

export const pmfSource = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('dataset'),
    datasetId: z.string().min(1),
    /** Element symbols (Cd, Pb, …); default every element the dataset holds. */
    species: z.array(z.string().min(1)).optional(),
    /** Sample ids to use; default all. */
    samples: z.array(z.string()).optional(),
    /** MDL per species, mg/kg; default the dataset's detection limit, else 1 % of the species' minimum. */
    mdl: z.record(z.string(), z.number().positive()).default({}),
    /** Error fraction per species (0.1 = 10 %); default `errorFraction`. */
    errorFractions: z.record(z.string(), z.number().min(0).max(1)).default({}),
    errorFraction: z.number().min(0).max(1).default(0.1),
  }),
  z.object({ type: z.literal('files'), concPath: z.string().min(1), uncPath: z.string().min(1) }),
]);
export type PmfSource = z.output<typeof pmfSource>;

export const pmfPrepareOptions = z.object({
  categories: z.record(z.string(), speciesCategory).default({}),
  totalVariable: z.string().min(1).optional(),
  /** Extra modelling uncertainty, fraction 0–0.25. */
  extraUncertainty: z.number().min(0).max(0.25).default(0),
});

export const pmfRunParams = z.object({
  source: pmfSource,
  options: pmfPrepareOptions.default({ categories: {}, extraUncertainty: 0 }),
  factors: z.number().int().min(1).max(20),
  runs: z.number().int().min(1).max(1000).default(20),
  seed: z.number().int().min(0).default(42),
  robust: z.boolean().default(false),
  /** 'none' runs in this thread (tests); default one worker per core. */
  workers: z.union([z.literal('auto'), z.literal('none'), z.number().int().min(1).max(64)]).default('auto'),
});
export type PmfRunParams = z.input<typeof pmfRunParams>;

export const pmfSpeciesRow = z.object({
  species: z.string(),
  signalToNoise: z.number(),
  /** EPA PMF 5.0 user guide §5.2: S/N < 0.5 bad, < 1 weak, else strong. */
  suggested: speciesCategory,
  missingPercent: z.number(),
  censoredPercent: z.number(),
  /** MDL used, mg/kg, and whether it came from the dataset. */
  mdl: z.number().nullable(),
  mdlFromData: z.boolean(),
  min: z.number().nullable(),
  median: z.number().nullable(),
  max: z.number().nullable(),
});
export type PmfSpeciesRow = z.infer<typeof pmfSpeciesRow>;

export const pmfSpeciesTable = z.object({
  sampleIds: z.array(z.string()),
  species: z.array(pmfSpeciesRow),
  /** Element symbols the dataset has (for the picker). */
  available: z.array(z.string()),
});

const matrix = z.array(z.array(z.number()));

/** A constraint on one element of F (factor × species) or G (sample × factor); indices from 0. */
export const pmfConstraint = z.object({
  kind: z.enum(['zero', 'pullUp', 'pullDown', 'value']),
  element: z.discriminatedUnion('matrix', [
    z.object({ matrix: z.literal('F'), factor: z.number().int().min(0), species: z.number().int().min(0) }),
    z.object({ matrix: z.literal('G'), factor: z.number().int().min(0), sample: z.number().int().min(0) }),
  ]),
  /** Target of a 'value' pull (profile units; contributions have mean 1). */
  value: z.number().min(0).optional(),
});
export type PmfConstraint = z.infer<typeof pmfConstraint>;

export const pmfRunRecord = z.object({
  seed: z.number(),
  qTrue: z.number(),
  qRobust: z.number(),
  converged: z.boolean(),
  iterations: z.number(),
});

export const pmfFactorSuggestion = z.object({
  markers: z.array(z.string()),
  suggestions: z.array(
    z.object({ id: z.string(), name: text, matched: z.array(z.string()), score: z.number() }),
  ),
});

export const pmfStoredResult = z.object({
  runId: z.string(),
  createdAt: z.string(),
  softwareVersion: z.string(),
  parameters: z.record(z.string(), z.unknown()),
  source: z.record(z.string(), z.unknown()),
  sampleIds: z.array(z.string()),
  /** WGS 84 lon/lat per sample when the source is a dataset with coordinates. */
  coordinates: z.array(z.tuple([z.number().nullable(), z.number().nullable()])).nullable(),
  species: z.array(z.string()),
  categories: z.array(speciesCategory),
  factors: z.number().int(),
  runs: z.array(pmfRunRecord),
  best: z.number().int(),
  qTrue: z.number(),
  qRobust: z.number(),
  qExpected: z.number(),
  /** factors × species. */
  profiles: matrix,
  percentOfSpecies: matrix,
  percentOfTotal: matrix,
  /** samples × factors. */
  contributions: matrix,
  contributionsMass: matrix,
  /** samples × species. */
  observed: matrix,
  predicted: matrix,
  scaledResiduals: matrix,
  qPerSpecies: z.array(z.number()),
  qExpectedPerSpecies: z.number(),
  speciesFit: z.array(
    z.object({ qOverExpected: z.number(), slope: z.number(), intercept: z.number(), r2: z.number() }),
  ),
  nameSuggestions: z.array(pmfFactorSuggestion),
  /** The user's factor names ('' = not named yet). */
  factorNames: z.array(z.string()),
  elapsedMs: z.number(),
  /** Error estimation of the base run (bootstrap and DISP, EPA PMF 5.0 user guide §7), once run. */
  errors: z
    .object({
      bootstrap: z
        .object({
          runs: z.number(),
          seed: z.number(),
          blockSize: z.number(),
          threshold: z.number(),
          /** mappingCounts[h][l]: runs in which bootstrap factor l mapped to base factor h. */
          mappingCounts: z.array(z.array(z.number())),
          unmapped: z.array(z.number()),
          mappedPercent: z.array(z.number()),
          percentiles: z.array(z.number()),
          /** [h][j] → the percentiles of species j in factor h (empty where nothing mapped). */
          profilePercentiles: z.array(z.array(z.array(z.number()))),
          baseProfiles: matrix,
        })
        .nullable(),
      disp: z
        .object({
          levels: z.array(z.number()),
          qBase: z.number(),
          /** swaps[level][h]. */
          swaps: z.array(z.array(z.number())),
          maxQDecreasePercent: z.number(),
          decreaseFlag: z.boolean(),
          /** low/high[level][h][j]. */
          low: z.array(matrix),
          high: z.array(matrix),
          baseProfiles: matrix,
        })
        .nullable(),
      /** Fpeak rotations (user guide §6.1), one per strength φ; profiles with G columns mean 1. */
      fpeak: z
        .array(
          z.object({
            strength: z.number(),
            qTrue: z.number(),
            qRobust: z.number(),
            dQ: z.number(),
            profiles: matrix,
            contributions: matrix,
          }),
        )
        .nullable()
        .optional(),
      /** BS-DISP summary (user guide §5.3). */
      bsDisp: z
        .object({
          levels: z.array(z.number()),
          bootstrapRuns: z.number(),
          displacedRuns: z.number(),
          skippedRuns: z.number(),
          blockSize: z.number(),
          swaps: z.array(z.array(z.number())),
          maxQDecreasePercent: z.number(),
          low: z.array(matrix),
          high: z.array(matrix),
        })
        .nullable()
        .optional(),
      /** One constrained run (user guide §6.2). */
      constraints: z
        .object({
          dQLimit: z.number(),
          qBase: z.number(),
          qTrue: z.number(),
          qRobust: z.number(),
          dQ: z.number(),
          strength: z.number(),
          elements: z.array(z.object({ constraint: pmfConstraint, before: z.number(), after: z.number() })),
          profiles: matrix,
          contributions: matrix,
        })
        .nullable()
        .optional(),
      elapsedMs: z.number(),
    })
    .optional(),
});

export const pmfErrorParams = z.object({
  runId: z.string().min(1),
  /** Bootstrap runs (0 = skip, keeping any stored bootstrap); PMF 5.0 suggests at least 100. */
  bootstrapRuns: z.number().int().min(0).max(10_000).default(100),
  seed: z.number().int().min(0).default(42),
  /** false = skip DISP, keeping any stored DISP result. */
  disp: z.boolean().default(true),
  /** Fpeak strengths φ to run (e.g. [-0.5, 0.5]); omitted = keep any stored Fpeak results. */
  fpeak: z.array(z.number().min(-5).max(5)).max(20).optional(),
  /** BS-DISP over `runs` bootstrap runs (seed `seed`), displacing up to `displacedRuns` (default 10). */
  bsDisp: z
    .object({
      runs: z.number().int().min(1).max(1000),
      displacedRuns: z.number().int().min(1).max(100).optional(),
    })
    .optional(),
  /** One constrained run; omitted = keep any stored one. */
  constraints: z.array(pmfConstraint).min(1).max(50).optional(),
  /** Largest rise of Q(true) the constraints may cost; default 0.5 % of the base Q (PMF 5.0). */
  dQLimit: z.number().positive().optional(),
  workers: z.union([z.literal('auto'), z.literal('none'), z.number().int().min(1).max(64)]).default('auto'),
});
export type PmfErrorParams = z.input<typeof pmfErrorParams>;
export type PmfStoredResult = z.infer<typeof pmfStoredResult>;

export const pmfRunSummary = z.object({
  runId: z.string(),
  createdAt: z.string(),
  softwareVersion: z.string(),
  factors: z.number().int(),
  runs: z.number().int(),
  seed: z.number().int(),
  qTrue: z.number(),
  qRobust: z.number(),
  source: z.string(),
});

export const pmfMethods = {
  /** Species of a source with S/N (PMF 5.0 eq. 5-3/5-4) and suggested categories. */
  'pmf.species': {
    params: z.object({ source: pmfSource, options: pmfPrepareOptions.optional() }),
    result: pmfSpeciesTable,
  },
  /** Runs PMF in this call (small problems; the page uses the `pmf` job) and stores the run. */
  'pmf.run': { params: pmfRunParams, result: pmfStoredResult },
  /** Stored runs of the open project, newest first. */
  'pmf.runs': { params: z.object({}), result: z.array(pmfRunSummary) },
  /** One stored run. */
  'pmf.result': { params: z.object({ runId: z.string().min(1) }), result: pmfStoredResult },
  /** Bootstrap, DISP, and optionally Fpeak, BS-DISP and constraints, of a stored run in this call (the page uses the `pmf-errors` job); saved with it. */
  'pmf.errors': { params: pmfErrorParams, result: pmfStoredResult },
  /** Saves the user's names of a stored run's factors. */
  'pmf.nameFactors': {
    params: z.object({ runId: z.string().min(1), names: z.array(z.string().max(100)) }),
    result: z.object({ runId: z.string(), factorNames: z.array(z.string()) }),
  },
} as const;
