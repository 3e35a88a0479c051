// Plane geometry in the county's local frame: x km east, y km north of the south-west corner.

export interface Point {
  x: number;
  y: number;
}

export type Polyline = readonly Point[];

export function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/** Distance from p to a polyline, and how far along the line (from its first vertex) the nearest point is. */
export function nearestOnPolyline(p: Point, line: Polyline): { distance: number; along: number } {
  let best = Number.POSITIVE_INFINITY;
  let bestAlong = 0;
  let travelled = 0;
  for (let i = 0; i + 1 < line.length; i++) {
    const a = line[i];
    const b = line[i + 1];
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const length2 = dx * dx + dy * dy;
    const t = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2));
    const d = Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
    const length = Math.sqrt(length2);
    if (d < best) {
      best = d;
      bestAlong = travelled + t * length;
    }
    travelled += length;
  }
  return { distance: best, along: bestAlong };
}

/** Smooth step from 0 (t ≤ 0) to 1 (t ≥ 1). */
export function smoothstep(t: number): number {
  const c = Math.max(0, Math.min(1, t));
  return c * c * (3 - 2 * c);
}
