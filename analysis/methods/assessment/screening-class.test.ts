import { describe, expect, it } from 'vitest';
import type { LandUse } from '../../domain/land-use.ts';
import { applicableValues, classifyConcentration, worstClass } from './screening-class.ts';
import { GB15618_2018 } from './standards/gb15618-2018.ts';
import { phBandIndex } from './standards/ph-band.ts';

// Oracle: GB 15618-2018 Tables 1 and 3 typed by hand from shared/reference/soil-standards.md
// (not read from the table module). Columns: pH ≤ 5.5 | 5.5 < pH ≤ 6.5 | 6.5 < pH ≤ 7.5 | pH > 7.5.
const SCREENING: Record<string, Record<'paddy' | 'other' | 'orchard', number[]>> = {
  Cd: { paddy: [0.3, 0.4, 0.6, 0.8], other: [0.3, 0.3, 0.3, 0.6], orchard: [0.3, 0.3, 0.3, 0.6] },
  Hg: { paddy: [0.5, 0.5, 0.6, 1.0], other: [1.3, 1.8, 2.4, 3.4], orchard: [1.3, 1.8, 2.4, 3.4] },
  As: { paddy: [30, 30, 25, 20], other: [40, 40, 30, 25], orchard: [40, 40, 30, 25] },
  Pb: { paddy: [80, 100, 140, 240], other: [70, 90, 120, 170], orchard: [70, 90, 120, 170] },
  Cr: { paddy: [250, 250, 300, 350], other: [150, 150, 200, 250], orchard: [150, 150, 200, 250] },
  // Cu: orchard has its own row; paddy reads "other" (the standard's two Cu rows are 果园 and 其他).
  Cu: { paddy: [50, 50, 100, 100], other: [50, 50, 100, 100], orchard: [150, 150, 200, 200] },
  Ni: { paddy: [60, 70, 100, 190], other: [60, 70, 100, 190], orchard: [60, 70, 100, 190] },
  Zn: { paddy: [200, 200, 250, 300], other: [200, 200, 250, 300], orchard: [200, 200, 250, 300] },
};
const INTERVENTION: Record<string, number[] | null> = {
  Cd: [1.5, 2.0, 3.0, 4.0],
  Hg: [2.0, 2.5, 4.0, 6.0],
  As: [200, 150, 120, 100],
  Pb: [400, 500, 700, 1000],
  Cr: [800, 850, 1000, 1300],
  Cu: null,
  Ni: null,
  Zn: null,
};
// pH test points and the band each belongs to (the boundary belongs to the lower band).
const PH_POINTS: [number, number][] = [
  [4.2, 0],
  [5.5, 0],
  [5.51, 1],
  [6.5, 1],
  [6.51, 2],
  [7.5, 2],
  [7.51, 3],
  [8.9, 3],
];
// Which column each land use reads.
const LAND_COLUMN: [LandUse, 'paddy' | 'other' | 'orchard'][] = [
  ['paddy', 'paddy'],
  ['dryland', 'other'],
  ['vegetable', 'other'],
  ['orchard', 'orchard'],
  ['grassland', 'other'],
  ['forest', 'other'],
  ['other', 'other'],
];

describe('pH bands', () => {
  it.each(PH_POINTS)('pH %f is in band %i', (pH, band) => {
    expect(phBandIndex(pH, [5.5, 6.5, 7.5])).toBe(band);
  });
});

describe('GB 15618-2018 applicable values at every band boundary, metal and land use', () => {
  const cases: [string, LandUse, number, number, number | null][] = [];
  for (const metal of Object.keys(SCREENING)) {
    for (const [landUse, column] of LAND_COLUMN) {
      for (const [pH, band] of PH_POINTS) {
        const iv = INTERVENTION[metal];
        cases.push([metal, landUse, pH, SCREENING[metal][column][band], iv ? iv[band] : null]);
      }
    }
  }
  it.each(cases)(
    '%s on %s at pH %f: screening %f, intervention %s',
    (metal, landUse, pH, screening, intervention) => {
      const v = applicableValues(GB15618_2018, metal, { pH, landUse });
      expect(v.screening).toBe(screening);
      expect(v.intervention).toBe(intervention);
    },
  );
});

describe('farmland class of one concentration', () => {
  // Paddy at pH 6.0 (band 1): Cd screening 0.4, intervention 2.0.
  const cd = applicableValues(GB15618_2018, 'Cd', { pH: 6.0, landUse: 'paddy' });
  it.each([
    [0.39, 'priority_protection'],
    [0.4, 'priority_protection'], // equal to the screening value does not exceed it
    [0.41, 'safe_utilization'],
    [2.0, 'safe_utilization'], // equal to the intervention value does not exceed it
    [2.01, 'strict_control'],
  ])('Cd %f mg/kg → %s', (c, cls) => {
    expect(classifyConcentration(c, cd, 'farmland')).toBe(cls);
  });

  it.each(['Cu', 'Ni', 'Zn'])(
    '%s far above screening is only safe utilization (no intervention value)',
    (metal) => {
      const v = applicableValues(GB15618_2018, metal, { pH: 5.0, landUse: 'dryland' });
      expect(v.intervention).toBeNull();
      expect(classifyConcentration(100000, v, 'farmland')).toBe('safe_utilization');
    },
  );
});

describe('the worst metal decides', () => {
  it('takes the most severe class', () => {
    expect(worstClass(['priority_protection', 'safe_utilization', 'priority_protection'])).toBe(
      'safe_utilization',
    );
    expect(worstClass(['safe_utilization', 'strict_control', null])).toBe('strict_control');
    expect(worstClass([null, null])).toBeNull();
    expect(worstClass(['below_screening', 'above_intervention', 'above_screening'])).toBe(
      'above_intervention',
    );
  });
});

describe('missing site data', () => {
  it('throws without pH or land use, and for construction land', () => {
    expect(() => applicableValues(GB15618_2018, 'Cd', { landUse: 'paddy' })).toThrow(RangeError);
    expect(() => applicableValues(GB15618_2018, 'Cd', { pH: 6 })).toThrow(RangeError);
    expect(() => applicableValues(GB15618_2018, 'Cd', { pH: 6, landUse: 'construction_1' })).toThrow(
      RangeError,
    );
  });
});
