import { ordinaryLeastSquares } from '../../stats/ordinary-least-squares.ts';
import { type PcaResult, principalComponents } from '../pca/pca.ts';

export interface ApcsSpeciesResult {
  species: string;
  /** Mean measured concentration over the samples used. */
  mean: number;
  /** Regression intercept b0: the part no source explains (same unit as the data). */
  intercept: number;
  /** b_k of each source's APCS. */
  coefficients: number[];
  r2: number;
  /** Mean contribution of each source, b_k · mean(APCS_k) (same unit as the data). */
  meanContributions: number[];
  /** Share of each source in the mean concentration, meanContributions / mean. */
  shares: number[];
  /** Share left to the intercept, b0 / mean: unexplained or diffuse background. */
  unexplainedShare: number;
  /** Samples whose contribution from each source is negative. */
  negativeSamples: number[];
}

export interface ApcsWarning {
  species: string;
  /** Source index, or null for the intercept. */
  source: number | null;
  kind: 'negative_mean_contribution' | 'negative_intercept' | 'negative_sample_contributions';
  value: number;
}

export interface ApcsMlrResult {
  pca: PcaResult;
  /** APCS of the samples used (rows × sources). */
  apcs: number[][];
  /** Scores of the artificial zero sample (all concentrations 0). */
  zeroScores: number[];
  species: ApcsSpeciesResult[];
  /** contributions[s][i][k]: contribution of source k to species s in sample i. */
  contributions: number[][][];
  warnings: ApcsWarning[];
}

/**
 * Absolute principal component scores with multiple linear regression (Thurston & Spengler 1985,
 * Atmos. Environ. 19:9): standardise, PCA of the correlation matrix with varimax, scores of every
 * sample minus the scores of an artificial sample with zero concentrations (z0 = −mean/sd), then
 * per species an OLS regression of the concentration on the APCS, C = b0 + Σ b_k·APCS_k. The
 * source contribution at sample i is b_k·APCS_ik; mean shares use the sample means, and because
 * OLS with an intercept fits the mean exactly they add up to 1 with the intercept share.
 * Sources (components): eigenvalue > 1 unless `factors` is given.
 */
export function apcsMlr(
  species: string[],
  columns: readonly ArrayLike<number>[],
  options: { factors?: number } = {},
): ApcsMlrResult {
  const pca = principalComponents(species, columns, { components: options.factors, rotate: true });
  const { means, sds } = pca.standardized;
  const k = pca.components;
  const zero = means.map((m, j) => -m / sds[j]);
  const zeroScores = Array.from({ length: k }, (_, c) =>
    zero.reduce((s, z, j) => s + z * pca.scoreCoefficients[j][c], 0),
  );
  const apcs = pca.scores.map((row) => row.map((s, c) => s - zeroScores[c]));
  const apcsColumns = Array.from({ length: k }, (_, c) => Float64Array.from(apcs, (row) => row[c]));
  const apcsMeans = apcsColumns.map((col) => col.reduce((s, v) => s + v, 0) / col.length);

  const warnings: ApcsWarning[] = [];
  const contributions: number[][][] = [];
  const results = species.map((name, s) => {
    const y = Float64Array.from(pca.rows, (i) => columns[s][i]);
    const mean = means[s];
    const fit = ordinaryLeastSquares(apcsColumns, y);
    const [intercept, ...coefficients] = fit.coefficients;
    const meanContributions = coefficients.map((b, c) => b * apcsMeans[c]);
    const perSample = apcs.map((row) => row.map((a, c) => coefficients[c] * a));
    contributions.push(perSample);
    const negativeSamples = coefficients.map((_, c) => perSample.filter((row) => row[c] < 0).length);
    meanContributions.forEach((value, c) => {
      if (value < 0) warnings.push({ species: name, source: c, kind: 'negative_mean_contribution', value });
      else if (negativeSamples[c] > 0) {
        warnings.push({
          species: name,
          source: c,
          kind: 'negative_sample_contributions',
          value: negativeSamples[c],
        });
      }
    });
    if (intercept < 0)
      warnings.push({ species: name, source: null, kind: 'negative_intercept', value: intercept });
    return {
      species: name,
      mean,
      intercept,
      coefficients,
      r2: fit.r2,
      meanContributions,
      shares: meanContributions.map((v) => v / mean),
      unexplainedShare: intercept / mean,
      negativeSamples,
    };
  });
  return { pca, apcs, zeroScores, species: results, contributions, warnings };
}
