import { concentrationRate } from './soil-mass.ts';

export type FluxDirection = 'input' | 'output';

export interface FluxRecord {
  pathway: string;
  direction: FluxDirection;
  /** Area the flux was measured for; '' when the dataset has no zones. */
  zone: string;
  metal: string;
  /** g/ha/a */
  flux: number;
}

export interface PathwayFlux {
  pathway: string;
  /** g/ha/a */
  flux: number;
  /** Share of the metal's total input (inputs) or total output (outputs). */
  share: number;
}

export interface MetalBalance {
  metal: string;
  /** Zone name, or null for the area average. */
  zone: string | null;
  inputs: PathwayFlux[];
  outputs: PathwayFlux[];
  /** g/ha/a */
  totalInput: number;
  totalOutput: number;
  netFlux: number;
  /** Net annual accumulation ΔC, mg/kg/a (negative: depletion). */
  accumulation: number;
  /** Σ inputs and Σ outputs as concentration rates, mg/kg/a (for the first-order projection). */
  inputRate: number;
  outputRate: number;
}

function balanceOf(
  metal: string,
  zone: string | null,
  flux: Map<string, number>,
  directions: Map<string, FluxDirection>,
  soilMass: number,
): MetalBalance {
  const inputs: PathwayFlux[] = [];
  const outputs: PathwayFlux[] = [];
  for (const [pathway, value] of flux) {
    (directions.get(pathway) === 'output' ? outputs : inputs).push({ pathway, flux: value, share: 0 });
  }
  const totalInput = inputs.reduce((s, p) => s + p.flux, 0);
  const totalOutput = outputs.reduce((s, p) => s + p.flux, 0);
  for (const p of inputs) p.share = totalInput > 0 ? p.flux / totalInput : 0;
  for (const p of outputs) p.share = totalOutput > 0 ? p.flux / totalOutput : 0;
  const netFlux = totalInput - totalOutput;
  return {
    metal,
    zone,
    inputs,
    outputs,
    totalInput,
    totalOutput,
    netFlux,
    accumulation: concentrationRate(netFlux, soilMass),
    inputRate: concentrationRate(totalInput, soilMass),
    outputRate: concentrationRate(totalOutput, soilMass),
  };
}

/**
 * Input/output balance of the plough layer per metal (reference/soil-standards.md): the share of
 * each input pathway, input_i / Σ inputs, and ΔC = (Σ inputs − Σ outputs) × 1000 / M.
 * Rows repeating a (zone, metal, pathway, direction) are added. With `byZone` false (default) the
 * area result averages the zones that report the metal, each zone weighted equally and a pathway a
 * zone does not report counted as 0 there; with `byZone` true every zone gets its own balance.
 * Pathways keep the order they first appear in.
 */
export function fluxBalance(
  records: readonly FluxRecord[],
  soilMass: number,
  options: { byZone?: boolean } = {},
): MetalBalance[] {
  const metals = [...new Set(records.map((r) => r.metal))];
  const result: MetalBalance[] = [];
  for (const metal of metals) {
    const rows = records.filter((r) => r.metal === metal);
    const zones = [...new Set(rows.map((r) => r.zone))];
    const key = (r: FluxRecord) => `${r.direction}\u0000${r.pathway}`;
    const directions = new Map<string, FluxDirection>();
    for (const r of rows) directions.set(key(r), r.direction);
    const sumFor = (zoneRows: readonly FluxRecord[]) => {
      const m = new Map<string, number>();
      for (const k of directions.keys()) m.set(k, 0);
      for (const r of zoneRows) m.set(key(r), (m.get(key(r)) ?? 0) + r.flux);
      return m;
    };
    const rename = (m: Map<string, number>) => {
      const flux = new Map<string, number>();
      const dir = new Map<string, FluxDirection>();
      for (const [k, v] of m) {
        const [direction, pathway] = k.split('\u0000') as [FluxDirection, string];
        // A pathway listed both as input and output keeps both, the output one suffixed.
        const name =
          direction === 'output' && directions.has(`input\u0000${pathway}`) ? `${pathway} (output)` : pathway;
        flux.set(name, v);
        dir.set(name, direction);
      }
      return { flux, dir };
    };
    if (options.byZone) {
      for (const zone of zones) {
        const { flux, dir } = rename(sumFor(rows.filter((r) => r.zone === zone)));
        result.push(balanceOf(metal, zone, flux, dir, soilMass));
      }
    } else {
      const perZone = zones.map((zone) => sumFor(rows.filter((r) => r.zone === zone)));
      const average = new Map<string, number>();
      for (const k of directions.keys())
        average.set(k, perZone.reduce((s, m) => s + (m.get(k) ?? 0), 0) / zones.length);
      const { flux, dir } = rename(average);
      result.push(balanceOf(metal, null, flux, dir, soilMass));
    }
  }
  return result;
}
