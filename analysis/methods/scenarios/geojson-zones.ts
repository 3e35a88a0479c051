import { SoilTraceError } from '../../errors.ts';

// Zone polygons imported from GeoJSON (RFC 7946: WGS84 lon/lat, exterior rings then holes).

export type Ring = ReadonlyArray<readonly [number, number]>;
/** One polygon: exterior ring first, holes after. */
export type PolygonRings = ReadonlyArray<Ring>;

export interface ZonePolygon {
  id: string;
  name: string;
  properties: Record<string, unknown>;
  polygons: PolygonRings[];
}

/**
 * Even–odd ray casting (W. R. Franklin, "PNPOLY", 1970s; Haines 1994 in Graphics Gems IV): a ray to
 * +x crosses the ring's edges an odd number of times iff the point is inside.
 */
export function pointInRing(x: number, y: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function pointInPolygon(x: number, y: number, polygon: PolygonRings): boolean {
  if (polygon.length === 0 || !pointInRing(x, y, polygon[0])) return false;
  for (let h = 1; h < polygon.length; h++) if (pointInRing(x, y, polygon[h])) return false;
  return true;
}

export function pointInZone(x: number, y: number, zone: ZonePolygon): boolean {
  return zone.polygons.some((p) => pointInPolygon(x, y, p));
}

function isPosition(value: unknown): value is [number, number] {
  return (
    Array.isArray(value) && value.length >= 2 && typeof value[0] === 'number' && typeof value[1] === 'number'
  );
}

function asRings(coordinates: unknown, file: string, where: string): PolygonRings {
  if (!Array.isArray(coordinates) || coordinates.length === 0) {
    throw new SoilTraceError(
      { zh: `${where} 的多边形坐标无效`, en: `${where}: invalid polygon coordinates` },
      { file },
    );
  }
  return coordinates.map((ring) => {
    if (!Array.isArray(ring) || ring.length < 4 || !ring.every(isPosition)) {
      throw new SoilTraceError(
        {
          zh: `${where} 的环至少需要 4 个 [经度, 纬度] 坐标`,
          en: `${where}: a ring needs at least 4 [lon, lat] positions`,
        },
        { file },
      );
    }
    return ring.map((p: [number, number]) => [p[0], p[1]] as const);
  });
}

/** Parses a FeatureCollection of Polygon/MultiPolygon features into zones (id from `id` or properties.id). */
export function parseZonePolygons(geojson: unknown, file: string): ZonePolygon[] {
  const root = geojson as { type?: unknown; features?: unknown };
  if (root?.type !== 'FeatureCollection' || !Array.isArray(root.features)) {
    throw new SoilTraceError(
      { zh: '应为 GeoJSON FeatureCollection', en: 'expected a GeoJSON FeatureCollection' },
      { file },
    );
  }
  return root.features.map((raw: unknown, k: number) => {
    const feature = raw as {
      id?: unknown;
      properties?: Record<string, unknown> | null;
      geometry?: { type?: unknown; coordinates?: unknown };
    };
    const properties = feature.properties ?? {};
    const id = String(feature.id ?? properties.id ?? properties.zone ?? `zone-${k + 1}`);
    const where = `features[${k}]`;
    const geometry = feature.geometry;
    let polygons: PolygonRings[];
    if (geometry?.type === 'Polygon') polygons = [asRings(geometry.coordinates, file, where)];
    else if (geometry?.type === 'MultiPolygon' && Array.isArray(geometry.coordinates)) {
      polygons = geometry.coordinates.map((c: unknown) => asRings(c, file, where));
    } else {
      throw new SoilTraceError(
        {
          zh: `${where} 的几何类型应为 Polygon 或 MultiPolygon`,
          en: `${where}: geometry must be a Polygon or MultiPolygon`,
        },
        { file },
      );
    }
    return { id, name: String(properties.name ?? id), properties, polygons };
  });
}
