import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type CompareOptions,
  type ComparisonResult,
  compareScenarios,
  parseScenarioFile,
  prepareInputs,
  readScenarioFile,
} from '../../methods/scenarios/index.ts';
import type { ScenarioFile } from '../../methods/scenarios/scenario-schema.ts';

// The scenario comparison as a worker-thread task (analysis/jobs/run-jobs.ts): Monte Carlo is
// synchronous, so only a worker keeps the API answering (progress events, cancel) while it runs.

export const EXAMPLE_SCENARIO_FILE = fileURLToPath(
  new URL('../../../datasets/scenarios/case-study-scenarios.json', import.meta.url),
);

export interface ScenarioTask {
  file?: string;
  scenario?: unknown;
  baseDir?: string;
  draws: number;
  seed: number;
  sensitivity?: boolean;
}

export interface ResolvedScenario {
  file: ScenarioFile;
  baseDir: string;
  name: string;
}

/** The scenario file a request names: its JSON object, a path, or the example. */
export function resolveScenario(task: Pick<ScenarioTask, 'file' | 'scenario' | 'baseDir'>): ResolvedScenario {
  if (task.scenario !== undefined) {
    return {
      file: parseScenarioFile(task.scenario, 'SCENARIOS.json'),
      baseDir: resolve(task.baseDir ?? dirname(EXAMPLE_SCENARIO_FILE)),
      name: 'SCENARIOS.json',
    };
  }
  const path = resolve(task.file ?? EXAMPLE_SCENARIO_FILE);
  return { file: readScenarioFile(path), baseDir: dirname(path), name: path };
}

export function runScenarioComparison(
  task: ScenarioTask,
  extra: Pick<CompareOptions, 'signal' | 'onProgress'> = {},
): ComparisonResult {
  const { file, baseDir } = resolveScenario(task);
  return compareScenarios(file, prepareInputs(file, baseDir), {
    draws: task.draws,
    seed: task.seed,
    sensitivity: task.sensitivity ?? true,
    ...extra,
  });
}

export interface ScenarioProgress {
  fraction: number;
  message: { zh: string; en: string };
}

/** Worker entry point: progress goes back as `report({fraction, message})`. */
export function runTask(task: ScenarioTask, report: (message: ScenarioProgress) => void): ComparisonResult {
  let last = 0;
  return runScenarioComparison(task, {
    onProgress: (fraction, message) => {
      // The worker posts every report; a few per second are enough for the bar.
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      report({ fraction, message });
    },
  });
}
