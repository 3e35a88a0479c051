// PMF base runs: this engine (weighted alternating NNLS with extrapolation) against a plain
// multiplicative LS-NMF baseline (Wang et al. 2006, BMC Bioinformatics 7:175; weighted Lee–Seung
// updates), in the same process, on the same data, from the same starts, with the same stopping
// rule: Q(true) falls by less than 0.1 over 100 iterations, at most 20,000 iterations.
// Data: the EPA PMF 5.0 examples in ../shared/data/pmf (all species strong, raw uncertainties).

import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { bestRunIndex } from '../analysis/methods/pmf/base-runs.ts';
import { preparePmfInput } from '../analysis/methods/pmf/prepare-input.ts';
import { type PmfProblem, qRobust } from '../analysis/methods/pmf/q.ts';
import { randomStartF } from '../analysis/methods/pmf/random-start.ts';
import { readPmfFiles } from '../analysis/methods/pmf/read-pmf-files.ts';
import { solvePmf } from '../analysis/methods/pmf/solve.ts';
import { hasShared, sharedPath, sharedSkipReason } from '../tests/support/shared-data.ts';

const WINDOW = 100;
const DELTA = 0.1;
const MAX_ITERATIONS = 20_000;
const RUNS = 20;
const FIRST_SEED = 42;

interface RunOutcome {
  qTrue: number;
  qRobust: number;
  iterations: number;
}

/** Weighted multiplicative updates; Q(true) is taken from the product computed for the F update. */
function lsNmf(problem: PmfProblem, g: Float64Array, f: Float64Array, k: number): RunOutcome {
  const { x, u, samples: n, species: m } = problem;
  const w = new Float64Array(n * m);
  const wx = new Float64Array(n * m);
  for (let i = 0; i < n * m; i++) {
    w[i] = 1 / (u[i] * u[i]);
    wx[i] = w[i] * x[i];
  }
  const wp = new Float64Array(n * m); // W ∘ (G·F)
  const num = new Float64Array(Math.max(n, m) * k);
  const den = new Float64Array(Math.max(n, m) * k);
  const history = new Float64Array(WINDOW + 1);
  const product = (): number => {
    let q = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < m; j++) {
        let p = 0;
        for (let h = 0; h < k; h++) p += g[i * k + h] * f[h * m + j];
        const e = x[i * m + j] - p;
        q += w[i * m + j] * e * e;
        wp[i * m + j] = w[i * m + j] * p;
      }
    }
    return q;
  };
  let q = 0;
  let iterations = 0;
  while (iterations < MAX_ITERATIONS) {
    q = product();
    history[iterations % (WINDOW + 1)] = q;
    if (iterations >= WINDOW && history[(iterations - WINDOW) % (WINDOW + 1)] - q < DELTA) break;
    // F ← F ∘ Gᵀ(W∘X) / Gᵀ(W∘GF)
    num.fill(0);
    den.fill(0);
    for (let i = 0; i < n; i++) {
      for (let h = 0; h < k; h++) {
        const gih = g[i * k + h];
        for (let j = 0; j < m; j++) {
          num[h * m + j] += gih * wx[i * m + j];
          den[h * m + j] += gih * wp[i * m + j];
        }
      }
    }
    for (let a = 0; a < k * m; a++) f[a] *= den[a] > 0 ? num[a] / den[a] : 0;
    product();
    // G ← G ∘ (W∘X)Fᵀ / (W∘GF)Fᵀ
    for (let i = 0; i < n; i++) {
      for (let h = 0; h < k; h++) {
        let a = 0;
        let b = 0;
        for (let j = 0; j < m; j++) {
          a += wx[i * m + j] * f[h * m + j];
          b += wp[i * m + j] * f[h * m + j];
        }
        g[i * k + h] *= b > 0 ? a / b : 0;
      }
    }
    iterations++;
  }
  q = product();
  return { qTrue: q, qRobust: qRobust(problem, { g, f, factors: k }), iterations };
}

/** CPU milliseconds used by this process since `start` (steadier than wall time on a busy machine). */
function cpuMs(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

function summarise(label: string, outcomes: RunOutcome[], ms: number) {
  const best = outcomes[bestRunIndex(outcomes)];
  const minQ = Math.min(...outcomes.map((o) => o.qTrue));
  const its = outcomes.map((o) => o.iterations);
  const capped = its.filter((i) => i >= MAX_ITERATIONS).length;
  console.log(
    `  ${label.padEnd(26)} ${(ms / 1000).toFixed(2).padStart(8)} s  iterations mean ${Math.round(
      its.reduce((a, b) => a + b, 0) / its.length,
    )
      .toString()
      .padStart(
        6,
      )} (max ${Math.max(...its)}, ${capped} at cap)  best-run Q(true) ${best.qTrue.toFixed(1)}  Q(robust) ${best.qRobust.toFixed(1)}  min Q(true) ${minQ.toFixed(1)}`,
  );
  return best;
}

async function benchCase(dataset: string, factors: number, referenceQ: number) {
  const dir = sharedPath('data', 'pmf');
  const { conc, unc } = readPmfFiles(
    `${dir}/Dataset-${dataset}-con.csv`,
    `${dir}/Dataset-${dataset}-unc.csv`,
  );
  const { problem } = preparePmfInput({
    sampleIds: conc.sampleIds,
    species: conc.species,
    conc: conc.values,
    unc: unc.values,
  });
  console.log(
    `\n${dataset}: ${problem.samples} samples × ${problem.species} species, ${factors} factors, ${RUNS} runs (seeds ${FIRST_SEED}…${FIRST_SEED + RUNS - 1}), one thread; reference best Q(true) ${referenceQ}`,
  );
  // Same random F for both, as in base runs. SoilTrace solves G from it by weighted NNLS (its own
  // start); multiplicative updates cannot leave an exact zero, so the baseline starts from a
  // strictly positive G, uniform on (0, 2] from a seeded stream (GF then has the data's scale).
  const starts = Array.from({ length: RUNS }, (_, r) => {
    const seed = FIRST_SEED + r;
    const rng = xoroshiro128plus(seed + 1_000_000);
    const g = new Float64Array(problem.samples * factors).map(() => 2 * (1 - uniformFloat64(rng)));
    return { g, f: randomStartF(problem, factors, seed) };
  });

  // Interleaved run by run, so a busy machine slows both alike.
  const ours: RunOutcome[] = [];
  const base: RunOutcome[] = [];
  let oursMs = 0;
  let baseMs = 0;
  let oursCpu = 0;
  let baseCpu = 0;
  for (const start of starts) {
    let t0 = performance.now();
    let c0 = process.cpuUsage();
    ours.push(solvePmf(problem, { f: start.f, factors }));
    oursMs += performance.now() - t0;
    oursCpu += cpuMs(c0);
    t0 = performance.now();
    c0 = process.cpuUsage();
    base.push(lsNmf(problem, start.g.slice(), start.f.slice(), factors));
    baseMs += performance.now() - t0;
    baseCpu += cpuMs(c0);
  }

  const a = summarise('weighted ALS (SoilTrace)', ours, oursMs);
  const b = summarise('LS-NMF baseline', base, baseMs);
  console.log(
    `  CPU time: SoilTrace ${(oursCpu / 1000).toFixed(2)} s, baseline ${(baseCpu / 1000).toFixed(2)} s → ${(baseCpu / oursCpu).toFixed(1)}×`,
  );
  console.log(
    `  speed ratio (baseline wall time / SoilTrace wall time): ${(baseMs / oursMs).toFixed(1)}×; iterations ratio ${(base.reduce((s, o) => s + o.iterations, 0) / ours.reduce((s, o) => s + o.iterations, 0)).toFixed(1)}×; best-run Q(true) ${a.qTrue <= b.qTrue ? 'no higher' : 'HIGHER'} (${a.qTrue.toFixed(1)} vs ${b.qTrue.toFixed(1)})`,
  );
}

export async function run(): Promise<void> {
  if (!hasShared) {
    console.log(`skipped: ${sharedSkipReason}`);
    return;
  }
  await benchCase('BatonRouge', 6, 64128);
  await benchCase('StLouis', 5, 12288);
}
