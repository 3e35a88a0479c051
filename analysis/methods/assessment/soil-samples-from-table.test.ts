import { describe, expect, it } from 'vitest';
import type { TableFile } from '../../io/read-table-file.ts';
import { metalForHeader, soilSamplesFromTable } from './soil-samples-from-table.ts';

const table = (headers: string[], rows: string[][]): TableFile => ({
  headers,
  rows,
  delimiter: ',',
  file: 't.csv',
  encoding: 'utf-8',
});

describe('metal headers', () => {
  it.each([
    ['Cd', 'Cd'],
    ['cd (mg/kg)', 'Cd'],
    ['镉', 'Cd'],
    ['镉Cd(mg/kg)', 'Cd'],
    ['Zn_mg/kg', 'Zn'],
    ['Cr', 'Cr'],
    ['铬Cr(mg/kg)', 'Cr'],
    ['CrVI', 'CrVI'],
    ['Cr6+', 'CrVI'],
    ['Cr(VI)', 'CrVI'],
    ['六价铬', 'CrVI'],
    ['Fe', 'Fe'],
  ])('%s → %s', (header, symbol) => {
    expect(metalForHeader(header)).toBe(symbol);
  });
  it.each(['镉Pb', 'remark', 'lat', 'Co'])('%s is not a metal column', (header) => {
    expect(metalForHeader(header)).toBeUndefined();
  });
});

describe('reading soil rows', () => {
  it('reads Chinese headers and land-use words, skips extra columns, halves "<DL"', () => {
    const t = table(
      ['样品编号', 'pH', '土地利用类型', '镉Cd(mg/kg)', '铅Pb(mg/kg)', '备注'],
      [
        ['A1', '5.2', '水田', '<0.05', '30', 'x'],
        ['A2', '7.9', '菜地', '0.4', '', ''],
      ],
    );
    const { samples, warnings } = soilSamplesFromTable(t, { requirePh: true, requireLandUse: true });
    expect(samples).toEqual([
      { sampleId: 'A1', pH: 5.2, landUse: 'paddy', concentrations: { Cd: 0.025, Pb: 30 }, row: 2 },
      { sampleId: 'A2', pH: 7.9, landUse: 'vegetable', concentrations: { Cd: 0.4 }, row: 3 },
    ]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ code: 'censored', metal: '镉Cd(mg/kg)' });
  });
  it('names file, row and column for bad cells', () => {
    const t = table(
      ['sample_id', 'pH', 'land_use', 'Cd'],
      [
        ['A', '6', 'paddy', '0.1'],
        ['B', '6', '建设用地?', '0.1'],
      ],
    );
    expect(() => soilSamplesFromTable(t, { requirePh: true, requireLandUse: true })).toThrow(
      expect.objectContaining({
        location: { file: 't.csv', row: 3, column: 'land_use', value: '建设用地?' },
      }),
    );
    const noLand = table(['sample_id', 'pH', 'Cd'], [['A', '6', '0.1']]);
    expect(() => soilSamplesFromTable(noLand, { requirePh: true, requireLandUse: true })).toThrow(/land_use/);
    expect(soilSamplesFromTable(noLand, { requirePh: false, requireLandUse: false }).samples).toHaveLength(1);
  });
});
