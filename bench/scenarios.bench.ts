// Scenario planner Monte Carlo on the case-study example (datasets/scenarios/case-study-scenarios.json):
// 10,000 draws × 5 scenarios (target < 2 s), against two baselines run in the same process on the same
// compiled model: (a) the deterministic evaluation at the modes repeated 10,000 times per scenario (the
// cost of the model alone, no sampling or quantiles), (b) 1,000 draws (scaling).

import { dirname } from 'node:path';
import { prepareInputs, readScenarioFile } from '../analysis/methods/scenarios/compare-scenarios.ts';
import { monteCarloScenario } from '../analysis/methods/scenarios/monte-carlo.ts';
import {
  compilePlanningModel,
  evaluateScenario,
  modeValues,
} from '../analysis/methods/scenarios/scenario-model.ts';
import { repoRoot } from '../tests/support/shared-data.ts';

const DRAWS = 10_000;
const SEED = 1;

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

export async function run(): Promise<void> {
  const path = `${repoRoot}/datasets/scenarios/case-study-scenarios.json`;
  const file = readScenarioFile(path);
  let inputs: ReturnType<typeof prepareInputs> | undefined;
  const prepareMs = time(() => {
    inputs = prepareInputs(file, dirname(path));
  });
  if (!inputs) return;
  const model = compilePlanningModel(file, inputs);
  const scenarios = model.scenarios.slice(0, 5);
  console.log(
    `case study: ${inputs.cells.count} cells of ${file.zoning.cellSizeM} m, ${model.zones.length} zones, ` +
      `${model.metals.length} metals (${model.targetMetals.length} target), ${model.years} years, ` +
      `${model.parameters.length} uncertain parameters, ${scenarios.length} scenarios; zoning + reading ${prepareMs.toFixed(0)} ms`,
  );
  const modes = modeValues(model);
  // Warm-up so both sides run optimized code.
  for (const s of scenarios) monteCarloScenario(model, s, 500, SEED);

  const baselineMs = time(() => {
    for (const s of scenarios) for (let i = 0; i < DRAWS; i++) evaluateScenario(model, s, modes);
  });
  const smallMs = time(() => {
    for (const s of scenarios) monteCarloScenario(model, s, DRAWS / 10, SEED);
  });
  let probabilities: number[] = [];
  const mcMs = time(() => {
    probabilities = scenarios.map((s) => monteCarloScenario(model, s, DRAWS, SEED).targetProbability);
  });
  console.log(
    `Monte Carlo ${DRAWS} draws × ${scenarios.length} scenarios: ${mcMs.toFixed(0)} ms (target < 2000 ms)`,
  );
  console.log(
    `  baseline: deterministic evaluation × ${DRAWS} × ${scenarios.length}: ${baselineMs.toFixed(0)} ms → ratio ${(mcMs / baselineMs).toFixed(2)}`,
  );
  console.log(
    `  baseline: ${DRAWS / 10} draws × ${scenarios.length}: ${smallMs.toFixed(0)} ms → ratio ${(mcMs / smallMs).toFixed(2)} (linear = 10)`,
  );
  console.log(`  per evaluation: ${((mcMs * 1000) / (DRAWS * scenarios.length)).toFixed(1)} µs`);
  console.log(`  P(target): ${scenarios.map((s, i) => `${s.id} ${probabilities[i].toFixed(3)}`).join(', ')}`);
}
