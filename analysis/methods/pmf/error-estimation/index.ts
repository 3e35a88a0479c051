// PMF error estimation and rotation (EPA PMF 5.0 user guide §5–6): bootstrap, DISP, BS-DISP,
// Fpeak and constraints, as pure functions over a base solution.
export * from './bootstrap.ts';
export * from './bs-disp.ts';
export * from './constraints.ts';
export * from './disp.ts';
export * from './disp-in-workers.ts';
export type { ErrorEstimationResult, ErrorEstimationTask } from './error-estimation-task.ts';
export * from './fpeak.ts';
export * from './normalised-solve.ts';
export * from './pull-weights.ts';
