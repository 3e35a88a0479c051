import { describe, expect, it } from 'vitest';
import {
  assessPairedPoint,
  bioconcentrationFactor,
  checkCrop,
  cropLimit,
  jointSoilCropClass,
} from './crop-safety.ts';
import { parseCropType } from './standards/gb2762-2022.ts';

// GB 2762-2022 limits typed by hand from the brief (mg/kg): rice Cd 0.2, Pb 0.2, inorganic As 0.2,
// Hg 0.02, cereals Cr 1.0; leafy vegetables Cd 0.2, Pb 0.3.
describe('GB 2762-2022 limits', () => {
  it.each([
    ['rice', 'Cd', 0.2],
    ['rice', 'Pb', 0.2],
    ['rice', 'As', 0.2],
    ['rice', 'Hg', 0.02],
    ['rice', 'Cr', 1.0],
    ['wheat', 'Cr', 1.0],
    ['maize', 'Cr', 1.0],
    ['leafy_vegetable', 'Cd', 0.2],
    ['leafy_vegetable', 'Pb', 0.3],
  ] as const)('%s %s limit %f', (crop, metal, value) => {
    expect(cropLimit(crop, metal)?.value).toBe(value);
    expect(cropLimit(crop, metal)?.verify).toBeFalsy();
  });
  it('rice As is the inorganic-As limit; Cu and Zn have none', () => {
    expect(cropLimit('rice', 'As')?.form).toBe('inorganic As');
    expect(cropLimit('rice', 'Cu')).toBeUndefined();
    expect(cropLimit('rice', 'Zn')).toBeUndefined();
  });
  it('parses crop words', () => {
    expect(parseCropType('水稻')).toBe('rice');
    expect(parseCropType('大米')).toBe('rice');
    expect(parseCropType('小麦')).toBe('wheat');
    expect(parseCropType('叶菜')).toBe('leafy_vegetable');
    expect(parseCropType('banana')).toBeUndefined();
  });
});

describe('crop checks and BCF', () => {
  it('compares with the limit (equal complies)', () => {
    const checks = checkCrop('rice', { Cd: 0.25, Pb: 0.2, Zn: 20 });
    // Cd 0.25 / 0.2 = 1.25 → exceeds; Pb 0.2 / 0.2 = 1 → complies; Zn has no limit.
    expect(checks.find((c) => c.metal === 'Cd')).toMatchObject({ limit: 0.2, exceeds: true });
    expect(checks.find((c) => c.metal === 'Cd')?.ratio).toBeCloseTo(1.25, 12);
    expect(checks.find((c) => c.metal === 'Pb')).toMatchObject({ ratio: 1, exceeds: false });
    expect(checks.find((c) => c.metal === 'Zn')).toMatchObject({ limit: null, exceeds: null });
  });
  it('BCF = crop / soil', () => {
    // 0.25 / 0.5 = 0.5; 0.2 / 40 = 0.005
    expect(bioconcentrationFactor(0.25, 0.5)).toBeCloseTo(0.5, 12);
    expect(bioconcentrationFactor(0.2, 40)).toBeCloseTo(0.005, 12);
    expect(bioconcentrationFactor(0.2, 0)).toBeNaN();
  });
  it('pairs a soil and a rice sample metal by metal; the worst metal decides', () => {
    // Soil Cd 0.5 (safe utilization), Pb 40 (priority), Zn 300 (safe utilization, no food limit).
    // Rice Cd 0.25 > 0.2 → Cd joint: safe utilization with measures; Pb 0.1 ≤ 0.2 → priority.
    // BCF Cd = 0.25/0.5 = 0.5; Pb = 0.1/40 = 0.0025; Zn = 20/300 = 0.066667.
    const p = assessPairedPoint('R1', 'rice', { Cd: 0.25, Pb: 0.1, Zn: 20 }, 'S1', {
      Cd: { value: 0.5, class: 'safe_utilization' },
      Pb: { value: 40, class: 'priority_protection' },
      Zn: { value: 300, class: 'safe_utilization' },
    });
    expect(p.metals.Cd.bcf).toBeCloseTo(0.5, 12);
    expect(p.metals.Pb.bcf).toBeCloseTo(0.0025, 12);
    expect(p.metals.Zn.bcf).toBeCloseTo(0.066667, 6);
    expect(p.cropExceeds).toBe(true);
    expect(p.metals.Cd.joint).toMatchObject({ class: 'safe_utilization', action: 'safe_use_measures' });
    expect(p.metals.Pb.joint).toMatchObject({ class: 'priority_protection', action: 'maintain' });
    expect(p.metals.Zn).toMatchObject({
      cropExceeds: null,
      joint: { class: 'safe_utilization', action: 'monitor' },
    });
    expect(p.joint).toMatchObject({ class: 'safe_utilization', action: 'safe_use_measures' });
  });
  it('strict soil with a compliant crop is downgraded; without soil there is no joint class', () => {
    const p = assessPairedPoint('R2', 'rice', { Cd: 0.1 }, 'S2', {
      Cd: { value: 3.5, class: 'strict_control' },
    });
    expect(p.joint).toMatchObject({ class: 'safe_utilization', action: 'monitor_closely' });
    expect(assessPairedPoint('R3', 'rice', { Cd: 0.3 }, null, undefined).joint).toBeNull();
  });
});

describe('joint soil-and-crop class (SoilTrace convention)', () => {
  it.each([
    ['priority_protection', false, 'priority_protection', 'maintain'],
    ['priority_protection', true, 'safe_utilization', 'investigate_other_sources'],
    ['safe_utilization', false, 'safe_utilization', 'monitor'],
    ['safe_utilization', true, 'safe_utilization', 'safe_use_measures'],
    ['strict_control', false, 'safe_utilization', 'monitor_closely'],
    ['strict_control', true, 'strict_control', 'restrict_planting'],
  ] as const)('soil %s, crop exceeds %s → %s (%s)', (soil, exceeds, cls, action) => {
    expect(jointSoilCropClass(soil, exceeds)).toMatchObject({ class: cls, action });
  });
});
