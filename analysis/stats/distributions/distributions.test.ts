import { describe, expect, it } from 'vitest';
import { chiSquareCdf, chiSquareSurvival } from './chi-square-cdf.ts';
import { chiSquareQuantile } from './chi-square-quantile.ts';
import { fCdf, fSurvival } from './f-cdf.ts';
import { fQuantile } from './f-quantile.ts';
import { logGamma } from './log-gamma.ts';
import { noncentralFSurvival } from './noncentral-f-survival.ts';
import { regularizedIncompleteBeta } from './regularized-incomplete-beta.ts';
import { regularizedLowerGamma, regularizedUpperGamma } from './regularized-incomplete-gamma.ts';
import { studentTCdf, studentTTwoSidedP } from './student-t-cdf.ts';
import { studentTQuantile } from './student-t-quantile.ts';

describe('special functions against closed forms', () => {
  it('log-gamma: Γ(½) = √π, Γ(10) = 9!', () => {
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(logGamma(1)).toBeCloseTo(0, 14);
  });
  it('incomplete beta: I_x(a,1) = x^a, I_x(1,b) = 1 − (1−x)^b, symmetry', () => {
    expect(regularizedIncompleteBeta(0.3, 2.5, 1)).toBeCloseTo(0.3 ** 2.5, 14);
    expect(regularizedIncompleteBeta(0.3, 1, 4)).toBeCloseTo(1 - 0.7 ** 4, 14);
    // I_x(2,2) = 3x² − 2x³
    expect(regularizedIncompleteBeta(0.8, 2, 2)).toBeCloseTo(3 * 0.64 - 2 * 0.512, 14);
    expect(regularizedIncompleteBeta(0.2, 7, 3) + regularizedIncompleteBeta(0.8, 3, 7)).toBeCloseTo(1, 14);
  });
  it('incomplete gamma: P(1, x) = 1 − e^−x and Q(1, x) = e^−x even far in the tail', () => {
    expect(regularizedLowerGamma(1, 0.7)).toBeCloseTo(1 - Math.exp(-0.7), 14);
    expect(regularizedUpperGamma(1, 40) / Math.exp(-40)).toBeCloseTo(1, 10);
  });
});

describe('distributions against closed forms and printed tables', () => {
  it('t: Cauchy at df 1, closed form at df 2, table quantiles', () => {
    expect(studentTCdf(1, 1)).toBeCloseTo(0.75, 14);
    const t = 1.7;
    expect(studentTCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 14);
    expect(studentTCdf(-t, 2)).toBeCloseTo(0.5 - t / (2 * Math.sqrt(2 + t * t)), 14);
    expect(studentTTwoSidedP(t, 2)).toBeCloseTo(1 - t / Math.sqrt(2 + t * t), 14);
    // Standard t table: t(0.975; 10) = 2.228139, t(0.975; 1) = 12.706205
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228139, 6);
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706205, 5);
  });
  it('F: closed form for d1 = 2, F(1, d) = t², table quantile', () => {
    const f = 3.3;
    expect(fSurvival(f, 2, 9)).toBeCloseTo((1 + (2 * f) / 9) ** -4.5, 14);
    expect(fCdf(f, 2, 9)).toBeCloseTo(1 - (1 + (2 * f) / 9) ** -4.5, 14);
    expect(fSurvival(2.5 ** 2, 1, 7)).toBeCloseTo(studentTTwoSidedP(2.5, 7), 14);
    // F table: F(0.95; 2, 10) = 4.102821
    expect(fQuantile(0.95, 2, 10)).toBeCloseTo(4.102821, 6);
  });
  it('chi-square: e^(−x/2) at df 2, table quantiles', () => {
    expect(chiSquareSurvival(5.2, 2)).toBeCloseTo(Math.exp(-2.6), 14);
    expect(chiSquareCdf(5.2, 2)).toBeCloseTo(1 - Math.exp(-2.6), 14);
    // χ² table: 0.95 quantiles 3.841459 (df 1) and 7.814728 (df 3)
    expect(chiSquareQuantile(0.95, 1)).toBeCloseTo(3.841459, 6);
    expect(chiSquareQuantile(0.95, 3)).toBeCloseTo(7.814728, 6);
  });
  it('non-central F equals the Poisson mixture of central beta tails (JKB eq. 30.7) within the 1e-9 bound of R', () => {
    // Independent route: Σ_j Pois(j; λ/2) · I_{d2/(d1 f + d2)}(d2/2, d1/2 + j), summed to convergence.
    const mixture = (f: number, d1: number, d2: number, lambda: number) => {
      let total = 0;
      for (let j = 0; j < 2000; j++) {
        const w = Math.exp(-lambda / 2 + j * Math.log(lambda / 2) - logGamma(j + 1));
        total += w * regularizedIncompleteBeta(d2 / (d1 * f + d2), d2 / 2, d1 / 2 + j);
      }
      return total;
    };
    for (const [f, d1, d2, lambda] of [
      [38.7355, 8, 176, 152.04],
      [2.5, 4, 180, 101.4],
      [1.2, 3, 30, 7.5],
      [0.8, 10, 50, 0.3],
    ]) {
      expect(Math.abs(noncentralFSurvival(f, d1, d2, lambda) - mixture(f, d1, d2, lambda))).toBeLessThan(
        1e-9,
      );
    }
  });
  it('non-central F reduces to the central F at λ = 0 and grows with λ', () => {
    expect(noncentralFSurvival(2.1, 3, 20, 0)).toBeCloseTo(fSurvival(2.1, 3, 20), 9);
    const a = noncentralFSurvival(2.1, 3, 20, 1);
    const b = noncentralFSurvival(2.1, 3, 20, 5);
    expect(a).toBeGreaterThan(fSurvival(2.1, 3, 20));
    expect(b).toBeGreaterThan(a);
    // Large λ must not underflow the Poisson weights.
    expect(noncentralFSurvival(1.5, 4, 300, 2000)).toBeCloseTo(1, 10);
  });
});

// Values printed by R 4.2.2 (Debian r-base-core): pf(…, ncp, lower.tail = FALSE), qf, qt, pchisq.
describe('parity with R', () => {
  it('non-central F upper tail', () => {
    expect(noncentralFSurvival(38.7355, 8, 176, 152.04)).toBeCloseTo(0.000116990877342, 14);
    expect(noncentralFSurvival(2.5, 4, 180, 10.5)).toBeCloseTo(0.709108469575, 11);
  });
  it('quantiles and chi-square tail', () => {
    expect(fQuantile(0.9, 184, 184)).toBeCloseTo(1.20846666534, 10);
    expect(studentTQuantile(0.975, 35)).toBeCloseTo(2.03010792825, 10);
    expect(chiSquareSurvival(22.5, 3)).toBeCloseTo(5.13301395579e-5, 15);
  });
});
