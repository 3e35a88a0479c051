/**
 * Jenks natural breaks by Fisher's exact dynamic programme (Fisher 1958, JASA 53:789; Jenks 1977):
 * the partition of the sorted values into k contiguous classes with the least total within-class
 * sum of squares. Runs on the m distinct values weighted by their counts in O(k·m·log m) and
 * returns the optimal upper class limits for every class count 1..maxClasses at once.
 * Result[k] lists k − 1 interior breaks (the largest value of each class but the last).
 */
export function naturalBreaksUpTo(values: ArrayLike<number>, maxClasses: number): number[][] {
  const sorted = Float64Array.from(values).sort();
  const distinct: number[] = [];
  const weight: number[] = [];
  for (const v of sorted) {
    if (distinct.length > 0 && distinct[distinct.length - 1] === v) weight[weight.length - 1] += 1;
    else {
      distinct.push(v);
      weight.push(1);
    }
  }
  const m = distinct.length;
  // Prefix sums of w, w·x and w·x² give any class's sum of squares in O(1).
  const sw = new Float64Array(m + 1);
  const swx = new Float64Array(m + 1);
  const swx2 = new Float64Array(m + 1);
  for (let i = 0; i < m; i++) {
    sw[i + 1] = sw[i] + weight[i];
    swx[i + 1] = swx[i] + weight[i] * distinct[i];
    swx2[i + 1] = swx2[i] + weight[i] * distinct[i] ** 2;
  }
  const cost = (from: number, to: number) => {
    const w = sw[to + 1] - sw[from];
    const s = swx[to + 1] - swx[from];
    return swx2[to + 1] - swx2[from] - (s * s) / w;
  };
  const kMax = Math.max(1, Math.min(maxClasses, m));
  // best[c][j]: least cost of c + 1 classes over distinct[0..j]; start[c][j]: first index of the last class.
  const best: Float64Array[] = [];
  const start: Int32Array[] = [];
  best.push(Float64Array.from({ length: m }, (_, j) => cost(0, j)));
  start.push(new Int32Array(m));
  // The optimal start of the last class is non-decreasing in j (the within-class sum of squares
  // satisfies the quadrangle inequality; Wang & Song 2011, R Journal 3(2):29, "Ckmeans.1d.dp"),
  // so each row is filled by divide and conquer in O(m log m) instead of O(m²).
  for (let c = 1; c < kMax; c++) {
    const row = new Float64Array(m).fill(Number.POSITIVE_INFINITY);
    const from = new Int32Array(m);
    const previous = best[c - 1];
    const fill = (lo: number, hi: number, optLo: number, optHi: number) => {
      if (lo > hi) return;
      const j = (lo + hi) >> 1;
      let bestI = Math.max(c, optLo);
      for (let i = Math.max(c, optLo); i <= Math.min(j, optHi); i++) {
        const total = previous[i - 1] + cost(i, j);
        if (total < row[j]) {
          row[j] = total;
          from[j] = i;
          bestI = i;
        }
      }
      fill(lo, j - 1, optLo, bestI);
      fill(j + 1, hi, bestI, optHi);
    };
    fill(c, m - 1, c, m - 1);
    best.push(row);
    start.push(from);
  }
  const result: number[][] = [[]];
  for (let k = 1; k <= maxClasses; k++) {
    if (k > kMax) {
      result.push(result[kMax]);
      continue;
    }
    const breaks: number[] = [];
    let j = m - 1;
    for (let c = k - 1; c > 0; c--) {
      const i = start[c][j];
      breaks.unshift(distinct[i - 1]);
      j = i - 1;
    }
    result.push(breaks);
  }
  return result;
}
