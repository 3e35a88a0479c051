import proj4 from 'proj4';

// CGCS2000 Gauss-Krüger projections (GB/T 17798; EPSG:4491–4554): transverse Mercator on the
// CGCS2000 ellipsoid (GRS80 parameters), scale 1, false easting 500 km. 6° zone n has central
// meridian 6n − 3; 3° zone n has 3n. Chinese surveys often prefix the zone number to the easting
// (Y = n·10⁶ + 500000 + E); 3° zones in China are 25–45 and 6° zones 13–23, so a prefix also
// tells the zone width. Chinese surveying calls the northing X and the easting Y.

export type ZoneWidth = 3 | 6;

export function centralMeridian(zone: number, width: ZoneWidth): number {
  return width === 3 ? 3 * zone : 6 * zone - 3;
}

function projection(zone: number, width: ZoneWidth, prefixed: boolean): string {
  const falseEasting = 500000 + (prefixed ? zone * 1e6 : 0);
  return `+proj=tmerc +lat_0=0 +lon_0=${centralMeridian(zone, width)} +k=1 +x_0=${falseEasting} +y_0=0 +ellps=GRS80 +units=m +no_defs`;
}

export interface GaussKrugerZone {
  zone: number;
  width: ZoneWidth;
  prefixed: boolean;
}

/** The zone a prefixed easting names, or undefined when the easting carries no zone prefix. */
export function zoneFromEasting(easting: number): GaussKrugerZone | undefined {
  if (easting < 1e6) return undefined;
  const zone = Math.floor(easting / 1e6);
  if (zone >= 25 && zone <= 45) return { zone, width: 3, prefixed: true };
  if (zone >= 13 && zone <= 23) return { zone, width: 6, prefixed: true };
  return undefined;
}

/** Converts arrays of easting/northing (metres) to WGS84/CGCS2000 lon/lat in place of new arrays. */
export function gaussKrugerToLonLat(
  easting: ArrayLike<number>,
  northing: ArrayLike<number>,
  zone: GaussKrugerZone,
): { lon: Float64Array; lat: Float64Array } {
  const converter = proj4(projection(zone.zone, zone.width, zone.prefixed), 'WGS84');
  const lon = new Float64Array(easting.length);
  const lat = new Float64Array(easting.length);
  for (let i = 0; i < easting.length; i++) {
    const e = easting[i];
    const n = northing[i];
    if (!Number.isFinite(e) || !Number.isFinite(n)) {
      lon[i] = Number.NaN;
      lat[i] = Number.NaN;
      continue;
    }
    const [x, y] = converter.forward([e, n]);
    lon[i] = x;
    lat[i] = y;
  }
  return { lon, lat };
}

export function lonLatToGaussKruger(lon: number, lat: number, zone: GaussKrugerZone): [number, number] {
  const [e, n] = proj4('WGS84', projection(zone.zone, zone.width, zone.prefixed)).forward([lon, lat]);
  return [e, n];
}
