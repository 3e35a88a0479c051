import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SoilTraceError } from '../../errors.ts';
import { inputPathwayOf, readEnterprises, readFluxes, readSoilSamples } from './load-inputs.ts';

const dir = mkdtempSync(join(tmpdir(), 'soiltrace-scenario-inputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('scenario input readers', () => {
  it('reads a Chinese survey table: 镉Cd(mg/kg), censored <0.05 as 0.025, 水田 as paddy', () => {
    const path = write(
      'soil.csv',
      '样品编号,经度,纬度,土地利用类型,pH,镉Cd(mg/kg),铅Pb(mg/kg)\nA,120.1,29.1,水田,5.2,<0.05,30\nB,120.2,29.2,旱地,,0.41,\n',
    );
    const s = readSoilSamples(path);
    expect(s.id).toEqual(['A', 'B']);
    expect(s.landUse).toEqual(['paddy', 'dryland']);
    expect(s.concentration.Cd?.[0]).toBe(0.025);
    expect(s.concentration.Cd?.[1]).toBe(0.41);
    expect(Number.isNaN(s.pH[1])).toBe(true);
    expect(Number.isNaN(s.concentration.Pb?.[1] ?? 0)).toBe(true);
  });

  it('names file, row and column for text in a metal column and for an unknown land use', () => {
    const bad = write('bad.csv', 'sample_id,lon,lat,pH,land_use,Cd\nA,120,29,5,paddy,n.d.\n');
    try {
      readSoilSamples(bad);
      throw new Error('expected an error');
    } catch (error) {
      expect(error).toBeInstanceOf(SoilTraceError);
      expect((error as SoilTraceError).location).toMatchObject({
        file: 'bad.csv',
        row: 2,
        column: 'Cd',
        value: 'n.d.',
      });
    }
    const land = write('land.csv', 'sample_id,lon,lat,pH,land_use,Cd\nA,120,29,5,moon,0.1\n');
    expect(() => readSoilSamples(land)).toThrow(/land use/);
  });

  it('reads the enterprise inventory with Chinese headers: air and water emissions per metal, status', () => {
    const path = write(
      'ent.csv',
      '企业编号,企业名称,行业类别,经度,纬度,状态,烟囱高度(m),镉大气排放(kg/a),镉水排放(kg/a),锌大气排放(kg/a)\n' +
        'E1,冶炼厂,有色金属冶炼,120,29,在产,80,60,4,6000\nE2,锌品厂,有色金属冶炼,120.1,29.1,关闭,35,220,8,\n',
    );
    const e = readEnterprises(path);
    expect(e[0]).toMatchObject({
      id: 'E1',
      industry: 'nonferrous_smelting',
      status: 'operating',
      stackHeightM: 80,
    });
    expect(e[0].airEmissionKgA).toEqual({ Cd: 60, Zn: 6000 });
    expect(e[0].waterEmissionKgA).toEqual({ Cd: 4 });
    expect(e[1].status).toBe('closed');
    expect(e[1].airEmissionKgA.Zn).toBe(0);
  });

  it('reads fluxes and maps pathway names', () => {
    const path = write(
      'flux.csv',
      'pathway,direction,zone,metal,flux_g_ha_a\natmospheric_deposition,input,hill,Cd,4.8\nleaching,output,hill,Cd,3.25\n',
    );
    expect(readFluxes(path)).toEqual([
      { pathway: 'atmospheric_deposition', direction: 'input', zone: 'hill', metal: 'Cd', fluxGHaA: 4.8 },
      { pathway: 'leaching', direction: 'output', zone: 'hill', metal: 'Cd', fluxGHaA: 3.25 },
    ]);
    expect(inputPathwayOf('大气沉降')).toBe('atmospheric_deposition');
    expect(inputPathwayOf('livestock manure')).toBe('manure');
  });
});
