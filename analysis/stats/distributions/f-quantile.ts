import { fCdf } from './f-cdf.ts';
import { invertCdf } from './invert-cdf.ts';

/** The p-quantile of the F distribution with (d1, d2) degrees of freedom (R's qf(p, d1, d2)). */
export function fQuantile(p: number, d1: number, d2: number): number {
  return invertCdf((f) => fCdf(f, d1, d2), p, 0);
}
