// Soil samples of the plough layer (0–20 cm): where they were taken, land use, pH, organic matter,
// and the laboratory's reported concentrations (noise, detection limits, a few missing values).

import type { LandUse } from '../../analysis/domain/land-use.ts';
import { type Enterprise, MINE_ID } from './enterprises.ts';
import { EXTENT_KM, type Geography, type Lithology, MINE_STREAM, TOWN } from './geography.ts';
import { distance, type Point } from './geometry.ts';
import type { Random } from './random.ts';
import { SOURCES, type SourceId, type SourceModel } from './sources.ts';
import { SPECIES, type Species, type SpeciesVector } from './species.ts';

export const GRID_CELL_KM = 1.1;

/**
 * Multiplicative noise (sd of the natural logarithm) per species: sub-plot spatial variation plus
 * analytical error. Drawn as exp(σz − σ²/2) so that it leaves the mean unchanged.
 */
export const NOISE_LOG_SD: SpeciesVector = {
  Cd: 0.22,
  Hg: 0.35,
  As: 0.2,
  Pb: 0.15,
  Cr: 0.12,
  Cu: 0.18,
  Ni: 0.12,
  Zn: 0.15,
  Mn: 0.2,
  Co: 0.14,
  V: 0.12,
  Fe: 0.1,
};

export type Laboratory = 'A' | 'B';

/**
 * Detection limits (mg/kg). Laboratory A analysed the farmland samples (GFAAS Cd, AFS Hg and As,
 * FAAS Pb Cr Cu Ni Zn, ICP-OES Mn Co V); laboratory B, contracted for the hill forest and orchard
 * batch, used ICP-MS/XRF screening with higher limits. Values are typical of such methods, chosen
 * for the case study (verify against the methods' standards before quoting them).
 */
export const DETECTION_LIMITS: Record<Laboratory, SpeciesVector> = {
  A: { Cd: 0.01, Hg: 0.002, As: 0.01, Pb: 0.1, Cr: 4, Cu: 1, Ni: 3, Zn: 1, Mn: 10, Co: 0.3, V: 0.7, Fe: 100 },
  B: { Cd: 0.05, Hg: 0.02, As: 0.5, Pb: 2, Cr: 5, Cu: 1, Ni: 2, Zn: 2, Mn: 10, Co: 0.5, V: 2, Fe: 100 },
};

/** Decimals the laboratories report per species (mg/kg); Fe is reported as % with two decimals, i.e. to 100 mg/kg. */
export const REPORTED_DECIMALS: SpeciesVector = {
  Cd: 3,
  Hg: 3,
  As: 2,
  Pb: 1,
  Cr: 1,
  Cu: 1,
  Ni: 1,
  Zn: 1,
  Mn: 0,
  Co: 2,
  V: 1,
  Fe: -2,
};

/** A value rounded as the laboratory reports it (negative decimals round to tens, hundreds…). */
export function roundReported(species: Species, value: number): number {
  const decimals = REPORTED_DECIMALS[species];
  if (decimals >= 0) return Number(value.toFixed(decimals));
  const step = 10 ** -decimals;
  return Math.round(value / step) * step;
}

/** The reported value as text in mg/kg. */
export function formatReported(species: Species, value: number): string {
  const decimals = REPORTED_DECIMALS[species];
  return decimals >= 0 ? value.toFixed(decimals) : String(value);
}

export type Reported =
  | { kind: 'value'; value: number }
  | { kind: 'censored'; limit: number }
  | { kind: 'missing' };

export interface SoilSample {
  id: string;
  point: Point;
  elevation: number;
  lithology: Lithology;
  landUse: LandUse;
  /** pH of the sample (what the laboratory measured, unless reported missing). */
  pH: number;
  pHReported: boolean;
  organicMatter: number;
  organicMatterReported: boolean;
  date: string;
  laboratory: Laboratory;
  /** Raw unit contributions of each source (rescaled to mean 1 by the case study). */
  g: Record<SourceId, number>;
  /** Per plume enterprise, its raw industrial unit contribution. */
  byEnterprise: Record<string, number>;
  /** Concentration in the soil at the point, before sub-sampling and analysis (mg/kg). */
  noiseFree: SpeciesVector;
  /** Concentration after noise, unrounded (mg/kg): what the crop sees. */
  actual: SpeciesVector;
  reported: Record<Species, Reported>;
}

interface Site {
  point: Point;
  intensified: boolean;
}

/** Jittered 1.2 km grid over the county (sparser in the forested hills), plus intensified points near the suspected sources. */
function samplingSites(random: Random, geography: Geography, enterprises: Enterprise[]): Site[] {
  const sites: Site[] = [];
  const nx = Math.round(EXTENT_KM.x / GRID_CELL_KM);
  const ny = Math.floor(EXTENT_KM.y / GRID_CELL_KM);
  for (let i = 0; i < nx; i++) {
    for (let j = 0; j < ny; j++) {
      const point = {
        x: (i + random.between(0.15, 0.85)) * GRID_CELL_KM,
        y: (j + random.between(0.15, 0.85)) * GRID_CELL_KM,
      };
      const keep = random.uniform();
      const elevation = geography.elevation(point);
      if (distance(point, TOWN) < 1.0) continue; // built-up area
      if (geography.distanceToRiver(point) < 0.06) continue;
      if (elevation > 250 && keep > 0.35) continue;
      if (elevation > 120 && elevation <= 250 && keep > 0.7) continue;
      sites.push({ point, intensified: false });
    }
  }
  const around = (centre: Point, count: number, maxKm: number) => {
    for (let k = 0; k < count; k++) {
      const r = 0.3 + (maxKm - 0.3) * random.uniform() ** 1.3;
      const angle = random.between(0, 2 * Math.PI);
      sites.push({
        point: { x: centre.x + r * Math.cos(angle), y: centre.y + r * Math.sin(angle) },
        intensified: true,
      });
    }
  };
  for (const e of enterprises) {
    if (e.id === 'QX-E01') around(e.point, 28, 3.5);
    if (e.id === 'QX-E02') around(e.point, 12, 2.5);
    if (e.id === MINE_ID) around(e.point, 6, 1.5);
  }
  // The valley paddies irrigated by the mine stream.
  for (let k = 0; k < 14; k++) {
    const t = random.uniform() * (MINE_STREAM.length - 1);
    const i = Math.min(MINE_STREAM.length - 2, Math.floor(t));
    const a = MINE_STREAM[i];
    const b = MINE_STREAM[i + 1];
    const f = t - i;
    const offset = random.between(-0.45, 0.45);
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const length = Math.hypot(dx, dy);
    sites.push({
      point: { x: a.x + f * dx - (offset * dy) / length, y: a.y + f * dy + (offset * dx) / length },
      intensified: true,
    });
  }
  return sites;
}

function pickLandUse(random: Random, geography: Geography, p: Point, elevation: number): LandUse {
  const u = random.uniform();
  const stream = geography.mineStream(p);
  const choose = (table: [LandUse, number][]): LandUse => {
    let acc = 0;
    for (const [use, w] of table) {
      acc += w;
      if (u < acc) return use;
    }
    return table[table.length - 1][0];
  };
  if (stream.distance < 0.5 && elevation < 130)
    return choose([
      ['paddy', 0.85],
      ['dryland', 0.15],
    ]);
  if (elevation > 250)
    return choose([
      ['forest', 0.85],
      ['orchard', 0.15],
    ]);
  if (elevation > 120)
    return choose([
      ['forest', 0.45],
      ['orchard', 0.3],
      ['dryland', 0.15],
      ['paddy', 0.1],
    ]);
  if (elevation > 75)
    return choose([
      ['paddy', 0.45],
      ['dryland', 0.2],
      ['orchard', 0.25],
      ['forest', 0.1],
    ]);
  if (distance(p, TOWN) < 4)
    return choose([
      ['vegetable', 0.35],
      ['paddy', 0.55],
      ['dryland', 0.1],
    ]);
  return choose([
    ['paddy', 0.8],
    ['vegetable', 0.07],
    ['dryland', 0.11],
    ['orchard', 0.02],
  ]);
}

const PH_BASE: Partial<Record<LandUse, number>> = {
  paddy: 5.45,
  vegetable: 5.3,
  dryland: 5.7,
  orchard: 5.0,
  forest: 4.95,
};
const PH_LITHOLOGY: Record<Lithology, number> = {
  alluvium: 0,
  red_sandstone: 0.9,
  volcanic: -0.1,
  basalt: 0.4,
};
const ORGANIC_MATTER: Partial<Record<LandUse, number>> = {
  paddy: 32,
  vegetable: 28,
  dryland: 20,
  orchard: 22,
  forest: 38,
};

/**
 * Keeps pH within [low, high] without piling values up on the bounds: inside a 0.5-unit margin
 * the excess is compressed exponentially (strongly acid soils rarely go below pH 4 in Zhejiang).
 */
function softBounds(value: number, low: number, high: number): number {
  const margin = 0.5;
  if (value < low + margin) return low + margin * Math.exp((value - low - margin) / margin);
  if (value > high - margin) return high - margin * Math.exp((high - margin - value) / margin);
  return value;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function round(value: number, decimals: number): number {
  return Number(value.toFixed(decimals));
}

export function generateSoilSamples(
  random: Random,
  geography: Geography,
  enterprises: Enterprise[],
  sources: SourceModel,
): SoilSample[] {
  const siteRandom = random.fork('sites');
  const sites = samplingSites(siteRandom, geography, enterprises);
  // Survey numbering goes township by township: north to south in 2.5 km bands, west to east.
  sites.sort((a, b) => Math.floor(b.point.y / 2.5) - Math.floor(a.point.y / 2.5) || a.point.x - b.point.x);
  const useRandom = random.fork('land-use');
  const propertyRandom = random.fork('soil-properties');
  const farmRandom = random.fork('farm-noise');
  // One noise stream per species, so adding a species leaves the others' draws unchanged.
  const noiseRandom = Object.fromEntries(SPECIES.map((s) => [s, random.fork(`noise-${s}`)])) as Record<
    Species,
    Random
  >;
  const samples: SoilSample[] = sites.map((site, index) => {
    const p = site.point;
    const elevation = geography.elevation(p);
    const lithology = geography.lithology(p);
    const landUse = pickLandUse(useRandom, geography, p, elevation);
    const stream = geography.mineStream(p);
    // Acid mine drainage lowers the pH of the valley paddies; red-bed purple soils are calcareous.
    const pH =
      (PH_BASE[landUse] ?? 5.5) +
      PH_LITHOLOGY[lithology] +
      (lithology === 'alluvium' ? 0.4 * Math.exp(-geography.distanceToRiver(p) / 1.5) : 0) -
      0.5 * Math.exp(-stream.distance / 0.35) * Math.exp(-stream.downstream / 12) +
      0.35 * geography.phField(p) +
      0.3 * propertyRandom.normal();
    const organicMatter = (ORGANIC_MATTER[landUse] ?? 25) * Math.exp(0.25 * propertyRandom.normal());
    const farmNoise = 0.35 * farmRandom.normal() - 0.35 ** 2 / 2;
    const { g, byEnterprise } = sources.rawContributions(p, landUse, farmNoise);
    const noiseFree = {} as SpeciesVector;
    const actual = {} as SpeciesVector;
    for (const s of SPECIES) {
      let sum = 0;
      for (const k of SOURCES) sum += g[k] * sources.rawProfiles[k][s];
      noiseFree[s] = sum;
      const sd = NOISE_LOG_SD[s];
      actual[s] = sum * Math.exp(sd * noiseRandom[s].normal() - (sd * sd) / 2);
    }
    const laboratory: Laboratory =
      elevation > 150 && (landUse === 'forest' || landUse === 'orchard') ? 'B' : 'A';
    const reported = {} as Record<Species, Reported>;
    for (const s of SPECIES) {
      const limit = DETECTION_LIMITS[laboratory][s];
      reported[s] =
        actual[s] < limit
          ? { kind: 'censored', limit }
          : { kind: 'value', value: roundReported(s, actual[s]) };
    }
    const day = 16 + Math.floor((p.x / EXTENT_KM.x) * 28) + siteRandom.integer(4);
    const date = day <= 31 ? `2023-10-${pad(day, 2)}` : `2023-11-${pad(day - 31, 2)}`;
    return {
      id: `QX-S${pad(index + 1, 4)}`,
      point: p,
      elevation,
      lithology,
      landUse,
      pH: round(softBounds(pH, 4.1, 8.3), 2),
      pHReported: true,
      organicMatter: round(organicMatter, 1),
      organicMatterReported: true,
      date,
      laboratory,
      g,
      byEnterprise,
      noiseFree,
      actual,
      reported,
    };
  });
  // A few values lost, as in every real survey: sample bags, a failed digestion, an unread pH.
  const lossRandom = random.fork('missing');
  for (let k = 0; k < 6; k++) {
    const sample = samples[lossRandom.integer(samples.length)];
    sample.reported[lossRandom.pick(SPECIES)] = { kind: 'missing' };
  }
  for (let k = 0; k < 2; k++) samples[lossRandom.integer(samples.length)].pHReported = false;
  for (let k = 0; k < 3; k++) samples[lossRandom.integer(samples.length)].organicMatterReported = false;
  return samples;
}
