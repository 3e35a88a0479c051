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

interface MetalTables {
  metal: string;
  zones: string[];
  /** Summed flux per zone for every "direction\u0000pathway" key the metal has. */
  perZone: Map<string, Map<string, number>>;
  directions: Map<string, FluxDirection>;
}

function tablesByMetal(records: readonly FluxRecord[]): MetalTables[] {
  const metals = [...new Set(records.map((r) => r.metal))];
  return metals.map((metal) => {
    const rows = records.filter((r) => r.metal === metal);
    const zones = [...new Set(rows.map((r) => r.zone))];
    const directions = new Map<string, FluxDirection>();
    for (const r of rows) directions.set(`${r.direction}\u0000${r.pathway}`, r.direction);
    const perZone = new Map<string, Map<string, number>>();
    for (const zone of zones) {
      const m = new Map<string, number>();
      for (const k of directions.keys()) m.set(k, 0);
      perZone.set(zone, m);
    }
    for (const r of rows) {
      const m = perZone.get(r.zone);
      const k = `${r.direction}\u0000${r.pathway}`;
      m?.set(k, (m.get(k) ?? 0) + r.flux);
    }
    return { metal, zones, perZone, directions };
  });
}

// Pathway names for display; a pathway listed both as input and output keeps both, the output suffixed.
function named(table: MetalTables, flux: Map<string, number>) {
  const byName = new Map<string, number>();
  const direction = new Map<string, FluxDirection>();
  for (const [k, v] of flux) {
    const [dir, pathway] = k.split('\u0000') as [FluxDirection, string];
    const name =
      dir === 'output' && table.directions.has(`input\u0000${pathway}`) ? `${pathway} (output)` : pathway;
    byName.set(name, v);
    direction.set(name, dir);
  }
  return { byName, direction };
}

/**
 * Input/output balance of the plough layer per metal over the whole area
 * (reference/soil-standards.md): the share of each input pathway, input_i / Σ inputs, and
 * ΔC = (Σ inputs − Σ outputs) × 1000 / M. Rows repeating a (zone, metal, pathway, direction) are
 * added. Zones are averaged, weighted by `zoneWeights` (e.g. zone areas in ha) or equally when none
 * are given, over the zones that report the metal; a pathway a zone does not report counts as 0
 * there. Pathways keep the order they first appear in.
 */
export function fluxBalance(
  records: readonly FluxRecord[],
  soilMass: number,
  options: { zoneWeights?: ReadonlyMap<string, number> } = {},
): MetalBalance[] {
  return tablesByMetal(records).map((table) => {
    const weight = (zone: string) => options.zoneWeights?.get(zone) ?? (options.zoneWeights ? 0 : 1);
    const totalWeight = table.zones.reduce((s, z) => s + weight(z), 0);
    const average = new Map<string, number>();
    for (const k of table.directions.keys()) {
      let sum = 0;
      for (const zone of table.zones) sum += weight(zone) * (table.perZone.get(zone)?.get(k) ?? 0);
      average.set(k, totalWeight > 0 ? sum / totalWeight : Number.NaN);
    }
    const { byName, direction } = named(table, average);
    return balanceOf(table.metal, null, byName, direction, soilMass);
  });
}

/** The same balance for every zone separately (metal by metal, zones in order of appearance). */
export function fluxBalanceByZone(records: readonly FluxRecord[], soilMass: number): MetalBalance[] {
  return tablesByMetal(records).flatMap((table) =>
    table.zones.map((zone) => {
      const { byName, direction } = named(table, table.perZone.get(zone) ?? new Map());
      return balanceOf(table.metal, zone, byName, direction, soilMass);
    }),
  );
}
