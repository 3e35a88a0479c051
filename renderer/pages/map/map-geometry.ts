// A plain projected map without tiles: lon/lat in degrees on equal-aspect axes. At latitude φ a
// degree of longitude is cos φ times a degree of latitude, so the y axis gets 1/cos φ times the
// pixels per degree of the x axis (equirectangular projection with standard parallel φ).

/** Mean latitude of the finite values (the standard parallel). */
export function centralLatitude(lat: ArrayLike<number>): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < lat.length; i++) {
    if (Number.isFinite(lat[i])) {
      sum += lat[i];
      n++;
    }
  }
  return n ? sum / n : 0;
}

/** Plotly `yaxis.scaleratio` for y = latitude anchored to x = longitude. */
export function latitudeScaleRatio(latitude: number): number {
  return 1 / Math.cos((latitude * Math.PI) / 180);
}

/**
 * Colour range robust to a few extreme samples: the 2nd and 98th percentiles (nearest rank) of
 * the finite values, so one hot spot does not wash out the rest of the map.
 */
export function robustRange(values: ArrayLike<number>): [number, number] | null {
  const finite: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) finite.push(values[i]);
  if (finite.length === 0) return null;
  const sorted = Float64Array.from(finite).sort();
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
  const lo = at(0.02);
  const hi = at(0.98);
  return lo === hi ? [sorted[0], sorted[sorted.length - 1]] : [lo, hi];
}
