import type { FarmlandClass, SoilClass } from './screening-class.ts';
import { type CropType, type FoodLimit, type FoodLimitTable, GB2762_2022 } from './standards/gb2762-2022.ts';

/** The food limit for a crop and metal, or undefined where the table sets none (e.g. Cu, Zn). */
export function cropLimit(
  crop: CropType,
  metal: string,
  table: FoodLimitTable = GB2762_2022,
): FoodLimit | undefined {
  return table.limits.find((l) => l.crop === crop && l.metal === metal);
}

export interface CropCheck {
  metal: string;
  /** mg/kg. */
  value: number;
  limit: number | null;
  /** value / limit; null without a limit. */
  ratio: number | null;
  /** value > limit (a value equal to the limit complies). */
  exceeds: boolean | null;
  form?: string;
  verify: boolean;
}

/** One crop sample's metals against the food limits. */
export function checkCrop(
  crop: CropType,
  concentrations: Readonly<Record<string, number>>,
  table: FoodLimitTable = GB2762_2022,
): CropCheck[] {
  return Object.entries(concentrations)
    .filter(([, value]) => Number.isFinite(value))
    .map(([metal, value]) => {
      const limit = cropLimit(crop, metal, table);
      return {
        metal,
        value,
        limit: limit ? limit.value : null,
        ratio: limit ? value / limit.value : null,
        exceeds: limit ? value > limit.value : null,
        form: limit?.form,
        verify: Boolean(limit?.verify),
      };
    });
}

/**
 * Bioconcentration factor BCF = C_crop / C_soil for a crop sample and the soil sampled with it (same
 * units, mg/kg; crop on the basis the lab reports). NaN where soil is 0.
 */
export function bioconcentrationFactor(cropConcentration: number, soilConcentration: number): number {
  return soilConcentration === 0 ? Number.NaN : cropConcentration / soilConcentration;
}

export type JointAction =
  | 'maintain'
  | 'investigate_other_sources'
  | 'monitor'
  | 'safe_use_measures'
  | 'monitor_closely'
  | 'restrict_planting';

export interface JointClass {
  class: FarmlandClass;
  action: JointAction;
  zh: string;
  en: string;
}

/**
 * Joint soil-and-crop class of a paired point. SoilTrace's convention, modelled on the way the 2019
 * technical guide for classifying farmland (农用地土壤环境质量类别划分技术指南, 环办土壤〔2019〕53号)
 * lets co-located crop data confirm or revise a soil class (verify against the guide's table):
 *
 * | soil class           | crop ≤ limit                     | crop > limit                        |
 * |----------------------|----------------------------------|-------------------------------------|
 * | priority_protection  | priority_protection, maintain    | safe_utilization, investigate other sources (irrigation, deposition) |
 * | safe_utilization     | safe_utilization, monitor        | safe_utilization, safe-use measures (low-accumulating varieties, liming, water management) |
 * | strict_control       | safe_utilization, monitor closely| strict_control, restrict planting   |
 */
export function jointSoilCropClass(soilClass: FarmlandClass, cropExceeds: boolean): JointClass {
  const table: Record<FarmlandClass, [JointClass, JointClass]> = {
    priority_protection: [
      {
        class: 'priority_protection',
        action: 'maintain',
        zh: '土壤与农产品均达标：优先保护',
        en: 'soil and crop compliant: priority protection',
      },
      {
        class: 'safe_utilization',
        action: 'investigate_other_sources',
        zh: '土壤达标、农产品超标：安全利用，排查灌溉水、大气沉降等来源',
        en: 'soil compliant, crop exceeds: safe utilization; investigate irrigation, deposition and other sources',
      },
    ],
    safe_utilization: [
      {
        class: 'safe_utilization',
        action: 'monitor',
        zh: '土壤超筛选值、农产品达标：安全利用，加强监测',
        en: 'soil above screening, crop compliant: safe utilization with monitoring',
      },
      {
        class: 'safe_utilization',
        action: 'safe_use_measures',
        zh: '土壤与农产品均超标：安全利用，需采取低积累品种、石灰调酸、水分管理等措施',
        en: 'soil and crop exceed: safe utilization with measures (low-accumulating varieties, liming, water management)',
      },
    ],
    strict_control: [
      {
        class: 'safe_utilization',
        action: 'monitor_closely',
        zh: '土壤超管制值、农产品达标：安全利用，严密监测',
        en: 'soil above intervention, crop compliant: safe utilization, monitor closely',
      },
      {
        class: 'strict_control',
        action: 'restrict_planting',
        zh: '土壤超管制值且农产品超标：严格管控，禁止种植食用农产品',
        en: 'soil above intervention and crop exceeds: strict control, no edible crops',
      },
    ],
  };
  return table[soilClass][cropExceeds ? 1 : 0];
}

const ACTION_ORDER: readonly JointAction[] = [
  'maintain',
  'monitor',
  'investigate_other_sources',
  'monitor_closely',
  'safe_use_measures',
  'restrict_planting',
];
const CLASS_ORDER: readonly FarmlandClass[] = ['priority_protection', 'safe_utilization', 'strict_control'];

function severity(j: JointClass): number {
  return CLASS_ORDER.indexOf(j.class) * 10 + ACTION_ORDER.indexOf(j.action);
}

/** The soil side of a pair: one metal's concentration (mg/kg) and GB 15618 class. */
export interface SoilMetalForPair {
  value: number;
  class: SoilClass | null;
}

export interface PairedMetal {
  soilValue: number | null;
  soilClass: FarmlandClass | null;
  cropValue: number | null;
  /** null where the crop has no limit or no value for this metal. */
  cropExceeds: boolean | null;
  bcf: number | null;
  /** Joint class; the soil class alone where the crop gives no verdict; null without a soil class. */
  joint: JointClass | null;
}

export interface PairedAssessment {
  sampleId: string;
  soilSampleId: string | null;
  crop: CropType;
  checks: CropCheck[];
  /** Any metal above its food limit. */
  cropExceeds: boolean;
  metals: Record<string, PairedMetal>;
  /** The worst metal's joint class (the worst metal decides, as for soil); null without soil classes. */
  joint: JointClass | null;
}

function isFarmlandClass(c: SoilClass | null): c is FarmlandClass {
  return c !== null && (CLASS_ORDER as readonly string[]).includes(c);
}

const SOIL_ONLY: Record<FarmlandClass, JointClass> = {
  priority_protection: jointSoilCropClass('priority_protection', false),
  safe_utilization: jointSoilCropClass('safe_utilization', false),
  strict_control: {
    class: 'strict_control',
    action: 'restrict_planting',
    zh: '土壤超管制值（无农产品数据）：严格管控',
    en: 'soil above intervention (no crop verdict): strict control',
  },
};

/**
 * Food-limit check, BCF and joint class of one crop sample and the soil sampled with it, metal by
 * metal (soil class of a metal × crop exceedance of the same metal, jointSoilCropClass); a metal
 * the crop gives no verdict on (no limit, e.g. Cu, Zn, or not measured) keeps its soil class.
 */
export function assessPairedPoint(
  sampleId: string,
  crop: CropType,
  cropConcentrations: Readonly<Record<string, number>>,
  soilSampleId: string | null,
  soil: Readonly<Record<string, SoilMetalForPair>> | undefined,
  table: FoodLimitTable = GB2762_2022,
): PairedAssessment {
  const checks = checkCrop(crop, cropConcentrations, table);
  const metals: Record<string, PairedMetal> = {};
  const names = new Set([...Object.keys(cropConcentrations), ...Object.keys(soil ?? {})]);
  for (const metal of names) {
    const s = soil?.[metal];
    const c = cropConcentrations[metal];
    const check = checks.find((k) => k.metal === metal);
    const soilClass = s && isFarmlandClass(s.class) ? s.class : null;
    const cropExceeds = check ? check.exceeds : null;
    let joint: JointClass | null = null;
    if (soilClass !== null) {
      joint = cropExceeds === null ? SOIL_ONLY[soilClass] : jointSoilCropClass(soilClass, cropExceeds);
    }
    metals[metal] = {
      soilValue: s ? s.value : null,
      soilClass,
      cropValue: c !== undefined && Number.isFinite(c) ? c : null,
      cropExceeds,
      bcf:
        s && c !== undefined && Number.isFinite(c) && s.value > 0 ? bioconcentrationFactor(c, s.value) : null,
      joint,
    };
  }
  let joint: JointClass | null = null;
  for (const m of Object.values(metals)) {
    if (m.joint && (joint === null || severity(m.joint) > severity(joint))) joint = m.joint;
  }
  return {
    sampleId,
    soilSampleId,
    crop,
    checks,
    cropExceeds: checks.some((c) => c.exceeds === true),
    metals,
    joint,
  };
}
