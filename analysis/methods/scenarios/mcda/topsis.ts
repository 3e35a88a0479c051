// TOPSIS (Hwang & Yoon 1981): vector-normalize each criterion, weight it, and score each alternative by
// its relative closeness to the ideal: C = d⁻ / (d⁺ + d⁻).

export type Direction = 'benefit' | 'cost';

export interface McdaResult {
  scores: number[];
  /** 1 = best; ties share the better rank. */
  ranks: number[];
}

export function ranksFromScores(scores: number[]): number[] {
  return scores.map((s) => 1 + scores.filter((o) => o > s + 1e-12).length);
}

/** `matrix[i][j]`: alternative i on criterion j; `weights` need not sum to 1 (normalized here). */
export function topsis(matrix: number[][], weights: number[], directions: Direction[]): McdaResult {
  const m = weights.length;
  const wSum = weights.reduce((a, b) => a + b, 0);
  const w = weights.map((x) => (wSum > 0 ? x / wSum : 1 / m));
  const norms = weights.map((_, j) => Math.sqrt(matrix.reduce((acc, row) => acc + row[j] * row[j], 0)));
  const v = matrix.map((row) => row.map((x, j) => (norms[j] > 0 ? (w[j] * x) / norms[j] : 0)));
  const ideal = weights.map((_, j) => {
    const column = v.map((row) => row[j]);
    return directions[j] === 'benefit' ? Math.max(...column) : Math.min(...column);
  });
  const anti = weights.map((_, j) => {
    const column = v.map((row) => row[j]);
    return directions[j] === 'benefit' ? Math.min(...column) : Math.max(...column);
  });
  const scores = v.map((row) => {
    const dPlus = Math.sqrt(row.reduce((acc, x, j) => acc + (x - ideal[j]) ** 2, 0));
    const dMinus = Math.sqrt(row.reduce((acc, x, j) => acc + (x - anti[j]) ** 2, 0));
    return dPlus + dMinus > 0 ? dMinus / (dPlus + dMinus) : 1;
  });
  return { scores, ranks: ranksFromScores(scores) };
}
