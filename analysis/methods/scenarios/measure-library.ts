import type { RegulatedMetal } from '../../domain/elements.ts';
import type { InputPathway } from '../../domain/industries.ts';
import type { LandUse } from '../../domain/land-use.ts';
import type { Figure, Range } from './range.ts';

// The default library of remediation, safe-utilization and source-control measures. Every figure is a
// range [low, mode, high] with its source, or `estimate: true` where no verified figure exists
// (../shared/reference/soil-standards.md, "Remediation and safe-utilization options"). The library is
// data: scenario files override any field of any measure or add new ones (`mergeMeasureLibrary`).

export type MeasureCategory = 'farmland' | 'construction' | 'source_control';

/**
 * What a unit of cost and carbon refers to. Per-year bases are charged every active year; one-off
 * bases are spread evenly over the active (works) years.
 */
export type CostBasis =
  | 'yuan_per_mu_year'
  | 'yuan_per_mu'
  | 'yuan_per_m3'
  | 'yuan_per_enterprise'
  | 'yuan_per_enterprise_year';

export const RECURRING_BASES: ReadonlySet<CostBasis> = new Set([
  'yuan_per_mu_year',
  'yuan_per_enterprise_year',
]);

export interface MeasureEffects {
  /** Share by which crop metal uptake (grain concentration) falls while active (0–1). */
  cropUptakeReduction?: Figure;
  /** Metal taken out of the plough layer each active year (g/ha/a), e.g. by a hyperaccumulator harvest. */
  soilRemovalGHaA?: Figure;
  /** Share of the plough-layer metal taken out each active year (1/a). */
  soilRemovalFractionPerYear?: Figure;
  /** Share of the plough-layer concentration removed once, when the works end (0–1). */
  oneTimeReduction?: Figure;
  /** Share by which human exposure to the soil falls (0–1), e.g. capping, stabilization. */
  exposureReduction?: Figure;
  /** Share by which inputs through these pathways fall while active (0–1). */
  inputReduction?: { pathways: InputPathway[]; fraction: Figure };
  /** Share of a targeted enterprise's emissions cut (0–1); a scenario may set its own. */
  emissionCut?: Figure;
  /** No food crop is grown while active (planting-structure change, fallow): the crop limit is moot. */
  stopsFoodCrop?: boolean;
}

export interface Measure {
  id: string;
  name: { zh: string; en: string };
  category: MeasureCategory;
  /** Zone measures apply to management zones; enterprise measures to enterprises of the inventory. */
  target: 'zone' | 'enterprise';
  landUses: LandUse[];
  metals: RegulatedMetal[];
  cost: Figure & { basis: CostBasis };
  /** kg CO2e per unit of the cost basis (per mu·a, per mu, per m³ or per enterprise). */
  carbon: Figure;
  /** Typical active years: works period for one-off measures, treatment span for recurring ones. */
  duration: Figure;
  /** Effects on uptake and exposure last after the active years (stabilization, capping). */
  lasting: boolean;
  effects: MeasureEffects;
  /** Side effects in English (the original JSON field, kept for compatibility). */
  secondaryEffects: string[];
  /** The same side effects in Chinese, item by item; absent for a user measure that gives none. */
  secondaryEffectsZh?: string[];
}

/** A measure's side effects in the language asked for (English where no Chinese was given). */
export function secondaryEffectsIn(measure: Measure, locale: 'zh' | 'en'): string[] {
  return locale === 'zh' && measure.secondaryEffectsZh
    ? measure.secondaryEffectsZh
    : measure.secondaryEffects;
}

const FARMLAND: LandUse[] = ['paddy', 'dryland', 'orchard', 'vegetable'];
const GRAIN_LAND: LandUse[] = ['paddy', 'dryland', 'vegetable'];
const CONSTRUCTION: LandUse[] = ['construction_1', 'construction_2'];
const ALL_LAND: LandUse[] = [...FARMLAND, 'forest', 'grassland', ...CONSTRUCTION, 'other'];
const ALL_METALS: RegulatedMetal[] = ['Cd', 'Hg', 'As', 'Pb', 'Cr', 'Cu', 'Ni', 'Zn'];

/** Assumed exchange rate for US$ figures (estimate; 2016–2022 rates were 6.3–7.2 CNY/USD). */
export const CNY_PER_USD = 7.0;

const est = (range: Range, unit: string, note?: string): Figure => ({ range, unit, estimate: true, note });
const src = (range: Range, unit: string, source: string, note?: string): Figure => ({
  range,
  unit,
  source,
  note,
});
/** Side effects as {zh, en} pairs, stored as the English list plus its Chinese twin. */
const notes = (...pairs: { zh: string; en: string }[]) => ({
  secondaryEffects: pairs.map((p) => p.en),
  secondaryEffectsZh: pairs.map((p) => p.zh),
});
const fraction = (range: Range, note?: string): Figure => est(range, 'fraction', note);

export const DEFAULT_MEASURES: readonly Measure[] = [
  {
    id: 'low-accumulation-variety',
    name: { zh: '低积累品种替代', en: 'low-accumulation crop varieties' },
    category: 'farmland',
    target: 'zone',
    landUses: GRAIN_LAND,
    metals: ['Cd', 'Pb', 'As', 'Hg'],
    cost: {
      ...est([30, 80, 150], 'yuan/mu/a', 'seed premium and yield difference'),
      basis: 'yuan_per_mu_year',
    },
    carbon: est([0, 2, 5], 'kg CO2e/mu/a'),
    duration: est([1, 5, 10], 'a'),
    lasting: false,
    effects: { cropUptakeReduction: fraction([0.2, 0.4, 0.6]) },
    ...notes({
      zh: '产量和口感可能有差异；需有经审定的种子供应',
      en: 'yield and taste may differ; needs certified seed supply',
    }),
  },
  {
    id: 'water-management',
    name: { zh: '水分管理（全生育期淹水）', en: 'water management (flooding through grain filling)' },
    category: 'farmland',
    target: 'zone',
    landUses: ['paddy'],
    metals: ['Cd'],
    cost: { ...est([50, 100, 150], 'yuan/mu/a', 'labour and irrigation'), basis: 'yuan_per_mu_year' },
    carbon: est([20, 60, 120], 'kg CO2e/mu/a', 'extra CH4 from prolonged flooding'),
    duration: est([1, 5, 10], 'a'),
    lasting: false,
    effects: { cropUptakeReduction: fraction([0.2, 0.4, 0.6]) },
    ...notes({
      zh: '提高土壤砷活性和稻米含砷量；甲烷（CH4）排放增加；需有稳定水源',
      en: 'raises As mobility and rice As; more CH4 emissions; needs reliable water',
    }),
  },
  {
    id: 'lime',
    name: { zh: '施用石灰调酸', en: 'liming (acid paddies)' },
    category: 'farmland',
    target: 'zone',
    landUses: ['paddy', 'dryland', 'vegetable'],
    metals: ['Cd', 'Pb', 'Zn', 'Ni', 'Cu'],
    cost: {
      ...est([60, 100, 200], 'yuan/mu/a', '100–200 kg lime per mu per year, material and spreading'),
      basis: 'yuan_per_mu_year',
    },
    carbon: src(
      [44, 66, 88],
      'kg CO2e/mu/a',
      'IPCC 2006 Guidelines Vol. 4 ch. 11 eq. 11.12: 0.12 t C per t limestone (0.44 t CO2/t)',
      'times 100–200 kg/mu/a (estimate)',
    ),
    duration: est([1, 5, 10], 'a'),
    lasting: false,
    effects: {
      cropUptakeReduction: src(
        [0.3, 0.48, 0.6],
        'fraction',
        'Liao 2021, Plant Soil, doi:10.1007/s11104-021-05004-w (grain Cd −48 %)',
        'mode from the meta-analysis; low/high estimate',
      ),
    },
    ...notes({
      zh: '土壤 pH 升高 0.85、增产 12.9%（Liao 2021）；石灰过量施用会导致土壤板结',
      en: 'soil pH +0.85 and yield +12.9 % (Liao 2021); over-liming compacts soil',
    }),
  },
  {
    id: 'passivator',
    name: { zh: '钝化剂（生物炭、硅钙等）', en: 'passivators (biochar, Si–Ca amendments)' },
    category: 'farmland',
    target: 'zone',
    landUses: FARMLAND,
    metals: ['Cd', 'Pb', 'As', 'Zn', 'Cu', 'Ni'],
    cost: { ...est([100, 200, 400], 'yuan/mu/a'), basis: 'yuan_per_mu_year' },
    carbon: est([5, 20, 60], 'kg CO2e/mu/a'),
    duration: est([1, 3, 5], 'a'),
    lasting: false,
    effects: { cropUptakeReduction: fraction([0.2, 0.35, 0.5]) },
    ...notes({
      zh: '重金属仍留在土壤中；不重复施用则效果逐渐减退',
      en: 'metals stay in the soil; effect fades without reapplication',
    }),
  },
  {
    id: 'foliar-inhibitor',
    name: { zh: '叶面阻控（硅、硒、锌叶面肥）', en: 'foliar inhibitors (Si/Se/Zn sprays)' },
    category: 'farmland',
    target: 'zone',
    landUses: GRAIN_LAND,
    metals: ['Cd', 'As', 'Pb'],
    cost: { ...est([30, 60, 100], 'yuan/mu/a'), basis: 'yuan_per_mu_year' },
    carbon: est([1, 3, 8], 'kg CO2e/mu/a'),
    duration: est([1, 5, 10], 'a'),
    lasting: false,
    effects: { cropUptakeReduction: fraction([0.1, 0.25, 0.4]) },
    ...notes({
      zh: '对喷施时机敏感（分蘖期、抽穗期）；重度污染土壤上单独使用效果有限',
      en: 'timing-sensitive (tillering and heading); little effect alone on heavily polluted soil',
    }),
  },
  {
    id: 'deep-ploughing',
    name: { zh: '深翻耕（稀释）', en: 'deep ploughing (dilution)' },
    category: 'farmland',
    target: 'zone',
    landUses: FARMLAND,
    metals: ALL_METALS,
    cost: { ...est([100, 200, 400], 'yuan/mu'), basis: 'yuan_per_mu' },
    carbon: est([5, 10, 20], 'kg CO2e/mu', 'diesel for ploughing to 40–60 cm'),
    duration: est([1, 1, 1], 'a'),
    lasting: true,
    effects: {
      oneTimeReduction: fraction([0.2, 0.33, 0.5], 'mixing the plough layer with cleaner subsoil'),
    },
    ...notes({
      zh: '重金属向下层转移而非移出；数季内耕层肥力下降',
      en: 'moves metal down rather than out; lowers topsoil fertility for a few seasons',
    }),
  },
  {
    id: 'planting-structure-change',
    name: { zh: '种植结构调整（改种非食用作物）', en: 'planting-structure change (non-food crops)' },
    category: 'farmland',
    target: 'zone',
    landUses: GRAIN_LAND,
    metals: ALL_METALS,
    cost: {
      ...est([300, 800, 1500], 'yuan/mu/a', 'compensation for lost grain income'),
      basis: 'yuan_per_mu_year',
    },
    carbon: est([-20, 0, 20], 'kg CO2e/mu/a'),
    duration: est([3, 5, 10], 'a'),
    lasting: false,
    effects: { stopsFoodCrop: true },
    ...notes({
      zh: '需为桑树、花卉、苗木或纤维作物找到销路',
      en: 'needs markets for mulberry, flowers, seedlings or fibre crops',
    }),
  },
  {
    id: 'fallow',
    name: { zh: '休耕', en: 'fallow' },
    category: 'farmland',
    target: 'zone',
    landUses: GRAIN_LAND,
    metals: ALL_METALS,
    cost: { ...est([500, 800, 1200], 'yuan/mu/a', 'subsidy to farmers'), basis: 'yuan_per_mu_year' },
    carbon: est([-50, -20, 0], 'kg CO2e/mu/a', 'green manure cover'),
    duration: est([1, 3, 5], 'a'),
    lasting: false,
    effects: { stopsFoodCrop: true },
    ...notes({ zh: '无粮食产出；土壤有机质得以恢复', en: 'no grain output; soil organic matter recovers' }),
  },
  {
    id: 'phytoextraction-sedum-alfredii',
    name: { zh: '植物提取（东南景天，镉）', en: 'phytoextraction (Sedum alfredii, Cd)' },
    category: 'farmland',
    target: 'zone',
    landUses: FARMLAND,
    metals: ['Cd', 'Zn'],
    cost: {
      ...est([1500, 2500, 4000], 'yuan/mu/a', 'planting, harvest and biomass disposal'),
      basis: 'yuan_per_mu_year',
    },
    carbon: est([20, 50, 100], 'kg CO2e/mu/a', 'harvest transport and incineration of biomass'),
    duration: est([3, 5, 8], 'a'),
    lasting: false,
    effects: {
      soilRemovalGHaA: src(
        [80, 148, 200],
        'g/ha/a',
        'Zhang 2021, J Hazard Mater 126489 (148 g Cd/ha/a)',
        'mode from the field study; low/high estimate',
      ),
      stopsFoodCrop: true,
    },
    ...notes({
      zh: '种植超富集植物期间无粮食产出；富含重金属的植物残体须安全处置',
      en: 'no grain while the hyperaccumulator grows; metal-rich biomass must be disposed of safely',
    }),
  },
  {
    id: 'phytoextraction-sedum-plumbizincicola',
    name: { zh: '植物提取（伴矿景天，镉锌）', en: 'phytoextraction (Sedum plumbizincicola, Cd/Zn)' },
    category: 'farmland',
    target: 'zone',
    landUses: FARMLAND,
    metals: ['Cd', 'Zn'],
    cost: { ...est([1500, 2500, 4000], 'yuan/mu/a'), basis: 'yuan_per_mu_year' },
    carbon: est([20, 50, 100], 'kg CO2e/mu/a'),
    duration: est([3, 5, 8], 'a'),
    lasting: false,
    effects: {
      soilRemovalFractionPerYear: fraction(
        [0.05, 0.1, 0.2],
        'pot trials removed 32–85 % of Cd over three crops (soil-standards.md, no source); field rates lower',
      ),
      stopsFoodCrop: true,
    },
    ...notes({
      zh: '可与水稻轮作（间作）；收获的植物残体需处置',
      en: 'can be intercropped with rice in rotation; biomass disposal needed',
    }),
  },
  {
    id: 'phytoextraction-pteris-vittata',
    name: { zh: '植物提取（蜈蚣草，砷）', en: 'phytoextraction (Pteris vittata, As)' },
    category: 'farmland',
    target: 'zone',
    landUses: FARMLAND,
    metals: ['As'],
    cost: {
      ...src(
        [20000, 35175, 50000],
        'yuan/mu',
        'Wan, Lei & Chen 2016, Sci Total Environ (US$75,375/hm²)',
        `US$75,375/hm² ÷ 15 mu × ${CNY_PER_USD} CNY/USD = 35,175 yuan/mu over the project; low/high estimate`,
      ),
      basis: 'yuan_per_mu',
    },
    carbon: est([50, 150, 300], 'kg CO2e/mu'),
    duration: est([3, 3, 5], 'a'),
    lasting: false,
    effects: { soilRemovalFractionPerYear: fraction([0.03, 0.08, 0.15]), stopsFoodCrop: true },
    ...notes({
      zh: '仅适用于亚热带气候；富砷叶片须按危险废物处置',
      en: 'subtropical climate only; As-rich fronds must be disposed of as hazardous waste',
    }),
  },
  {
    id: 'excavation-offsite-disposal',
    name: { zh: '挖掘 + 异位填埋处置', en: 'excavation with off-site disposal (landfill)' },
    category: 'construction',
    target: 'zone',
    landUses: CONSTRUCTION,
    metals: ALL_METALS,
    cost: { ...est([500, 800, 1500], 'yuan/m3'), basis: 'yuan_per_m3' },
    carbon: src(
      [1200, 1654, 2000],
      'kg CO2e/m3',
      'CEST2019-00690 (excavation + landfill ~1654 kg CO2e/m³)',
      'low/high estimate',
    ),
    duration: est([1, 1, 2], 'a'),
    lasting: true,
    effects: { oneTimeReduction: fraction([0.9, 0.95, 0.99], 'clean backfill replaces excavated soil') },
    ...notes({
      zh: '占用填埋场库容；存在运输风险；碳排放为各方案中最高',
      en: 'uses landfill capacity; transport risk; highest carbon of the options',
    }),
  },
  {
    id: 'cement-kiln-coprocessing',
    name: { zh: '水泥窑协同处置', en: 'cement-kiln co-processing' },
    category: 'construction',
    target: 'zone',
    landUses: CONSTRUCTION,
    metals: ['Cd', 'Pb', 'As', 'Cr', 'Cu', 'Ni', 'Zn'],
    cost: {
      ...src(
        [800, 1170, 1600],
        'yuan/m3',
        'Liang 2022, Sci Total Environ 152788 (mean US$167.2/m³)',
        `US$167.2 × ${CNY_PER_USD} CNY/USD; low/high estimate`,
      ),
      basis: 'yuan_per_m3',
    },
    carbon: est([100, 250, 500], 'kg CO2e/m3', 'kiln fuel and transport'),
    duration: est([1, 1, 2], 'a'),
    lasting: true,
    effects: { oneTimeReduction: fraction([0.9, 0.95, 0.99]) },
    ...notes({
      zh: '受水泥窑处置能力和土壤氯、碱含量限制；汞在窑内挥发',
      en: 'limited by kiln capacity and soil chloride/alkali content; Hg volatilizes in the kiln',
    }),
  },
  {
    id: 'stabilization-solidification',
    name: { zh: '固化/稳定化', en: 'stabilization/solidification' },
    category: 'construction',
    target: 'zone',
    landUses: [...CONSTRUCTION, ...FARMLAND],
    metals: ['Cd', 'Pb', 'As', 'Cr', 'Cu', 'Ni', 'Zn'],
    cost: { ...est([300, 500, 900], 'yuan/m3'), basis: 'yuan_per_m3' },
    carbon: est([60, 100, 160], 'kg CO2e/m3', '80–160 kg cement per m³ at ~0.8 kg CO2/kg cement'),
    duration: est([1, 1, 2], 'a'),
    lasting: true,
    effects: {
      exposureReduction: fraction([0.7, 0.9, 0.98]),
      cropUptakeReduction: fraction([0.5, 0.7, 0.9]),
    },
    ...notes({
      zh: '重金属总量不变；须长期监测浸出',
      en: 'total content unchanged; long-term leaching must be monitored',
    }),
  },
  {
    id: 'soil-washing',
    name: { zh: '土壤淋洗', en: 'soil washing' },
    category: 'construction',
    target: 'zone',
    landUses: CONSTRUCTION,
    metals: ['Cd', 'Pb', 'Cu', 'Zn', 'Ni', 'As'],
    cost: { ...est([400, 700, 1200], 'yuan/m3'), basis: 'yuan_per_m3' },
    carbon: src([11, 23, 36], 'kg CO2e/m3', 'CEST2019-00690 (soil washing 11–36 kg CO2e/m³)'),
    duration: est([1, 1, 2], 'a'),
    lasting: true,
    effects: { oneTimeReduction: fraction([0.5, 0.7, 0.9]) },
    ...notes({
      zh: '不适用于黏性土；淋洗废水和细颗粒需处理',
      en: 'poor for clay soils; wash water and fines need treatment',
    }),
  },
  {
    id: 'thermal-desorption',
    name: { zh: '热脱附（汞）', en: 'thermal desorption (Hg)' },
    category: 'construction',
    target: 'zone',
    landUses: CONSTRUCTION,
    metals: ['Hg'],
    cost: { ...est([800, 1200, 2000], 'yuan/m3'), basis: 'yuan_per_m3' },
    carbon: est([150, 300, 600], 'kg CO2e/m3', 'fuel to heat soil to 300–600 °C'),
    duration: est([1, 1, 2], 'a'),
    lasting: true,
    effects: { oneTimeReduction: fraction([0.85, 0.95, 0.99]) },
    ...notes({
      zh: '须收集处理汞蒸气；破坏土壤结构和土壤生物',
      en: 'Hg vapour capture required; destroys soil structure and biota',
    }),
  },
  {
    id: 'capping-barrier',
    name: { zh: '阻隔覆盖', en: 'capping and barriers' },
    category: 'construction',
    target: 'zone',
    landUses: CONSTRUCTION,
    metals: ALL_METALS,
    cost: {
      ...est([50000, 100000, 200000], 'yuan/mu', '75–300 yuan/m² of cap and vertical barrier'),
      basis: 'yuan_per_mu',
    },
    carbon: est([2000, 5000, 10000], 'kg CO2e/mu'),
    duration: est([1, 1, 2], 'a'),
    lasting: true,
    effects: { exposureReduction: fraction([0.8, 0.95, 0.99]) },
    ...notes({
      zh: '污染物仍留在原地；限制后续土地利用；覆盖层需长期维护',
      en: 'contamination stays; restricts later land use; cap needs maintenance',
    }),
  },
  {
    id: 'institutional-control',
    name: { zh: '制度控制（限制用途、监测）', en: 'institutional control (use restrictions, monitoring)' },
    category: 'construction',
    target: 'zone',
    landUses: ALL_LAND,
    metals: ALL_METALS,
    cost: { ...est([500, 1000, 2000], 'yuan/mu/a'), basis: 'yuan_per_mu_year' },
    carbon: est([0, 1, 5], 'kg CO2e/mu/a'),
    duration: est([5, 10, 20], 'a'),
    lasting: false,
    effects: { exposureReduction: fraction([0.3, 0.5, 0.7]) },
    ...notes({
      zh: '依赖监管执行；土地价值持续受压',
      en: 'relies on enforcement; land value stays depressed',
    }),
  },
  {
    id: 'enterprise-emission-cut',
    name: { zh: '企业减排（提标改造）', en: 'cut enterprise emissions (upgrade)' },
    category: 'source_control',
    target: 'enterprise',
    landUses: ALL_LAND,
    metals: ALL_METALS,
    cost: {
      ...est([5e6, 2e7, 6e7], 'yuan/enterprise', 'flue-gas and wastewater treatment upgrade'),
      basis: 'yuan_per_enterprise',
    },
    carbon: est([5e4, 2e5, 5e5], 'kg CO2e/enterprise', 'energy of added treatment over the works'),
    duration: est([1, 2, 3], 'a'),
    lasting: true,
    effects: { emissionCut: fraction([0.4, 0.6, 0.8]) },
    ...notes({ zh: '收集的粉尘和污泥成为危险废物', en: 'captured dust and sludge become hazardous waste' }),
  },
  {
    id: 'enterprise-closure',
    name: { zh: '企业关停或搬迁', en: 'close or relocate an enterprise' },
    category: 'source_control',
    target: 'enterprise',
    landUses: ALL_LAND,
    metals: ALL_METALS,
    cost: {
      ...est([2e7, 8e7, 3e8], 'yuan/enterprise', 'compensation, relocation and site investigation'),
      basis: 'yuan_per_enterprise',
    },
    carbon: est([0, 0, 0], 'kg CO2e/enterprise'),
    duration: est([1, 2, 3], 'a'),
    lasting: true,
    effects: { emissionCut: src([1, 1, 1], 'fraction', 'definition: a closed enterprise emits nothing') },
    ...notes({
      zh: '就业和税收减少；腾退地块成为污染地块（GB 36600）',
      en: 'jobs and tax lost; the vacated site becomes a contaminated-site case (GB 36600)',
    }),
  },
  {
    id: 'fertilizer-substitution',
    name: { zh: '化肥替代（低镉磷肥）', en: 'fertilizer substitution (low-Cd phosphate)' },
    category: 'source_control',
    target: 'zone',
    landUses: FARMLAND,
    metals: ['Cd', 'As', 'Pb', 'Cr'],
    cost: { ...est([20, 50, 100], 'yuan/mu/a'), basis: 'yuan_per_mu_year' },
    carbon: est([0, 0, 5], 'kg CO2e/mu/a'),
    duration: est([1, 5, 10], 'a'),
    lasting: false,
    effects: { inputReduction: { pathways: ['fertilizer'], fraction: fraction([0.3, 0.5, 0.8]) } },
    ...notes({ zh: '需有经认证的低镉化肥供应', en: 'needs supply of certified low-Cd fertilizer' }),
  },
  {
    id: 'manure-substitution',
    name: { zh: '畜禽粪肥替代与饲料添加剂管控', en: 'manure substitution and feed-additive control' },
    category: 'source_control',
    target: 'zone',
    landUses: FARMLAND,
    metals: ['Cd', 'Cu', 'Zn', 'As'],
    cost: { ...est([30, 80, 150], 'yuan/mu/a'), basis: 'yuan_per_mu_year' },
    carbon: est([0, 5, 15], 'kg CO2e/mu/a'),
    duration: est([1, 5, 10], 'a'),
    lasting: false,
    effects: { inputReduction: { pathways: ['manure'], fraction: fraction([0.3, 0.5, 0.7]) } },
    ...notes({
      zh: '粪肥仍需消纳出路；有机质投入可能减少',
      en: 'manure still needs an outlet; organic matter input may fall',
    }),
  },
  {
    id: 'irrigation-water-treatment',
    name: {
      zh: '灌溉水净化（沟渠拦截、人工湿地）',
      en: 'irrigation water treatment (ditch interception, wetlands)',
    },
    category: 'source_control',
    target: 'zone',
    landUses: FARMLAND,
    metals: ALL_METALS,
    cost: {
      ...est([50, 150, 300], 'yuan/mu/a', 'per mu of irrigated land served'),
      basis: 'yuan_per_mu_year',
    },
    carbon: est([1, 5, 15], 'kg CO2e/mu/a'),
    duration: est([1, 5, 10], 'a'),
    lasting: false,
    effects: { inputReduction: { pathways: ['irrigation'], fraction: fraction([0.4, 0.6, 0.9]) } },
    ...notes({
      zh: '湿地底泥富集重金属，需定期清淤',
      en: 'wetland sediment accumulates metals and needs dredging',
    }),
  },
];

/** A partial measure: only the fields to change (figures are replaced whole). */
export type MeasureOverride = Partial<Omit<Measure, 'effects' | 'cost'>> & {
  id: string;
  cost?: Figure & { basis?: CostBasis };
  effects?: Partial<MeasureEffects>;
};

/**
 * The library with scenario-file overrides applied: a known id gets the given fields replaced (cost
 * keeps its basis unless given; effects merge per effect), an unknown id is added and must then be a
 * complete measure.
 */
export function mergeMeasureLibrary(
  base: readonly Measure[],
  overrides: readonly MeasureOverride[],
  isComplete: (m: MeasureOverride) => m is Measure,
): Map<string, Measure> {
  const library = new Map(base.map((m) => [m.id, m]));
  for (const override of overrides) {
    const current = library.get(override.id);
    if (current) {
      // English side effects replaced without Chinese ones: the library's Chinese no longer matches.
      const secondaryEffectsZh =
        override.secondaryEffectsZh ?? (override.secondaryEffects ? undefined : current.secondaryEffectsZh);
      library.set(override.id, {
        ...current,
        ...override,
        secondaryEffectsZh,
        cost: { ...current.cost, ...override.cost },
        effects: { ...current.effects, ...override.effects },
      });
    } else if (isComplete(override)) {
      library.set(override.id, override);
    } else {
      throw new Error(`measure "${override.id}" is not in the library and is not complete`);
    }
  }
  return library;
}

/** Every figure of a measure that is neither sourced nor flagged as an estimate (should be none). */
export function unsourcedFigures(measure: Measure): string[] {
  const figures: [string, Figure | undefined][] = [
    ['cost', measure.cost],
    ['carbon', measure.carbon],
    ['duration', measure.duration],
    ['effects.cropUptakeReduction', measure.effects.cropUptakeReduction],
    ['effects.soilRemovalGHaA', measure.effects.soilRemovalGHaA],
    ['effects.soilRemovalFractionPerYear', measure.effects.soilRemovalFractionPerYear],
    ['effects.oneTimeReduction', measure.effects.oneTimeReduction],
    ['effects.exposureReduction', measure.effects.exposureReduction],
    ['effects.inputReduction', measure.effects.inputReduction?.fraction],
    ['effects.emissionCut', measure.effects.emissionCut],
  ];
  return figures.filter(([, f]) => f && !f.source && !f.estimate).map(([name]) => `${measure.id}.${name}`);
}
