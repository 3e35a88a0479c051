import { mean } from '../../stats/mean.ts';
import { standardDeviation } from '../../stats/standard-deviation.ts';

export interface Standardized {
  /** z[i][j] = (x_ij − mean_j) / sd_j for row i, variable j. */
  z: number[][];
  means: number[];
  /** Sample standard deviations (n − 1), as SPSS and R's scale() use. */
  sds: number[];
}

/** Rows (as row indices) where every column has a finite value: listwise deletion. */
export function completeRows(columns: readonly ArrayLike<number>[]): number[] {
  const n = columns[0]?.length ?? 0;
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (columns.every((c) => Number.isFinite(c[i]))) rows.push(i);
  return rows;
}

/** z-scores of each column over the given rows (all rows by default). */
export function standardize(columns: readonly ArrayLike<number>[], rows?: readonly number[]): Standardized {
  const use = rows ?? completeRows(columns);
  const picked = columns.map((c) => Float64Array.from(use, (i) => c[i]));
  const means = picked.map((c) => mean(c));
  const sds = picked.map((c) => standardDeviation(c));
  const z = use.map((_, r) => picked.map((c, j) => (c[r] - means[j]) / sds[j]));
  return { z, means, sds };
}
