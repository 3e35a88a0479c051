// Correlation analysis: Pearson/Spearman with p-values, matrices for heat maps, and the
// dendrogram of variables. Pure functions over arrays; see each file for the formulas.
export {
  clusterVariables,
  type Dendrogram,
  type DendrogramMerge,
  type Linkage,
} from './cluster-variables.ts';
export {
  type CorrelationMatrix,
  type CorrelationMethod,
  correlationMatrix,
  log10Column,
  significanceMark,
} from './correlation-matrix.ts';
export { type CorrelationTest, completePairs, correlationTest, pearson, pearsonR } from './pearson.ts';
export { spearman } from './spearman.ts';
