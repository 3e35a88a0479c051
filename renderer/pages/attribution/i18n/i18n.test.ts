import { describe, expect, it } from 'vitest';
import { INDUSTRIES, INPUT_PATHWAYS } from '../../../../analysis/domain/industries.ts';
import { LAND_USES } from '../../../../analysis/domain/land-use.ts';
import { INTERACTION_KINDS } from '../../../../analysis/methods/geodetector/index.ts';
import {
  expectFilledWithSamePlaceholders,
  expectIdenticalKeys,
  missingKeys,
  pageTrKeys,
} from '../../../i18n/key-parity.ts';
import en from './en.json';
import zhCN from './zh-CN.json';

describe('attribution page strings', () => {
  it('zh-CN and en have the same keys, all non-empty, with the same placeholders', () => {
    expectIdenticalKeys(en, zhCN);
    expectFilledWithSamePlaceholders(en, zhCN);
  });

  it('every literal tr("…") key of the page exists', () => {
    const used = pageTrKeys(import.meta.url);
    expect(used.size).toBeGreaterThan(100);
    expect(missingKeys(zhCN, used)).toEqual([]);
  });

  it('names every interaction kind, industry, pathway, land use and APCS warning the core returns', () => {
    const codes = [
      ...INTERACTION_KINDS.map((k) => `kind.${k}`),
      ...INDUSTRIES.map((k) => `industry.${k}`),
      ...INPUT_PATHWAYS.map((k) => `pathway.${k}`),
      ...LAND_USES.map((k) => `landUse.${k}`),
      ...['negative_mean_contribution', 'negative_intercept', 'negative_sample_contributions'].map(
        (k) => `apcs.warning.${k}`,
      ),
      ...['correlation', 'pca', 'apcs', 'geodetector', 'isotopes', 'massBalance'].map((k) => `tab.${k}`),
    ];
    expect(missingKeys(zhCN, codes)).toEqual([]);
  });
});
