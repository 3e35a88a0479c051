// GB 15618-2018 screening and intervention values, only as far as the generator needs them to
// report its own exceedance rates in TRUTH.md (soil-standards.md, tables 1 and 2). The app's
// assessment module owns the full table; the test checks these rates by an independent lookup.

import type { LandUse } from '../../analysis/domain/land-use.ts';
import type { Metal } from './species.ts';

type Bands = [number, number, number, number];

function band(pH: number): 0 | 1 | 2 | 3 {
  if (pH <= 5.5) return 0;
  if (pH <= 6.5) return 1;
  if (pH <= 7.5) return 2;
  return 3;
}

const SCREENING: Record<Metal, { paddy?: Bands; orchard?: Bands; other: Bands }> = {
  Cd: { paddy: [0.3, 0.4, 0.6, 0.8], other: [0.3, 0.3, 0.3, 0.6] },
  Hg: { paddy: [0.5, 0.5, 0.6, 1.0], other: [1.3, 1.8, 2.4, 3.4] },
  As: { paddy: [30, 30, 25, 20], other: [40, 40, 30, 25] },
  Pb: { paddy: [80, 100, 140, 240], other: [70, 90, 120, 170] },
  Cr: { paddy: [250, 250, 300, 350], other: [150, 150, 200, 250] },
  Cu: { orchard: [150, 150, 200, 200], other: [50, 50, 100, 100] },
  Ni: { other: [60, 70, 100, 190] },
  Zn: { other: [200, 200, 250, 300] },
};

const INTERVENTION: Partial<Record<Metal, Bands>> = {
  Cd: [1.5, 2.0, 3.0, 4.0],
  Hg: [2.0, 2.5, 4.0, 6.0],
  As: [200, 150, 120, 100],
  Pb: [400, 500, 700, 1000],
  Cr: [800, 850, 1000, 1300],
};

export function screeningValue(metal: Metal, landUse: LandUse, pH: number): number {
  const row = SCREENING[metal];
  const bands = (landUse === 'paddy' && row.paddy) || (landUse === 'orchard' && row.orchard) || row.other;
  return bands[band(pH)];
}

export function interventionValue(metal: Metal, pH: number): number | undefined {
  return INTERVENTION[metal]?.[band(pH)];
}
