import { describe, expect, it } from 'vitest';
import { seededUniform } from '../../stats/seeded-random.ts';
import { apcsMlr } from './apcs-mlr.ts';

/**
 * Synthetic truth: C_ij = Σ_k g_ik·F_kj · (1 + noise), two sources with known profiles F
 * (mg/kg per unit activity) and nonnegative random activities g. The activities are made exactly
 * uncorrelated over the sample, because an orthogonal (varimax) rotation can only line up with
 * uncorrelated sources — APCS-MLR's own assumption.
 */
function synthetic(
  seed: number,
  profiles: { industry: number[]; geogenic: number[] },
  noise: number,
  n = 120,
) {
  const random = seededUniform(seed);
  const g1 = Array.from({ length: n }, () => 0.2 + 2 * random());
  const raw = Array.from({ length: n }, () => 0.5 + random());
  const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
  const [m1, m2] = [mean(g1), mean(raw)];
  const beta =
    g1.reduce((s, v, i) => s + (v - m1) * (raw[i] - m2), 0) / g1.reduce((s, v) => s + (v - m1) ** 2, 0);
  const g2 = raw.map((v, i) => v - beta * (g1[i] - m1));
  const p = profiles.industry.length;
  const columns = Array.from({ length: p }, (_, j) =>
    Float64Array.from({ length: n }, (_, i) => {
      const clean = g1[i] * profiles.industry[j] + g2[i] * profiles.geogenic[j];
      return clean * (1 + noise * (2 * random() - 1));
    }),
  );
  const truth = Array.from({ length: p }, (_, j) => {
    const total = mean(g1) * profiles.industry[j] + mean(g2) * profiles.geogenic[j];
    return [(mean(g1) * profiles.industry[j]) / total, (mean(g2) * profiles.geogenic[j]) / total];
  });
  return { columns, truth };
}

// The component whose loading on the first species (an industrial metal) is largest.
const industrialComponent = (loadings: number[][]) => (loadings[0][0] > loadings[0][1] ? 0 : 1);

describe('APCS-MLR recovers known source shares', () => {
  const species = ['Cd', 'Zn', 'Pb', 'Cr', 'Ni'];
  const { columns, truth } = synthetic(
    7,
    { industry: [0.3, 80, 40, 0, 0], geogenic: [0, 0, 0, 60, 25] },
    0.01,
  );
  const result = apcsMlr(species, columns);

  it('well-separated sources: two components, R² > 0.999, shares within 0.01 of the truth', () => {
    expect(result.pca.components).toBe(2);
    const ind = industrialComponent(result.pca.rotatedLoadings);
    result.species.forEach((s, j) => {
      expect(s.r2).toBeGreaterThan(0.999);
      expect(Math.abs(s.shares[ind] - truth[j][0])).toBeLessThan(0.01);
      expect(Math.abs(s.shares[1 - ind] - truth[j][1])).toBeLessThan(0.01);
      expect(Math.abs(s.unexplainedShare)).toBeLessThan(0.01);
    });
  });

  it('shares plus the unexplained part add up to 1 per species (OLS fits the mean)', () => {
    for (const s of result.species)
      expect(s.shares.reduce((a, b) => a + b, 0) + s.unexplainedShare).toBeCloseTo(1, 10);
  });

  it('per-sample contributions plus the intercept equal the fitted value (≈ measured, 1 % noise)', () => {
    const [s, i] = [1, 5];
    const fitted = result.species[s].intercept + result.contributions[s][i].reduce((a, b) => a + b, 0);
    expect(Math.abs(fitted / columns[s][result.pca.rows[i]] - 1)).toBeLessThan(0.02);
  });

  it('the zero sample scores are z0·W with z0 = −mean/sd', () => {
    const { means, sds } = result.pca.standardized;
    for (let c = 0; c < 2; c++) {
      const s0 = means.reduce((sum, m, j) => sum + (-m / sds[j]) * result.pca.scoreCoefficients[j][c], 0);
      expect(s0).toBeCloseTo(result.zeroScores[c], 12);
    }
  });

  it('overlapping profiles: shares within 0.08 (the known bias of an orthogonal rotation)', () => {
    const mixed = synthetic(
      11,
      { industry: [0.3, 80, 40, 2, 1, 6], geogenic: [0.01, 10, 3, 60, 25, 12] },
      0.01,
    );
    const r = apcsMlr([...species, 'Cu'], mixed.columns);
    const ind = industrialComponent(r.pca.rotatedLoadings);
    r.species.forEach((s, j) => {
      expect(Math.abs(s.shares[ind] - mixed.truth[j][0])).toBeLessThan(0.08);
    });
  });

  it('warns when a source contributes negatively', () => {
    // A species diluted by the industrial input: 10 − 0.02·Zn, so its industrial coefficient is < 0.
    const diluted = Float64Array.from(columns[1], (zn) => 10 - 0.02 * zn);
    const r = apcsMlr([...species, 'OM'], [...columns, diluted]);
    const warning = r.warnings.find((w) => w.species === 'OM' && w.kind === 'negative_mean_contribution');
    expect(warning).toBeDefined();
    expect(warning?.value).toBeLessThan(0);
  });
});
