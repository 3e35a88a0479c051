// Present-day input–output budget of the plough layer per zone (g/ha/a), the table a mass-balance
// (flux) analysis starts from. Atmospheric deposition outside the smelter area is the national
// 2000–2018 mean (soil-standards.md: Zn 96.75, Pb 23.37, Cu 12.77, Cr 11.04, Ni 6.61, As 2.97,
// Cd 0.48, Hg 0.05 mg/m²/a, ×10 for g/ha/a); near the operating smelter the current stack emission
// is added through its plume footprint. The other pathways are typical magnitudes for Zhejiang
// rice systems, chosen for the case study (editable, not survey data).

import type { InputPathway } from '../../analysis/domain/industries.ts';
import type { Enterprise } from './enterprises.ts';
import { EXTENT_KM, type Geography, TOWN } from './geography.ts';
import { distance, type Point } from './geometry.ts';
import { plumeKernel } from './plume.ts';
import { PLOUGH_LAYER_KG_PER_M2 } from './sources.ts';
import { METALS, type Metal } from './species.ts';

export const FLUX_ZONES = [
  'plain_paddy',
  'vegetable_belt',
  'smelter_area',
  'mine_downstream',
  'hill',
] as const;
export type FluxZone = (typeof FLUX_ZONES)[number];

export const FLUX_ZONE_LABELS: Record<FluxZone, { zh: string; en: string }> = {
  plain_paddy: { zh: '平原水稻区', en: 'plain paddy area' },
  vegetable_belt: { zh: '城郊蔬菜区', en: 'peri-urban vegetable belt' },
  smelter_area: { zh: '冶炼厂周边', en: 'around the operating smelter' },
  mine_downstream: { zh: '矿区及下游灌区', en: 'mine and downstream irrigated valley' },
  hill: { zh: '丘陵林果区', en: 'hills (forest, orchards)' },
};

export const OUTPUT_PATHWAYS = ['crop_removal', 'straw_removal', 'leaching'] as const;
export type OutputPathway = (typeof OUTPUT_PATHWAYS)[number];

export interface FluxRow {
  pathway: InputPathway | OutputPathway;
  direction: 'input' | 'output';
  zone: FluxZone;
  metal: Metal;
  fluxGPerHaPerYear: number;
}

const SMELTER_ID = 'QX-E01';
const MINE_POINT_ID = 'QX-E03';

export function createZoning(geography: Geography, enterprises: Enterprise[]): (p: Point) => FluxZone {
  const smelter = enterprises.find((e) => e.id === SMELTER_ID);
  const mine = enterprises.find((e) => e.id === MINE_POINT_ID);
  if (!smelter || !mine) throw new Error('the case study needs QX-E01 and QX-E03');
  return (p) => {
    if (distance(p, mine.point) < 2 || (geography.mineStream(p).distance < 0.6 && p.y < 12.9))
      return 'mine_downstream';
    if (distance(p, smelter.point) < 4) return 'smelter_area';
    if (distance(p, TOWN) < 4) return 'vegetable_belt';
    if (geography.elevation(p) >= 100) return 'hill';
    return 'plain_paddy';
  };
}

type Table = Record<Metal, number>;
const t = (
  cd: number,
  hg: number,
  as: number,
  pb: number,
  cr: number,
  cu: number,
  ni: number,
  zn: number,
): Table => ({
  Cd: cd,
  Hg: hg,
  As: as,
  Pb: pb,
  Cr: cr,
  Cu: cu,
  Ni: ni,
  Zn: zn,
});

/** National mean atmospheric deposition 2000–2018, g/ha/a (soil-standards.md). */
export const REGIONAL_DEPOSITION = t(4.8, 0.5, 29.7, 233.7, 110.4, 127.7, 66.1, 967.5);

//                          Cd    Hg    As   Pb   Cr   Cu   Ni   Zn
const IRRIGATION_PLAIN = t(1.0, 0.1, 5, 10, 6, 10, 5, 40);
const IRRIGATION_MINE = t(12, 0.3, 90, 150, 6, 45, 6, 500);
const FERTILIZER = t(1.2, 0.05, 4, 3, 6, 4, 2, 30);
const MANURE = t(2.5, 0.1, 6, 4, 10, 180, 4, 500);
const OTHER_PLAIN = t(0.1, 0.01, 1, 0.5, 0.5, 20, 0.2, 10);
const OTHER_ORCHARD = t(0.1, 0.01, 1, 0.5, 0.5, 150, 0.2, 20);
const MINE_DUST = t(0.5, 0.01, 15, 60, 0, 8, 0, 90);
const CROP_REMOVAL = t(0.8, 0.03, 0.9, 0.4, 1.4, 21, 2.8, 140);
const STRAW_REMOVAL = t(2.8, 0.07, 7, 7, 7, 21, 5, 210);
const LEACHING = t(2.5, 0.05, 1.5, 2, 3, 10, 4, 80);

const scale = (table: Table, f: number | Partial<Table>): Table => {
  const out = { ...table };
  for (const m of METALS) out[m] = table[m] * (typeof f === 'number' ? f : (f[m] ?? 1));
  return out;
};
const add = (a: Table, b: Table): Table => {
  const out = { ...a };
  for (const m of METALS) out[m] = a[m] + b[m];
  return out;
};

export interface FluxBudget {
  rows: FluxRow[];
  /** Zone areas within the county, ha (from a 100 m grid). */
  zoneAreaHa: Record<FluxZone, number>;
  /** Extra deposition in the smelter zone from QX-E01's current stack emission, g/ha/a. */
  smelterDepositionGPerHaPerYear: Table;
}

export function buildFluxBudget(geography: Geography, enterprises: Enterprise[]): FluxBudget {
  const zoneOf = createZoning(geography, enterprises);
  const smelter = enterprises.find((e) => e.id === SMELTER_ID);
  if (!smelter?.plume) throw new Error('QX-E01 must be a plume source');
  const step = 0.1;
  const zoneAreaKm2 = Object.fromEntries(FLUX_ZONES.map((z) => [z, 0])) as Record<FluxZone, number>;
  let kernelInZone = 0;
  let kernelTotal = 0;
  // The footprint reaches beyond the county; integrate over a margin so the total is the whole kernel.
  for (let x = -10 + step / 2; x < EXTENT_KM.x + 10; x += step) {
    for (let y = -10 + step / 2; y < EXTENT_KM.y + 10; y += step) {
      const p = { x, y };
      const k = plumeKernel(smelter.plume.shape, smelter.point, p);
      kernelTotal += k;
      if (x < 0 || y < 0 || x > EXTENT_KM.x || y > EXTENT_KM.y) continue;
      const zone = zoneOf(p);
      zoneAreaKm2[zone] += step * step;
      if (zone === 'smelter_area') kernelInZone += k;
    }
  }
  const zoneAreaHa = Object.fromEntries(
    FLUX_ZONES.map((z) => [z, Math.round(zoneAreaKm2[z] * 100)]),
  ) as Record<FluxZone, number>;
  // Current emission × deposited fraction × share of the footprint inside the zone, spread over the zone.
  const fractionInZone = kernelInZone / kernelTotal;
  // kg/a × 1000 g/kg × deposited fraction × share of the footprint in the zone / zone area (ha).
  const smelterDeposition = scale(
    smelter.airKgPerYear,
    (1000 * smelter.plume.depositedFraction * fractionInZone) / zoneAreaHa.smelter_area,
  );

  const inputs: Record<FluxZone, Record<InputPathway, Table>> = {
    plain_paddy: {
      atmospheric_deposition: REGIONAL_DEPOSITION,
      irrigation: IRRIGATION_PLAIN,
      fertilizer: FERTILIZER,
      manure: MANURE,
      other: OTHER_PLAIN,
    },
    vegetable_belt: {
      atmospheric_deposition: scale(REGIONAL_DEPOSITION, 1.1),
      irrigation: scale(IRRIGATION_PLAIN, 1.2),
      fertilizer: scale(FERTILIZER, 2.5),
      manure: scale(MANURE, 3),
      other: scale(OTHER_PLAIN, 1.5),
    },
    smelter_area: {
      atmospheric_deposition: add(REGIONAL_DEPOSITION, smelterDeposition),
      irrigation: scale(IRRIGATION_PLAIN, 1.3),
      fertilizer: FERTILIZER,
      manure: MANURE,
      other: OTHER_PLAIN,
    },
    mine_downstream: {
      atmospheric_deposition: add(REGIONAL_DEPOSITION, MINE_DUST),
      irrigation: IRRIGATION_MINE,
      fertilizer: FERTILIZER,
      manure: scale(MANURE, 0.8),
      other: OTHER_PLAIN,
    },
    hill: {
      atmospheric_deposition: scale(REGIONAL_DEPOSITION, 0.8),
      irrigation: scale(IRRIGATION_PLAIN, 0.3),
      fertilizer: scale(FERTILIZER, 0.5),
      manure: scale(MANURE, 0.3),
      other: OTHER_ORCHARD,
    },
  };
  const outputs: Record<FluxZone, Record<OutputPathway, Table>> = {
    plain_paddy: { crop_removal: CROP_REMOVAL, straw_removal: STRAW_REMOVAL, leaching: LEACHING },
    vegetable_belt: {
      crop_removal: scale(CROP_REMOVAL, 1.5),
      straw_removal: scale(STRAW_REMOVAL, 0),
      leaching: scale(LEACHING, 1.2),
    },
    smelter_area: {
      crop_removal: scale(CROP_REMOVAL, { Cd: 2, Pb: 1.5 }),
      straw_removal: scale(STRAW_REMOVAL, { Cd: 2, Pb: 1.5 }),
      leaching: scale(LEACHING, { Cd: 1.5 }),
    },
    mine_downstream: {
      crop_removal: scale(CROP_REMOVAL, { Cd: 2, As: 1.5, Pb: 1.5 }),
      straw_removal: scale(STRAW_REMOVAL, { Cd: 1.5, As: 1.5, Pb: 1.5, Zn: 1.5 }),
      leaching: scale(LEACHING, { Cd: 1.5, Zn: 1.5, As: 1.5 }),
    },
    hill: {
      crop_removal: scale(CROP_REMOVAL, 0.3),
      straw_removal: scale(STRAW_REMOVAL, 0),
      leaching: scale(LEACHING, 1.3),
    },
  };

  const rows: FluxRow[] = [];
  const round = (v: number) => Number(v.toPrecision(4));
  for (const zone of FLUX_ZONES) {
    for (const [pathway, table] of Object.entries(inputs[zone]) as [InputPathway, Table][]) {
      for (const metal of METALS)
        rows.push({ pathway, direction: 'input', zone, metal, fluxGPerHaPerYear: round(table[metal]) });
    }
    for (const [pathway, table] of Object.entries(outputs[zone]) as [OutputPathway, Table][]) {
      for (const metal of METALS)
        rows.push({ pathway, direction: 'output', zone, metal, fluxGPerHaPerYear: round(table[metal]) });
    }
  }
  return { rows, zoneAreaHa, smelterDepositionGPerHaPerYear: smelterDeposition };
}

/** Net change of the plough-layer concentration, mg/kg/a: (Σ in − Σ out) · 1000 / M, M in kg/ha (soil-standards.md). */
export const PLOUGH_LAYER_KG_PER_HA = PLOUGH_LAYER_KG_PER_M2 * 1e4;
