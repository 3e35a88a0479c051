import { quantileSorted } from '../../analysis/stats/quantile.ts';

export interface HistogramBins {
  /** Lower edges; bin i is [edges[i], edges[i+1]) and the last bin includes its upper edge. */
  edges: Float64Array;
  counts: Uint32Array;
}

/**
 * Equal-width bins. Width by Freedman & Diaconis (1981): h = 2·IQR·n^(-1/3), which resists the
 * long right tails of contaminated samples; Sturges' k = ⌈log2 n⌉ + 1 bins when the IQR is 0.
 * Bins are capped at 200. Missing values (NaN) are skipped.
 */
export function histogramBins(values: ArrayLike<number>): HistogramBins {
  const finite: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) finite.push(values[i]);
  const n = finite.length;
  if (n === 0) return { edges: new Float64Array(), counts: new Uint32Array() };
  const sorted = Float64Array.from(finite).sort();
  const min = sorted[0];
  const max = sorted[n - 1];
  if (min === max) return { edges: Float64Array.from([min, max]), counts: Uint32Array.from([n]) };
  const iqr = quantileSorted(sorted, 0.75) - quantileSorted(sorted, 0.25);
  let k = iqr > 0 ? Math.ceil((max - min) / (2 * iqr * n ** (-1 / 3))) : Math.ceil(Math.log2(n)) + 1;
  k = Math.max(1, Math.min(200, k));
  const width = (max - min) / k;
  const edges = new Float64Array(k + 1);
  for (let i = 0; i <= k; i++) edges[i] = min + i * width;
  edges[k] = max;
  const counts = new Uint32Array(k);
  for (const v of sorted) counts[Math.min(k - 1, Math.floor((v - min) / width))]++;
  return { edges, counts };
}
