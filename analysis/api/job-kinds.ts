import { methods } from './contract.ts';
import { pmfErrorParams, pmfRunParams } from './contracts/pmf.ts';
import { scenariosRunParams } from './contracts/scenarios.ts';
import { defineJobKind, type JobKind } from './jobs.ts';
import { runPmfAnalysis, runPmfErrors } from './routes/pmf.ts';
import { runScenariosJob } from './routes/scenarios.ts';
import type { ApiContext } from './routes/types.ts';

/**
 * Job kinds `jobs.start` accepts, by name. An analysis area adds its long runs here (PMF runs,
 * bootstraps, Monte Carlo, kriging) as `{ params: zodSchema, run(params, control) }`.
 */
export function jobKinds(context: () => ApiContext): Record<string, JobKind> {
  return {
    // An import as a job: large files take a while, and cancelling rolls the project back.
    import: defineJobKind({
      params: methods['import.commit'].params,
      async run(params, control) {
        control.progress(0.05, { zh: '正在读取文件', en: 'reading the file' });
        const result = await context().session().commitImport(params, control.signal);
        control.progress(1, { zh: '完成', en: 'done' });
        return result;
      },
    }),
    // The scenario planner's Monte Carlo comparison (issue 7), on a worker thread.
    scenarios: defineJobKind({ params: scenariosRunParams, run: runScenariosJob }),
    // PMF base runs on worker threads (issue 4); the run is stored in the project.
    pmf: defineJobKind({
      params: pmfRunParams,
      run: (params, control) => runPmfAnalysis(context(), params, control),
    }),
    'pmf-errors': defineJobKind({
      params: pmfErrorParams,
      run: (params, control) => runPmfErrors(context(), params, control),
    }),
  };
}
