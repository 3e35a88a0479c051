import { describe, expect, it } from 'vitest';
import { elementSymbol, suggestFactorNames } from './suggest-factor-names.ts';

const species = ['Cd', 'Hg', 'As', 'Pb', 'Cr', 'Cu', 'Ni', 'Zn', 'Mn', 'Co', 'V', 'Fe'];
const row = (shares: Record<string, number>, rest = 5) => species.map((s) => shares[s] ?? rest);

describe('suggestFactorNames', () => {
  it('names a Cd-Zn-Pb-Hg factor smelting/deposition first (scores by hand)', () => {
    const r = suggestFactorNames(species, row({ Cd: 70, Zn: 60, Pb: 55, Hg: 45 }));
    expect(r.markers).toEqual(['Cd', 'Zn', 'Pb', 'Hg']);
    expect(r.suggestions.map((s) => s.id)).toEqual(['smelting', 'agriculture', 'mining', 'traffic']);
    // 4/4 markers × mean share 57.5 % = 0.575; agriculture 2/3 × 0.65 − 2 foreign × 0.05 = 0.3333
    expect(r.suggestions[0].score).toBeCloseTo(0.575, 10);
    expect(r.suggestions[1].score).toBeCloseTo((2 / 3) * 0.65 - 0.1, 10);
    expect(r.suggestions[0].name.zh).toBe('冶炼/大气沉降');
  });

  it('names a Cr-Ni-Co-V-Mn-Fe factor parent material', () => {
    const r = suggestFactorNames(species, row({ Cr: 80, Ni: 75, Co: 70, V: 65, Fe: 60, Mn: 50 }));
    expect(r.suggestions).toHaveLength(1);
    expect(r.suggestions[0]).toMatchObject({
      id: 'parent-material',
      matched: ['Cr', 'Ni', 'Co', 'V', 'Fe', 'Mn'],
    });
    expect(r.suggestions[0].score).toBeCloseTo(400 / 6 / 100, 10);
  });

  it('names an As-Pb-Zn factor mining, before traffic', () => {
    const r = suggestFactorNames(species, row({ As: 80, Pb: 50, Zn: 45 }));
    expect(r.suggestions.map((s) => s.id)).toEqual(['mining', 'traffic']);
    expect(r.suggestions[0].score).toBeCloseTo(175 / 3 / 100, 10);
    expect(r.suggestions[1].score).toBeCloseTo((2 / 3) * 0.475 - 0.05, 10);
  });

  it('names a Cu-Zn-Cd factor agriculture and suggests nothing without markers', () => {
    expect(suggestFactorNames(species, row({ Cu: 70, Zn: 55, Cd: 45 })).suggestions[0].id).toBe(
      'agriculture',
    );
    expect(suggestFactorNames(species, row({}, 30)).suggestions).toEqual([]);
  });

  it('reads element symbols from column names', () => {
    expect(['cd_mg_kg', '镉Cd(mg/kg)', 'Fe', 'fe_pct', 'Zn'].map(elementSymbol)).toEqual([
      'Cd',
      'Cd',
      'Fe',
      'Fe',
      'Zn',
    ]);
  });
});
