import type { RegulatedMetal } from '../../domain/elements.ts';
import { LAND_USE_LABELS, type LandUse } from '../../domain/land-use.ts';
import { pointInZone, type ZonePolygon } from './geojson-zones.ts';
import {
  cellCentres,
  type GridInterpolator,
  type GridSpec,
  gridOver,
  nearestPoints,
  projectLocal,
  unprojectLocal,
} from './interpolation/grid.ts';
import { type IdwOptions, idwApply, idwStencil } from './interpolation/idw.ts';
import {
  interventionValue,
  isConstruction,
  lowestClass,
  metalClass,
  PH_BAND_LABELS,
  pHBand,
  SOIL_CLASS_LABELS,
  type SoilClass,
  screeningValue,
  worseClass,
} from './standards-lookup.ts';

/** 1 ha = 15 mu (亩) exactly (1 mu = 10000/15 m² ≈ 666.67 m²). */
export const MU_PER_HA = 15;

export interface SoilSamples {
  id: string[];
  lon: Float64Array;
  lat: Float64Array;
  pH: Float64Array;
  landUse: LandUse[];
  concentration: Partial<Record<RegulatedMetal, Float64Array>>;
  /** Flux-budget zone of each sample (e.g. `flux_zone`), linking cells to the input-flux table. */
  fluxZone?: string[];
}

export interface ZoningOptions {
  metals: RegulatedMetal[];
  cellSizeM: number;
  idw?: IdwOptions;
  /** Replace IDW (e.g. with ordinary kriging); receives each metal and pH in turn. */
  interpolator?: GridInterpolator;
  /**
   * Cells farther than this from every sample are left out (no extrapolation). Default: twice the
   * median nearest-neighbour spacing of the samples, at least one cell diagonal.
   */
  maxDistanceM?: number;
}

/** Grid cells kept for zoning, with interpolated values and their GB 15618/36600 classification. */
export interface ZoneCells {
  grid: GridSpec;
  origin: { lon: number; lat: number };
  count: number;
  cellAreaHa: number;
  x: Float64Array;
  y: Float64Array;
  lon: Float64Array;
  lat: Float64Array;
  pH: Float64Array;
  /** Land use of the nearest sample (categorical, so not interpolated). */
  landUse: LandUse[];
  /** Flux zone of the nearest sample, when the samples carry one. */
  fluxZone: string[] | null;
  concentration: Partial<Record<RegulatedMetal, Float64Array>>;
  screening: Partial<Record<RegulatedMetal, Float64Array>>;
  intervention: Partial<Record<RegulatedMetal, Float64Array>>;
  soilClass: SoilClass[];
}

export interface ManagementZone {
  id: string;
  name: { zh: string; en: string };
  landUse: LandUse;
  soilClass: SoilClass;
  /** Flux-budget zone whose input/output fluxes apply (null when the samples name none). */
  fluxZone: string | null;
  /** GB 15618 pH band index 0–3 (farmland grid zones), or null for polygons and construction land. */
  pHBand: number | null;
  cells: Int32Array;
  areaHa: number;
  areaMu: number;
  /** Soil volume of the zone down to `depthM` (m³). */
  volumeM3: number;
  meanPH: number;
  meanConcentration: Partial<Record<RegulatedMetal, number>>;
  /** Area of the zone's cells above their screening value, per metal (ha). */
  exceedanceAreaHa: Partial<Record<RegulatedMetal, number>>;
}

function medianOf(values: Float64Array): number {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  return n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

/** Interpolates samples onto a grid (IDW unless another interpolator is given) and classifies each cell. */
export function interpolateCells(samples: SoilSamples, options: ZoningOptions): ZoneCells {
  const n = samples.lon.length;
  if (n === 0) throw new Error('interpolateCells: no samples');
  let lonSum = 0;
  let latSum = 0;
  for (let i = 0; i < n; i++) {
    lonSum += samples.lon[i];
    latSum += samples.lat[i];
  }
  const origin = { lon: lonSum / n, lat: latSum / n };
  const points = projectLocal(samples.lon, samples.lat, origin);
  const grid = gridOver(points, options.cellSizeM);
  const allCentres = cellCentres(grid);

  let maxDistance = options.maxDistanceM;
  if (maxDistance === undefined) {
    const spacing = n > 1 ? medianOf(nearestNeighbourDistances(points)) : options.cellSizeM;
    maxDistance = Math.max(2 * spacing, Math.SQRT2 * options.cellSizeM);
  }
  const nearestAll = nearestPoints(points, allCentres);
  const kept: number[] = [];
  for (let c = 0; c < nearestAll.distance.length; c++)
    if (nearestAll.distance[c] <= maxDistance) kept.push(c);

  const count = kept.length;
  const x = Float64Array.from(kept, (c) => allCentres.x[c]);
  const y = Float64Array.from(kept, (c) => allCentres.y[c]);
  // IDW: one stencil (neighbours and weights) on the kept cells serves pH and every metal.
  const stencil = options.interpolator
    ? null
    : idwStencil(points, { x, y }, options.idw ?? { power: 2, maxNeighbours: 12 });
  const custom = options.interpolator;
  const interpolateKept = (values: Float64Array): Float64Array => {
    if (stencil) return idwApply(stencil, values);
    const full = (custom as GridInterpolator)(points, values, grid);
    return Float64Array.from(kept, (c) => full[c]);
  };
  const lon = new Float64Array(count);
  const lat = new Float64Array(count);
  for (let k = 0; k < count; k++) [lon[k], lat[k]] = unprojectLocal(x[k], y[k], origin);
  const pH = interpolateKept(samples.pH);
  const landUse = kept.map((c) => samples.landUse[nearestAll.index[c]]);
  const sampleFluxZone = samples.fluxZone;
  const fluxZone = sampleFluxZone ? kept.map((c) => sampleFluxZone[nearestAll.index[c]]) : null;

  const concentration: ZoneCells['concentration'] = {};
  const screening: ZoneCells['screening'] = {};
  const intervention: ZoneCells['intervention'] = {};
  const soilClass: SoilClass[] = landUse.map(lowestClass);
  for (const metal of options.metals) {
    const values = samples.concentration[metal];
    if (!values) continue;
    const conc = interpolateKept(values);
    const s = new Float64Array(count);
    const iv = new Float64Array(count);
    for (let k = 0; k < count; k++) {
      s[k] = screeningValue(metal, landUse[k], pH[k]);
      iv[k] = interventionValue(metal, landUse[k], pH[k]);
      if (Number.isFinite(s[k]))
        soilClass[k] = worseClass(soilClass[k], metalClass(conc[k], s[k], iv[k], landUse[k]));
    }
    concentration[metal] = conc;
    screening[metal] = s;
    intervention[metal] = iv;
  }
  return {
    grid,
    origin,
    count,
    cellAreaHa: (options.cellSizeM * options.cellSizeM) / 1e4,
    x,
    y,
    lon,
    lat,
    pH,
    landUse,
    fluxZone,
    concentration,
    screening,
    intervention,
    soilClass,
  };
}

function nearestNeighbourDistances(points: { x: Float64Array; y: Float64Array }): Float64Array {
  const n = points.x.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let best = Number.POSITIVE_INFINITY;
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const d = Math.hypot(points.x[i] - points.x[j], points.y[i] - points.y[j]);
      if (d > 0 && d < best) best = d;
    }
    out[i] = best;
  }
  return out;
}

const BAND_IDS = ['ph-le-5.5', 'ph-5.5-6.5', 'ph-6.5-7.5', 'ph-gt-7.5'];

/** Area of `cellCount` cells in ha and mu. */
export function cellArea(cellCount: number, cellAreaHa: number): { ha: number; mu: number } {
  const ha = cellCount * cellAreaHa;
  return { ha, mu: ha * MU_PER_HA };
}

function summarizeZone(
  cells: ZoneCells,
  members: number[],
  depthM: number,
  base: Pick<ManagementZone, 'id' | 'name' | 'landUse' | 'soilClass' | 'pHBand' | 'fluxZone'>,
): ManagementZone {
  const area = cellArea(members.length, cells.cellAreaHa);
  let pHSum = 0;
  for (const c of members) pHSum += cells.pH[c];
  const meanConcentration: ManagementZone['meanConcentration'] = {};
  const exceedanceAreaHa: ManagementZone['exceedanceAreaHa'] = {};
  for (const [metal, conc] of Object.entries(cells.concentration) as [RegulatedMetal, Float64Array][]) {
    const s = cells.screening[metal] as Float64Array;
    let sum = 0;
    let over = 0;
    for (const c of members) {
      sum += conc[c];
      if (conc[c] > s[c]) over++;
    }
    meanConcentration[metal] = members.length ? sum / members.length : Number.NaN;
    exceedanceAreaHa[metal] = over * cells.cellAreaHa;
  }
  return {
    ...base,
    cells: Int32Array.from(members),
    areaHa: area.ha,
    areaMu: area.mu,
    volumeM3: area.ha * 1e4 * depthM,
    meanPH: members.length ? pHSum / members.length : Number.NaN,
    meanConcentration,
    exceedanceAreaHa,
  };
}

/**
 * Groups cells into management zones: (flux zone ×) land use × class × GB 15618 pH band for farmland,
 * land use × class for construction land (its values do not depend on pH); within a zone the
 * screening value is therefore one number. Each zone gets its area (ha, mu) and soil volume to
 * `depthM`. Zone ids read like `smelter_area/paddy/safe_utilization/ph-le-5.5`.
 */
export function delineateZones(cells: ZoneCells, depthM: number): ManagementZone[] {
  const groups = new Map<
    string,
    {
      members: number[];
      landUse: LandUse;
      soilClass: SoilClass;
      band: number | null;
      fluxZone: string | null;
    }
  >();
  for (let c = 0; c < cells.count; c++) {
    const landUse = cells.landUse[c];
    const soilClass = cells.soilClass[c];
    const fluxZone = cells.fluxZone ? cells.fluxZone[c] : null;
    const band = isConstruction(landUse) ? null : pHBand(cells.pH[c]);
    const id = [fluxZone, landUse, soilClass, band === null ? null : BAND_IDS[band]]
      .filter((p) => p !== null)
      .join('/');
    const group = groups.get(id) ?? { members: [], landUse, soilClass, band, fluxZone };
    group.members.push(c);
    groups.set(id, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, g]) =>
      summarizeZone(cells, g.members, depthM, {
        id,
        name: {
          zh: `${g.fluxZone ? `${g.fluxZone} ` : ''}${LAND_USE_LABELS[g.landUse].zh} ${SOIL_CLASS_LABELS[g.soilClass].zh}${g.band === null ? '' : ` ${PH_BAND_LABELS[g.band]}`}`,
          en: `${g.fluxZone ? `${g.fluxZone} ` : ''}${LAND_USE_LABELS[g.landUse].en} ${SOIL_CLASS_LABELS[g.soilClass].en}${g.band === null ? '' : ` ${PH_BAND_LABELS[g.band]}`}`,
        },
        landUse: g.landUse,
        soilClass: g.soilClass,
        fluxZone: g.fluxZone,
        pHBand: g.band,
      }),
    );
}

/**
 * Zones from imported polygons: each cell whose centre lies in a polygon joins it (first match wins);
 * the zone's land use is the polygon's `land_use`/`landUse` property or its cells' majority, its class
 * the worst class among its cells. Cells outside every polygon are not zoned.
 */
export function zonesFromPolygons(
  cells: ZoneCells,
  polygons: ZonePolygon[],
  depthM: number,
  parseLandUse: (text: string) => LandUse | undefined,
): ManagementZone[] {
  const members: number[][] = polygons.map(() => []);
  for (let c = 0; c < cells.count; c++) {
    const z = polygons.findIndex((p) => pointInZone(cells.lon[c], cells.lat[c], p));
    if (z >= 0) members[z].push(c);
  }
  return polygons.map((polygon, z) => {
    const declared = polygon.properties.land_use ?? polygon.properties.landUse;
    let landUse = typeof declared === 'string' ? parseLandUse(declared) : undefined;
    if (!landUse) {
      const counts = new Map<LandUse, number>();
      for (const c of members[z]) counts.set(cells.landUse[c], (counts.get(cells.landUse[c]) ?? 0) + 1);
      landUse = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'other';
    }
    let soilClass: SoilClass = lowestClass(landUse);
    for (const c of members[z])
      if (cells.landUse[c] === landUse) soilClass = worseClass(soilClass, cells.soilClass[c]);
    const declaredFlux = polygon.properties.flux_zone ?? polygon.properties.fluxZone;
    return summarizeZone(cells, members[z], depthM, {
      id: polygon.id,
      name: { zh: polygon.name, en: polygon.name },
      landUse,
      soilClass,
      fluxZone: typeof declaredFlux === 'string' ? declaredFlux : null,
      pHBand: null,
    });
  });
}
