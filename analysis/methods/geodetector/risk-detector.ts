import { studentTTwoSidedP } from '../../stats/distributions/student-t-cdf.ts';
import { studentTQuantile } from '../../stats/distributions/student-t-quantile.ts';
import { type Strata, stratumSummaries } from './strata.ts';

export interface StratumMean {
  level: string;
  n: number;
  mean: number;
}

export interface StratumComparison {
  a: string;
  b: string;
  /** |m̄_a − m̄_b| / √(s_a²/n_a + s_b²/n_b); null where the package skips the pair. */
  t: number | null;
  /** Welch–Satterthwaite df rounded to an integer (as the package does). */
  df: number | null;
  /** Two-sided p-value of t at df (reported in addition to the package's yes/no). */
  p: number | null;
  /** t > qt(0.975, df): the package's significance at the 0.05 level. */
  significant: boolean | null;
}

export interface RiskDetectorResult {
  means: StratumMean[];
  comparisons: StratumComparison[];
}

// R's round() rounds half to even (IEC 60559).
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * Risk detector (Wang et al. 2010; geodetector 1.0-5 risk_detector): the mean of Y per stratum and,
 * for every pair of strata, Welch's t with df = round(Welch–Satterthwaite), significant when
 * t > qt(0.975, df). Pairs where a stratum has one sample or both have zero variance are skipped
 * by the package; here they are kept with nulls.
 */
export function riskDetector(y: ArrayLike<number>, strata: Strata): RiskDetectorResult {
  const { count, mean, sumSquares } = stratumSummaries(y, strata.codes, strata.levels.length);
  const present = strata.levels.map((_, h) => h).filter((h) => count[h] > 0);
  const means = present.map((h) => ({ level: strata.levels[h], n: count[h], mean: mean[h] }));
  const comparisons: StratumComparison[] = [];
  // Critical values depend only on the (integer) df: compute each once.
  const criticalByDf = new Map<number, number>();
  const critical = (df: number) => {
    let t = criticalByDf.get(df);
    if (t === undefined) {
      t = studentTQuantile(0.975, df);
      criticalByDf.set(df, t);
    }
    return t;
  };
  for (let i = 0; i < present.length - 1; i++) {
    for (let j = i + 1; j < present.length; j++) {
      const [hi, hj] = [present[i], present[j]];
      const pair = { a: strata.levels[hi], b: strata.levels[hj] };
      const skipped = { ...pair, t: null, df: null, p: null, significant: null };
      if (count[hi] < 2 || count[hj] < 2) {
        comparisons.push(skipped);
        continue;
      }
      const vi = sumSquares[hi] / (count[hi] - 1) / count[hi];
      const vj = sumSquares[hj] / (count[hj] - 1) / count[hj];
      const se = Math.sqrt(vi + vj);
      if (se === 0) {
        comparisons.push(skipped);
        continue;
      }
      const t = Math.abs(mean[hi] - mean[hj]) / se;
      const df = roundHalfEven((vi + vj) ** 2 / (vi ** 2 / (count[hi] - 1) + vj ** 2 / (count[hj] - 1)));
      comparisons.push({
        ...pair,
        t,
        df,
        p: studentTTwoSidedP(t, df),
        significant: t > critical(df),
      });
    }
  }
  return { means, comparisons };
}
