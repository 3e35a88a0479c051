import { describe, expect, it } from 'vitest';
import { cellArea, delineateZones, interpolateCells, MU_PER_HA, type SoilSamples } from './zones.ts';

// Two samples 990 m apart on a parallel: west a paddy at pH 5.0 with Cd 0.35 (GB 15618 paddy
// screening 0.3, intervention 1.5 → safe utilization), east a dryland at pH 7.0 with Cd 0.25 (other
// farmland screening 0.3 → priority protection). Cells take the land use of the nearer sample.
const lonPerKm = 1 / (111.195 * Math.cos((30 * Math.PI) / 180));
const samples: SoilSamples = {
  id: ['W', 'E'],
  lon: Float64Array.from([120, 120 + 0.99 * lonPerKm]),
  lat: Float64Array.from([30, 30]),
  pH: Float64Array.from([5.0, 7.0]),
  landUse: ['paddy', 'dryland'],
  concentration: { Cd: Float64Array.from([0.35, 0.25]) },
};

describe('zones', () => {
  it('1 ha = 15 mu', () => {
    expect(MU_PER_HA).toBe(15);
    expect(cellArea(4, 6.25)).toEqual({ ha: 25, mu: 375 });
  });

  it('classifies cells by GB 15618 and groups them into zones with area and volume', () => {
    const cells = interpolateCells(samples, { metals: ['Cd'], cellSizeM: 100, maxDistanceM: 5000 });
    // The bounding box is 990 m × 0 m → 10 × 1 cells of 1 ha, centred: the first centre is 45 m east of W.
    expect(cells.grid.nx).toBe(10);
    expect(cells.grid.ny).toBe(1);
    expect(cells.count).toBe(10);
    const zones = delineateZones(cells, 0.2);
    const ids = zones.map((z) => z.id).sort();
    // West half: paddy cells; their pH (IDW between 5.0 and 7.0) stays ≤ 5.5 only close to W.
    expect(ids.some((id) => id.startsWith('paddy/safe_utilization/ph-le-5.5'))).toBe(true);
    expect(ids.some((id) => id.startsWith('dryland/priority_protection'))).toBe(true);
    const total = zones.reduce((a, z) => a + z.areaHa, 0);
    expect(total).toBeCloseTo(10, 10);
    for (const z of zones) {
      expect(z.areaMu).toBeCloseTo(z.areaHa * 15, 10);
      expect(z.volumeM3).toBeCloseTo(z.areaHa * 1e4 * 0.2, 6);
    }
    // First cell centre is 45 m from W and 945 m from E: IDW p = 2 weights 1/2025 and 1/893025
    // (ratio 441) → Cd = (0.35·441 + 0.25)/442 = 0.349774.
    expect(cells.concentration.Cd?.[0]).toBeCloseTo(0.349774, 5);
    expect(cells.screening.Cd?.[0]).toBe(0.3);
    expect(cells.soilClass[0]).toBe('safe_utilization');
  });
});
