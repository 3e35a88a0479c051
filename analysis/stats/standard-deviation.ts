import { sampleVariance } from './variance.ts';

/** Sample standard deviation (n − 1), as papers' summary tables report it. */
export function standardDeviation(values: ArrayLike<number>): number {
  return Math.sqrt(sampleVariance(values));
}
