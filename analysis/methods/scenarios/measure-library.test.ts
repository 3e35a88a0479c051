import { describe, expect, it } from 'vitest';
import {
  CNY_PER_USD,
  DEFAULT_MEASURES,
  mergeMeasureLibrary,
  secondaryEffectsIn,
  unsourcedFigures,
} from './measure-library.ts';
import { measureSchema } from './scenario-schema.ts';

const byId = (id: string) => {
  const m = DEFAULT_MEASURES.find((x) => x.id === id);
  if (!m) throw new Error(`no measure ${id}`);
  return m;
};

describe('measure library', () => {
  it('covers the measures issue 7 lists', () => {
    const ids = DEFAULT_MEASURES.map((m) => m.id);
    for (const id of [
      'low-accumulation-variety',
      'water-management',
      'lime',
      'passivator',
      'foliar-inhibitor',
      'deep-ploughing',
      'planting-structure-change',
      'fallow',
      'phytoextraction-sedum-alfredii',
      'phytoextraction-sedum-plumbizincicola',
      'phytoextraction-pteris-vittata',
      'excavation-offsite-disposal',
      'cement-kiln-coprocessing',
      'stabilization-solidification',
      'soil-washing',
      'thermal-desorption',
      'capping-barrier',
      'institutional-control',
      'enterprise-emission-cut',
      'enterprise-closure',
      'fertilizer-substitution',
      'manure-substitution',
      'irrigation-water-treatment',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('every measure passes the file schema and every figure has a source or is marked an estimate', () => {
    for (const m of DEFAULT_MEASURES) {
      expect(measureSchema.safeParse(m).success, m.id).toBe(true);
      expect(unsourcedFigures(m)).toEqual([]);
      for (const f of [m.cost, m.carbon, m.duration])
        expect(f.range[0] <= f.range[1] && f.range[1] <= f.range[2]).toBe(true);
    }
  });

  it('carries the sourced figures of soil-standards.md', () => {
    expect(byId('lime').effects.cropUptakeReduction?.range[1]).toBe(0.48); // Liao 2021, grain Cd −48 %
    expect(byId('lime').effects.cropUptakeReduction?.source).toMatch(/Liao 2021/);
    expect(byId('phytoextraction-sedum-alfredii').effects.soilRemovalGHaA?.range[1]).toBe(148); // Zhang 2021
    // Cement kiln US$167.2/m³ (Liang 2022) at 7.0 CNY/USD = 1170.4 yuan/m³.
    expect(byId('cement-kiln-coprocessing').cost.range[1]).toBeCloseTo(167.2 * CNY_PER_USD, 0);
    // Pteris vittata US$75,375/hm² ÷ 15 mu/hm² × 7.0 = 35,175 yuan/mu.
    expect(byId('phytoextraction-pteris-vittata').cost.range[1]).toBe((75375 / 15) * CNY_PER_USD);
    // Soil washing 11–36 and excavation + landfill ~1654 kg CO2e/m³ (CEST2019-00690).
    expect([byId('soil-washing').carbon.range[0], byId('soil-washing').carbon.range[2]]).toEqual([11, 36]);
    expect(byId('excavation-offsite-disposal').carbon.range[1]).toBe(1654);
    expect(byId('thermal-desorption').metals).toEqual(['Hg']);
    expect(byId('phytoextraction-pteris-vittata').metals).toEqual(['As']);
  });

  it('overrides replace fields, keep the cost basis, merge effects; new ids must be complete', () => {
    const lib = mergeMeasureLibrary(
      DEFAULT_MEASURES,
      [{ id: 'lime', cost: { range: [1, 2, 3], unit: 'yuan/mu/a', estimate: true } }],
      (m): m is (typeof DEFAULT_MEASURES)[number] => measureSchema.safeParse(m).success,
    );
    expect(lib.get('lime')?.cost.range).toEqual([1, 2, 3]);
    expect(lib.get('lime')?.cost.basis).toBe('yuan_per_mu_year');
    expect(lib.get('lime')?.effects.cropUptakeReduction?.range[1]).toBe(0.48);
    expect(() =>
      mergeMeasureLibrary(
        DEFAULT_MEASURES,
        [{ id: 'new-thing' }],
        (m): m is (typeof DEFAULT_MEASURES)[number] => measureSchema.safeParse(m).success,
      ),
    ).toThrow(/new-thing/);
  });

  it('every measure has a non-empty name and side effects in both Chinese and English, item by item', () => {
    for (const m of DEFAULT_MEASURES) {
      expect(m.name.zh.trim(), m.id).not.toBe('');
      expect(m.name.en.trim(), m.id).not.toBe('');
      expect(m.secondaryEffects.length, m.id).toBeGreaterThan(0);
      expect(m.secondaryEffectsZh?.length, m.id).toBe(m.secondaryEffects.length);
      for (const text of [...m.secondaryEffects, ...(m.secondaryEffectsZh ?? [])])
        expect(text.trim()).not.toBe('');
      // The Chinese text is Chinese, not a copy of the English.
      for (const zh of m.secondaryEffectsZh ?? []) expect(zh, m.id).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(secondaryEffectsIn(byId('fallow'), 'zh')).toEqual(['无粮食产出；土壤有机质得以恢复']);
    expect(secondaryEffectsIn(byId('fallow'), 'en')).toEqual([
      'no grain output; soil organic matter recovers',
    ]);
  });

  it('an override of the English side effects alone drops the stale Chinese (shown in English instead)', () => {
    const isMeasure = (m: unknown): m is (typeof DEFAULT_MEASURES)[number] =>
      measureSchema.safeParse(m).success;
    const lib = mergeMeasureLibrary(
      DEFAULT_MEASURES,
      [{ id: 'fallow', secondaryEffects: ['mine'] }],
      isMeasure,
    );
    const fallow = lib.get('fallow');
    if (!fallow) throw new Error('fallow missing');
    expect(secondaryEffectsIn(fallow, 'zh')).toEqual(['mine']);
    const both = mergeMeasureLibrary(
      DEFAULT_MEASURES,
      [{ id: 'fallow', secondaryEffects: ['mine'], secondaryEffectsZh: ['我的'] }],
      isMeasure,
    ).get('fallow');
    if (!both) throw new Error('fallow missing');
    expect(secondaryEffectsIn(both, 'zh')).toEqual(['我的']);
    expect(lib.get('lime')?.secondaryEffectsZh).toEqual(byId('lime').secondaryEffectsZh);
  });
});
