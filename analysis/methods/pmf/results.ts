// What PMF 5.0 reports from a solution (user guide §6–7): profiles in concentration units with
// contributions normalised to mean 1, profiles as % of species and % of total, contributions in
// concentration units, Q/Qexp per species and per sample, scaled residuals, and observed vs
// predicted regression per species.

import { type PmfFactors, type PmfProblem, qBreakdown, qExpected, scaledResiduals } from './q.ts';

export interface SpeciesFit {
  /** Q(true) of the species over Q(expected)'s per-species share. */
  qOverExpected: number;
  /** Predicted = intercept + slope·observed, ordinary least squares. */
  slope: number;
  intercept: number;
  r2: number;
}

export interface PmfSolution {
  samples: number;
  species: number;
  factors: number;
  /** factors × species, concentration units (G rescaled to mean 1, F inversely). */
  profiles: Float64Array;
  /** samples × factors, each factor's contributions with mean 1. */
  contributions: Float64Array;
  /** samples × factors, concentration units: normalised G × the factor's total (or species sum). */
  contributionsMass: Float64Array;
  /** factors × species: the factor's share of each species' modelled total, %. */
  percentOfSpecies: Float64Array;
  /** factors × species: species over the factor's total variable (or sum over species), %. */
  percentOfTotal: Float64Array;
  /** samples × species, e/u. */
  scaledResiduals: Float64Array;
  qExpected: number;
  qPerSpecies: Float64Array;
  qPerSample: Float64Array;
  /** Q(expected)'s share for one species and for one sample. */
  qExpectedPerSpecies: number;
  qExpectedPerSample: number;
  speciesFit: SpeciesFit[];
}

/** Rescales G to mean 1 per factor (F absorbs the scale, G·F unchanged) and derives the reports. */
export function describeSolution(
  problem: PmfProblem,
  solution: PmfFactors,
  totalVariable?: number,
): PmfSolution {
  const { samples: n, species: m, x } = problem;
  const k = solution.factors;
  const contributions = new Float64Array(n * k);
  const profiles = new Float64Array(k * m);
  for (let h = 0; h < k; h++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += solution.g[i * k + h] / n;
    const scale = mean > 0 ? mean : 1;
    for (let i = 0; i < n; i++) contributions[i * k + h] = solution.g[i * k + h] / scale;
    for (let j = 0; j < m; j++) profiles[h * m + j] = solution.f[h * m + j] * scale;
  }
  const percentOfSpecies = new Float64Array(k * m);
  for (let j = 0; j < m; j++) {
    let sum = 0;
    for (let h = 0; h < k; h++) sum += profiles[h * m + j];
    for (let h = 0; h < k; h++) percentOfSpecies[h * m + j] = sum > 0 ? (100 * profiles[h * m + j]) / sum : 0;
  }
  const percentOfTotal = new Float64Array(k * m);
  const contributionsMass = new Float64Array(n * k);
  for (let h = 0; h < k; h++) {
    let total = 0;
    if (totalVariable !== undefined) total = profiles[h * m + totalVariable];
    else for (let j = 0; j < m; j++) total += profiles[h * m + j];
    for (let j = 0; j < m; j++)
      percentOfTotal[h * m + j] = total > 0 ? (100 * profiles[h * m + j]) / total : 0;
    for (let i = 0; i < n; i++) contributionsMass[i * k + h] = contributions[i * k + h] * total;
  }
  const scaled = scaledResiduals(problem, solution);
  const q = qBreakdown(scaled, n, m, k);
  const speciesFit: SpeciesFit[] = [];
  for (let j = 0; j < m; j++) {
    let sx = 0;
    let sy = 0;
    for (let i = 0; i < n; i++) {
      sx += x[i * m + j];
      let fit = 0;
      for (let h = 0; h < k; h++) fit += contributions[i * k + h] * profiles[h * m + j];
      sy += fit;
    }
    const mx = sx / n;
    const my = sy / n;
    let sxx = 0;
    let sxy = 0;
    let syy = 0;
    for (let i = 0; i < n; i++) {
      let fit = 0;
      for (let h = 0; h < k; h++) fit += contributions[i * k + h] * profiles[h * m + j];
      const dx = x[i * m + j] - mx;
      const dy = fit - my;
      sxx += dx * dx;
      sxy += dx * dy;
      syy += dy * dy;
    }
    const slope = sxx > 0 ? sxy / sxx : 0;
    speciesFit.push({
      qOverExpected: q.perSpecies[j] / q.expectedPerSpecies,
      slope,
      intercept: my - slope * mx,
      r2: sxx > 0 && syy > 0 ? (sxy * sxy) / (sxx * syy) : 0,
    });
  }
  return {
    samples: n,
    species: m,
    factors: k,
    profiles,
    contributions,
    contributionsMass,
    percentOfSpecies,
    percentOfTotal,
    scaledResiduals: scaled,
    qExpected: qExpected(n, m, k),
    qPerSpecies: q.perSpecies,
    qPerSample: q.perSample,
    qExpectedPerSpecies: q.expectedPerSpecies,
    qExpectedPerSample: q.expectedPerSample,
    speciesFit,
  };
}
