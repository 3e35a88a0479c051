import { invertCdf } from './invert-cdf.ts';
import { studentTCdf } from './student-t-cdf.ts';

/** The p-quantile of Student's t with `df` degrees of freedom (R's qt(p, df)). */
export function studentTQuantile(p: number, df: number): number {
  return invertCdf((t) => studentTCdf(t, df), p);
}
