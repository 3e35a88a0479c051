import { chiSquareCdf } from './chi-square-cdf.ts';
import { invertCdf } from './invert-cdf.ts';

/** The p-quantile of chi-square with `df` degrees of freedom (R's qchisq(p, df)). */
export function chiSquareQuantile(p: number, df: number): number {
  return invertCdf((x) => chiSquareCdf(x, df), p, 0);
}
