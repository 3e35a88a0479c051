import type { PmfStoredResult } from '../../../analysis/api/contracts/pmf.ts';

// Numbers the PMF page draws, computed from a stored result (pure, tested beside).

/**
 * Each factor's share of the total, % (PMF 5.0's factor contribution pie): the factor's mean
 * contribution in concentration units over the sum of them. With a total variable this is the
 * share of that variable; otherwise of the species sum.
 */
export function factorShares(result: Pick<PmfStoredResult, 'contributionsMass' | 'factors'>): number[] {
  const k = result.factors;
  const means = new Array<number>(k).fill(0);
  for (const row of result.contributionsMass) for (let h = 0; h < k; h++) means[h] += row[h];
  const total = means.reduce((a, b) => a + b, 0);
  return means.map((v) => (total > 0 ? (100 * v) / total : 0));
}

/** Default factor label: the user's name, else "Factor h" / "因子 h". */
export function factorLabel(names: readonly string[], h: number, fallback: (n: number) => string): string {
  const name = names[h]?.trim();
  return name ? name : fallback(h + 1);
}

/** Column j of a row-major matrix given as rows. */
export function column(rows: readonly (readonly number[])[], j: number): number[] {
  return rows.map((r) => r[j]);
}

/** Ordinary least squares y = a + b·x and r² (the observed/predicted plot's line). */
export function fitLine(
  x: readonly number[],
  y: readonly number[],
): { slope: number; intercept: number; r2: number } {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (x[i] - mx) ** 2;
    sxy += (x[i] - mx) * (y[i] - my);
    syy += (y[i] - my) ** 2;
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  return { slope, intercept: my - slope * mx, r2: sxx > 0 && syy > 0 ? (sxy * sxy) / (sxx * syy) : 0 };
}

/** Share of a species' scaled residuals outside ±3 (PMF 5.0 flags such species, user guide §6.2). */
export function shareOutside(values: readonly number[], limit = 3): number {
  return values.length ? values.filter((v) => Math.abs(v) > limit).length / values.length : 0;
}

/** Log-axis lower bound for profile bars: one decade under the smallest positive value. */
export function logFloor(values: readonly number[]): number {
  const positive = values.filter((v) => v > 0);
  if (!positive.length) return 1e-6;
  return 10 ** (Math.floor(Math.log10(Math.min(...positive))) - 1);
}

/**
 * % of each species in each factor, 100·f_hj / Σ_h f_hj: with G columns of mean 1 (rotated and
 * constrained runs) every factor's mean contribution of species j is f_hj, so this is PMF 5.0's
 * "% of species". Negative elements count as 0.
 */
export function percentOfSpecies(profiles: readonly (readonly number[])[]): number[][] {
  const m = profiles[0]?.length ?? 0;
  const totals = Array.from({ length: m }, (_, j) => profiles.reduce((s, row) => s + Math.max(row[j], 0), 0));
  return profiles.map((row) => row.map((v, j) => (totals[j] > 0 ? (100 * Math.max(v, 0)) / totals[j] : 0)));
}

/** Parses "−0.5, 0.5" into strengths; NaN-free, within ±5. */
export function parseStrengths(text: string): number[] {
  return text
    .replace(/−/g, '-')
    .split(/[,，;；\s]+/)
    .filter((s) => s.trim() !== '')
    .map(Number)
    .filter((v) => Number.isFinite(v) && Math.abs(v) <= 5);
}
