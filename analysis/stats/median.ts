import { quantile } from './quantile.ts';

export function median(values: ArrayLike<number>): number {
  return quantile(values, 0.5);
}
