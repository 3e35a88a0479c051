import { REGULATED_METALS } from '../../domain/elements.ts';
import { LAND_USE_LABELS, type LandUse } from '../../domain/land-use.ts';
import { SoilTraceError } from '../../errors.ts';
import { type BandScheme, classify } from './band-scheme.ts';
import {
  ER_BANDS,
  ecologicalRiskFactor,
  RI_BANDS,
  riskIndex,
  TOXIC_RESPONSE_FACTORS,
} from './ecological-risk.ts';
import { ENRICHMENT_BANDS, enrichmentFactor } from './enrichment-factor.ts';
import { GEOACCUMULATION_BANDS, geoaccumulationIndex } from './geoaccumulation-index.ts';
import { NEMEROW_BANDS, nemerowIndex } from './nemerow-index.ts';
import { applicableValues, classifyConcentration, type SoilClass, worstClass } from './screening-class.ts';
import { SINGLE_FACTOR_BANDS, singleFactorIndex } from './single-factor-index.ts';
import { type BackgroundSet, CHINA_NATIONAL_BACKGROUND_1990 } from './standards/background-values.ts';
import type { SoilStandard } from './standards/types.ts';
import { type AssessmentSummary, summarizeAssessment } from './summary-table.ts';

/** One soil sample as the assessment reads it. */
export interface SoilSample {
  sampleId: string;
  /** Soil pH; undefined or NaN when not measured. */
  pH?: number;
  landUse?: LandUse;
  /**
   * mg/kg by column symbol: Cd, Hg, As, Pb, Cr (total), Cu, Ni, Zn, CrVI (hexavalent), and any
   * reference element for EF (Al, Fe, …). A metal not measured is simply absent.
   */
  concentrations: Readonly<Record<string, number>>;
  /** 1-based row of the source file (header = 1), for messages. */
  row?: number;
}

export interface AssessOptions {
  standard: SoilStandard;
  /** Background for Igeo, Er, EF (and Pi when piReference is "background"). Default: CNEMC 1990. */
  background?: BackgroundSet;
  /** Pi = C / screening value (default) or C / background. */
  piReference?: 'screening' | 'background';
  /** Metals to assess; default: every regulated metal (and CrVI) present in any sample. */
  metals?: readonly string[];
  /** Reference element for the enrichment factor (Al, Fe, Sc, Ti, Mn); EF is skipped without it. */
  efReference?: string;
  toxicResponse?: Readonly<Record<string, number>>;
  /** Igeo background correction factor k (Müller 1969: 1.5). */
  igeoK?: number;
  piBands?: BandScheme;
  nemerowBands?: BandScheme;
  igeoBands?: BandScheme;
  efBands?: BandScheme;
  erBands?: BandScheme;
  riBands?: BandScheme;
  /**
   * A sample the standard cannot place (farmland standard and an empty pH or land-use cell, or
   * construction land under GB 15618). "unassessed" (default): its class and screening values are
   * null, background-based indices (Igeo, Er, RI) are still computed, and a warning names it —
   * real surveys have a few such points and one should not void the whole file. "error": throw a
   * SoilTraceError naming the row and column.
   */
  onIncomplete?: 'error' | 'unassessed';
  /** File name for messages. */
  file?: string;
}

export interface AssessmentWarning {
  sampleId?: string;
  metal?: string;
  code: string;
  zh: string;
  en: string;
}

export interface MetalAssessment {
  /** mg/kg. */
  value: number;
  /** Applicable screening value, mg/kg; null where the standard has none for this metal/sample. */
  screening: number | null;
  intervention: number | null;
  /** Background used, mg/kg; null where the background set lacks the metal. */
  background: number | null;
  /** Single-factor index against piReference; null without the reference value. */
  pi: number | null;
  piClass: string | null;
  igeo: number | null;
  /** Müller class 0–6. */
  igeoClass: number | null;
  er: number | null;
  erClass: string | null;
  ef: number | null;
  efClass: string | null;
  /** Class against the standard (same vocabulary as the sample class); null without a screening value. */
  class: SoilClass | null;
  /** True when a value used comes from a table entry marked verify. */
  verify: boolean;
}

export interface SampleAssessment {
  sampleId: string;
  row?: number;
  pH: number | null;
  landUse: LandUse | null;
  /** pH band index used (GB 15618: 0 ≤ 5.5, 1 ≤ 6.5, 2 ≤ 7.5, 3 > 7.5); null without bands or pH. */
  phBand: number | null;
  /** The worst metal's class; null when no metal could be classed. */
  class: SoilClass | null;
  /** Metals that decide the class (those at the sample's class level above the lowest class). */
  decidingMetals: string[];
  metals: Record<string, MetalAssessment>;
  nemerow: number | null;
  nemerowClass: string | null;
  ri: number | null;
  riClass: string | null;
}

export interface AssessmentResult {
  standard: { id: string; version: string; name: { zh: string; en: string }; source: string; kind: string };
  background: { id: string; source: string; verify: boolean; values: Readonly<Record<string, number>> };
  piReference: 'screening' | 'background';
  bands: { pi: string; nemerow: string; igeo: string; ef: string; er: string; ri: string };
  metals: string[];
  samples: SampleAssessment[];
  summary: AssessmentSummary;
  warnings: AssessmentWarning[];
}

function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

function incomplete(
  options: AssessOptions,
  sample: SoilSample,
  column: string,
  text: { zh: string; en: string },
  warnings: AssessmentWarning[],
): void {
  if ((options.onIncomplete ?? 'unassessed') === 'error') {
    throw new SoilTraceError(text, { file: options.file, row: sample.row, column });
  }
  warnings.push({
    sampleId: sample.sampleId,
    code: 'unassessed',
    zh: `${text.zh}，未分类`,
    en: `${text.en}; not classed`,
  });
}

/**
 * Assesses soil samples against a standard: per metal the applicable screening and intervention
 * values, class, Pi, Igeo, Er (and EF with a reference element); per sample the worst class,
 * Nemerow PN and RI; and the summary table. Pure: reads nothing, writes nothing.
 */
export function assessSamples(samples: readonly SoilSample[], options: AssessOptions): AssessmentResult {
  const { standard } = options;
  const background = options.background ?? CHINA_NATIONAL_BACKGROUND_1990;
  const piReference = options.piReference ?? 'screening';
  const tr = options.toxicResponse ?? TOXIC_RESPONSE_FACTORS;
  const bands = {
    pi: options.piBands ?? SINGLE_FACTOR_BANDS,
    nemerow: options.nemerowBands ?? NEMEROW_BANDS,
    igeo: options.igeoBands ?? GEOACCUMULATION_BANDS,
    ef: options.efBands ?? ENRICHMENT_BANDS,
    er: options.erBands ?? ER_BANDS,
    ri: options.riBands ?? RI_BANDS,
  };
  const candidates = [...REGULATED_METALS, 'CrVI'];
  const metals = options.metals
    ? [...options.metals]
    : candidates.filter((m) => samples.some((s) => s.concentrations[m] !== undefined));
  const warnings: AssessmentWarning[] = [];
  const seen = new Set<string>();

  const assessed = samples.map((sample): SampleAssessment => {
    if (seen.has(sample.sampleId)) {
      warnings.push({
        sampleId: sample.sampleId,
        code: 'duplicate_id',
        zh: `样品编号 ${sample.sampleId} 重复`,
        en: `sample id ${sample.sampleId} occurs more than once`,
      });
    }
    seen.add(sample.sampleId);
    const pH = sample.pH !== undefined && Number.isFinite(sample.pH) ? sample.pH : null;
    if (pH !== null && (pH < 0 || pH > 14)) {
      throw new SoilTraceError(
        { zh: `pH 应在 0–14 之间，却是 ${pH}`, en: `pH must lie between 0 and 14, found ${pH}` },
        { file: options.file, row: sample.row, column: 'pH', value: String(pH) },
      );
    }
    for (const [metal, value] of Object.entries(sample.concentrations)) {
      if (value < 0) {
        throw new SoilTraceError(
          { zh: '浓度不能为负数', en: 'a concentration cannot be negative' },
          { file: options.file, row: sample.row, column: metal, value: String(value) },
        );
      }
    }

    // Can the standard place this sample?
    let placeable = true;
    if (standard.phBreaks.length > 0 && pH === null) {
      placeable = false;
      incomplete(
        options,
        sample,
        'pH',
        {
          zh: `缺少 pH：${standard.version} 的限值取决于 pH`,
          en: `missing pH: ${standard.version} thresholds depend on pH`,
        },
        warnings,
      );
    } else if (standard.kind === 'farmland' && sample.landUse === undefined) {
      placeable = false;
      incomplete(
        options,
        sample,
        'land_use',
        {
          zh: `缺少土地利用类型：${standard.version} 区分水田与其他`,
          en: `missing land use: ${standard.version} distinguishes paddy from other land`,
        },
        warnings,
      );
    } else if (
      standard.kind === 'farmland' &&
      (sample.landUse === 'construction_1' || sample.landUse === 'construction_2')
    ) {
      placeable = false;
      const label = LAND_USE_LABELS[sample.landUse];
      incomplete(
        options,
        sample,
        'land_use',
        {
          zh: `${label.zh}不适用 ${standard.version}，请用 --standard gb36600-1 或 gb36600-2`,
          en: `${label.en} is not assessed by ${standard.version}; use --standard gb36600-1 or gb36600-2`,
        },
        warnings,
      );
    }

    const site = { pH: pH ?? undefined, landUse: sample.landUse };
    const out: Record<string, MetalAssessment> = {};
    let phBand: number | null = null;
    for (const metal of metals) {
      const value = sample.concentrations[metal];
      if (value === undefined || !Number.isFinite(value)) continue;
      const applied = placeable ? applicableValues(standard, metal, site) : null;
      if (applied && standard.phBreaks.length > 0) phBand = applied.band;
      const screening = applied?.screening ?? null;
      const intervention = applied?.intervention ?? null;
      const bn = background.values[metal] ?? null;
      let cls = applied ? classifyConcentration(value, applied, standard.kind) : null;
      // GB 36600-2018 Table 1 note: As at or below the local background is not pollution.
      if (
        standard.kind === 'construction' &&
        metal === 'As' &&
        cls !== null &&
        cls !== 'below_screening' &&
        bn !== null &&
        value <= bn
      ) {
        cls = 'below_screening';
        warnings.push({
          sampleId: sample.sampleId,
          metal,
          code: 'as_background',
          zh: `As ${value} 不高于背景值 ${bn}，按 GB 36600 表 1 注不计为超标`,
          en: `As ${value} is at or below the background ${bn}; not counted as exceedance (GB 36600 Table 1 note)`,
        });
      }
      const piRef = piReference === 'screening' ? screening : bn;
      const pi = piRef === null ? null : finiteOrNull(singleFactorIndex(value, piRef));
      const igeo = bn === null || value === 0 ? null : geoaccumulationIndex(value, bn, options.igeoK ?? 1.5);
      const t = tr[metal];
      const er = bn === null || t === undefined ? null : ecologicalRiskFactor(value, bn, t);
      let ef: number | null = null;
      const ref = options.efReference;
      if (ref !== undefined) {
        const cRef = sample.concentrations[ref];
        const bRef = background.values[ref];
        if (cRef !== undefined && bRef !== undefined && bn !== null && cRef > 0) {
          ef = enrichmentFactor(value, cRef, bn, bRef);
        }
      }
      out[metal] = {
        value,
        screening,
        intervention,
        background: bn,
        pi,
        piClass: pi === null ? null : classify(pi, bands.pi).code,
        igeo,
        igeoClass: igeo === null ? (value === 0 ? 0 : null) : classify(igeo, bands.igeo).level,
        er,
        erClass: er === null ? null : classify(er, bands.er).code,
        ef,
        efClass: ef === null ? null : classify(ef, bands.ef).code,
        class: cls,
        verify: Boolean(applied?.verify),
      };
    }
    const entries = Object.entries(out);
    const sampleClass = worstClass(entries.map(([, m]) => m.class));
    const decidingMetals =
      sampleClass === null
        ? []
        : entries
            .filter(([, m]) => m.class === sampleClass && m.value > (m.screening ?? Number.POSITIVE_INFINITY))
            .map(([k]) => k);
    const pis = entries.map(([, m]) => m.pi).filter((p): p is number => p !== null);
    const ers = entries.map(([, m]) => m.er).filter((e): e is number => e !== null);
    const nemerow = pis.length === 0 ? null : nemerowIndex(pis);
    const ri = ers.length === 0 ? null : riskIndex(ers);
    return {
      sampleId: sample.sampleId,
      row: sample.row,
      pH,
      landUse: sample.landUse ?? null,
      phBand,
      class: sampleClass,
      decidingMetals,
      metals: out,
      nemerow,
      nemerowClass: nemerow === null ? null : classify(nemerow, bands.nemerow).code,
      ri,
      riClass: ri === null ? null : classify(ri, bands.ri).code,
    };
  });

  if (standard.kind === 'construction' && metals.includes('Cr') && !metals.includes('CrVI')) {
    warnings.push({
      metal: 'Cr',
      code: 'total_cr_construction',
      zh: 'Cr 列按总铬处理，GB 36600 只规定六价铬；若为六价铬，请将列名改为 CrVI、Cr6+ 或 六价铬',
      en: 'the Cr column is read as total chromium, which GB 36600 does not regulate (only Cr(VI)); name it CrVI, Cr6+ or 六价铬 if it holds Cr(VI)',
    });
  }
  if (bands.ri === RI_BANDS) {
    const inRi = metals.filter((m) => tr[m] !== undefined && background.values[m] !== undefined);
    if (inRi.length !== 8) {
      warnings.push({
        code: 'ri_bands',
        zh: `RI 分级界限按 8 种污染物设定，本次仅 ${inRi.length} 种金属参与计算；可改用按 ΣTr 缩放的界限`,
        en: `RI bands were set for 8 pollutants but ${inRi.length} metals enter RI here; consider rescaled bands`,
      });
    }
  }
  if (background.verify) {
    warnings.push({
      code: 'background_verify',
      zh: `背景值 ${background.id} 未经原文核对（verify）`,
      en: `background values ${background.id} are not checked against the original text (verify)`,
    });
  }

  return {
    standard: {
      id: standard.id,
      version: standard.version,
      name: standard.name,
      source: standard.source,
      kind: standard.kind,
    },
    background: {
      id: background.id,
      source: background.source,
      verify: Boolean(background.verify),
      values: background.values,
    },
    piReference,
    bands: {
      pi: bands.pi.id,
      nemerow: bands.nemerow.id,
      igeo: bands.igeo.id,
      ef: bands.ef.id,
      er: bands.er.id,
      ri: bands.ri.id,
    },
    metals,
    samples: assessed,
    summary: summarizeAssessment(assessed, metals, standard.kind),
    warnings,
  };
}
