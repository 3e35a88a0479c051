import { describe, expect, it } from 'vitest';
import { paretoFront } from './pareto.ts';

describe('Pareto front (min cost, max risk reduction)', () => {
  it('keeps the non-dominated points, ties included, sorted by cost', () => {
    const points = [
      { cost: 1, riskReduction: 1 }, // A: front
      { cost: 2, riskReduction: 3 }, // B: front
      { cost: 3, riskReduction: 2 }, // C: dominated by B
      { cost: 0, riskReduction: 0 }, // D: front (cheapest)
      { cost: 2, riskReduction: 3 }, // E: equal to B, not dominated
      { cost: 1, riskReduction: 0.5 }, // F: dominated by A
    ];
    expect(paretoFront(points)).toEqual([3, 0, 1, 4]);
  });
});
