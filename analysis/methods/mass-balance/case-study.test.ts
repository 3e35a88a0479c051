import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../tests/support/shared-data.ts';
import { readTableFile } from '../../io/read-table-file.ts';
import { fluxBalance, fluxBalanceByZone, type MetalBalance } from './flux-balance.ts';
import { fluxRecordsFromTable } from './flux-records-from-table.ts';
import { soilMassKgPerHa } from './soil-mass.ts';

const dir = resolve(repoRoot, 'datasets/case-study');
const present = existsSync(resolve(dir, 'truth.json')) && existsSync(resolve(dir, 'input-fluxes.csv'));

interface TruthBalance {
  inputs: number;
  outputs: number;
  net: number;
  deltaCMgPerKgPerYear?: number;
  inputShares: Record<string, number>;
}

// The generator's own budget (truth.json flux.zones and flux.countyAreaWeighted, 4 significant
// digits): pure arithmetic, so agreement to the printed precision.
function expectBalance(got: MetalBalance, want: TruthBalance) {
  const close = (a: number, b: number) =>
    expect(Math.abs(a - b)).toBeLessThanOrEqual(Math.max(1e-3, 1e-3 * Math.abs(b)));
  close(got.totalInput, want.inputs);
  close(got.totalOutput, want.outputs);
  close(got.netFlux, want.net);
  if (want.deltaCMgPerKgPerYear !== undefined) {
    expect(Math.abs(got.accumulation - want.deltaCMgPerKgPerYear)).toBeLessThanOrEqual(
      1e-3 * Math.abs(want.deltaCMgPerKgPerYear) + 1e-9,
    );
  }
  for (const [pathway, share] of Object.entries(want.inputShares)) {
    expect(
      Math.abs((got.inputs.find((p) => p.pathway === pathway)?.share ?? Number.NaN) - share),
    ).toBeLessThan(1e-3);
  }
}

describe.skipIf(!present)('flux balance of the case study equals the generator truth', () => {
  const truth = present
    ? (JSON.parse(readFileSync(resolve(dir, 'truth.json'), 'utf8')) as {
        flux: {
          ploughLayerKgPerHa: number;
          zoneAreaHa: Record<string, number>;
          zones: Record<string, Record<string, TruthBalance>>;
          countyAreaWeighted: Record<string, TruthBalance>;
        };
      })
    : undefined;
  const records = present ? fluxRecordsFromTable(readTableFile(resolve(dir, 'input-fluxes.csv'))) : [];
  const mass = soilMassKgPerHa(20, 1.3);

  it('per zone: inputs, outputs, net, ΔC and input shares', () => {
    expect(mass).toBe(truth?.flux.ploughLayerKgPerHa);
    const zones = fluxBalanceByZone(records, mass);
    let compared = 0;
    for (const [zone, metals] of Object.entries(truth?.flux.zones ?? {})) {
      for (const [metal, want] of Object.entries(metals)) {
        const got = zones.find((z) => z.zone === zone && z.metal === metal);
        expect(got).toBeDefined();
        if (got) expectBalance(got, want);
        compared++;
      }
    }
    expect(compared).toBe(40);
  });

  it('county, weighted by zone area', () => {
    const weights = new Map(Object.entries(truth?.flux.zoneAreaHa ?? {}));
    const county = fluxBalance(records, mass, { zoneWeights: weights });
    for (const [metal, want] of Object.entries(truth?.flux.countyAreaWeighted ?? {})) {
      const got = county.find((c) => c.metal === metal);
      expect(got).toBeDefined();
      if (got) expectBalance(got, want);
    }
  });
});
