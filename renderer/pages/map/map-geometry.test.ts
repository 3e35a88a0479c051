import { describe, expect, it } from 'vitest';
import { centralLatitude, latitudeScaleRatio, robustRange } from './map-geometry.ts';

describe('map geometry', () => {
  it('gives 1/cos φ: at 60° a degree of latitude spans twice the pixels of a degree of longitude', () => {
    expect(latitudeScaleRatio(60)).toBeCloseTo(2, 12);
    expect(latitudeScaleRatio(0)).toBe(1);
    // cos 45° = 1/√2.
    expect(latitudeScaleRatio(45)).toBeCloseTo(Math.SQRT2, 12);
  });

  it('averages finite latitudes only', () => {
    expect(centralLatitude([30, 31, Number.NaN, 32])).toBe(31);
  });

  it('takes nearest-rank 2nd and 98th percentiles', () => {
    // 1…100: P2 = 2nd value, P98 = 98th value.
    const v = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(robustRange(v)).toEqual([2, 98]);
    expect(robustRange([5, 5, 5])).toEqual([5, 5]);
    expect(robustRange([Number.NaN])).toBeNull();
  });
});
