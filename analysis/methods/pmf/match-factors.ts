import { pearsonR } from '../correlation/pearson.ts';

// Pairs the factors of two solutions by profile correlation (Pearson r over species), choosing
// the one-to-one assignment with the largest total r by trying every permutation (k ≤ ~8).
// Used to compare runs, seeds and known sources (and by bootstrap mapping, EPA PMF 5.0 §4.2).

/** Pearson r of two profiles; 0 when either is constant (a flat profile matches nothing). */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const r = pearsonR(a, b);
  return Number.isFinite(r) ? r : 0;
}

export interface FactorMatch {
  /** mapping[h] = the factor of `b` paired with factor h of `a`. */
  mapping: number[];
  /** r of each pair, in a's factor order. */
  correlations: number[];
}

/** a: ka × m and b: kb × m profiles (row-major), ka ≤ kb. */
export function matchFactors(a: Float64Array, b: Float64Array, species: number): FactorMatch {
  const ka = a.length / species;
  const kb = b.length / species;
  const r: number[][] = [];
  for (let h = 0; h < ka; h++) {
    r.push([]);
    for (let l = 0; l < kb; l++) {
      r[h].push(
        pearson(a.subarray(h * species, (h + 1) * species), b.subarray(l * species, (l + 1) * species)),
      );
    }
  }
  let best: number[] = [];
  let bestScore = Number.NEGATIVE_INFINITY;
  const used = new Array<boolean>(kb).fill(false);
  const current: number[] = [];
  const search = (h: number, score: number) => {
    if (h === ka) {
      if (score > bestScore) {
        bestScore = score;
        best = current.slice();
      }
      return;
    }
    for (let l = 0; l < kb; l++) {
      if (used[l]) continue;
      used[l] = true;
      current.push(l);
      search(h + 1, score + r[h][l]);
      current.pop();
      used[l] = false;
    }
  };
  search(0, 0);
  return { mapping: best, correlations: best.map((l, h) => r[h][l]) };
}
