import { describe, expect, it } from 'vitest';
import { codeCounts, levelCounts, rangeText, rowsWith, thresholdGroups } from './assessment-view.ts';

describe('assessment view helpers', () => {
  it('groups samples by the thresholds that apply to them, sorted by screening value', () => {
    // Cd on paddy at pH 5.2 (0.3/1.5), 6.8 (0.6/3.0), 5.4 (0.3/1.5); a missing value; no screening.
    const values = [0.45, 0.21, 0.33, Number.NaN, 0.2];
    const screening = [0.3, 0.6, 0.3, 0.3, Number.NaN];
    const intervention = [1.5, 3.0, 1.5, 1.5, Number.NaN];
    expect(thresholdGroups(values, screening, intervention)).toEqual([
      { screening: 0.3, intervention: 1.5, rows: [0, 2] },
      { screening: 0.6, intervention: 3.0, rows: [1] },
    ]);
    // Cu, Ni, Zn have no intervention value: the group keeps null.
    expect(thresholdGroups([60], [50], [Number.NaN])).toEqual([
      { screening: 50, intervention: null, rows: [0] },
    ]);
  });

  it('counts Igeo classes and category codes, unclassed apart', () => {
    expect(levelCounts([0, 0, 1, 6, Number.NaN, 3, 7], 7)).toEqual([2, 1, 0, 1, 0, 0, 1]);
    expect(codeCounts(['low', 'moderate', 'low', '', 'x'], ['low', 'moderate', 'high'])).toEqual({
      low: 2,
      moderate: 1,
      high: 0,
      '': 2,
    });
    expect(rowsWith(['a', 'b', 'a'], 'a')).toEqual([0, 2]);
  });

  it('writes a range of screening values as papers do', () => {
    const f = (x: number) => String(x);
    expect(rangeText({ min: 0.3, max: 0.8 }, f)).toBe('0.3–0.8');
    expect(rangeText({ min: 200, max: 200 }, f)).toBe('200');
    expect(rangeText(null, f)).toBe('—');
  });
});
