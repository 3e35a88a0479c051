import { z } from 'zod';
import { assessmentMethods } from './contracts/assessment.ts';
import { attributionMethods } from './contracts/attribution.ts';
import { pmfMethods } from './contracts/pmf.ts';
import { scenariosMethods } from './contracts/scenarios.ts';

// The one API between the UI and the core (DEVELOPERS.md, "Architecture"). Both transports —
// Electron IPC and the loopback HTTP server — carry exactly these methods, params and results;
// params are validated here at the boundary. Tables travel as Arrow IPC stream bytes (Uint8Array),
// never as arrays of row objects.

const text = z.object({ zh: z.string(), en: z.string() });
export type Text = z.infer<typeof text>;

const bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected bytes');

export const inputLocation = z.object({
  file: z.string().optional(),
  row: z.number().int().optional(),
  column: z.string().optional(),
  value: z.string().optional(),
});

/** A problem found in user input; `severity: 'error'` blocks an import, warnings do not. */
export const issue = z.object({
  severity: z.enum(['error', 'warning']),
  message: text,
  location: inputLocation.optional(),
});
export type Issue = z.infer<typeof issue>;

export const projectInfo = z.object({
  path: z.string(),
  name: z.string(),
  datasetCount: z.number().int(),
  /** True for the sample project built from datasets/case-study. */
  sample: z.boolean(),
});
export type ProjectInfo = z.infer<typeof projectInfo>;

export const datasetInfo = z.object({
  id: z.string(),
  name: z.string(),
  /** soil_samples, crop_samples, enterprises, input_fluxes … (the import module's kinds). */
  kind: z.string(),
  rows: z.number().int(),
  sourceFile: z.string(),
  importedAt: z.string(),
  columns: z.array(z.object({ name: z.string(), type: z.string(), unit: z.string().optional() })),
  warnings: z.array(issue),
});
export type DatasetInfo = z.infer<typeof datasetInfo>;

export const columnMapping = z.object({
  source: z.string(),
  /** Target field of the dataset kind, or null to skip the column. */
  target: z.string().nullable(),
});
export type ColumnMapping = z.infer<typeof columnMapping>;

const filePath = z.string().min(1);

export const importPreview = z.object({
  file: z.string(),
  sheets: z.array(z.string()),
  sheet: z.string().nullable(),
  encoding: z.string().nullable(),
  kind: z.string(),
  kinds: z.array(z.object({ id: z.string(), label: text })),
  /** Fields the kind accepts, with whether they are required and their unit. */
  targets: z.array(
    z.object({ id: z.string(), label: text, required: z.boolean(), unit: z.string().optional() }),
  ),
  /** Detected guess per source column (editable in the wizard). */
  mapping: z.array(columnMapping),
  rowCount: z.number().int(),
  /** First rows as read, all columns as text: Arrow IPC stream. */
  preview: bytes,
  issues: z.array(issue),
});
export type ImportPreview = z.infer<typeof importPreview>;

export const metalSummary = z.object({
  element: z.string(),
  unit: z.string(),
  n: z.number().int(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  mean: z.number().nullable(),
  median: z.number().nullable(),
  sd: z.number().nullable(),
  /** Coefficient of variation, sd/mean (fraction, not %). */
  cv: z.number().nullable(),
  p10: z.number().nullable(),
  p25: z.number().nullable(),
  p75: z.number().nullable(),
  p90: z.number().nullable(),
  background: z.number().nullable(),
  backgroundSource: z.string().nullable(),
  /** GB 15618-2018 risk screening value for the dataset's prevailing land use and pH, if one applies. */
  screening: z.number().nullable(),
  screeningBasis: z.string().nullable(),
  nAboveScreening: z.number().int().nullable(),
  /** Share of samples above the screening value (fraction). */
  shareAboveScreening: z.number().nullable(),
});
export type MetalSummary = z.infer<typeof metalSummary>;

export const jobStatus = z.enum(['running', 'done', 'failed', 'cancelled']);
export type JobStatus = z.infer<typeof jobStatus>;

export const apiErrorShape = z.object({
  code: z.enum([
    'bad_params',
    'unknown_method',
    'no_project',
    'not_found',
    'input',
    'internal',
    'unauthorized',
  ]),
  message: text,
  location: inputLocation.optional(),
});
export type ApiErrorShape = z.infer<typeof apiErrorShape>;

/** Every method: its params schema and its result schema. Add an analysis by adding entries here. */
export const methods = {
  ...pmfMethods,
  ...scenariosMethods,
  ...attributionMethods,
  ...assessmentMethods,
  'app.info': {
    params: z.object({}),
    result: z.object({ version: z.string(), transport: z.enum(['http', 'electron', 'direct']) }),
  },
  'project.info': {
    params: z.object({}),
    result: projectInfo.nullable(),
  },
  'project.open': {
    params: z.object({ path: filePath }),
    result: projectInfo,
  },
  'project.create': {
    params: z.object({ path: filePath }),
    result: projectInfo,
  },
  /** Opens (building it on first use) the sample project from datasets/case-study. */
  'project.openSample': {
    params: z.object({}),
    result: projectInfo,
  },
  'datasets.list': {
    params: z.object({}),
    result: z.array(datasetInfo),
  },
  'import.preview': {
    params: z.object({
      path: filePath,
      sheet: z.string().optional(),
      kind: z.string().optional(),
      rows: z.number().int().min(1).max(1000).default(20),
    }),
    result: importPreview,
  },
  'import.commit': {
    params: z.object({
      path: filePath,
      sheet: z.string().optional(),
      kind: z.string().min(1),
      name: z.string().min(1).max(200).optional(),
      mapping: z.array(columnMapping),
    }),
    result: z.object({ dataset: datasetInfo, issues: z.array(issue) }),
  },
  /** A read-only SQL query over the project; Arrow IPC stream. */
  'query.run': {
    params: z.object({ sql: z.string().min(1).max(100_000), limit: z.number().int().min(1).optional() }),
    result: bytes,
  },
  /** A dataset's rows (optionally some columns), Arrow IPC stream. */
  'data.table': {
    params: z.object({
      datasetId: z.string().min(1),
      columns: z.array(z.string()).optional(),
      limit: z.number().int().min(1).optional(),
    }),
    result: bytes,
  },
  'data.summary': {
    params: z.object({ datasetId: z.string().min(1), elements: z.array(z.string()).optional() }),
    result: z.object({ datasetId: z.string(), rows: z.number().int(), metals: z.array(metalSummary) }),
  },
  /**
   * Points of a dataset for the map: Arrow IPC with columns `id` (utf8), `lon`, `lat` (float64,
   * WGS 84 degrees) and each requested column under its own name.
   */
  'map.points': {
    params: z.object({ datasetId: z.string().min(1), columns: z.array(z.string()).default([]) }),
    result: bytes,
  },
  /** Column data → an .xlsx workbook (chart data export). Columns, not row objects. */
  'export.xlsx': {
    params: z.object({
      sheetName: z.string().min(1).max(31),
      columns: z
        .array(
          z.object({
            name: z.string(),
            values: z.array(z.union([z.number(), z.string(), z.null()])),
          }),
        )
        .min(1),
    }),
    result: bytes,
  },
  'jobs.start': {
    params: z.object({ kind: z.string().min(1), params: z.unknown() }),
    result: z.object({ jobId: z.string() }),
  },
  'jobs.cancel': {
    params: z.object({ jobId: z.string().min(1) }),
    result: z.object({ cancelled: z.boolean() }),
  },
  'jobs.result': {
    params: z.object({ jobId: z.string().min(1) }),
    result: z.object({
      jobId: z.string(),
      kind: z.string(),
      status: jobStatus,
      progress: z.number(),
      result: z.unknown().optional(),
      error: apiErrorShape.optional(),
    }),
  },
} as const;

export type ApiMethodName = keyof typeof methods;
export type ApiMethods = {
  [M in ApiMethodName]: {
    params: z.input<(typeof methods)[M]['params']>;
    result: z.output<(typeof methods)[M]['result']>;
  };
};
export type ApiParams<M extends ApiMethodName> = ApiMethods[M]['params'];
export type ApiResult<M extends ApiMethodName> = ApiMethods[M]['result'];

export const methodNames = Object.keys(methods) as ApiMethodName[];

export function isApiMethod(name: string): name is ApiMethodName {
  return Object.hasOwn(methods, name);
}

/** Server → UI events. */
export const events = {
  'job.progress': z.object({
    jobId: z.string(),
    kind: z.string(),
    /** 0…1 */
    progress: z.number().min(0).max(1),
    message: text.optional(),
  }),
  'job.finished': z.object({ jobId: z.string(), kind: z.string(), status: jobStatus }),
  'project.changed': z.object({ project: projectInfo.nullable() }),
} as const;

export type ApiEventName = keyof typeof events;
export type ApiEvent = {
  [E in ApiEventName]: { type: E; data: z.infer<(typeof events)[E]> };
}[ApiEventName];

/** What a transport carries back for one call; errors cross as data so they keep code and text. */
export type ApiResponse = { ok: true; result: unknown } | { ok: false; error: ApiErrorShape };
