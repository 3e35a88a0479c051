import { averageRanks } from '../../stats/rank.ts';
import { type CorrelationTest, completePairs, correlationTest, pearsonR } from './pearson.ts';

/**
 * Spearman's ρ: Pearson's r of the ranks, ties given average ranks, so ties are handled exactly
 * (Spearman 1904; the form R's cor(method = "spearman") and SPSS use). The p-value uses the
 * t approximation t = ρ·√((n − 2)/(1 − ρ²)), df n − 2, as SPSS reports it (R's cor.test switches
 * to an exact test for small n without ties).
 */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): CorrelationTest {
  const [a, b] = completePairs(x, y);
  return correlationTest(pearsonR(averageRanks(a), averageRanks(b)), a.length);
}
