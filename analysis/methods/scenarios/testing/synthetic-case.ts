import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A tiny synthetic study for tests: 3 × 3 paddy samples ~100 m apart at pH 6.0 (GB 15618 paddy Cd
// screening 0.4 mg/kg), every one Cd 0.5 and Pb 50 mg/kg, so interpolation is exact everywhere; one
// operating smelter in the middle; a flux table with net Cd input 3 + 2 − 1 = 4 g/ha/a.

export const SYNTHETIC_ORIGIN = { lon: 120, lat: 30 };
export const SMELTER = { lon: 120.001, lat: 30.001, cdKgA: 10, stackM: 50 };

export interface SyntheticSample {
  landUse: string;
  pH: number;
  Cd: number;
  Pb: number;
}

export function writeSyntheticCase(
  scenarioFile: unknown,
  sample: SyntheticSample = { landUse: 'paddy', pH: 6.0, Cd: 0.5, Pb: 50 },
): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'soiltrace-scenarios-'));
  mkdirSync(join(dir, 'data'));
  const rows = ['sample_id,lon,lat,pH,land_use,Cd,Pb'];
  let k = 0;
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      k++;
      const { landUse, pH, Cd, Pb } = sample;
      rows.push(
        `S${k},${(120 + i * 0.001).toFixed(3)},${(30 + j * 0.001).toFixed(3)},${pH},${landUse},${Cd},${Pb}`,
      );
    }
  }
  writeFileSync(join(dir, 'data', 'samples.csv'), `${rows.join('\n')}\n`);
  writeFileSync(
    join(dir, 'data', 'enterprises.csv'),
    [
      '企业编号,企业名称,行业类别,经度,纬度,状态,烟囱高度(m),镉大气排放(kg/a),镉水排放(kg/a),铅大气排放(kg/a)',
      `E1,示例冶炼厂,有色金属冶炼,${SMELTER.lon},${SMELTER.lat},在产,${SMELTER.stackM},${SMELTER.cdKgA},1,100`,
      'E2,已关停厂,有色金属冶炼,120.002,30.002,关闭,30,50,0,0',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'data', 'fluxes.csv'),
    [
      'pathway,direction,zone,metal,flux_g_ha_a',
      'atmospheric_deposition,input,all,Cd,3',
      'fertilizer,input,all,Cd,2',
      'crop_removal,output,all,Cd,1',
      'atmospheric_deposition,input,all,Pb,10',
    ].join('\n'),
  );
  const file = join(dir, 'SCENARIOS.json');
  writeFileSync(file, JSON.stringify(scenarioFile, null, 2));
  return { dir, file };
}

/** A valid scenario file over the synthetic case; tests override parts. */
export function syntheticScenarioFile(scenarios: unknown[], extra: Record<string, unknown> = {}) {
  return {
    version: 1,
    inputs: { samples: 'data/samples.csv', enterprises: 'data/enterprises.csv', fluxes: 'data/fluxes.csv' },
    metals: ['Cd', 'Pb'],
    zoning: { cellSizeM: 20, maxDistanceM: 1000 },
    soil: { depthM: 0.2, massKgPerHa: 2.25e6 },
    horizon: { startYear: 2025, endYear: 2034 },
    discountRate: 0.1,
    target: { year: 2030, metals: ['Cd'], criterion: 'safe-utilization', rate: 0.95 },
    crops: [{ name: 'rice', landUses: ['paddy'], bcf: { Cd: [0.2, 0.5, 0.8] } }],
    massBalance: { inputScale: 1 },
    deposition: { localFraction: 0.3, lengthScalePerStackHeight: 20, minLengthScaleM: 1000 },
    measures: [
      {
        id: 'lime',
        cost: { range: [100, 100, 100], unit: 'yuan/mu/a', estimate: true },
        carbon: { range: [66, 66, 66], unit: 'kg CO2e/mu/a', estimate: true },
      },
    ],
    scenarios,
    ...extra,
  };
}
