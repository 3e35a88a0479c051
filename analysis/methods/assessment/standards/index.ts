import { GB15618_2018 } from './gb15618-2018.ts';
import { GB36600_2018_CLASS_1, GB36600_2018_CLASS_2 } from './gb36600-2018.ts';
import type { SoilStandard } from './types.ts';

export * from './background-values.ts';
export * from './gb2762-2022.ts';
export * from './gb15618-2018.ts';
export * from './gb36600-2018.ts';
export * from './health-risk-parameters.ts';
export * from './ph-band.ts';
export type * from './types.ts';
export * from './user-standard.ts';

export const BUILT_IN_STANDARDS: readonly SoilStandard[] = [
  GB15618_2018,
  GB36600_2018_CLASS_1,
  GB36600_2018_CLASS_2,
];

export function findStandard(id: string): SoilStandard | undefined {
  return BUILT_IN_STANDARDS.find((s) => s.id === id.toLowerCase());
}
