// Pareto front of cost (to minimize) against risk reduction (to maximize): a point is on the front when
// no other point is at least as good on both and strictly better on one.

export interface ParetoPoint {
  cost: number;
  riskReduction: number;
}

/** Indices of the non-dominated points, sorted by cost. */
export function paretoFront(points: ParetoPoint[]): number[] {
  const front: number[] = [];
  points.forEach((p, i) => {
    const dominated = points.some(
      (q, j) =>
        j !== i &&
        q.cost <= p.cost &&
        q.riskReduction >= p.riskReduction &&
        (q.cost < p.cost || q.riskReduction > p.riskReduction),
    );
    if (!dominated) front.push(i);
  });
  return front.sort((a, b) => points[a].cost - points[b].cost || a - b);
}
