// The fictional county 青溪县 (Qingxi): a river plain between volcanic hills in the south and
// red-bed hills in the north, in the style of the Jinqu basin of central Zhejiang.
// Everything is placed in a local frame (x km east, y km north of the south-west corner).

import { nearestOnPolyline, type Point, type Polyline, smoothstep } from './geometry.ts';
import type { Random } from './random.ts';
import { smoothField } from './smooth-field.ts';

export const COUNTY = { nameZh: '青溪县', nameEn: 'Qingxi County (fictional)' } as const;

/** South-west corner and extent of the county frame. */
export const ORIGIN = { lon: 119.95, lat: 29.03 } as const;
export const EXTENT_KM = { x: 30, y: 25 } as const;

// Equirectangular projection about the frame's middle latitude; over 30 km its error is a few metres,
// far below a sampling point's GPS precision.
const MID_LAT = ORIGIN.lat + EXTENT_KM.y / 2 / 110.574;
const KM_PER_DEG_LON = 111.32 * Math.cos((MID_LAT * Math.PI) / 180);
const KM_PER_DEG_LAT = 110.574;

export function toLonLat(p: Point): { lon: number; lat: number } {
  return { lon: ORIGIN.lon + p.x / KM_PER_DEG_LON, lat: ORIGIN.lat + p.y / KM_PER_DEG_LAT };
}

export function fromLonLat(lon: number, lat: number): Point {
  return { x: (lon - ORIGIN.lon) * KM_PER_DEG_LON, y: (lat - ORIGIN.lat) * KM_PER_DEG_LAT };
}

/** The main river (青溪), flowing east across the plain. */
export const RIVER: Polyline = [
  { x: 0, y: 12.2 },
  { x: 6, y: 12.8 },
  { x: 9, y: 12.9 },
  { x: 14, y: 13.8 },
  { x: 20, y: 14.2 },
  { x: 25, y: 15.2 },
  { x: 30, y: 16 },
];

/** The mine's stream (银坑溪), from the mine north to the river; its water irrigates the valley paddies. */
export const MINE_STREAM: Polyline = [
  { x: 7, y: 4 },
  { x: 7.6, y: 6.5 },
  { x: 8.2, y: 8.8 },
  { x: 8.7, y: 11 },
  { x: 9, y: 12.9 },
];

/** The national highway through the county town, built in the 1990s (legacy of leaded petrol). */
export const HIGHWAY: Polyline = [
  { x: 0, y: 10.5 },
  { x: 8, y: 13.6 },
  { x: 16, y: 15.6 },
  { x: 23, y: 17.2 },
  { x: 30, y: 20.5 },
];

export const TOWN: Point = { x: 16, y: 15.4 };

export const LITHOLOGIES = ['alluvium', 'red_sandstone', 'volcanic', 'basalt'] as const;
export type Lithology = (typeof LITHOLOGIES)[number];

export const LITHOLOGY_LABELS: Record<Lithology, { zh: string; en: string }> = {
  alluvium: { zh: '第四系冲积物', en: 'Quaternary alluvium' },
  red_sandstone: { zh: '白垩系红砂岩', en: 'Cretaceous red sandstone' },
  volcanic: { zh: '侏罗系火山岩', en: 'Jurassic volcanic rocks' },
  basalt: { zh: '新近系玄武岩', en: 'Neogene basalt' },
};

const BASALT_CENTRE: Point = { x: 25.5, y: 19.5 };
const BASALT_RADIUS_KM = 3.2;

export interface Geography {
  /** Elevation above sea level (m). */
  elevation(p: Point): number;
  /** Weights of the lithologies under p (sum 1); boundaries are blurred over a few hundred metres. */
  lithologyWeights(p: Point): Record<Lithology, number>;
  lithology(p: Point): Lithology;
  distanceToRiver(p: Point): number;
  distanceToHighway(p: Point): number;
  /** Distance to the mine stream and the distance downstream from the mine of the nearest stream point. */
  mineStream(p: Point): { distance: number; downstream: number };
  /** Smooth field (mean 0, sd 1) for the soil's own variation in pH. */
  phField(p: Point): number;
}

export function createGeography(random: Random): Geography {
  const relief = smoothField(random.fork('relief'), 3, 9);
  const phField = smoothField(random.fork('ph-field'), 4, 14);

  const baseElevation = (p: Point) => {
    const southHills = 560 * smoothstep((9.5 - p.y) / 7);
    const northHills = 170 * smoothstep((p.y - 19.5) / 5);
    const plain = 42 + 0.6 * p.x;
    const hilliness = 0.15 + 0.85 * smoothstep(Math.max((9.5 - p.y) / 4, (p.y - 19.5) / 3));
    return plain + southHills + northHills + hilliness * 60 * (1 + relief(p));
  };
  const elevation = (p: Point) => {
    // The mine stream cuts a valley of paddies into the southern hills.
    const stream = nearestOnPolyline(p, MINE_STREAM);
    const valley = Math.exp(-((stream.distance / 0.7) ** 2));
    const base = baseElevation(p);
    const floor = 55 + 4 * Math.max(0, 12.9 - p.y);
    return Math.max(30, base - valley * Math.max(0, base - floor));
  };

  const lithologyWeights = (p: Point): Record<Lithology, number> => {
    const volcanic =
      smoothstep((9.5 - p.y) / 1.5) *
      (1 - 0.8 * Math.exp(-((nearestOnPolyline(p, MINE_STREAM).distance / 0.5) ** 2)));
    const red = smoothstep((p.y - 18.5) / 1.5);
    const dBasalt = Math.hypot(p.x - BASALT_CENTRE.x, p.y - BASALT_CENTRE.y);
    const basalt = smoothstep((BASALT_RADIUS_KM - dBasalt) / 0.8 + 0.5);
    const alluvium = Math.max(0, 1 - volcanic - red);
    const total = (volcanic + red + alluvium) * (1 - basalt);
    const norm = total > 0 ? (1 - basalt) / (volcanic + red + alluvium) : 0;
    return { alluvium: alluvium * norm, red_sandstone: red * norm, volcanic: volcanic * norm, basalt };
  };
  const lithology = (p: Point): Lithology => {
    const w = lithologyWeights(p);
    let best: Lithology = 'alluvium';
    for (const l of LITHOLOGIES) if (w[l] > w[best]) best = l;
    return best;
  };

  return {
    elevation,
    lithologyWeights,
    lithology,
    distanceToRiver: (p) => nearestOnPolyline(p, RIVER).distance,
    distanceToHighway: (p) => nearestOnPolyline(p, HIGHWAY).distance,
    mineStream: (p) => {
      const n = nearestOnPolyline(p, MINE_STREAM);
      return { distance: n.distance, downstream: n.along };
    },
    phField,
  };
}
