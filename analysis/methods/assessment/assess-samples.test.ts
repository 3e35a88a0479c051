import { describe, expect, it } from 'vitest';
import { SoilTraceError } from '../../errors.ts';
import { assessSamples, type SoilSample } from './assess-samples.ts';
import { backgroundFromUserTable } from './standards/background-values.ts';
import { GB15618_2018 } from './standards/gb15618-2018.ts';
import { GB36600_2018_CLASS_1, GB36600_2018_CLASS_2 } from './standards/gb36600-2018.ts';
import { standardFromUserTable } from './standards/user-standard.ts';

const sample = (
  sampleId: string,
  concentrations: Record<string, number>,
  extra: Partial<SoilSample> = {},
): SoilSample => ({
  sampleId,
  pH: 6.0,
  landUse: 'dryland',
  concentrations,
  ...extra,
});

// GB 36600-2018 Table 1 typed by hand: [screening class 1, class 2, intervention class 1, class 2].
const GB36600: Record<string, [number, number, number, number]> = {
  As: [20, 60, 120, 140],
  Cd: [20, 65, 47, 172],
  CrVI: [3.0, 5.7, 30, 78],
  Cu: [2000, 18000, 8000, 36000],
  Pb: [400, 800, 800, 2500],
  Hg: [8, 38, 33, 82],
  Ni: [150, 900, 600, 2000],
};

describe('GB 36600-2018 classes', () => {
  const cases: [string, 1 | 2, number, string][] = [];
  for (const [metal, [s1, s2, i1, i2]] of Object.entries(GB36600)) {
    for (const [cls, s, i] of [
      [1, s1, i1],
      [2, s2, i2],
    ] as const) {
      cases.push([metal, cls, s, 'below_screening']);
      cases.push([metal, cls, s * 1.01, 'above_screening']);
      cases.push([metal, cls, i, 'above_screening']);
      cases.push([metal, cls, i * 1.01, 'above_intervention']);
    }
  }
  it.each(cases)('%s class %i at %f mg/kg → %s', (metal, landClass, value, expected) => {
    const standard = landClass === 1 ? GB36600_2018_CLASS_1 : GB36600_2018_CLASS_2;
    const r = assessSamples([sample('S', { [metal]: value }, { pH: undefined, landUse: undefined })], {
      standard,
    });
    expect(r.samples[0].metals[metal].class).toBe(expected);
    expect(r.samples[0].class).toBe(expected);
  });

  it('total Cr has no GB 36600 value and is flagged', () => {
    const r = assessSamples([sample('S', { Cr: 5000, Pb: 100 })], { standard: GB36600_2018_CLASS_1 });
    expect(r.samples[0].metals.Cr).toMatchObject({ screening: null, class: null, pi: null });
    expect(r.samples[0].class).toBe('below_screening');
    expect(r.warnings.map((w) => w.code)).toContain('total_cr_construction');
  });

  it('As at or below the local background is not counted (Table 1 note)', () => {
    const background = backgroundFromUserTable({
      id: 'local',
      name: '本地',
      source: 'test',
      values: { As: 30 },
    });
    const r = assessSamples([sample('S', { As: 25 })], { standard: GB36600_2018_CLASS_1, background });
    expect(r.samples[0].metals.As.class).toBe('below_screening');
    expect(r.warnings.map((w) => w.code)).toContain('as_background');
  });
});

describe('farmland aggregation', () => {
  it('Cu, Ni, Zn never make strict control on their own; Cd above intervention does', () => {
    // dryland pH 6.0: Cu screening 50 (none above), Ni 70, Zn 200; Cd 0.3 / 2.0.
    const r = assessSamples(
      [sample('A', { Cu: 5000, Ni: 5000, Zn: 5000, Cd: 0.2 }), sample('B', { Cu: 60, Cd: 2.5 })],
      { standard: GB15618_2018 },
    );
    expect(r.samples[0].class).toBe('safe_utilization');
    expect(r.samples[0].decidingMetals).toEqual(['Cu', 'Ni', 'Zn']);
    expect(r.samples[1].class).toBe('strict_control');
    expect(r.samples[1].decidingMetals).toEqual(['Cd']);
  });

  it('per-metal output for a paddy sample at pH 7.5 (band 6.5–7.5)', () => {
    // Paddy, band 2: Cd screening 0.6, intervention 3.0; Pb 140 / 700.
    // Cd 0.9: Pi = 1.5, Igeo = log2(0.9/(1.5·0.097)) = log2(6.185567) = ln 6.185567 / ln 2 = 1.822218 / 0.693147 = 2.628906, Er = 30·0.9/0.097 = 278.3505
    // Pb 70: Pi = 0.5, Igeo = log2(70/39) = log2(1.794872) = 0.843881, Er = 5·70/26 = 13.461538
    // PN = sqrt((((1.5 + 0.5)/2)² + 1.5²)/2) = sqrt((1 + 2.25)/2) = 1.274755; RI = 291.8120
    const r = assessSamples([sample('P', { Cd: 0.9, Pb: 70 }, { pH: 7.5, landUse: 'paddy' })], {
      standard: GB15618_2018,
    });
    const s = r.samples[0];
    expect(s.phBand).toBe(2);
    expect(s.metals.Cd).toMatchObject({
      screening: 0.6,
      intervention: 3.0,
      class: 'safe_utilization',
      igeoClass: 3,
      erClass: 'high',
    });
    expect(s.metals.Cd.pi).toBeCloseTo(1.5, 12);
    expect(s.metals.Cd.igeo).toBeCloseTo(2.628906, 6);
    expect(s.metals.Cd.er).toBeCloseTo(278.3505, 4);
    expect(s.metals.Pb.igeo).toBeCloseTo(0.843881, 6);
    expect(s.metals.Pb.er).toBeCloseTo(13.461538, 6);
    expect(s.nemerow).toBeCloseTo(1.274755, 6);
    expect(s.ri).toBeCloseTo(291.812, 3);
    expect(s.riClass).toBe('moderate');
  });

  it('Pi against the background when asked', () => {
    // Cd 0.2 / 0.097 = 2.061856
    const r = assessSamples([sample('S', { Cd: 0.2 })], {
      standard: GB15618_2018,
      piReference: 'background',
    });
    expect(r.samples[0].metals.Cd.pi).toBeCloseTo(2.061856, 6);
  });

  it('EF against a reference element', () => {
    // (0.4/30000)/(0.2/20000) = 1.333333
    const background = backgroundFromUserTable({
      id: 'b',
      name: 'b',
      source: 't',
      values: { Cd: 0.2, Fe: 20000 },
    });
    const r = assessSamples([sample('S', { Cd: 0.4, Fe: 30000 })], {
      standard: GB15618_2018,
      background,
      efReference: 'Fe',
    });
    expect(r.samples[0].metals.Cd.ef).toBeCloseTo(1.333333, 6);
    expect(r.samples[0].metals.Cd.efClass).toBe('minimal');
    expect(r.metals).toEqual(['Cd']);
  });
});

describe('summary table', () => {
  it('per-metal statistics worked by hand', () => {
    // Cd 0.2, 0.3, 0.5, 1.0 on dryland pH 6.0 (screening 0.3, intervention 2.0)
    // mean 0.5; SS = 0.09+0.04+0+0.25 = 0.38; SD = sqrt(0.38/3) = 0.355903; CV = 0.711805
    // median 0.4; p25 = 0.2 + 0.75·0.1 = 0.275 (type 7); exceedance 2/4 = 0.5
    const r = assessSamples(
      [0.2, 0.3, 0.5, 1.0].map((cd, i) => sample(`S${i}`, { Cd: cd })),
      { standard: GB15618_2018 },
    );
    const cd = r.summary.metals[0];
    expect(cd).toMatchObject({
      metal: 'Cd',
      n: 4,
      min: 0.2,
      max: 1.0,
      background: 0.097,
      exceedanceRate: 0.5,
    });
    expect(cd.mean).toBeCloseTo(0.5, 12);
    expect(cd.sd).toBeCloseTo(0.355903, 6);
    expect(cd.cv).toBeCloseTo(0.711805, 6);
    expect(cd.median).toBeCloseTo(0.4, 12);
    expect(cd.percentiles.p25).toBeCloseTo(0.275, 12);
    expect(cd.screening).toEqual({ min: 0.3, max: 0.3 });
    expect(cd.classShares).toEqual({ priority_protection: 0.5, safe_utilization: 0.5, strict_control: 0 });
    expect(r.summary.classCounts).toEqual({ priority_protection: 2, safe_utilization: 2, strict_control: 0 });
  });
});

describe('incomplete and bad samples', () => {
  it('missing pH leaves the sample unassessed, or is an error naming the row when asked', () => {
    const s = [sample('S', { Cd: 0.5 }, { pH: Number.NaN, row: 7 })];
    try {
      assessSamples(s, { standard: GB15618_2018, file: 'x.csv', onIncomplete: 'error' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SoilTraceError);
      expect((e as SoilTraceError).location).toMatchObject({ file: 'x.csv', row: 7, column: 'pH' });
    }
    const r = assessSamples(s, { standard: GB15618_2018 });
    expect(r.samples[0].class).toBeNull();
    expect(r.samples[0].metals.Cd.screening).toBeNull();
    expect(r.samples[0].metals.Cd.er).toBeCloseTo((30 * 0.5) / 0.097, 8);
    expect(r.warnings.some((w) => w.code === 'unassessed' && w.sampleId === 'S')).toBe(true);
    expect(r.summary).toMatchObject({ n: 1, classified: 0 });
  });
  it('construction land is not assessed by GB 15618', () => {
    const s = [sample('S', { Cd: 1 }, { landUse: 'construction_2' })];
    expect(() => assessSamples(s, { standard: GB15618_2018, onIncomplete: 'error' })).toThrow(/gb36600/);
    expect(assessSamples(s, { standard: GB15618_2018 }).warnings[0].en).toMatch(/gb36600/);
  });
  it('rejects pH outside 0–14 and negative concentrations', () => {
    expect(() => assessSamples([sample('S', { Cd: 1 }, { pH: 14.2 })], { standard: GB15618_2018 })).toThrow(
      /pH/,
    );
    expect(() => assessSamples([sample('S', { Cd: -0.1 })], { standard: GB15618_2018 })).toThrow(/negative/);
  });
});

describe('user standard tables', () => {
  const local = {
    id: 'local-2024',
    name: '某地地方标准',
    version: 'DB 00/T 0000-2024',
    source: 'test table',
    kind: 'farmland',
    phBreaks: [6.5],
    screening: [{ metal: 'Cd', land: 'any', values: [0.25, 0.5] }],
    intervention: [{ metal: 'Cd', land: 'any', values: [1.0, 2.0] }],
  };
  it('builds and applies a user table', () => {
    const standard = standardFromUserTable(local);
    // pH 6.5 is in the lower band: screening 0.25 → 0.3 exceeds; pH 6.6: 0.5 → 0.3 does not.
    const r = assessSamples(
      [
        sample('A', { Cd: 0.3 }, { pH: 6.5 }),
        sample('B', { Cd: 0.3 }, { pH: 6.6 }),
        sample('C', { Cd: 1.1 }, { pH: 6 }),
      ],
      { standard },
    );
    expect(r.samples.map((s) => s.class)).toEqual([
      'safe_utilization',
      'priority_protection',
      'strict_control',
    ]);
    expect(r.standard).toMatchObject({ id: 'local-2024', version: 'DB 00/T 0000-2024' });
  });
  it('rejects a malformed table naming the field', () => {
    const bad = { ...local, screening: [{ metal: 'Cd', land: 'any', values: [0.25] }] };
    expect(() => standardFromUserTable(bad)).toThrow(/screening\.0\.values/);
    expect(() => standardFromUserTable({ ...local, id: 'gb15618' })).toThrow(SoilTraceError);
    expect(() => standardFromUserTable({ ...local, phBreaks: [7, 6] })).toThrow(/ascend/);
  });
});
