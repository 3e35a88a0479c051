import type { DuckDBConnection } from '@duckdb/node-api';
import { SoilTraceError } from '../errors.ts';
import { median as medianOf } from '../stats/median.ts';
import { type GaussKrugerZone, gaussKrugerToLonLat, zoneFromEasting } from './coordinates/gauss-kruger.ts';
import { gcj02ToWgs84 } from './coordinates/gcj02.ts';
import type { CrsSpec } from './types.ts';

// Decides the coordinate system of a dataset and, when it is not lon/lat on WGS84/CGCS2000
// (the two differ by centimetres, below survey GPS accuracy), converts every point into the temp
// table __coords(rid, lon, lat) that the canonical insert joins on the raw table's rowid.

export interface CoordinatePlan {
  /** What the catalog records, e.g. "EPSG:4326", "GCJ-02", "CGCS2000 GK 3° zone 40 (prefixed)". */
  crs: string;
  /** SQL for lon and lat, reading `r` (raw table) and `c` (__coords) aliases. */
  lon: string;
  lat: string;
  /** The source coordinates when they were converted (null when lon/lat were stored as given). */
  xOriginal: string | null;
  yOriginal: string | null;
  /** Whether the insert must join __coords. */
  join: boolean;
}

function median(values: number[]): number {
  return medianOf(values.filter(Number.isFinite));
}

async function readPairs(
  connection: DuckDBConnection,
  rawTable: string,
  a: string,
  b: string,
): Promise<{ rid: bigint[]; a: number[]; b: number[] }> {
  const reader = await connection.runAndReadAll(`SELECT rowid, ${a}, ${b} FROM ${rawTable} ORDER BY rowid`);
  const [rid, xa, xb] = reader.getColumnsJS() as [bigint[], (number | null)[], (number | null)[]];
  return {
    rid,
    a: xa.map((v) => (v === null ? Number.NaN : v)),
    b: xb.map((v) => (v === null ? Number.NaN : v)),
  };
}

async function writeCoords(
  connection: DuckDBConnection,
  rid: bigint[],
  lon: ArrayLike<number>,
  lat: ArrayLike<number>,
) {
  await connection.run('CREATE OR REPLACE TEMP TABLE __coords (rid BIGINT, lon DOUBLE, lat DOUBLE)');
  const appender = await connection.createAppender('__coords', 'main', 'temp');
  for (let i = 0; i < rid.length; i++) {
    appender.appendBigInt(rid[i]);
    if (Number.isFinite(lon[i]) && Number.isFinite(lat[i])) {
      appender.appendDouble(lon[i]);
      appender.appendDouble(lat[i]);
    } else {
      appender.appendNull();
      appender.appendNull();
    }
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
}

function parseGkSpec(crs: CrsSpec): { width: 3 | 6; zone: number } | undefined {
  const m = /^gk([36]):(\d+)$/.exec(crs);
  return m ? { width: Number(m[1]) as 3 | 6, zone: Number(m[2]) } : undefined;
}

/**
 * `lonSql`/`latSql` and `xSql`/`ySql` are number expressions over the raw table (alias r), or null
 * when the file has no such columns.
 */
export async function planCoordinates(
  connection: DuckDBConnection,
  rawTable: string,
  crs: CrsSpec,
  lonSql: string | null,
  latSql: string | null,
  xSql: string | null,
  ySql: string | null,
  file: string,
): Promise<CoordinatePlan | null> {
  if (lonSql && latSql) {
    if (crs === 'gcj02') {
      const pairs = await readPairs(connection, `${rawTable} r`, lonSql, latSql);
      const lon = new Float64Array(pairs.rid.length);
      const lat = new Float64Array(pairs.rid.length);
      pairs.a.forEach((x, i) => {
        const [wx, wy] =
          Number.isFinite(x) && Number.isFinite(pairs.b[i])
            ? gcj02ToWgs84(x, pairs.b[i])
            : [Number.NaN, Number.NaN];
        lon[i] = wx;
        lat[i] = wy;
      });
      await writeCoords(connection, pairs.rid, lon, lat);
      return {
        crs: 'GCJ-02 → WGS84',
        lon: 'c.lon',
        lat: 'c.lat',
        xOriginal: lonSql,
        yOriginal: latSql,
        join: true,
      };
    }
    // No conversion: lon/lat are the originals, so x_original/y_original stay NULL.
    return {
      crs: crs === 'cgcs2000' ? 'EPSG:4490' : 'EPSG:4326',
      lon: lonSql,
      lat: latSql,
      xOriginal: null,
      yOriginal: null,
      join: false,
    };
  }
  if (!xSql || !ySql) return null;
  const pairs = await readPairs(connection, `${rawTable} r`, xSql, ySql);
  const mx = median(pairs.a);
  const my = median(pairs.b);
  // X/Y that are really degrees.
  if (Math.abs(mx) <= 180 && Math.abs(my) <= 90) {
    const plan = await planCoordinates(connection, rawTable, crs, xSql, ySql, null, null, file);
    return plan;
  }
  // Chinese surveying: X = northing (2–6·10⁶ m in China), Y = easting (< 10⁶ or zone-prefixed).
  const xIsNorthing = mx >= 1e6 && mx < 1e7 && (my < 1e6 || my >= 1e7);
  const easting = xIsNorthing ? pairs.b : pairs.a;
  const northing = xIsNorthing ? pairs.a : pairs.b;
  const spec = parseGkSpec(crs);
  const lon = new Float64Array(easting.length).fill(Number.NaN);
  const lat = new Float64Array(easting.length).fill(Number.NaN);
  const zonesUsed = new Set<string>();
  // Group rows by zone: a prefixed easting names its own zone, so files may span two zones.
  const groups = new Map<string, { zone: GaussKrugerZone; rows: number[] }>();
  for (let i = 0; i < easting.length; i++) {
    if (!Number.isFinite(easting[i]) || !Number.isFinite(northing[i])) continue;
    let zone = zoneFromEasting(easting[i]);
    if (!zone && spec) zone = { zone: spec.zone, width: spec.width, prefixed: false };
    if (!zone) {
      throw new SoilTraceError(
        {
          zh: `无法确定高斯-克吕格投影带：坐标 ${easting[i]} 没有带号前缀。请指定坐标系，例如 --crs gk3:40（3°带第 40 带，中央经线 120°）`,
          en: `cannot tell the Gauss-Krüger zone: easting ${easting[i]} has no zone prefix. Give the coordinate system, e.g. --crs gk3:40 (3° zone 40, central meridian 120°)`,
        },
        { file, row: i + 2, value: String(easting[i]) },
      );
    }
    const key = `${zone.width}:${zone.zone}:${zone.prefixed}`;
    const group = groups.get(key) ?? { zone, rows: [] };
    group.rows.push(i);
    groups.set(key, group);
  }
  for (const { zone, rows } of groups.values()) {
    const converted = gaussKrugerToLonLat(
      rows.map((i) => easting[i]),
      rows.map((i) => northing[i]),
      zone,
    );
    rows.forEach((i, k) => {
      lon[i] = converted.lon[k];
      lat[i] = converted.lat[k];
    });
    zonesUsed.add(
      `CGCS2000 GK ${zone.width}° zone ${zone.zone}${zone.prefixed ? ' (prefixed easting)' : ''}`,
    );
  }
  await writeCoords(connection, pairs.rid, lon, lat);
  return {
    crs: [...zonesUsed].join('; ') || 'CGCS2000 GK',
    lon: 'c.lon',
    lat: 'c.lat',
    xOriginal: xSql,
    yOriginal: ySql,
    join: true,
  };
}
