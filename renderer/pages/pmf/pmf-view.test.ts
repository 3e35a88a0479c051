import { describe, expect, it } from 'vitest';
import {
  factorLabel,
  factorShares,
  fitLine,
  logFloor,
  parseStrengths,
  percentOfSpecies,
  shareOutside,
} from './pmf-view.ts';

describe('PMF view helpers', () => {
  it('factor shares are mean mass contributions over their sum (hand computed)', () => {
    // means: factor 1 = (2 + 4)/2 = 3, factor 2 = (1 + 0)/2 = 0.5 → 3/3.5 and 0.5/3.5
    const shares = factorShares({
      factors: 2,
      contributionsMass: [
        [2, 1],
        [4, 0],
      ],
    });
    expect(shares[0]).toBeCloseTo(300 / 3.5, 12);
    expect(shares[1]).toBeCloseTo(50 / 3.5, 12);
  });
  it('fits y = 1 + 2x exactly and r² of a known set', () => {
    expect(fitLine([0, 1, 2], [1, 3, 5])).toEqual({ slope: 2, intercept: 1, r2: 1 });
    // x = 1,2,3, y = 1,3,2: sxy = 1, sxx = 2, syy = 2 → slope 0.5, r² 0.25
    const f = fitLine([1, 2, 3], [1, 3, 2]);
    expect(f.slope).toBeCloseTo(0.5, 12);
    expect(f.r2).toBeCloseTo(0.25, 12);
  });
  it('labels, residual shares and log floors', () => {
    expect(factorLabel(['冶炼', ' '], 1, (n) => `Factor ${n}`)).toBe('Factor 2');
    expect(factorLabel(['冶炼'], 0, (n) => `F${n}`)).toBe('冶炼');
    expect(shareOutside([-4, 0, 1, 3.5])).toBe(0.5);
    expect(logFloor([0, 0.034, 12])).toBeCloseTo(0.001, 15);
  });

  it('% of species of mean-1 profiles is each element over its column sum (hand computed)', () => {
    // species 1: 3/(3 + 1) = 75 %, 25 %; species 2: 0 and −1 → both 0 (no positive mass).
    expect(
      percentOfSpecies([
        [3, 0],
        [1, -1],
      ]),
    ).toEqual([
      [75, 0],
      [25, 0],
    ]);
  });

  it('reads Fpeak strengths separated by commas or spaces, minus signs of either kind', () => {
    expect(parseStrengths('−0.5, 0.5，1 x 9')).toEqual([-0.5, 0.5, 1]);
  });
});
