// APCS-MLR source apportionment (Thurston & Spengler 1985).
export { type ApcsMlrResult, type ApcsSpeciesResult, type ApcsWarning, apcsMlr } from './apcs-mlr.ts';
