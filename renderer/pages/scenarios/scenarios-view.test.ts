import { describe, expect, it } from 'vitest';
import type { ComparisonResult, Measure } from '../../../analysis/methods/scenarios/index.ts';
import { DEFAULT_MEASURES } from '../../../analysis/methods/scenarios/measure-library.ts';
import {
  effectiveFigure,
  formatJudgement,
  identityMatrix,
  measureSideEffects,
  parameterLabel,
  paretoLine,
  parseJudgement,
  type ScenarioJson,
  setPairwise,
  tornadoBars,
  withMeasureFigure,
} from './scenarios-view.ts';

describe('scenario page helpers', () => {
  it('keeps the pairwise matrix reciprocal and reads Saaty judgements', () => {
    const m = setPairwise(identityMatrix(3), 0, 2, 5);
    expect(m[0][2]).toBe(5);
    expect(m[2][0]).toBeCloseTo(0.2, 15);
    expect(m[1][1]).toBe(1);
    expect(parseJudgement('1/3')).toBeCloseTo(1 / 3, 15);
    expect(parseJudgement('7')).toBe(7);
    expect(parseJudgement('0')).toBeNull();
    expect(parseJudgement('x')).toBeNull();
    expect(formatJudgement(1 / 7)).toBe('1/7');
    expect(formatJudgement(4)).toBe('4');
  });

  it('turns an edited library range into an estimate override, keeping the source as a note', () => {
    const lime = DEFAULT_MEASURES.find((m) => m.id === 'lime') as Measure;
    const file = {
      inputs: { samples: 's.csv' },
      horizon: { startYear: 2025, endYear: 2030 },
      target: { year: 2030 },
      scenarios: [],
    } as unknown as ScenarioJson;
    const edited = withMeasureFigure(file, lime, 'duration', [2, 3, 4]);
    expect(edited.measures).toHaveLength(1);
    expect(effectiveFigure(edited, lime, 'duration')).toMatchObject({
      range: [2, 3, 4],
      estimate: true,
      edited: true,
    });
    expect(effectiveFigure(edited, lime, 'cost').edited).toBe(false);
    const twice = withMeasureFigure(edited, lime, 'cost', [1, 2, 3]);
    expect(twice.measures).toHaveLength(1);
    expect(Object.keys(twice.measures?.[0] ?? {}).sort()).toEqual(['cost', 'duration', 'id']);
  });

  it('draws the Pareto front by increasing cost and the tornado largest swing on top', () => {
    const result = {
      paretoFront: ['b', 'a'],
      scenarios: [
        { id: 'a', npv: 3e4, riskReductionHa: 10 },
        { id: 'b', npv: 1e4, riskReductionHa: 4 },
        { id: 'c', npv: 2e4, riskReductionHa: 1 },
      ],
    } as unknown as ComparisonResult;
    expect(paretoLine(result)).toEqual({ x: [1, 3], y: [4, 10], ids: ['b', 'a'] });
    const t = tornadoBars({
      base: 100,
      bars: [
        { label: 'big', labelZh: '大', atLow: 60, atHigh: 150, swing: 90 },
        { label: 'small', labelZh: '小', atLow: 95, atHigh: 104, swing: 9 },
        { label: 'none', labelZh: '无', atLow: 100, atHigh: 100, swing: 0 },
      ],
    });
    expect(t.labels).toEqual(['小', '大']);
    expect(
      tornadoBars(
        { base: 0, bars: [{ label: 'big', labelZh: '大', atLow: 1, atHigh: 2, swing: 1 }] },
        1,
        'en',
      ).labels,
    ).toEqual(['big']);
    expect(t.low).toEqual([-5, -40]);
    expect(t.high).toEqual([4, 50]);
  });

  it('shows core texts in the page language, English where no Chinese exists', () => {
    // A result saved before labelZh existed still labels its bars.
    expect(parameterLabel({ label: 'fallow: unit cost (yuan/mu/a)' }, 'zh-CN')).toBe(
      'fallow: unit cost (yuan/mu/a)',
    );
    const p = { label: 'fallow: unit cost (yuan/mu/a)', labelZh: '休耕：单位成本（元/亩/年）' };
    expect(parameterLabel(p, 'zh-CN')).toBe('休耕：单位成本（元/亩/年）');
    expect(parameterLabel(p, 'en')).toBe('fallow: unit cost (yuan/mu/a)');
    const m = { secondaryEffects: ['no grain output'], secondaryEffectsZh: ['无粮食产出'] };
    expect(measureSideEffects(m, 'zh-CN')).toEqual(['无粮食产出']);
    expect(measureSideEffects(m, 'en')).toEqual(['no grain output']);
    expect(measureSideEffects({ secondaryEffects: ['mine'] }, 'zh-CN')).toEqual(['mine']);
  });
});
