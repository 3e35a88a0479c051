// Lead isotope ratios for a subset of soil samples. Three isotopic end-members cover the five
// sources: natural Pb (parent material; fertilizer and manure Pb is taken as recycled local soil
// Pb with the same signature), ore Pb (the county's Pb–Zn mine fed both smelters, so mining and
// smelter dust share it) and leaded-petrol Pb (traffic). Ratios with 207Pb as the common
// denominator mix linearly in the amount of 207Pb (soil-standards.md, "Lead isotope mixing"):
// R_mix = Σ n7_k R_k / Σ n7_k, n7_k = Pb_k · a7_k, a7 = 1 / (1 + R206/207 + R208/207 + R204/207)
// the 207Pb atom fraction (atomic-mass differences ignored; 206Pb/204Pb taken as 18.5).

import { csvText } from './csv.ts';
import type { Random } from './random.ts';
import type { SoilSample } from './soil.ts';
import type { SourceId } from './sources.ts';
import type { SpeciesVector } from './species.ts';

export const ISOTOPE_END_MEMBERS = ['natural', 'ore', 'petrol'] as const;
export type IsotopeEndMember = (typeof ISOTOPE_END_MEMBERS)[number];

/** [206Pb/207Pb, 208Pb/207Pb] of each end-member; chosen for the case, within Chinese ranges (Bi et al. 2017). */
export const END_MEMBER_RATIOS: Record<IsotopeEndMember, readonly [number, number]> = {
  natural: [1.195, 2.485],
  ore: [1.16, 2.44],
  petrol: [1.15, 2.395],
};

/** Half-width of the end-member ranges published with the data (for Monte Carlo). */
export const END_MEMBER_HALF_RANGE = 0.004;

export const END_MEMBER_OF_SOURCE: Record<SourceId, IsotopeEndMember> = {
  parent_material: 'natural',
  agriculture: 'natural',
  industrial_deposition: 'ore',
  mining: 'ore',
  traffic: 'petrol',
};

/** Relative measurement sd of each ratio (quadrupole ICP-MS with bracketing: about 0.1 %). */
export const RATIO_RELATIVE_SD = 0.001;

export const ISOTOPE_SAMPLE_COUNT = 60;

export interface IsotopeSample {
  id: string;
  lon: number;
  lat: number;
  pb: number;
  /** Measured ratios (rounded to 4 decimals). */
  measured: [number, number];
  /** Noise-free ratios of the mixture. */
  noiseFree: [number, number];
  /** Shares of each end-member in the sample's Pb by mass, and by 207Pb amount (what mixing equations return). */
  massShares: Record<IsotopeEndMember, number>;
  atom207Shares: Record<IsotopeEndMember, number>;
}

function atom207Fraction([r6, r8]: readonly [number, number]): number {
  return 1 / (1 + r6 + r8 + r6 / 18.5);
}

export function generateIsotopeSamples(
  random: Random,
  soils: SoilSample[],
  profiles: Record<SourceId, SpeciesVector>,
  lonLat: (s: SoilSample) => { lon: number; lat: number },
): IsotopeSample[] {
  const pbBySource = (s: SoilSample) => {
    const out: Record<IsotopeEndMember, number> = { natural: 0, ore: 0, petrol: 0 };
    for (const [k, end] of Object.entries(END_MEMBER_OF_SOURCE) as [SourceId, IsotopeEndMember][]) {
      out[end] += s.g[k] * profiles[k].Pb;
    }
    return out;
  };
  // A consultant sends the samples that can tell sources apart: the most ore- and petrol-affected
  // ones, plus background samples for the natural end-member.
  const withShares = soils.map((s) => {
    const pb = pbBySource(s);
    const total = pb.natural + pb.ore + pb.petrol;
    return { s, ore: pb.ore / total, petrol: pb.petrol / total };
  });
  const chosen = new Set<SoilSample>();
  for (const x of [...withShares].sort((a, b) => b.ore - a.ore).slice(0, 25)) chosen.add(x.s);
  for (const x of [...withShares].sort((a, b) => b.petrol - a.petrol).slice(0, 15)) chosen.add(x.s);
  const rest = withShares.filter((x) => !chosen.has(x.s));
  while (chosen.size < ISOTOPE_SAMPLE_COUNT) chosen.add(rest.splice(random.integer(rest.length), 1)[0].s);
  const ordered = soils.filter((s) => chosen.has(s));

  return ordered.map((s) => {
    const pb = pbBySource(s);
    const totalPb = pb.natural + pb.ore + pb.petrol;
    const n7 = {} as Record<IsotopeEndMember, number>;
    for (const e of ISOTOPE_END_MEMBERS) n7[e] = pb[e] * atom207Fraction(END_MEMBER_RATIOS[e]);
    const total7 = n7.natural + n7.ore + n7.petrol;
    const noiseFree: [number, number] = [0, 1].map((i) =>
      ISOTOPE_END_MEMBERS.reduce((sum, e) => sum + (n7[e] / total7) * END_MEMBER_RATIOS[e][i], 0),
    ) as [number, number];
    const measured = noiseFree.map((r) =>
      Number((r * (1 + RATIO_RELATIVE_SD * random.normal())).toFixed(4)),
    ) as [number, number];
    const { lon, lat } = lonLat(s);
    const share = (values: Record<IsotopeEndMember, number>, total: number) =>
      Object.fromEntries(ISOTOPE_END_MEMBERS.map((e) => [e, values[e] / total])) as Record<
        IsotopeEndMember,
        number
      >;
    return {
      id: s.id,
      lon,
      lat,
      pb: s.reported.Pb.kind === 'value' ? s.reported.Pb.value : Number.NaN,
      measured,
      noiseFree,
      massShares: share(pb, totalPb),
      atom207Shares: share(n7, total7),
    };
  });
}

export function isotopeSamplesCsv(samples: IsotopeSample[]): string {
  return csvText(
    ['sample_id', 'lon', 'lat', 'Pb_mg_kg', '206Pb/207Pb', '208Pb/207Pb'],
    samples.map((s) => [
      s.id,
      s.lon.toFixed(6),
      s.lat.toFixed(6),
      Number.isNaN(s.pb) ? '' : s.pb.toFixed(1),
      s.measured[0].toFixed(4),
      s.measured[1].toFixed(4),
    ]),
  );
}

export function endMembersCsv(): string {
  const h = END_MEMBER_HALF_RANGE;
  return csvText(
    ['end_member', 'sources', '206Pb/207Pb_min', '206Pb/207Pb_max', '208Pb/207Pb_min', '208Pb/207Pb_max'],
    ISOTOPE_END_MEMBERS.map((e) => {
      const [r6, r8] = END_MEMBER_RATIOS[e];
      const sources = (Object.entries(END_MEMBER_OF_SOURCE) as [SourceId, IsotopeEndMember][])
        .filter(([, end]) => end === e)
        .map(([k]) => k)
        .join(';');
      return [e, sources, (r6 - h).toFixed(3), (r6 + h).toFixed(3), (r8 - h).toFixed(3), (r8 + h).toFixed(3)];
    }),
  );
}
