import type { Point } from './geometry.ts';

/**
 * Long-term deposition footprint of one stack, in the spirit of a climatological plume: an
 * exponential fall-off with an elliptical distance stretched along the prevailing NE–SW wind axis
 * (longer to the south-west, because the north-east winter monsoon is the more frequent wind in
 * Zhejiang), and a near-field deficit because an elevated plume touches ground only some distance
 * downwind. Peak value ≈ 1 a few hundred metres out; units are relative.
 */
export interface PlumeShape {
  /** e-folding length towards the south-west (downwind of NE winds), km. */
  southWestKm: number;
  /** e-folding length towards the north-east (downwind of SW winds), km. */
  northEastKm: number;
  /** e-folding length across the wind axis, km. */
  crossKm: number;
  /** Radius of the near-field deficit, km (grows with stack height). */
  nearFieldKm: number;
}

const AXIS = { x: Math.SQRT1_2, y: Math.SQRT1_2 }; // unit vector pointing north-east

export function plumeKernel(shape: PlumeShape, source: Point, p: Point): number {
  const dx = p.x - source.x;
  const dy = p.y - source.y;
  const along = dx * AXIS.x + dy * AXIS.y;
  const across = -dx * AXIS.y + dy * AXIS.x;
  const lengthAlong = along < 0 ? shape.southWestKm : shape.northEastKm;
  const r = Math.sqrt((along / lengthAlong) ** 2 + (across / shape.crossKm) ** 2);
  const d2 = dx * dx + dy * dy;
  return Math.exp(-r) * (1 - Math.exp(-d2 / (shape.nearFieldKm * shape.nearFieldKm)));
}

/** ∫ kernel dA in km², by the midpoint rule on a 25 m grid (the kernel is negligible beyond 12 lengths). */
export function plumeKernelArea(shape: PlumeShape): number {
  const reach = 12 * Math.max(shape.southWestKm, shape.northEastKm, shape.crossKm);
  const step = 0.025;
  const origin = { x: 0, y: 0 };
  let sum = 0;
  for (let x = -reach + step / 2; x < reach; x += step) {
    for (let y = -reach + step / 2; y < reach; y += step) sum += plumeKernel(shape, origin, { x, y });
  }
  return sum * step * step;
}
