import type { JobKind } from './jobs.ts';
import type { ApiContext } from './routes/types.ts';

/**
 * Job kinds `jobs.start` accepts, by name. An analysis area adds its long runs here (PMF runs,
 * bootstraps, Monte Carlo, kriging) as `{ params: zodSchema, run(params, control) }`.
 */
export function jobKinds(_context: () => ApiContext): Record<string, JobKind> {
  return {};
}
