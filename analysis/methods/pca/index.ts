// PCA / factor analysis on the correlation matrix: KMO, Bartlett, eigenvalues (scree), varimax,
// loadings, scores and biplot data.
export { type BartlettResult, bartlettSphericity } from './bartlett.ts';
export { type KmoResult, kmo } from './kmo.ts';
export {
  type BiplotData,
  biplotData,
  type PcaOptions,
  type PcaResult,
  principalComponents,
  screeData,
} from './pca.ts';
export { completeRows, type Standardized, standardize } from './standardize.ts';
export { type VarimaxResult, varimax } from './varimax.ts';
