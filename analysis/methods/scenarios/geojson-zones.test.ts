import { describe, expect, it } from 'vitest';
import { parseZonePolygons, pointInPolygon } from './geojson-zones.ts';

const square = [
  [0, 0],
  [10, 0],
  [10, 10],
  [0, 10],
  [0, 0],
] as const;
const hole = [
  [4, 4],
  [6, 4],
  [6, 6],
  [4, 6],
  [4, 4],
] as const;

describe('point in polygon', () => {
  it('inside, outside, and inside a hole', () => {
    expect(pointInPolygon(5, 1, [square])).toBe(true);
    expect(pointInPolygon(11, 5, [square])).toBe(false);
    expect(pointInPolygon(5, 5, [square, hole])).toBe(false);
    expect(pointInPolygon(3, 5, [square, hole])).toBe(true);
  });

  it('parses a FeatureCollection and reports a bad geometry by feature index', () => {
    const zones = parseZonePolygons(
      {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { id: 'A', land_use: 'paddy' },
            geometry: { type: 'Polygon', coordinates: [square] },
          },
          {
            type: 'Feature',
            id: 'B',
            properties: {},
            geometry: { type: 'MultiPolygon', coordinates: [[square], [hole]] },
          },
        ],
      },
      'zones.geojson',
    );
    expect(zones.map((z) => z.id)).toEqual(['A', 'B']);
    expect(zones[1].polygons).toHaveLength(2);
    expect(() =>
      parseZonePolygons(
        { type: 'FeatureCollection', features: [{ geometry: { type: 'Point', coordinates: [0, 0] } }] },
        'z',
      ),
    ).toThrow(/features\[0\]/);
  });
});
