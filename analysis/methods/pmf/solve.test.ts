import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import { baseRun, baseRunSeeds, bestRunIndex } from './base-runs.ts';
import { qRobust, qTrue } from './q.ts';
import { randomStartF } from './random-start.ts';
import { describeSolution } from './results.ts';
import { solvePmf } from './solve.ts';

/**
 * X = G·F exactly, from known non-negative factors with zeros in F and about a third of G zero,
 * so the factorisation is unique up to scale (no rotation keeps both non-negative).
 */
function synthetic(n: number, seed: number) {
  const rng = xoroshiro128plus(seed);
  const k = 3;
  const m = 8;
  const f = Float64Array.of(5, 3, 0, 0, 1, 0, 2, 0, 0, 0, 4, 6, 0, 1, 0, 2, 0, 1, 0, 0, 3, 5, 0, 7);
  const g = new Float64Array(n * k).map(() => {
    const v = uniformFloat64(rng);
    return v < 0.3 ? 0 : v * 2;
  });
  const x = new Float64Array(n * m);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++) for (let h = 0; h < k; h++) x[i * m + j] += g[i * k + h] * f[h * m + j];
  const u = x.map((v) => 0.1 * v + 0.05);
  return { problem: { x, u, samples: n, species: m }, g, f, k, m };
}

describe('solvePmf (weighted alternating NNLS)', () => {
  it('recovers an exact non-negative factorisation from a random start', () => {
    const { problem, f: trueF, k, m } = synthetic(60, 3);
    const result = solvePmf(
      problem,
      { f: randomStartF(problem, k, 11), factors: k },
      { convergenceDelta: 1e-6 },
    );
    expect(result.qTrue).toBeLessThan(1e-3);
    // Each true profile is found (up to scale): cosine similarity > 0.999 with some fitted profile.
    for (let h = 0; h < k; h++) {
      const t = trueF.subarray(h * m, (h + 1) * m);
      const best = Math.max(
        ...[0, 1, 2].map((l) => {
          const s = result.f.subarray(l * m, (l + 1) * m);
          let dot = 0;
          let nt = 0;
          let ns = 0;
          for (let j = 0; j < m; j++) {
            dot += t[j] * s[j];
            nt += t[j] ** 2;
            ns += s[j] ** 2;
          }
          return dot / Math.sqrt(nt * ns);
        }),
      );
      expect(best).toBeGreaterThan(0.999);
    }
  });

  it('never raises Q between sweeps, reports the Q of the factors it returns, and is deterministic', () => {
    const { problem, k } = synthetic(40, 5);
    const noisy = { ...problem, x: problem.x.map((v, i) => v * (1 + 0.2 * Math.sin(i * 1.7))) };
    const trace: number[] = [];
    const a = solvePmf(
      noisy,
      { f: randomStartF(noisy, k, 1), factors: k },
      { onIteration: (_, q) => void trace.push(q) },
    );
    for (let i = 1; i < trace.length; i++) expect(trace[i]).toBeLessThanOrEqual(trace[i - 1] * (1 + 1e-12));
    expect(a.qTrue).toBeCloseTo(qTrue(noisy, a), 8);
    expect(a.qRobust).toBeCloseTo(qRobust(noisy, a), 8);
    const b = baseRun(noisy, k, 1);
    expect(Array.from(b.f)).toEqual(Array.from(a.f));
    expect(b.qTrue).toBe(a.qTrue);
    expect(a.converged).toBe(true);
  });

  it('holds masked elements of F at their starting value', () => {
    const { problem, k, m } = synthetic(30, 9);
    const start = randomStartF(problem, k, 4);
    const holdF = new Uint8Array(k * m);
    holdF[2] = 1; // factor 1, species 3
    holdF[m + 5] = 1;
    const result = solvePmf(problem, { f: start, factors: k }, { holdF });
    expect(result.f[2]).toBe(start[2]);
    expect(result.f[m + 5]).toBe(start[m + 5]);
    expect(result.f.some((v, i) => !holdF[i] && v !== start[i])).toBe(true);
  });

  it('pulls an element to a target with a soft weight and reports the penalty', () => {
    const { problem, k, m } = synthetic(40, 31);
    const noisy = { ...problem, x: problem.x.map((v, i) => v * (1 + 0.1 * Math.cos(i))) };
    const free = solvePmf(noisy, { f: randomStartF(noisy, k, 3), factors: k });
    // Pull the largest element of profile 1 to zero, strongly, from the free solution.
    let at = 0;
    for (let j = 1; j < m; j++) if (free.f[j] > free.f[at]) at = j;
    const weight = new Float64Array(k * m);
    const target = new Float64Array(k * m);
    weight[at] = 1e6;
    const trace: number[] = [];
    const pulled = solvePmf(
      noisy,
      { g: free.g, f: free.f, factors: k },
      { pullF: { weight, target }, onIteration: (_, q) => void trace.push(q) },
    );
    expect(pulled.f[at]).toBeLessThan(free.f[at] * 1e-3);
    // Descent on Q + penalty from the starting point (where the penalty was 1e6·f²).
    expect(pulled.qTrue + pulled.penalty).toBeLessThan(free.qTrue + 1e6 * free.f[at] ** 2);
    expect(pulled.penalty).toBeCloseTo(1e6 * pulled.f[at] ** 2, 10);
    for (let i = 1; i < trace.length; i++) expect(trace[i]).toBeLessThanOrEqual(trace[i - 1] * (1 + 1e-12));
    // A zero weight changes nothing.
    const none = solvePmf(
      noisy,
      { f: randomStartF(noisy, k, 3), factors: k },
      { pullF: { weight: new Float64Array(k * m), target } },
    );
    expect(none.qTrue).toBe(free.qTrue);
    expect(none.penalty).toBe(0);
  });

  it('robust mode gives a lower Q(robust) than the least-squares fit when there are gross outliers', () => {
    const { problem, k } = synthetic(50, 12);
    const x = problem.x.slice();
    for (const at of [7, 55, 130, 201, 333]) x[at] *= 30;
    const dirty = { ...problem, x };
    const start = { f: randomStartF(dirty, k, 2), factors: k };
    const plain = solvePmf(dirty, start);
    const robust = solvePmf(dirty, start, { robust: true });
    expect(robust.qRobust).toBeLessThan(plain.qRobust);
    expect(plain.qTrue).toBeLessThanOrEqual(robust.qTrue);
  });
});

describe('base runs and reports', () => {
  it('seeds runs consecutively and picks the lowest Q(robust)', () => {
    expect(baseRunSeeds(42, 3)).toEqual([42, 43, 44]);
    expect(bestRunIndex([{ qRobust: 5 }, { qRobust: 3 }, { qRobust: 4 }])).toBe(1);
  });

  it('normalises contributions to mean 1 without changing G·F, and derives the percentages', () => {
    const { problem, g, f, k, m } = synthetic(20, 21);
    const s = describeSolution(problem, { g, f, factors: k });
    const n = problem.samples;
    for (let h = 0; h < k; h++) {
      let mean = 0;
      for (let i = 0; i < n; i++) mean += s.contributions[i * k + h] / n;
      expect(mean).toBeCloseTo(1, 12);
    }
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < m; j++) {
        let fit = 0;
        for (let h = 0; h < k; h++) fit += s.contributions[i * k + h] * s.profiles[h * m + j];
        expect(fit).toBeCloseTo(problem.x[i * m + j], 10);
      }
    }
    for (let j = 0; j < m; j++) {
      let sum = 0;
      for (let h = 0; h < k; h++) sum += s.percentOfSpecies[h * m + j];
      expect(sum).toBeCloseTo(100, 10);
    }
    // Exact fit: predicted = observed, so slope 1, r² 1 and Q = 0 everywhere.
    for (const fit of s.speciesFit) {
      expect(fit.slope).toBeCloseTo(1, 10);
      expect(fit.r2).toBeCloseTo(1, 10);
    }
    expect(Math.max(...s.qPerSpecies)).toBeLessThan(1e-20);
    expect(s.qExpected).toBe(20 * 8 - 3 * 28);
  });
});
