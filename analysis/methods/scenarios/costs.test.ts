import { describe, expect, it } from 'vitest';
import { addMeasureCost, netPresentValue } from './costs.ts';

describe('costs', () => {
  it('NPV of 100 a year for three years at 10 %: 100 + 90.909 + 82.645 = 273.554', () => {
    expect(netPresentValue([100, 100, 100], 0.1)).toBeCloseTo(273.5537, 4);
    expect(netPresentValue([100, 100, 100], 0)).toBe(300);
  });

  it('recurring costs repeat every active year; one-off costs are spread; years past the horizon drop', () => {
    const flows = new Float64Array(5);
    addMeasureCost(flows, 1, 2, 300, false); // 150 in years 1 and 2
    addMeasureCost(flows, 3, 4, 10, true); // 10 in years 3, 4 (5, 6 outside)
    expect(Array.from(flows)).toEqual([0, 150, 150, 10, 10]);
  });
});
