import { describe, expect, it } from 'vitest';
import { plumeKernel, plumeKernelArea } from './plume.ts';

describe('plume footprint', () => {
  const shape = { southWestKm: 2.2, northEastKm: 1.4, crossKm: 0.8, nearFieldKm: 0.001 };

  it('integrates to π·L_cross·(L_SW + L_NE) without a near-field deficit', () => {
    // ∫ e^(−r) over each half-ellipse = π · L_along · L_cross (polar coordinates, ∫ r e^(−r) dr = 1).
    const exact = Math.PI * 0.8 * (2.2 + 1.4);
    expect(Math.abs(plumeKernelArea(shape) / exact - 1)).toBeLessThan(0.002);
  });

  it('reaches further south-west than north-east, and is symmetric across the axis', () => {
    const source = { x: 0, y: 0 };
    const d = 1 / Math.SQRT2; // 1 km along the diagonal
    const sw = plumeKernel(shape, source, { x: -d, y: -d });
    const ne = plumeKernel(shape, source, { x: d, y: d });
    expect(sw).toBeCloseTo(Math.exp(-1 / 2.2), 6);
    expect(ne).toBeCloseTo(Math.exp(-1 / 1.4), 6);
    expect(plumeKernel(shape, source, { x: -d, y: d })).toBeCloseTo(
      plumeKernel(shape, source, { x: d, y: -d }),
      12,
    );
  });

  it('is zero at the stack when the plume lifts off', () => {
    expect(plumeKernel({ ...shape, nearFieldKm: 0.3 }, { x: 0, y: 0 }, { x: 0, y: 0 })).toBe(0);
  });
});
