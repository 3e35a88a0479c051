import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { SoilTraceError } from '../../errors.ts';
import { runJobsInWorkers } from '../../jobs/run-jobs.ts';
import { DEFAULT_WEIGHTS } from '../../methods/scenarios/compare-scenarios.ts';
import {
  ahpWeights,
  type ComparisonResult,
  checkPairwiseMatrix,
  DEFAULT_MEASURES,
  measureLibraryFor,
} from '../../methods/scenarios/index.ts';
import { CRITERIA } from '../../methods/scenarios/scenario-schema.ts';
import type { ScenariosRunParams, ScenariosValidation } from '../contracts/scenarios.ts';
import { scenariosRunParams } from '../contracts/scenarios.ts';
import type { JobControl } from '../jobs.ts';
import {
  EXAMPLE_SCENARIO_FILE,
  type ResolvedScenario,
  resolveScenario,
  runScenarioComparison,
  type ScenarioProgress,
} from './scenarios-task.ts';
import type { RouteModule } from './types.ts';

// Routes of the scenario planner page: the example file, the measure library, validation of an
// edited file, and the comparison (in this call, or as the `scenarios` job on a worker thread).

function ranking(file: ResolvedScenario['file']): NonNullable<ScenariosValidation['ranking']> {
  const ahp = file.ranking.ahp;
  if (ahp) {
    const problem =
      ahp.matrix.length !== ahp.criteria.length
        ? `the matrix has ${ahp.matrix.length} rows for ${ahp.criteria.length} criteria`
        : checkPairwiseMatrix(ahp.matrix);
    if (problem) {
      throw new SoilTraceError({
        zh: `ranking.ahp.matrix：${problem}`,
        en: `ranking.ahp.matrix: ${problem}`,
      });
    }
    const r = ahpWeights(ahp.matrix);
    return {
      criteria: [...CRITERIA],
      weights: CRITERIA.map((c) => {
        const k = ahp.criteria.indexOf(c);
        return k >= 0 ? r.weights[k] : 0;
      }),
      ahp: {
        lambdaMax: r.lambdaMax,
        consistencyIndex: r.consistencyIndex,
        consistencyRatio: r.consistencyRatio,
        consistent: r.consistent,
      },
    };
  }
  const given = file.ranking.weights;
  const weights = CRITERIA.map((c) => (given ? (given[c] ?? 0) : DEFAULT_WEIGHTS[c]));
  const total = weights.reduce((a, b) => a + b, 0);
  if (!(total > 0)) {
    throw new SoilTraceError({
      zh: 'ranking.weights：权重之和应大于 0',
      en: 'ranking.weights: weights must not all be 0',
    });
  }
  return { criteria: [...CRITERIA], weights: weights.map((w) => w / total) };
}

/** The comparison on a worker thread, with progress and cancel through the job control. */
export async function runScenariosJob(
  params: ScenariosRunParams,
  control: JobControl,
): Promise<ComparisonResult> {
  const task = { ...scenariosRunParams.parse(params), sensitivity: true };
  control.progress(0.01, { zh: '正在划分管理分区', en: 'delineating management zones' });
  const [result] = await runJobsInWorkers<typeof task, ComparisonResult>([task], {
    module: new URL('./scenarios-task.ts', import.meta.url),
    concurrency: 1,
    signal: control.signal,
    onProgress: ({ message }) => {
      const m = message as ScenarioProgress | undefined;
      if (m) control.progress(Math.min(0.99, m.fraction), m.message);
    },
  });
  control.progress(1, { zh: '完成', en: 'done' });
  return result;
}

export const scenariosRoutes: RouteModule = {
  'scenarios.example': async () => ({
    path: EXAMPLE_SCENARIO_FILE,
    baseDir: dirname(EXAMPLE_SCENARIO_FILE),
    scenario: JSON.parse(readFileSync(EXAMPLE_SCENARIO_FILE, 'utf8')) as Record<string, unknown>,
  }),
  'scenarios.measures': async () => ({ measures: DEFAULT_MEASURES.map((m) => structuredClone(m)) }),
  'scenarios.validate': async (params) => {
    try {
      const { file } = resolveScenario(params);
      measureLibraryFor(file);
      return { valid: true, scenarioCount: file.scenarios.length, ranking: ranking(file) };
    } catch (error) {
      if (!(error instanceof SoilTraceError)) throw error;
      return {
        valid: false,
        error: { message: error.text, file: error.location?.file },
        scenarioCount: 0,
      };
    }
  },
  'scenarios.compare': async (params) => runScenarioComparison(params),
};
