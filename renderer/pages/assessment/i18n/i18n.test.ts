import { describe, expect, it } from 'vitest';
import {
  CONSTRUCTION_CLASSES,
  EXPOSURE_PARAMETER_SETS,
  FARMLAND_CLASSES,
  GEOACCUMULATION_BANDS,
  jointSoilCropClass,
  RI_BANDS,
} from '../../../../analysis/methods/assessment/index.ts';
import {
  expectFilledWithSamePlaceholders,
  expectIdenticalKeys,
  missingKeys,
  pageTrKeys,
} from '../../../i18n/key-parity.ts';
import en from './en.json';
import zhCN from './zh-CN.json';

describe('assessment page strings', () => {
  it('zh-CN and en have the same keys, all non-empty, with the same placeholders', () => {
    expectIdenticalKeys(en, zhCN);
    expectFilledWithSamePlaceholders(en, zhCN);
  });

  it('every literal tr("…") key of the page exists', () => {
    const used = pageTrKeys(import.meta.url);
    expect(used.size).toBeGreaterThan(60);
    expect(missingKeys(zhCN, used)).toEqual([]);
  });

  it('names every class, index class and joint action code the core returns', () => {
    const codes = [
      ...[...FARMLAND_CLASSES, ...CONSTRUCTION_CLASSES].map((c) => `class.${c}`),
      ...RI_BANDS.classes.map((c) => `riClass.${c.code}`),
      ...GEOACCUMULATION_BANDS.classes.map((_, level) => `igeoClass.${level}`),
      ...(['priority_protection', 'safe_utilization', 'strict_control'] as const).flatMap((c) =>
        [false, true].map((exceeds) => `jointAction.${jointSoilCropClass(c, exceeds).action}`),
      ),
      ...Object.keys(EXPOSURE_PARAMETER_SETS[0].child).map((k) => `param.${k}`),
    ];
    expect(missingKeys(zhCN, codes)).toEqual([]);
  });
});
