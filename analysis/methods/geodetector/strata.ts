/** A stratification of n samples: codes[i] indexes levels; levels are sorted as R's sort() would. */
export interface Strata {
  codes: Int32Array;
  levels: string[];
}

/**
 * Strata from raw labels (text or numbers). Numeric labels sort numerically, text sorts by code
 * point, so the order of the risk detector's table is stable across platforms.
 */
export function encodeStrata(labels: ArrayLike<string | number>): Strata {
  const texts = Array.from(labels, (v) => String(v));
  const unique = [...new Set(texts)];
  const numeric = unique.every((v) => v.trim() !== '' && Number.isFinite(Number(v)));
  unique.sort(numeric ? (a, b) => Number(a) - Number(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const index = new Map(unique.map((v, i) => [v, i]));
  const codes = new Int32Array(texts.length);
  texts.forEach((v, i) => {
    codes[i] = index.get(v) ?? 0;
  });
  return { codes, levels: unique };
}

/** The strata of every pair (a_i, b_i) — the overlay X1 ∩ X2 of the interaction detector. */
export function intersectStrata(a: Strata, b: Strata): Strata {
  const labels = Array.from(a.codes, (code, i) => `${a.levels[code]}_${b.levels[b.codes[i]]}`);
  return encodeStrata(labels);
}

/** Sample count, mean and within-stratum sum of squares of y per stratum (two-pass). */
export function stratumSummaries(
  y: ArrayLike<number>,
  codes: Int32Array,
  levelCount: number,
): { count: Float64Array; mean: Float64Array; sumSquares: Float64Array } {
  const count = new Float64Array(levelCount);
  const mean = new Float64Array(levelCount);
  const sumSquares = new Float64Array(levelCount);
  for (let i = 0; i < codes.length; i++) {
    count[codes[i]] += 1;
    mean[codes[i]] += y[i];
  }
  for (let h = 0; h < levelCount; h++) mean[h] = count[h] > 0 ? mean[h] / count[h] : Number.NaN;
  for (let i = 0; i < codes.length; i++) sumSquares[codes[i]] += (y[i] - mean[codes[i]]) ** 2;
  return { count, mean, sumSquares };
}
