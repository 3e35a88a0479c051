// The PMF objective and its diagnostics (Paatero & Tapper 1994; EPA PMF 5.0 user guide §3):
// Q = Σ_ij (e_ij / u_ij)², e = X − G·F. Robust mode (PMF2, Paatero 1997) lets a value whose
// scaled residual exceeds α = 4 add α·|e/u| instead of (e/u)².

/** A data matrix with its uncertainties: samples × species, row-major. */
export interface PmfProblem {
  x: Float64Array;
  u: Float64Array;
  samples: number;
  species: number;
}

/** G (samples × factors) and F (factors × species), row-major: X ≈ G·F. */
export interface PmfFactors {
  g: Float64Array;
  f: Float64Array;
  factors: number;
}

export const ROBUST_THRESHOLD = 4;

/** e_ij / u_ij for every value, samples × species. */
export function scaledResiduals(problem: PmfProblem, { g, f, factors: k }: PmfFactors): Float64Array {
  const { x, u, samples: n, species: m } = problem;
  const out = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      let fit = 0;
      for (let h = 0; h < k; h++) fit += g[i * k + h] * f[h * m + j];
      out[i * m + j] = (x[i * m + j] - fit) / u[i * m + j];
    }
  }
  return out;
}

/** One value's contribution to Q(robust). */
export function robustTerm(r: number, alpha = ROBUST_THRESHOLD): number {
  const a = Math.abs(r);
  return a > alpha ? alpha * a : r * r;
}

export function qFromScaled(scaled: Float64Array, robust = false, alpha = ROBUST_THRESHOLD): number {
  let q = 0;
  if (robust) for (let i = 0; i < scaled.length; i++) q += robustTerm(scaled[i], alpha);
  else for (let i = 0; i < scaled.length; i++) q += scaled[i] * scaled[i];
  return q;
}

export function qTrue(problem: PmfProblem, factors: PmfFactors): number {
  return qFromScaled(scaledResiduals(problem, factors));
}

export function qRobust(problem: PmfProblem, factors: PmfFactors, alpha = ROBUST_THRESHOLD): number {
  return qFromScaled(scaledResiduals(problem, factors), true, alpha);
}

/** Q(expected) = n·m − k·(n + m): data values less fitted elements (EPA PMF 5.0 user guide §3). */
export function qExpected(samples: number, species: number, factors: number): number {
  return samples * species - factors * (samples + species);
}

export interface QBreakdown {
  /** Q(true) summed over samples, per species. */
  perSpecies: Float64Array;
  /** Q(true) summed over species, per sample. */
  perSample: Float64Array;
  /** Each species' share of Q(expected): n − k·(n + m)/m. */
  expectedPerSpecies: number;
  /** Each sample's share of Q(expected): m − k·(n + m)/n. */
  expectedPerSample: number;
}

/** Q per species and per sample beside their share of Q(expected) (PMF 5.0 "Q/Qexp" plots). */
export function qBreakdown(
  scaled: Float64Array,
  samples: number,
  species: number,
  factors: number,
): QBreakdown {
  const perSpecies = new Float64Array(species);
  const perSample = new Float64Array(samples);
  for (let i = 0; i < samples; i++) {
    for (let j = 0; j < species; j++) {
      const q = scaled[i * species + j] ** 2;
      perSpecies[j] += q;
      perSample[i] += q;
    }
  }
  const total = qExpected(samples, species, factors);
  return { perSpecies, perSample, expectedPerSpecies: total / species, expectedPerSample: total / samples };
}
