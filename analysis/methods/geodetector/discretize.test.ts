import { describe, expect, it } from 'vitest';
import { seededUniform } from '../../stats/seeded-random.ts';
import { classBreaks, classify, discretize } from './discretize.ts';
import { distanceToNearestKm, EARTH_RADIUS_KM, haversineKm } from './distance-to-nearest.ts';
import { naturalBreaksUpTo } from './natural-breaks.ts';
import { optimalDiscretization } from './optimal-discretization.ts';

describe('discretisation methods by hand', () => {
  it('equal intervals', () => {
    expect(classBreaks([0, 3, 10, 7], 'equal', 5)).toEqual([2, 4, 6, 8]);
  });
  it('quantiles (type 7)', () => {
    expect(classBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9], 'quantile', 4)).toEqual([3, 5, 7]);
  });
  it('natural breaks find the three obvious clusters', () => {
    const x = [1, 2, 3, 10, 11, 12, 20, 21, 22];
    expect(classBreaks(x, 'natural', 3)).toEqual([3, 12]);
    const all = naturalBreaksUpTo(x, 3);
    expect(all[1]).toEqual([]);
    // Two classes: {1,2,3} | rest costs 2 + 154 = 156; {1..12} | {20,21,22} costs 125.5 + 2 → the latter.
    expect(all[2]).toEqual([12]);
  });
  it('natural breaks reach the least within-class sum of squares (exhaustive search, 40 random sets)', () => {
    const random = seededUniform(5);
    const ssw = (x: number[], breaks: number[]) => {
      const codes = classify(x, breaks);
      let total = 0;
      for (let c = 0; c <= breaks.length; c++) {
        const members = x.filter((_, i) => codes[i] === c);
        const m = members.reduce((a, b) => a + b, 0) / (members.length || 1);
        total += members.reduce((a, v) => a + (v - m) ** 2, 0);
      }
      return total;
    };
    for (let trial = 0; trial < 40; trial++) {
      const x = Array.from({ length: 12 }, () => Math.round(random() * 50) / 2).sort((a, b) => a - b);
      const distinct = [...new Set(x)];
      let best = Number.POSITIVE_INFINITY;
      for (let a = 0; a < distinct.length - 2; a++) {
        for (let b = a + 1; b < distinct.length - 1; b++)
          best = Math.min(best, ssw(x, [distinct[a], distinct[b]]));
      }
      expect(ssw(x, naturalBreaksUpTo(x, 3)[3])).toBeCloseTo(best, 10);
    }
  });
  it('geometric series of breaks', () => {
    const breaks = classBreaks([1, 3, 8], 'geometric', 3);
    expect(breaks[0]).toBeCloseTo(2, 12);
    expect(breaks[1]).toBeCloseTo(4, 12);
  });
  it('standard deviation classes centred on the mean', () => {
    const x = [2, 4, 4, 4, 5, 5, 7, 9];
    const s = Math.sqrt(32 / 7);
    const breaks = classBreaks(x, 'sd', 4);
    [5 - s, 5, 5 + s].forEach((b, i) => {
      expect(breaks[i]).toBeCloseTo(b, 12);
    });
  });
  it('classes are right-closed and empty classes are dropped', () => {
    expect(Array.from(classify([1, 2, 2.5, 4], [2, 3]))).toEqual([0, 0, 1, 2]);
    const strata = discretize([1, 1, 1, 1, 9], 'equal', 4);
    expect(strata.levels).toHaveLength(2);
    expect(Array.from(strata.codes)).toEqual([0, 0, 0, 0, 1]);
  });
  it('optimal search keeps the first method and class count reaching the largest q', () => {
    const x = [1, 2, 3, 10, 11, 12, 20, 21, 22];
    const y = [1, 1, 1, 5, 5, 5, 9, 9, 9];
    const best = optimalDiscretization(y, x, { minClasses: 2, maxClasses: 4 });
    expect(best.q).toBeCloseTo(1, 14);
    expect(best.method).toBe('equal');
    expect(best.classes).toBe(3);
    expect(best.candidates).toHaveLength(5 * 3);
  });
});

describe('distance to the nearest source', () => {
  it('one degree of latitude is R·π/180 km', () => {
    expect(haversineKm(120, 30, 120, 31)).toBeCloseTo((EARTH_RADIUS_KM * Math.PI) / 180, 9);
  });
  it('picks the nearest included source', () => {
    const d = distanceToNearestKm([0], [0], [0, 0], [1, 2], [false, true]);
    expect(d[0]).toBeCloseTo((2 * EARTH_RADIUS_KM * Math.PI) / 180, 9);
    expect(distanceToNearestKm([0], [0], [], [])[0]).toBe(Number.POSITIVE_INFINITY);
  });
});
