/**
 * A stratification of n samples: codes[i] indexes levels, −1 marks a sample with no stratum
 * (missing value); levels are sorted as R's sort() would.
 */
export interface Strata {
  codes: Int32Array;
  levels: string[];
}

const isMissing = (label: string) => label.trim() === '' || label === 'NaN';

/**
 * Strata from raw labels (text or numbers); an empty label or NaN is missing (code −1). Numeric
 * labels sort numerically, text sorts by code point, so the order of the risk detector's table is
 * stable across platforms.
 */
export function encodeStrata(labels: ArrayLike<string | number>): Strata {
  const texts = Array.from(labels, (v) => String(v));
  const unique = [...new Set(texts.filter((v) => !isMissing(v)))];
  const numeric = unique.every((v) => v.trim() !== '' && Number.isFinite(Number(v)));
  unique.sort(numeric ? (a, b) => Number(a) - Number(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const index = new Map(unique.map((v, i) => [v, i]));
  const codes = new Int32Array(texts.length);
  texts.forEach((v, i) => {
    codes[i] = index.get(v) ?? -1;
  });
  return { codes, levels: unique };
}

/** The strata of every pair (a_i, b_i) — the overlay X1 ∩ X2 of the interaction detector. */
export function intersectStrata(a: Strata, b: Strata): Strata {
  const labels = Array.from(a.codes, (code, i) =>
    code < 0 || b.codes[i] < 0 ? '' : `${a.levels[code]}_${b.levels[b.codes[i]]}`,
  );
  return encodeStrata(labels);
}

/**
 * The samples where Y is a number and every given factor has a stratum: Y and the strata
 * restricted to them (the detectors themselves assume complete data, as geodetector does).
 */
export function completeCases(
  y: ArrayLike<number>,
  strata: readonly Strata[],
): { y: Float64Array; strata: Strata[]; rows: number[] } {
  const rows: number[] = [];
  for (let i = 0; i < y.length; i++) {
    if (Number.isFinite(y[i]) && strata.every((s) => s.codes[i] >= 0)) rows.push(i);
  }
  return {
    y: Float64Array.from(rows, (i) => y[i]),
    strata: strata.map((s) => ({ codes: Int32Array.from(rows, (i) => s.codes[i]), levels: s.levels })),
    rows,
  };
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
