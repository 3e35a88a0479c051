import { describe, expect, it } from 'vitest';
import {
  centralMeridian,
  gaussKrugerToLonLat,
  lonLatToGaussKruger,
  zoneFromEasting,
} from './gauss-kruger.ts';
import { gcj02ToWgs84, wgs84ToGcj02 } from './gcj02.ts';

// Reference vectors of the public GCJ-02 algorithm (the eviltransform test suite: Shanghai,
// Shenzhen, Beijing), as [lat, lon] pairs.
const GCJ_VECTORS = [
  [31.1774276, 121.5272106, 31.17530398364597, 121.531541859215],
  [22.543847, 113.912316, 22.540796131694766, 113.9171764808363],
  [39.911954, 116.377817, 39.91334545536069, 116.38404722455657],
];

describe('GCJ-02', () => {
  it.each(GCJ_VECTORS)('WGS84 (%f, %f) → GCJ-02 (%f, %f)', (lat, lon, gLat, gLon) => {
    const [x, y] = wgs84ToGcj02(lon, lat);
    expect(x).toBeCloseTo(gLon, 9);
    expect(y).toBeCloseTo(gLat, 9);
  });

  it.each(GCJ_VECTORS)('GCJ-02 back to WGS84 within 1e-8° (~1 mm)', (lat, lon, gLat, gLon) => {
    const [x, y] = gcj02ToWgs84(gLon, gLat);
    expect(Math.abs(x - lon)).toBeLessThan(1e-8);
    expect(Math.abs(y - lat)).toBeLessThan(1e-8);
  });

  it('leaves points outside China unchanged', () => {
    expect(gcj02ToWgs84(2.35, 48.85)).toEqual([2.35, 48.85]);
  });
});

// Reference values from PROJ 9.1.1 `cs2cs EPSG:4490 EPSG:<code>` (CGCS2000 geographic → the EPSG
// CGCS2000 Gauss-Krüger CRS), given as [lon, lat, easting, northing].
describe('CGCS2000 Gauss-Krüger', () => {
  it('3° zone 40 with prefix (EPSG:4528) and CM 120°E without (EPSG:4549)', () => {
    const zone = zoneFromEasting(40548122.0631);
    expect(zone).toEqual({ zone: 40, width: 3, prefixed: true });
    const { lon, lat } = gaussKrugerToLonLat(
      [40548122.0631],
      [3347932.8162],
      zone as NonNullable<typeof zone>,
    );
    expect(lon[0]).toBeCloseTo(120.5, 8);
    expect(lat[0]).toBeCloseTo(30.25, 8);
    const [e, n] = lonLatToGaussKruger(120.5, 30.25, { zone: 40, width: 3, prefixed: false });
    expect(e).toBeCloseTo(548122.0631, 3);
    expect(n).toBeCloseTo(3347932.8162, 3);
  });

  it('6° zone 20 with prefix (EPSG:4498): central meridian 117°E', () => {
    const zone = zoneFromEasting(20529175.2946);
    expect(zone).toEqual({ zone: 20, width: 6, prefixed: true });
    expect(centralMeridian(20, 6)).toBe(117);
    const { lon, lat } = gaussKrugerToLonLat(
      [20529175.2946],
      [3231474.0705],
      zone as NonNullable<typeof zone>,
    );
    expect(lon[0]).toBeCloseTo(117.3, 8);
    expect(lat[0]).toBeCloseTo(29.2, 8);
  });

  it('on the central meridian the northing is the meridian arc (Snyder 1987, eq. 3-21)', () => {
    const a = 6378137;
    const f = 1 / 298.257222101; // GRS80 = CGCS2000 ellipsoid
    const e2 = f * (2 - f);
    const phi = (30 * Math.PI) / 180;
    const arc =
      a *
      ((1 - e2 / 4 - (3 * e2 ** 2) / 64 - (5 * e2 ** 3) / 256) * phi -
        ((3 * e2) / 8 + (3 * e2 ** 2) / 32 + (45 * e2 ** 3) / 1024) * Math.sin(2 * phi) +
        ((15 * e2 ** 2) / 256 + (45 * e2 ** 3) / 1024) * Math.sin(4 * phi) -
        ((35 * e2 ** 3) / 3072) * Math.sin(6 * phi));
    const [e, n] = lonLatToGaussKruger(120, 30, { zone: 40, width: 3, prefixed: true });
    expect(e).toBeCloseTo(40500000, 4);
    expect(n).toBeCloseTo(arc, 2);
    expect(n).toBeCloseTo(3320113.3978, 3);
  });

  it('an easting without a zone prefix names no zone', () => {
    expect(zoneFromEasting(548122)).toBeUndefined();
  });
});
