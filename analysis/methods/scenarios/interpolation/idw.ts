import { cellCentres, type GridSpec, type ScatteredPoints } from './grid.ts';

export interface IdwOptions {
  /** Distance exponent p of w = 1/d^p; 2 is the common default (Shepard 1968). */
  power?: number;
  /** Use only the k nearest samples (all when omitted). */
  maxNeighbours?: number;
  /** Ignore samples farther than this (metres); a target with none in reach gets NaN. */
  radius?: number;
}

/**
 * The neighbours and raw weights of every target, computed once and reused for every variable
 * interpolated on the same points (pH and each metal). `exact[t]` ≥ 0 marks a target on a sample.
 */
export interface IdwStencil {
  k: number;
  neighbours: Int32Array;
  weights: Float64Array;
  exact: Int32Array;
}

/** k nearest samples of each target (insertion into a sorted buffer of k) and w = 1/d^p. */
export function idwStencil(
  points: ScatteredPoints,
  targets: ScatteredPoints,
  options: IdwOptions = {},
): IdwStencil {
  const power = options.power ?? 2;
  const nPoints = points.x.length;
  const k = Math.min(options.maxNeighbours ?? nPoints, nPoints);
  const radius2 = options.radius === undefined ? Number.POSITIVE_INFINITY : options.radius * options.radius;
  const n = targets.x.length;
  const neighbours = new Int32Array(n * k).fill(-1);
  const weights = new Float64Array(n * k);
  const exact = new Int32Array(n).fill(-1);
  const bestD2 = new Float64Array(k);
  const bestIdx = new Int32Array(k);
  for (let t = 0; t < n; t++) {
    bestD2.fill(Number.POSITIVE_INFINITY);
    bestIdx.fill(-1);
    for (let s = 0; s < nPoints; s++) {
      const dx = points.x[s] - targets.x[t];
      const dy = points.y[s] - targets.y[t];
      const d2 = dx * dx + dy * dy;
      if (d2 >= bestD2[k - 1] || d2 > radius2) continue;
      let r = k - 1;
      while (r > 0 && bestD2[r - 1] > d2) {
        bestD2[r] = bestD2[r - 1];
        bestIdx[r] = bestIdx[r - 1];
        r--;
      }
      bestD2[r] = d2;
      bestIdx[r] = s;
    }
    if (bestD2[0] === 0) exact[t] = bestIdx[0];
    for (let r = 0; r < k; r++) {
      neighbours[t * k + r] = bestIdx[r];
      weights[t * k + r] = bestIdx[r] >= 0 ? 1 / bestD2[r] ** (power / 2) : 0;
    }
  }
  return { k, neighbours, weights, exact };
}

/**
 * Inverse distance weighting (Shepard 1968): v̂(x) = Σ wᵢ vᵢ / Σ wᵢ over the stencil's neighbours,
 * wᵢ = 1 / dᵢ^p; a target on a sample takes its value. Neighbours with a missing (NaN) value are
 * skipped and the remaining weights renormalized.
 */
export function idwApply(stencil: IdwStencil, values: Float64Array): Float64Array {
  const { k, neighbours, weights, exact } = stencil;
  const n = exact.length;
  const out = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    if (exact[t] >= 0 && Number.isFinite(values[exact[t]])) {
      out[t] = values[exact[t]];
      continue;
    }
    let num = 0;
    let den = 0;
    for (let r = 0; r < k; r++) {
      const s = neighbours[t * k + r];
      if (s < 0) break;
      const v = values[s];
      if (!Number.isFinite(v) || !Number.isFinite(weights[t * k + r])) continue;
      num += weights[t * k + r] * v;
      den += weights[t * k + r];
    }
    out[t] = den > 0 ? num / den : Number.NaN;
  }
  return out;
}

export function idwPoints(
  points: ScatteredPoints,
  values: Float64Array,
  targets: ScatteredPoints,
  options: IdwOptions = {},
): Float64Array {
  return idwApply(idwStencil(points, targets, options), values);
}

/** IDW onto the cell centres of a grid (a `GridInterpolator` once options are bound). */
export function idwGrid(
  points: ScatteredPoints,
  values: Float64Array,
  grid: GridSpec,
  options: IdwOptions = {},
): Float64Array {
  return idwPoints(points, values, cellCentres(grid), options);
}
