import { SoilTraceError } from '../../errors.ts';
import { type CorrelationTest, pearson } from './pearson.ts';
import { spearman } from './spearman.ts';

export type CorrelationMethod = 'pearson' | 'spearman';

export interface CorrelationMatrix {
  variables: string[];
  method: CorrelationMethod;
  log: boolean;
  /** r[i][j], symmetric, 1 on the diagonal. */
  r: number[][];
  /** Two-sided p[i][j] (0 on the diagonal). */
  p: number[][];
  /** Complete pairs n[i][j]. */
  n: number[][];
}

/** log10 of every value; missing stays missing, and a value ≤ 0 is an error naming the variable. */
export function log10Column(values: ArrayLike<number>, name: string): Float64Array {
  return Float64Array.from(values as ArrayLike<number>, (v, i) => {
    if (Number.isNaN(v)) return v;
    if (!(v > 0)) {
      throw new SoilTraceError(
        { zh: `取对数要求正值，却是 ${v}`, en: `log transform needs positive values, found ${v}` },
        { column: name, row: i + 2, value: String(v) },
      );
    }
    return Math.log10(v);
  });
}

/**
 * Pearson or Spearman correlation matrix of several variables with p-values, missing values
 * deleted pairwise; `log` correlates log10 values (concentrations are usually log-normal).
 * Significance marks for a heat map: p < 0.05 (*), p < 0.01 (**), as SPSS prints them.
 */
export function correlationMatrix(
  variables: string[],
  columns: readonly ArrayLike<number>[],
  options: { method?: CorrelationMethod; log?: boolean } = {},
): CorrelationMatrix {
  const method = options.method ?? 'pearson';
  const log = options.log ?? false;
  const data = log ? columns.map((c, i) => log10Column(c, variables[i])) : columns;
  const k = variables.length;
  const r = Array.from({ length: k }, () => new Array<number>(k).fill(1));
  const p = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const n = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const test = method === 'pearson' ? pearson : spearman;
  for (let i = 0; i < k; i++) {
    n[i][i] = Array.from(data[i]).filter(Number.isFinite).length;
    for (let j = i + 1; j < k; j++) {
      const t: CorrelationTest = test(data[i], data[j]);
      r[i][j] = r[j][i] = t.r;
      p[i][j] = p[j][i] = t.p;
      n[i][j] = n[j][i] = t.n;
    }
  }
  return { variables, method, log, r, p, n };
}

/** '**' for p < 0.01, '*' for p < 0.05, '' otherwise. */
export function significanceMark(p: number): '' | '*' | '**' {
  return p < 0.01 ? '**' : p < 0.05 ? '*' : '';
}
