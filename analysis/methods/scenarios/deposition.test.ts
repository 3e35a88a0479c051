import { describe, expect, it } from 'vitest';
import { depositionGHaA, lengthScaleFor } from './deposition.ts';

describe('enterprise deposition kernel', () => {
  it('at the stack: E·f/(2πL²) → 60 kg/a × 0.3 / (2π·1600²) m² = 11.19 g/ha/a', () => {
    // 18 kg / 1.6085e7 m² = 1.1191e-6 kg/m²/a = 11.191 g/ha/a.
    expect(depositionGHaA(60, 0, { localFraction: 0.3, lengthScaleM: 1600 })).toBeCloseTo(11.191, 3);
    expect(depositionGHaA(60, 1600, { localFraction: 0.3, lengthScaleM: 1600 })).toBeCloseTo(
      11.191 / Math.E,
      3,
    );
  });

  it('integrates over the plane to the deposited mass E·f', () => {
    const kernel = { localFraction: 0.25, lengthScaleM: 800 };
    let grams = 0;
    const dr = 5;
    for (let r = dr / 2; r < 40_000; r += dr)
      grams += depositionGHaA(10, r, kernel) * ((2 * Math.PI * r * dr) / 1e4);
    expect(grams).toBeCloseTo(10 * 0.25 * 1000, 0);
  });

  it('length scale grows with stack height above the minimum', () => {
    expect(lengthScaleFor(80, 20, 1000)).toBe(1600);
    expect(lengthScaleFor(30, 20, 1000)).toBe(1000);
    expect(lengthScaleFor(Number.NaN, 20, 1000)).toBe(1000);
  });
});
