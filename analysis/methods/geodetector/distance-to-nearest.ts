/** Mean Earth radius R1 = 6371.0088 km (IUGG; Moritz 2000, Geodetic Reference System 1980). */
export const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in km between two WGS-84 points in degrees (haversine formula). */
export function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Derived GeoDetector factor: for each sample, the distance (km) to the nearest source point, e.g.
 * the enterprises of one industry (filter them first, or pass `include` as a mask over sources).
 * Samples without coordinates get NaN; with no source at all every distance is +∞.
 */
export function distanceToNearestKm(
  sampleLon: ArrayLike<number>,
  sampleLat: ArrayLike<number>,
  sourceLon: ArrayLike<number>,
  sourceLat: ArrayLike<number>,
  include?: ArrayLike<boolean>,
): Float64Array {
  const out = new Float64Array(sampleLon.length);
  for (let i = 0; i < sampleLon.length; i++) {
    if (!Number.isFinite(sampleLon[i]) || !Number.isFinite(sampleLat[i])) {
      out[i] = Number.NaN;
      continue;
    }
    let nearest = Number.POSITIVE_INFINITY;
    for (let j = 0; j < sourceLon.length; j++) {
      if (include && !include[j]) continue;
      if (!Number.isFinite(sourceLon[j]) || !Number.isFinite(sourceLat[j])) continue;
      nearest = Math.min(nearest, haversineKm(sampleLon[i], sampleLat[i], sourceLon[j], sourceLat[j]));
    }
    out[i] = nearest;
  }
  return out;
}
