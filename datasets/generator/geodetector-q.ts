// Factor detector q of GeoDetector (Wang & Xu 2017, Acta Geographica Sinica 72(1):116, eq 1):
// q = 1 − Σ_h N_h σ_h² / (N σ²), population variances. Used only to publish reference q values in
// the truth; the app's GeoDetector is checked against them.

export function factorDetectorQ(values: readonly number[], strata: readonly string[]): number {
  const groups = new Map<string, number[]>();
  values.forEach((v, i) => {
    if (!Number.isFinite(v) || strata[i] === '') return;
    const list = groups.get(strata[i]) ?? [];
    list.push(v);
    groups.set(strata[i], list);
  });
  const all = [...groups.values()].flat();
  const sumSquares = (xs: number[]) => {
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    return xs.reduce((a, b) => a + (b - mean) ** 2, 0);
  };
  let within = 0;
  for (const xs of groups.values()) within += sumSquares(xs);
  return 1 - within / sumSquares(all);
}
