import { type Direction, type McdaResult, ranksFromScores } from './topsis.ts';

// Simple additive weighting: each criterion min–max scaled to [0, 1] (1 = best, cost criteria
// reversed), then S = Σ wⱼ·rⱼ with weights normalized to sum 1. A criterion equal for all alternatives
// scores 1 everywhere (it does not discriminate).

export function weightedSum(matrix: number[][], weights: number[], directions: Direction[]): McdaResult {
  const wSum = weights.reduce((a, b) => a + b, 0);
  const w = weights.map((x) => (wSum > 0 ? x / wSum : 1 / weights.length));
  const scores = matrix.map(() => 0);
  weights.forEach((_, j) => {
    const column = matrix.map((row) => row[j]);
    const lo = Math.min(...column);
    const hi = Math.max(...column);
    column.forEach((x, i) => {
      const r = hi > lo ? (directions[j] === 'benefit' ? (x - lo) / (hi - lo) : (hi - x) / (hi - lo)) : 1;
      scores[i] += w[j] * r;
    });
  });
  return { scores, ranks: ranksFromScores(scores) };
}
