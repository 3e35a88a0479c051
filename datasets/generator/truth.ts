// The known truth behind the case study, as written to truth.json.

import type { InputPathway } from '../../analysis/domain/industries.ts';
import { INDUSTRY_LABELS } from '../../analysis/domain/industries.ts';
import { GRAIN_CD_MODEL, type RiceSample } from './crops.ts';
import { type Enterprise, SMELTER_EMISSION_RATIO } from './enterprises.ts';
import { FLUX_ZONES, type FluxBudget, type FluxZone, PLOUGH_LAYER_KG_PER_HA } from './fluxes.ts';
import { factorDetectorQ } from './geodetector-q.ts';
import { COUNTY, EXTENT_KM, LITHOLOGY_LABELS, ORIGIN } from './geography.ts';
import {
  END_MEMBER_OF_SOURCE,
  END_MEMBER_RATIOS,
  ISOTOPE_END_MEMBERS,
  type IsotopeEndMember,
  type IsotopeSample,
  RATIO_RELATIVE_SD,
} from './isotopes.ts';
import { PMF_ERROR_FRACTION } from './pmf.ts';
import { interventionValue, screeningValue } from './screening.ts';
import { DETECTION_LIMITS, GRID_CELL_KM, NOISE_LOG_SD, type SoilSample } from './soil.ts';
import {
  AGRICULTURE_INTENSITY,
  LITHOLOGY_MULTIPLIER,
  SOURCE_LABELS,
  SOURCES,
  type SourceId,
} from './sources.ts';
import { METALS, type Metal, SPECIES, type Species, type SpeciesVector } from './species.ts';
import type { SampleFactors } from './write.ts';

export const GENERATOR_VERSION = 1;

/** GB 2762-2022 maximum levels in rice grain (mg/kg); As is the inorganic-As limit, applied here to total As. */
export const RICE_LIMITS = { Cd: 0.2, Pb: 0.2, As: 0.2, Hg: 0.02, Cr: 1.0 } as const;

type Shares = Record<SourceId, number>;

export interface Truth {
  description: string;
  generator: {
    name: string;
    version: number;
    seed: number;
    command: string;
    parameters: Record<string, unknown>;
  };
  county: Record<string, unknown>;
  speciesOrder: readonly Species[];
  sourceOrder: readonly SourceId[];
  sources: {
    id: SourceId;
    zh: string;
    en: string;
    profileMgPerKg: SpeciesVector;
    percentOfSpecies: SpeciesVector;
    meanContributionShare: number;
  }[];
  sharesPerSpecies: Record<Species, Shares>;
  meanOfSampleSharesPerSpecies: Record<Species, Shares>;
  samples: {
    id: string;
    g: number[];
    industrialByEnterprise: Record<string, number>;
    noiseFree: number[];
  }[];
  enterprises: {
    id: string;
    name: string;
    industry: string;
    contributesTo: SourceId | null;
    note: string;
    samplesWithCdContributionAbove0_1: number;
    maxCdContributionMgPerKg: number;
    shareOfIndustrialCdTotal: number;
  }[];
  exceedance: {
    basis: string;
    perMetal: Record<
      Metal,
      { assessed: number; aboveScreening: number; screeningRate: number; aboveIntervention: number }
    >;
    farmlandClasses: {
      assessed: number;
      priorityProtection: number;
      safeUtilization: number;
      strictControl: number;
    };
    cdAboveScreeningByLandUse: Record<string, { samples: number; above: number }>;
  };
  rice: {
    samples: number;
    grainCdModel: typeof GRAIN_CD_MODEL;
    limits: typeof RICE_LIMITS;
    aboveLimit: Record<keyof typeof RICE_LIMITS, number>;
    cdExceedanceRate: number;
  };
  flux: {
    ploughLayerKgPerHa: number;
    zoneAreaHa: Record<FluxZone, number>;
    smelterExtraDepositionGPerHaPerYear: Record<Metal, number>;
    zones: Record<
      FluxZone,
      Record<
        Metal,
        {
          inputs: number;
          outputs: number;
          net: number;
          deltaCMgPerKgPerYear: number;
          inputShares: Record<InputPathway, number>;
        }
      >
    >;
    countyAreaWeighted: Record<
      Metal,
      { inputs: number; outputs: number; net: number; inputShares: Record<InputPathway, number> }
    >;
  };
  geodetectorReferenceQ: Record<string, Record<string, number>>;
  /** What an importer must find: censored and missing cells per species, missing pH and organic matter. */
  dataQuality: {
    censored: Record<Species, number>;
    missing: Record<Species, number>;
    missingPh: number;
    missingOrganicMatter: number;
    laboratoryBSamples: number;
  };
  /** Lead isotopes of the pb-isotopes.csv subset; filled in by the case study after the truth is built. */
  isotopes: IsotopeTruth;
  /** Parent-material concentration of each lithology where the smooth field is 0 (mg/kg): the natural background. */
  backgroundByLithology: Record<string, SpeciesVector>;
}

const r6 = (v: number) => Number(v.toPrecision(6));

export interface IsotopeTruth {
  description: string;
  endMembers: Record<IsotopeEndMember, { ratios: readonly [number, number]; sources: SourceId[] }>;
  endMemberOrder: readonly IsotopeEndMember[];
  ratioRelativeSd: number;
  samples: { id: string; noiseFree: number[]; massShares: number[]; atom207Shares: number[] }[];
}

export function isotopeTruth(samples: IsotopeSample[]): IsotopeTruth {
  const endMembers = {} as IsotopeTruth['endMembers'];
  for (const e of ISOTOPE_END_MEMBERS) {
    endMembers[e] = {
      ratios: END_MEMBER_RATIOS[e],
      sources: SOURCES.filter((k) => END_MEMBER_OF_SOURCE[k] === e),
    };
  }
  return {
    description:
      "Ratios [206Pb/207Pb, 208Pb/207Pb]. atom207Shares are the 207Pb-weighted shares that ternary mixing on these ratios returns exactly for the noise-free ratios; massShares are shares of Pb mass (they differ by the end-members' 207Pb atom fractions, < 1 %).",
    endMembers,
    endMemberOrder: ISOTOPE_END_MEMBERS,
    ratioRelativeSd: RATIO_RELATIVE_SD,
    samples: samples.map((s) => ({
      id: s.id,
      noiseFree: s.noiseFree.map(r6),
      massShares: ISOTOPE_END_MEMBERS.map((e) => r6(s.massShares[e])),
      atom207Shares: ISOTOPE_END_MEMBERS.map((e) => r6(s.atom207Shares[e])),
    })),
  };
}
const r4 = (v: number) => Number(v.toPrecision(4));

interface TruthInput {
  seed: number;
  soils: SoilSample[];
  factors: SampleFactors[];
  rice: RiceSample[];
  enterprises: Enterprise[];
  profiles: Record<SourceId, SpeciesVector>;
  flux: FluxBudget;
  kernelAreas: Record<string, number>;
  /** Parent-material profile per raw unit (lithology multiplier 1). */
  rawParentProfile: SpeciesVector;
}

function zeroShares(): Shares {
  return { parent_material: 0, agriculture: 0, industrial_deposition: 0, mining: 0, traffic: 0 };
}

/** The value an assessment sees: reported value, half the detection limit if censored, undefined if missing. */
export function assessedValue(sample: SoilSample, s: Species): number | undefined {
  const r = sample.reported[s];
  if (r.kind === 'value') return r.value;
  if (r.kind === 'censored') return r.limit / 2;
  return undefined;
}

export function buildTruth(input: TruthInput): Truth {
  const { soils, profiles, flux } = input;
  const sharesPerSpecies = {} as Record<Species, Shares>;
  const meanOfSampleShares = {} as Record<Species, Shares>;
  for (const s of SPECIES) {
    const total = SOURCES.reduce((sum, k) => sum + profiles[k][s], 0);
    const shares = zeroShares();
    const sampleShares = zeroShares();
    for (const k of SOURCES) shares[k] = r6(profiles[k][s] / total);
    for (const sample of soils) {
      for (const k of SOURCES)
        sampleShares[k] += (sample.g[k] * profiles[k][s]) / sample.noiseFree[s] / soils.length;
    }
    for (const k of SOURCES) sampleShares[k] = r6(sampleShares[k]);
    sharesPerSpecies[s] = shares;
    meanOfSampleShares[s] = sampleShares;
  }
  const totalMass = SPECIES.reduce((sum, s) => sum + SOURCES.reduce((a, k) => a + profiles[k][s], 0), 0);

  // Exceedances as an assessment of the reported data sees them.
  const perMetal = {} as Truth['exceedance']['perMetal'];
  for (const m of METALS) {
    let assessed = 0;
    let above = 0;
    let aboveIntervention = 0;
    for (const sample of soils) {
      const v = assessedValue(sample, m);
      if (v === undefined || !sample.pHReported) continue;
      assessed++;
      if (v > screeningValue(m, sample.landUse, sample.pH)) above++;
      const iv = interventionValue(m, sample.pH);
      if (iv !== undefined && v > iv) aboveIntervention++;
    }
    perMetal[m] = { assessed, aboveScreening: above, screeningRate: r4(above / assessed), aboveIntervention };
  }
  const classes = { assessed: 0, priorityProtection: 0, safeUtilization: 0, strictControl: 0 };
  const cdByLandUse: Record<string, { samples: number; above: number }> = {};
  for (const sample of soils) {
    if (!sample.pHReported) continue;
    let worst = 0;
    let complete = true;
    for (const m of METALS) {
      const v = assessedValue(sample, m);
      if (v === undefined) {
        complete = false;
        continue;
      }
      const iv = interventionValue(m, sample.pH);
      if (iv !== undefined && v > iv) worst = Math.max(worst, 2);
      else if (v > screeningValue(m, sample.landUse, sample.pH)) worst = Math.max(worst, 1);
    }
    const cd = assessedValue(sample, 'Cd');
    if (cd !== undefined) {
      const row = cdByLandUse[sample.landUse] ?? { samples: 0, above: 0 };
      row.samples++;
      if (cd > screeningValue('Cd', sample.landUse, sample.pH)) row.above++;
      cdByLandUse[sample.landUse] = row;
    }
    if (!complete && worst < 2) continue;
    classes.assessed++;
    if (worst === 0) classes.priorityProtection++;
    else if (worst === 1) classes.safeUtilization++;
    else classes.strictControl++;
  }

  const emitters = input.enterprises.filter((e) => e.plume);
  const industrialCdTotal = soils.reduce(
    (sum, s) => sum + s.g.industrial_deposition * profiles.industrial_deposition.Cd,
    0,
  );
  const enterprises = input.enterprises.map((e) => {
    const contributesTo: SourceId | null = e.plume
      ? 'industrial_deposition'
      : e.id === 'QX-E03'
        ? 'mining'
        : null;
    let count = 0;
    let max = 0;
    let sum = 0;
    for (const s of soils) {
      const cd =
        contributesTo === 'industrial_deposition'
          ? (s.byEnterprise[e.id] ?? 0) * profiles.industrial_deposition.Cd
          : contributesTo === 'mining'
            ? s.g.mining * profiles.mining.Cd
            : 0;
      if (cd > 0.1) count++;
      max = Math.max(max, cd);
      if (contributesTo === 'industrial_deposition') sum += cd;
    }
    return {
      id: e.id,
      name: e.nameZh,
      industry: INDUSTRY_LABELS[e.industry].en,
      contributesTo,
      note: e.truthNote,
      samplesWithCdContributionAbove0_1: count,
      maxCdContributionMgPerKg: r4(max),
      shareOfIndustrialCdTotal: contributesTo === 'industrial_deposition' ? r4(sum / industrialCdTotal) : 0,
    };
  });

  const riceAbove = { Cd: 0, Pb: 0, As: 0, Hg: 0, Cr: 0 };
  for (const r of input.rice)
    for (const key of Object.keys(riceAbove) as (keyof typeof riceAbove)[])
      if (r[key] > RICE_LIMITS[key]) riceAbove[key]++;

  // Flux budget per zone and area-weighted over the county.
  const zones = {} as Truth['flux']['zones'];
  const county = {} as Truth['flux']['countyAreaWeighted'];
  const totalArea = FLUX_ZONES.reduce((s, z) => s + flux.zoneAreaHa[z], 0);
  for (const m of METALS) {
    const countyInputs: Record<string, number> = {};
    let countyOut = 0;
    for (const zone of FLUX_ZONES) {
      const rows = flux.rows.filter((row) => row.zone === zone && row.metal === m);
      const inputs = rows.filter((row) => row.direction === 'input');
      const inSum = inputs.reduce((s, row) => s + row.fluxGPerHaPerYear, 0);
      const outSum = rows
        .filter((row) => row.direction === 'output')
        .reduce((s, row) => s + row.fluxGPerHaPerYear, 0);
      const shares = {} as Record<InputPathway, number>;
      for (const row of inputs) {
        shares[row.pathway as InputPathway] = r4(row.fluxGPerHaPerYear / inSum);
        countyInputs[row.pathway] =
          (countyInputs[row.pathway] ?? 0) + (row.fluxGPerHaPerYear * flux.zoneAreaHa[zone]) / totalArea;
      }
      countyOut += (outSum * flux.zoneAreaHa[zone]) / totalArea;
      zones[zone] ??= {} as Truth['flux']['zones'][FluxZone];
      zones[zone][m] = {
        inputs: r4(inSum),
        outputs: r4(outSum),
        net: r4(inSum - outSum),
        deltaCMgPerKgPerYear: r4(((inSum - outSum) * 1000) / PLOUGH_LAYER_KG_PER_HA),
        inputShares: shares,
      };
    }
    const countyIn = Object.values(countyInputs).reduce((a, b) => a + b, 0);
    const countyShares = {} as Record<InputPathway, number>;
    for (const [p, v] of Object.entries(countyInputs)) countyShares[p as InputPathway] = r4(v / countyIn);
    county[m] = {
      inputs: r4(countyIn),
      outputs: r4(countyOut),
      net: r4(countyIn - countyOut),
      inputShares: countyShares,
    };
  }

  // Reference GeoDetector q on the values of soil-samples-en.csv.
  const strata: Record<string, string[]> = {
    land_use: soils.map((s) => s.landUse),
    lithology: soils.map((s) => s.lithology),
    soil_type: input.factors.map((f) => f.soilType),
    elevation_class: input.factors.map((f) => f.elevationClass),
    ph_class: input.factors.map((f) => f.phClass),
    dist_smelter_class: input.factors.map((f) => f.distSmelterClass),
    dist_mine_class: input.factors.map((f) => f.distMineClass),
    flux_zone: input.factors.map((f) => f.fluxZone),
  };
  const geodetectorReferenceQ: Record<string, Record<string, number>> = {};
  for (const s of SPECIES) {
    const values = soils.map((sample) => assessedValue(sample, s) ?? Number.NaN);
    geodetectorReferenceQ[s] = {};
    for (const [factor, labels] of Object.entries(strata))
      geodetectorReferenceQ[s][factor] = r4(factorDetectorQ(values, labels));
  }

  return {
    description:
      'Known truth of the SoilTrace case study (fictional Qingxi County, Zhejiang style). Noise-free concentration of species j in sample i: x_ij = Σ_k g_ik · f_kj, with g = samples[i].g (mean 1 per source over all samples, EPA PMF 5 normalisation) and f = sources[k].profileMgPerKg. Reported concentrations = x_ij · exp(σ_j·z − σ_j²/2), rounded, censored below the laboratory detection limit. See TRUTH.md.',
    generator: {
      name: 'datasets/generate-case-study.ts',
      version: GENERATOR_VERSION,
      seed: input.seed,
      command: 'npm run generate:case-study',
      parameters: {
        gridCellKm: GRID_CELL_KM,
        noiseLogSd: NOISE_LOG_SD,
        detectionLimits: DETECTION_LIMITS,
        pmfErrorFraction: PMF_ERROR_FRACTION,
        lithologyMultiplier: LITHOLOGY_MULTIPLIER,
        agricultureIntensity: AGRICULTURE_INTENSITY,
        smelterEmissionRatioPerKgCd: SMELTER_EMISSION_RATIO,
        plumes: emitters.map((e) => ({
          id: e.id,
          ...e.plume,
          kernelAreaKm2: r6(input.kernelAreas[e.id]),
          depositedCdKg: r6(
            (e.plume?.depositedFraction ?? 0) *
              (e.plume?.historicalCdAirKgPerYear ?? 0) *
              (e.plume?.years ?? 0),
          ),
        })),
        ploughLayerKgPerHa: PLOUGH_LAYER_KG_PER_HA,
      },
    },
    county: {
      ...COUNTY,
      originLonLat: ORIGIN,
      extentKm: EXTENT_KM,
      lithologies: LITHOLOGY_LABELS,
      prevailingWinds: 'NE (winter monsoon, more frequent) and SW (summer); plumes stretch SW > NE',
    },
    speciesOrder: SPECIES,
    sourceOrder: SOURCES,
    sources: SOURCES.map((k) => {
      const percent = {} as SpeciesVector;
      for (const s of SPECIES) percent[s] = r4(100 * sharesPerSpecies[s][k]);
      const profile = {} as SpeciesVector;
      for (const s of SPECIES) profile[s] = r6(profiles[k][s]);
      return {
        id: k,
        zh: SOURCE_LABELS[k].zh,
        en: SOURCE_LABELS[k].en,
        profileMgPerKg: profile,
        percentOfSpecies: percent,
        meanContributionShare: r4(SPECIES.reduce((a, s) => a + profiles[k][s], 0) / totalMass),
      };
    }),
    sharesPerSpecies,
    meanOfSampleSharesPerSpecies: meanOfSampleShares,
    samples: soils.map((s) => ({
      id: s.id,
      g: SOURCES.map((k) => r6(s.g[k])),
      industrialByEnterprise: Object.fromEntries(
        Object.entries(s.byEnterprise).map(([id, v]) => [id, r6(v)]),
      ),
      noiseFree: SPECIES.map((sp) => r6(s.noiseFree[sp])),
    })),
    enterprises,
    exceedance: {
      basis:
        'GB 15618-2018 screening/intervention values (soil-standards.md) applied to the reported values (censored = DL/2, never above); samples with missing pH or a missing value are left out of that metal (classes: out unless already strict control).',
      perMetal,
      farmlandClasses: classes,
      cdAboveScreeningByLandUse: cdByLandUse,
    },
    rice: {
      samples: input.rice.length,
      grainCdModel: GRAIN_CD_MODEL,
      limits: RICE_LIMITS,
      aboveLimit: riceAbove,
      cdExceedanceRate: r4(riceAbove.Cd / input.rice.length),
    },
    flux: {
      ploughLayerKgPerHa: PLOUGH_LAYER_KG_PER_HA,
      zoneAreaHa: flux.zoneAreaHa,
      smelterExtraDepositionGPerHaPerYear: Object.fromEntries(
        METALS.map((m) => [m, r4(flux.smelterDepositionGPerHaPerYear[m])]),
      ) as Record<Metal, number>,
      zones,
      countyAreaWeighted: county,
    },
    geodetectorReferenceQ,
    dataQuality: {
      censored: Object.fromEntries(
        SPECIES.map((s) => [s, soils.filter((x) => x.reported[s].kind === 'censored').length]),
      ) as Record<Species, number>,
      missing: Object.fromEntries(
        SPECIES.map((s) => [s, soils.filter((x) => x.reported[s].kind === 'missing').length]),
      ) as Record<Species, number>,
      missingPh: soils.filter((x) => !x.pHReported).length,
      missingOrganicMatter: soils.filter((x) => !x.organicMatterReported).length,
      laboratoryBSamples: soils.filter((x) => x.laboratory === 'B').length,
    },
    isotopes: isotopeTruth([]),
    backgroundByLithology: Object.fromEntries(
      Object.entries(LITHOLOGY_MULTIPLIER).map(([lithology, multiplier]) => {
        const values = {} as SpeciesVector;
        for (const s of SPECIES) values[s] = r6(input.rawParentProfile[s] * multiplier);
        return [lithology, values];
      }),
    ),
  };
}
