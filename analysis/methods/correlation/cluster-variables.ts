export type Linkage = 'average' | 'complete';

export interface DendrogramMerge {
  /** Node ids: 0..k−1 are the variables, k + m is the cluster formed at merge m. */
  left: number;
  right: number;
  /** Distance 1 − |r| at which the two clusters join. */
  height: number;
  /** Number of variables in the new cluster. */
  size: number;
}

export interface Dendrogram {
  labels: string[];
  linkage: Linkage;
  merges: DendrogramMerge[];
  /** Leaf order for drawing without crossing branches. */
  order: number[];
}

/**
 * Agglomerative clustering of variables on the distance d = 1 − |r| with average (UPGMA) or
 * complete linkage (Lance & Williams 1967 update), the dendrogram published beside correlation
 * heat maps. Ties merge the pair found first (lowest ids), so the result is deterministic.
 */
export function clusterVariables(
  labels: string[],
  r: readonly (readonly number[])[],
  linkage: Linkage = 'average',
): Dendrogram {
  const k = labels.length;
  const distance = new Map<number, Map<number, number>>();
  const active = new Map<number, { size: number; leaves: number[] }>();
  for (let i = 0; i < k; i++) {
    active.set(i, { size: 1, leaves: [i] });
    distance.set(i, new Map());
  }
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      const d = 1 - Math.abs(r[i][j]);
      distance.get(i)?.set(j, d);
      distance.get(j)?.set(i, d);
    }
  }
  const merges: DendrogramMerge[] = [];
  let next = k;
  while (active.size > 1) {
    let best: [number, number, number] | undefined;
    const ids = [...active.keys()].sort((a, b) => a - b);
    for (let a = 0; a < ids.length; a++) {
      for (let b = a + 1; b < ids.length; b++) {
        const d = distance.get(ids[a])?.get(ids[b]) ?? Number.POSITIVE_INFINITY;
        if (!best || d < best[2]) best = [ids[a], ids[b], d];
      }
    }
    if (!best) break;
    const [left, right, height] = best;
    const l = active.get(left) ?? { size: 0, leaves: [] };
    const rr = active.get(right) ?? { size: 0, leaves: [] };
    const id = next++;
    const row = new Map<number, number>();
    for (const other of active.keys()) {
      if (other === left || other === right) continue;
      const dl = distance.get(left)?.get(other) ?? 0;
      const dr = distance.get(right)?.get(other) ?? 0;
      const d = linkage === 'complete' ? Math.max(dl, dr) : (l.size * dl + rr.size * dr) / (l.size + rr.size);
      row.set(other, d);
      distance.get(other)?.set(id, d);
    }
    distance.set(id, row);
    active.delete(left);
    active.delete(right);
    active.set(id, { size: l.size + rr.size, leaves: [...l.leaves, ...rr.leaves] });
    merges.push({ left, right, height, size: l.size + rr.size });
  }
  const order = [...active.values()][0]?.leaves ?? [];
  return { labels, linkage, merges, order };
}
