import { describe, expect, it } from 'vitest';
import { SoilTraceError } from '../errors.ts';
import { buildMapping, detectField, parseMappingText, splitHeader } from './mapping.ts';
import { normalizeUnit, unitFactor } from './units.ts';

describe('splitHeader', () => {
  it.each([
    ['镉Cd(mg/kg)', '镉Cd', 'mg/kg'],
    ['Cd (μg/kg)', 'Cd', 'μg/kg'],
    ['Hg/(mg·kg-1)', 'Hg', 'mg·kg-1'],
    ['有机质（%）', '有机质', '%'],
    ['flux_g_ha_a', 'flux', 'g/ha/a'],
    ['Cd_air_kg_a', 'Cd_air', 'kg/a'],
    ['pH', 'pH', null],
  ])('%s → name %s, unit %s', (header, name, unit) => {
    expect(splitHeader(header)).toEqual({ name, unit });
  });
});

describe('units', () => {
  // Factors to mg/kg by definition: 1 µg = 10⁻³ mg; 1 g = 10³ mg; 1 % = 10 g/kg = 10⁴ mg/kg.
  it.each([
    ['mg/kg', 1],
    ['mg·kg-1', 1],
    ['ppm', 1],
    ['μg/kg', 1e-3],
    ['µg/kg', 1e-3],
    ['ug/kg', 1e-3],
    ['ng/g', 1e-3],
    ['g/kg', 1e3],
    ['%', 1e4],
  ])('%s → ×%d to mg/kg', (unit, factor) => {
    expect(unitFactor(unit, 'concentration')).toBe(factor);
  });

  it('converts emissions, fluxes and organic matter', () => {
    expect(unitFactor('t/a', 'emission')).toBe(1000);
    expect(unitFactor('kg/a', 'emission')).toBe(1);
    // 1 mg/(m²·a) = 10⁴ m²/ha × 10⁻³ g/mg = 10 g/(ha·a)
    expect(unitFactor('mg/(m2·a)', 'flux')).toBe(10);
    expect(unitFactor('g·ha-1·a-1', 'flux')).toBe(1);
    expect(unitFactor('%', 'organic_matter')).toBe(10);
    expect(normalizeUnit('mg·kg⁻¹')).toBe('mg/kg');
  });
});

describe('detectField', () => {
  it.each([
    ['样品编号', 'soil', 'sample_id'],
    ['经度', 'soil', 'lon'],
    ['Longitude', 'crop', 'lon'],
    ['纬度', 'soil', 'lat'],
    ['X', 'soil', 'x'],
    ['采样深度上限(cm)', 'soil', 'depth_top'],
    ['采样深度', 'soil', 'depth'],
    ['土地利用类型', 'soil', 'land_use'],
    ['pH', 'soil', 'ph'],
    ['有机质(g/kg)', 'soil', 'om'],
    ['OM', 'soil', 'om'],
    ['镉Cd(mg/kg)', 'soil', 'Cd'],
    ['Cd (μg/kg)', 'soil', 'Cd'],
    ['Hg/(mg·kg-1)', 'soil', 'Hg'],
    ['总铬', 'soil', 'Cr'],
    ['锰Mn(mg/kg)', 'soil', 'Mn'],
    ['对应土壤样品编号', 'crop', 'soil_sample_id'],
    ['作物', 'crop', 'crop'],
    ['企业名称', 'emission', 'name'],
    ['行业类别', 'emission', 'industry'],
    ['状态', 'emission', 'status'],
    ['投产年份', 'emission', 'start_year'],
    ['烟囱高度(m)', 'emission', 'stack_height'],
    ['风险等级', 'emission', 'risk_grade'],
    ['镉大气排放(kg/a)', 'emission', 'air:Cd'],
    ['镉水排放(kg/a)', 'emission', 'water:Cd'],
    ['Pb_water_kg_a', 'emission', 'water:Pb'],
    ['途径', 'flux', 'pathway'],
    ['区域', 'flux', 'zone'],
    ['金属', 'flux', 'metal'],
    ['通量(g/ha/a)', 'flux', 'flux'],
  ] as const)('%s (%s) → %s', (header, kind, field) => {
    expect(detectField(header, kind)?.field).toBe(field);
  });

  it('leaves available (DTPA) fractions and unknown headers unmapped', () => {
    expect(detectField('有效态镉(mg/kg)', 'soil')).toBeNull();
    expect(detectField('DTPA-Cd', 'soil')).toBeNull();
    expect(detectField('备注', 'soil')).toBeNull();
  });
});

describe('buildMapping', () => {
  it('applies user overrides with units, and converts header units', () => {
    const mapping = buildMapping(['编号', 'Cd (ppb)', 'Hg (μg/kg)', '备注'], 'soil', {
      编号: 'sample_id',
      'Cd (ppb)': 'Cd@ug/kg',
    });
    expect(mapping.map((m) => [m.field, m.factor, m.origin])).toEqual([
      ['sample_id', 1, 'user'],
      ['Cd', 1e-3, 'user'],
      ['Hg', 1e-3, 'header'],
      [null, 1, 'none'],
    ]);
  });

  it('refuses an override naming a header the file lacks, or an unknown field', () => {
    expect(() => buildMapping(['a'], 'soil', { b: 'Cd' })).toThrow(SoilTraceError);
    expect(() => buildMapping(['a'], 'soil', { a: 'colour' })).toThrow(/not a field/);
    expect(() => buildMapping(['a'], 'soil', { a: 'Cd@furlongs' })).toThrow(/unknown unit/);
  });

  it('parses --map text', () => {
    expect(parseMappingText('Cd (ppb)=Cd@ug/kg,编号=sample_id')).toEqual({
      'Cd (ppb)': 'Cd@ug/kg',
      编号: 'sample_id',
    });
  });
});

describe('hexavalent chromium', () => {
  // GB 36600-2018 Table 1 regulates Cr(VI), not total Cr: the two must land in different fields.
  it.each([
    ['六价铬', null],
    ['六价铬(mg/kg)', 'mg/kg'],
    ['Cr(VI)', null],
    ['Cr(VI)(mg/kg)', 'mg/kg'],
    ['Cr（Ⅵ）（mg/kg）', 'mg/kg'],
    ['Cr6+', null],
    ['Cr6+ (μg/kg)', 'μg/kg'],
    ['CrVI', null],
    ['cr(vi)_mg_kg', 'mg/kg'],
    ['六价铬(Cr6+)', null],
    ['六价铬Cr(VI)(mg/kg)', 'mg/kg'],
    ['铬(六价)', null],
  ])('reads %s as CrVI', (header, unit) => {
    expect(detectField(header, 'soil')).toEqual({ field: 'CrVI', unit });
  });

  it.each([['Cr'], ['铬'], ['总铬'], ['铬Cr(mg/kg)'], ['Cr (mg/kg)'], ['chromium']])(
    'reads %s as total Cr',
    (h) => {
      expect(detectField(h, 'soil')?.field).toBe('Cr');
    },
  );

  it('maps Cr(VI) and total Cr side by side, with their unit factors', () => {
    const mapping = buildMapping(['样品编号', '铬Cr(mg/kg)', '六价铬(μg/kg)', 'Cr(VI)'], 'soil');
    expect(mapping.map((m) => [m.field, m.factor])).toEqual([
      ['sample_id', 1],
      ['Cr', 1],
      ['CrVI', 1e-3],
      // A second Cr(VI) column is a duplicate field: kept only in the raw table.
      [null, 1],
    ]);
    expect(buildMapping(['x'], 'soil', { x: 'Cr(VI)@mg/kg' })[0].field).toBe('CrVI');
    expect(buildMapping(['x'], 'soil', { x: '六价铬' })[0].field).toBe('CrVI');
  });
});
