// From concentration and uncertainty matrices to the problem the solver sees (EPA PMF 5.0 user
// guide §5.2–5.3): bad species are dropped, weak species get 3 × their uncertainty, the total
// variable is weak, an extra modelling uncertainty p adds in quadrature (u' = √(u² + (p·x)²)),
// and missing values become the species median with 4 × median.

import { SoilTraceError } from '../../errors.ts';
import type { PmfProblem } from './q.ts';
import { signalToNoise } from './signal-to-noise.ts';
import { speciesMedian } from './uncertainty.ts';

export type SpeciesCategory = 'strong' | 'weak' | 'bad';

export interface PmfMatrices {
  sampleIds: string[];
  species: string[];
  /** samples × species, row-major; NaN marks a missing value. */
  conc: Float64Array;
  unc: Float64Array;
  /** File names for error messages, when the matrices came from files. */
  concFile?: string;
  uncFile?: string;
}

export interface PrepareOptions {
  /** Species named here take that category; every other species is strong. */
  categories?: Record<string, SpeciesCategory>;
  /** The total variable (e.g. PM mass): always weak (user guide §5.3). */
  totalVariable?: string;
  /** Extra modelling uncertainty, a fraction in [0, 0.25]. */
  extraUncertainty?: number;
}

export interface SpeciesSummary {
  species: string;
  category: SpeciesCategory;
  signalToNoise: number;
  /** Percentage of samples whose value was missing. */
  missingPercent: number;
}

export interface PreparedInput {
  problem: PmfProblem;
  sampleIds: string[];
  /** The species used (strong and weak), in input order. */
  species: string[];
  categories: SpeciesCategory[];
  /** Every input species, with S/N computed on the raw uncertainties. */
  summary: SpeciesSummary[];
  totalVariable?: string;
  extraUncertainty: number;
}

export function preparePmfInput(data: PmfMatrices, options: PrepareOptions = {}): PreparedInput {
  const { sampleIds, species, conc, unc } = data;
  const n = sampleIds.length;
  const m = species.length;
  const extra = options.extraUncertainty ?? 0;
  if (!(extra >= 0 && extra <= 0.25)) {
    throw new SoilTraceError({
      zh: `额外模型不确定度应在 0–25% 之间，实为 ${extra * 100}%`,
      en: `extra modelling uncertainty must be within 0–25 %, got ${extra * 100} %`,
    });
  }
  const categories = species.map((name) => options.categories?.[name] ?? 'strong');
  for (const name of Object.keys(options.categories ?? {})) {
    if (!species.includes(name)) {
      throw new SoilTraceError(
        { zh: `没有物种 “${name}”`, en: `no species "${name}" in the data` },
        { file: data.concFile },
      );
    }
  }
  if (options.totalVariable !== undefined) {
    const t = species.indexOf(options.totalVariable);
    if (t < 0) {
      throw new SoilTraceError(
        {
          zh: `没有总量变量 “${options.totalVariable}”`,
          en: `no total variable "${options.totalVariable}" in the data`,
        },
        { file: data.concFile },
      );
    }
    if (categories[t] === 'strong') categories[t] = 'weak';
  }

  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const s = unc[i * m + j];
      if (!Number.isNaN(conc[i * m + j]) && !Number.isNaN(s) && !(s > 0)) {
        throw new SoilTraceError(
          { zh: '不确定度必须为正数', en: 'uncertainty must be positive' },
          { file: data.uncFile, row: i + 2, column: species[j], value: String(s) },
        );
      }
    }
  }

  // Missing: a value absent in either file → species median, uncertainty 4 × median.
  const x = new Float64Array(n * m);
  const u = new Float64Array(n * m);
  const missing = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const med = speciesMedian(conc, n, m, j);
    for (let i = 0; i < n; i++) {
      const at = i * m + j;
      if (Number.isNaN(conc[at]) || Number.isNaN(unc[at])) {
        missing[j]++;
        if (!(med > 0) && categories[j] !== 'bad') {
          throw new SoilTraceError(
            {
              zh: '该物种缺失值无法以中位数代替（中位数不为正）；请将其设为 bad',
              en: 'a missing value cannot be replaced by the species median (it is not positive); mark the species bad',
            },
            { file: data.concFile, row: i + 2, column: species[j] },
          );
        }
        x[at] = med;
        u[at] = 4 * med;
      } else {
        x[at] = conc[at];
        u[at] = unc[at];
      }
    }
  }

  const sn = signalToNoise(x, u, n, m);
  const summary = species.map((name, j) => ({
    species: name,
    category: categories[j],
    signalToNoise: sn[j],
    missingPercent: (100 * missing[j]) / n,
  }));

  const used = categories.flatMap((c, j) => (c === 'bad' ? [] : [j]));
  if (used.length < 2) {
    throw new SoilTraceError({ zh: '至少需要两个非 bad 物种', en: 'at least two species must not be bad' });
  }
  const mu = used.length;
  const px = new Float64Array(n * mu);
  const pu = new Float64Array(n * mu);
  for (let i = 0; i < n; i++) {
    used.forEach((j, c) => {
      const value = x[i * m + j];
      let s = u[i * m + j];
      if (extra > 0) s = Math.sqrt(s * s + (extra * value) ** 2);
      if (categories[j] === 'weak') s *= 3;
      px[i * mu + c] = value;
      pu[i * mu + c] = s;
    });
  }
  return {
    problem: { x: px, u: pu, samples: n, species: mu },
    sampleIds,
    species: used.map((j) => species[j]),
    categories: used.map((j) => categories[j]),
    summary,
    totalVariable: options.totalVariable,
    extraUncertainty: extra,
  };
}
