import { z } from 'zod';
import type { ComparisonResult, Measure } from '../../methods/scenarios/index.ts';

// Remediation and source-control scenario planner (issue 7). The scenario file travels as the JSON
// object of SCENARIOS.json (datasets/scenarios/README.md); the core's zod schema validates it in the
// routes, so edits from the page get the same JSON-path errors as the CLI. Schemas are local:
// importing contract.ts here would close an import cycle.

const text = z.object({ zh: z.string(), en: z.string() });

/** Where a scenario comes from: the case-study example, a file on disk, or the editor's JSON. */
export const scenarioSource = z.object({
  /** A SCENARIOS.json path; its inputs resolve relative to its folder. */
  file: z.string().min(1).optional(),
  /** The scenario file as a JSON object (from the editor or an uploaded file). */
  scenario: z.unknown().optional(),
  /** Folder the `scenario` object's relative input paths resolve against; default the example's folder. */
  baseDir: z.string().min(1).optional(),
});

export const scenariosRunParams = scenarioSource.extend({
  draws: z.number().int().min(0).max(100_000).default(1000),
  seed: z.number().int().min(0).default(1),
});
export type ScenariosRunParams = z.input<typeof scenariosRunParams>;

export const scenariosExample = z.object({
  /** Absolute path of the example file and the folder its inputs resolve against. */
  path: z.string(),
  baseDir: z.string(),
  /** The file's JSON as written (not normalised), for the editor. */
  scenario: z.record(z.string(), z.unknown()),
});
export type ScenariosExample = z.infer<typeof scenariosExample>;

export const scenariosValidation = z.object({
  valid: z.boolean(),
  /** The first problem, with the JSON path of the field where the schema names one. */
  error: z.object({ message: text, file: z.string().optional() }).optional(),
  scenarioCount: z.number().int(),
  /** Normalised ranking weights (CRITERIA order) and, for a pairwise matrix, Saaty's consistency. */
  ranking: z
    .object({
      criteria: z.array(z.string()),
      weights: z.array(z.number()),
      ahp: z
        .object({
          lambdaMax: z.number(),
          consistencyIndex: z.number(),
          consistencyRatio: z.number(),
          consistent: z.boolean(),
        })
        .optional(),
    })
    .optional(),
});
export type ScenariosValidation = z.infer<typeof scenariosValidation>;

export const scenariosMethods = {
  /** The case-study scenario file (datasets/scenarios/case-study-scenarios.json). */
  'scenarios.example': { params: z.object({}), result: scenariosExample },
  /** The default measure library: every figure a [low, mode, high] range with its source or an estimate flag. */
  'scenarios.measures': {
    params: z.object({}),
    result: z.object({ measures: z.custom<Measure[]>((v) => Array.isArray(v)) }),
  },
  /** Checks a scenario file (schema, new measures, AHP matrix) without running it. */
  'scenarios.validate': { params: scenarioSource, result: scenariosValidation },
  /**
   * Runs the comparison in this call (small draws; the page uses the `scenarios` job for progress
   * and cancel).
   */
  'scenarios.compare': {
    params: scenariosRunParams,
    result: z.custom<ComparisonResult>((v) => typeof v === 'object' && v !== null),
  },
} as const;
