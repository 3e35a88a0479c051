// Builds the whole case study in memory from one seed: the tables users get and the truth behind them.

import { generateRiceSamples, type RiceSample } from './crops.ts';
import { createEnterprises, type Enterprise } from './enterprises.ts';
import { sampleFactors } from './factors.ts';
import { buildFluxBudget, type FluxBudget } from './fluxes.ts';
import { createGeography, type Geography, toLonLat } from './geography.ts';
import { endMembersCsv, generateIsotopeSamples, type IsotopeSample, isotopeSamplesCsv } from './isotopes.ts';
import { pmfFiles } from './pmf.ts';
import { createRandom } from './random.ts';
import { generateSoilSamples, type SoilSample } from './soil.ts';
import { createSourceModel, SOURCES, type SourceId } from './sources.ts';
import { SPECIES, type SpeciesVector } from './species.ts';
import { buildTruth, isotopeTruth, type Truth } from './truth.ts';
import { truthMarkdown } from './truth-doc.ts';
import {
  enterprisesCsv,
  inputFluxesCsv,
  riceSamplesCsv,
  type SampleFactors,
  soilSamplesCsv,
  soilSamplesEnglishCsv,
} from './write.ts';

export const DEFAULT_SEED = 20231016;

/**
 * The county's true geochemical background in the format `soiltrace assess --background` reads:
 * the mean parent-material contribution (mg/kg), so Igeo, EF and Er can be computed against the
 * background the data were made from instead of the national one.
 */
function backgroundJson(truth: Truth): string {
  const parent = truth.sources.find((s) => s.id === 'parent_material');
  if (!parent) throw new Error('the truth has no parent-material source');
  const table = {
    id: 'qingxi-case-study-parent-material',
    name: {
      zh: '青溪县（虚构案例）成土母质背景值',
      en: 'Qingxi County (fictional case) parent-material background',
    },
    source:
      'datasets/case-study/truth.json: mean parent-material contribution over the soil samples (known truth)',
    values: parent.profileMgPerKg,
  };
  return `${JSON.stringify(table, null, 1)}\n`;
}

/** Indented JSON, but one line per sample so the file stays small and diffable. */
function truthJson(truth: Truth): string {
  const lines = (rows: unknown[], indent: string) =>
    `[\n${rows.map((r) => `${indent} ${JSON.stringify(r)}`).join(',\n')}\n${indent}]`;
  const text = JSON.stringify(
    { ...truth, samples: '__SAMPLES__', isotopes: { ...truth.isotopes, samples: '__ISOTOPE_SAMPLES__' } },
    null,
    1,
  );
  return `${text
    .replace('"__SAMPLES__"', lines(truth.samples, ' '))
    .replace('"__ISOTOPE_SAMPLES__"', lines(truth.isotopes.samples, '  '))}\n`;
}

export interface CaseStudy {
  seed: number;
  geography: Geography;
  enterprises: Enterprise[];
  soils: SoilSample[];
  factors: SampleFactors[];
  rice: RiceSample[];
  isotopes: IsotopeSample[];
  flux: FluxBudget;
  /** Profiles in mg/kg per unit contribution, after rescaling every source to mean contribution 1. */
  profiles: Record<SourceId, SpeciesVector>;
  truth: Truth;
  /** File name (relative to datasets/case-study/) → exact content. */
  files: Record<string, string>;
}

export function buildCaseStudy(seed = DEFAULT_SEED): CaseStudy {
  const random = createRandom(seed);
  const geography = createGeography(random.fork('geography'));
  const enterprises = createEnterprises(random.fork('enterprises'));
  const sourceModel = createSourceModel(random.fork('sources'), geography, enterprises);
  const soils = generateSoilSamples(random.fork('soil'), geography, enterprises, sourceModel);

  // EPA PMF 5 normalisation: every source's contributions average 1, profiles carry the units.
  const profiles = {} as Record<SourceId, SpeciesVector>;
  for (const k of SOURCES) {
    const mean = soils.reduce((sum, s) => sum + s.g[k], 0) / soils.length;
    const profile = {} as SpeciesVector;
    for (const s of SPECIES) profile[s] = sourceModel.rawProfiles[k][s] * mean;
    profiles[k] = profile;
    for (const sample of soils) {
      sample.g[k] /= mean;
      if (k === 'industrial_deposition')
        for (const id of Object.keys(sample.byEnterprise)) sample.byEnterprise[id] /= mean;
    }
  }

  const lonLat = (p: { x: number; y: number }) => toLonLat(p);
  const factors = sampleFactors(soils, geography, enterprises);
  const rice = generateRiceSamples(random.fork('rice'), soils, (s) => toLonLat(s.point));
  const flux = buildFluxBudget(geography, enterprises);
  const truth = buildTruth({
    seed,
    soils,
    factors,
    rice,
    enterprises,
    profiles,
    flux,
    kernelAreas: sourceModel.kernelAreas,
    rawParentProfile: sourceModel.rawProfiles.parent_material,
  });
  const isotopes = generateIsotopeSamples(random.fork('isotopes'), soils, profiles, (s) => toLonLat(s.point));
  truth.isotopes = isotopeTruth(isotopes);
  const pmf = pmfFiles(soils);
  const files: Record<string, string> = {
    'soil-samples.csv': soilSamplesCsv(soils, lonLat),
    'soil-samples-en.csv': soilSamplesEnglishCsv(soils, factors, lonLat),
    'crop-samples.csv': riceSamplesCsv(rice),
    'enterprises.csv': enterprisesCsv(enterprises, lonLat),
    'input-fluxes.csv': inputFluxesCsv(flux.rows),
    'pmf-conc.csv': pmf.concentration,
    'pmf-unc.csv': pmf.uncertainty,
    'truth.json': truthJson(truth),
    'background.json': backgroundJson(truth),
    'pb-isotopes.csv': isotopeSamplesCsv(isotopes),
    'pb-isotope-end-members.csv': endMembersCsv(),
    'TRUTH.md': truthMarkdown(truth),
  };
  return { seed, geography, enterprises, soils, factors, rice, isotopes, flux, profiles, truth, files };
}
