import { describe, expect, it } from 'vitest';
import { nearestOnPolyline, smoothstep } from './geometry.ts';

describe('nearestOnPolyline', () => {
  const line = [
    { x: 0, y: 0 },
    { x: 3, y: 0 },
    { x: 3, y: 4 },
  ];
  it('gives the perpendicular distance and the distance travelled along the line', () => {
    expect(nearestOnPolyline({ x: 1, y: 2 }, line)).toEqual({ distance: 2, along: 1 });
    expect(nearestOnPolyline({ x: 5, y: 1 }, line)).toEqual({ distance: 2, along: 4 });
  });
  it('clamps to the end points', () => {
    const end = nearestOnPolyline({ x: 6, y: 8 }, line);
    expect(end.distance).toBeCloseTo(5, 12);
    expect(end.along).toBeCloseTo(7, 12);
  });
});

describe('smoothstep', () => {
  it('is 0, 1/2 and 1 at 0, 1/2 and 1 and clamps outside', () => {
    expect([smoothstep(-1), smoothstep(0), smoothstep(0.5), smoothstep(1), smoothstep(2)]).toEqual([
      0, 0, 0.5, 1, 1,
    ]);
  });
});
