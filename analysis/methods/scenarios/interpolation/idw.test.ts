import { describe, expect, it } from 'vitest';
import { cellCentres, gridOver, projectLocal } from './grid.ts';
import { idwGrid, idwPoints } from './idw.ts';

const points = { x: Float64Array.from([0, 2]), y: Float64Array.from([0, 0]) };
const values = Float64Array.from([1, 3]);

describe('IDW', () => {
  it('hand cases with p = 2', () => {
    const targets = { x: Float64Array.from([1, 0.5, 0]), y: Float64Array.from([0, 0, 0]) };
    const v = idwPoints(points, values, targets, { power: 2 });
    // Midpoint: equal weights → 2. At x = 0.5: w = 1/0.25 = 4 and 1/2.25 = 0.4444 →
    // (4·1 + 0.4444·3)/4.4444 = 1.2. On a sample: its value.
    expect(v[0]).toBeCloseTo(2, 12);
    expect(v[1]).toBeCloseTo(1.2, 12);
    expect(v[2]).toBe(1);
  });

  it('p = 1 and the nearest-k limit', () => {
    const three = { x: Float64Array.from([0, 2, 10]), y: Float64Array.from([0, 0, 0]) };
    const target = { x: Float64Array.from([0.5]), y: Float64Array.from([0]) };
    // p = 1, all three: w = 2, 0.6667, 0.10526 → (2 + 2 + 0.52632) / 2.77193 = 1.63291.
    expect(idwPoints(three, Float64Array.from([1, 3, 5]), target, { power: 1 })[0]).toBeCloseTo(1.632911, 5);
    // k = 2 drops the far sample: (2·1 + 0.6667·3)/2.6667 = 1.5.
    expect(
      idwPoints(three, Float64Array.from([1, 3, 5]), target, { power: 1, maxNeighbours: 2 })[0],
    ).toBeCloseTo(1.5, 10);
  });

  it('skips missing values and renormalizes', () => {
    const target = { x: Float64Array.from([0.5]), y: Float64Array.from([0]) };
    expect(idwPoints(points, Float64Array.from([Number.NaN, 3]), target)[0]).toBe(3);
  });

  it('grid covers the points; cell centres are at half cells', () => {
    const grid = gridOver({ x: Float64Array.from([0, 100]), y: Float64Array.from([0, 50]) }, 50);
    expect(grid.nx).toBe(2);
    expect(grid.ny).toBe(1);
    const c = cellCentres(grid);
    expect(Array.from(c.x)).toEqual([25, 75]);
    expect(c.y[0]).toBe(25);
    const v = idwGrid(points, values, { x0: 0, y0: -0.5, cellSize: 1, nx: 2, ny: 1 });
    // Centres (0.5, 0) and (1.5, 0): 1.2 and, by symmetry, 2.8.
    expect(v[0]).toBeCloseTo(1.2, 12);
    expect(v[1]).toBeCloseTo(2.8, 12);
  });

  it('local projection: 0.01° of latitude is 1111.95 m; of longitude at 30° N, × cos 30°', () => {
    const p = projectLocal([120, 120.01, 120], [30, 30, 30.01], { lon: 120, lat: 30 });
    expect(p.y[2]).toBeCloseTo(1111.95, 1);
    expect(p.x[1]).toBeCloseTo(1111.95 * Math.cos(Math.PI / 6), 1);
  });
});
