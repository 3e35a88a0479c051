import type { RegulatedMetal } from '../../domain/elements.ts';
import { INDUSTRY_LABELS, INPUT_PATHWAYS, type Industry } from '../../domain/industries.ts';
import { type LocalizedText, SoilTraceError } from '../../errors.ts';
import { addMeasureCost, netPresentValue, sum } from './costs.ts';
import { depositionGHaA, lengthScaleFor } from './deposition.ts';
import { childIngestionHQPerMgKg } from './health-risk.ts';
import { type Enterprise, type FluxRow, inputPathwayOf } from './load-inputs.ts';
import { type Measure, RECURRING_BASES } from './measure-library.ts';
import { firstYearAtOrBelow } from './projection.ts';
import type { Distribution, Figure, Range } from './range.ts';
import type { ActionSpec, ScenarioFile, ZoneFilter } from './scenario-schema.ts';
import { grainLimit, isConstruction } from './standards-lookup.ts';
import type { ManagementZone, ZoneCells } from './zones.ts';

// Compiles a validated scenario file, its zones and inputs into flat arrays once, then evaluates any
// scenario for any vector of parameter values (modes, a Monte Carlo draw, a tornado end) quickly.
// Every uncertain figure is one slot of `parameters`; slots are shared across scenarios, so Monte Carlo
// draws with the same seed use common random numbers.

export interface ParameterSpec {
  key: string;
  /** English label (the original JSON field); `labelZh` is the Chinese one. */
  label: string;
  labelZh: string;
  range: Range;
  distribution: Distribution;
  source?: string;
  estimate?: boolean;
}

export interface PlanningInputs {
  cells: ZoneCells;
  zones: ManagementZone[];
  enterprises: Enterprise[];
  fluxes: FluxRow[];
  library: Map<string, Measure>;
}

const UNIT_ZH: Record<string, string> = { yuan: '元', mu: '亩', a: '年', enterprise: '家', m3: 'm³' };
/** A library unit such as `yuan/mu/a` or `kg CO2e/m3` in Chinese (`元/亩/年`, `kg CO2e/m³`). */
export const unitZh = (unit: string) =>
  unit
    .split('/')
    .map((part) => UNIT_ZH[part] ?? part)
    .join('/');

const NONE = -1;
interface Slots {
  cost: number;
  carbon: number;
  duration: number;
  uptake: number;
  removalG: number;
  removalF: number;
  oneTime: number;
  exposure: number;
  inputFraction: number;
  share: number;
}

export interface CompiledAction {
  measure: Measure;
  zones: Int32Array;
  enterprises: Int32Array;
  startIndex: number;
  explicitYears: number;
  quantity: number;
  recurring: boolean;
  slots: Slots;
  /** Non-atmospheric pathway indices (into INPUT_PATHWAYS) reduced by the measure. */
  inputPathways: number[];
  metalMask: Uint8Array;
}

export interface CompiledScenario {
  id: string;
  name: string;
  description?: string;
  actions: CompiledAction[];
  /** Indices of the enterprises any action targets. */
  targetedEnterprises: Int32Array;
  areaTreatedHa: number;
  volumeTreatedM3: number;
  /** Zones any action or source control reaches (others follow their unchanged balance). */
  touchedZone: Uint8Array;
  /** Zones with an input-reduction measure (fertilizer, manure, irrigation). */
  inputReducedZone: Uint8Array;
  /** Parameter slots this scenario reads (for the tornado). */
  usedSlots: number[];
  warnings: string[];
}

export interface PlanningModel {
  startYear: number;
  years: number;
  targetIndex: number;
  targetYear: number;
  discountRate: number;
  depthM: number;
  massKgPerHa: number;
  criterion: 'safe-utilization' | 'below-screening';
  targetRate: number;
  metals: RegulatedMetal[];
  /** Indices into `metals` of the target metals. */
  targetMetals: number[];
  /** 0 … (number of target metals − 1). */
  targetPositions: number[];
  zones: ManagementZone[];
  cellAreaHa: number;
  parameters: ParameterSpec[];
  scenarios: CompiledScenario[];
  /** [zone][metal][pathway] base inputs (g/ha/a) of the non-atmospheric pathways (index 0 unused). */
  baseInputs: Float64Array;
  /** [zone][metal] atmospheric deposition from the flux table, NaN where the table has none. */
  atmosphericTable: Float64Array;
  background: Float64Array;
  /** [zone][metal] fixed outputs (g/ha/a). */
  outputs: Float64Array;
  /** [zone][metal] Σ of the non-atmospheric base inputs (g/ha/a). */
  otherInputs: Float64Array;
  /** [zone][metal][enterprise] deposition (g/ha/a) from each operating enterprise at localFraction = 1. */
  enterpriseDeposition: Float64Array;
  /** [zone][metal] Σ over enterprises of `enterpriseDeposition`. */
  depositionTotal: Float64Array;
  enterpriseCount: number;
  inputScaleSlot: number;
  localFractionSlot: number;
  /** [zone][metal] BCF slot (or -1) and grain limit (NaN when none). */
  bcfSlot: Int32Array;
  cropLimit: Float64Array;
  cropName: (string | null)[];
  /** [zone][metal] initial mean concentration and mean screening value. */
  meanC0: Float64Array;
  meanScreening: Float64Array;
  /** Cells in zone order; zoneCellStart[z]..zoneCellStart[z+1]. */
  zoneCellStart: Int32Array;
  /** [target k][cell in zone order] initial concentration and screening value. */
  cellC0: Float64Array[];
  cellScreening: Float64Array[];
  /** Child soil-ingestion HQ per mg/kg, per metal. */
  hqPerMgKg: Float64Array;
  /** Zones whose land use the target counts (target.landUses). */
  targetZone: Uint8Array;
  /** Per zone, the single screening value of the first target metal, NaN when cells differ. */
  uniformScreening: Float64Array;
  /** [target k] `cellC0[k]` sorted ascending within each zone's segment. */
  sortedC0: Float64Array[];
  /** Scratch buffers reused by every evaluation (one model per thread). */
  workspace: Workspace;
}

interface Workspace {
  uptakeKeep: Float64Array;
  exposureKeep: Float64Array;
  removalF: Float64Array;
  removalG: Float64Array;
  oneTime: Float64Array;
  inputKeep: Float64Array;
  noFood: Uint8Array;
  cutKeep: Float64Array;
  aT: Float64Array;
  bT: Float64Array;
}

const PATHWAYS = INPUT_PATHWAYS.length;
const ATMOSPHERIC = INPUT_PATHWAYS.indexOf('atmospheric_deposition');
const EVERYWHERE = new Set(['', 'all', '*', '全部', '全域']);

/**
 * China typical atmospheric deposition 2000–2018, mg/m²/a × 10 = g/ha/a (Environmental Science 2022,
 * hjkx.ac.cn; soil-standards.md). Used where neither the flux table nor the inventory says otherwise.
 */
export const TYPICAL_DEPOSITION_G_HA_A: Record<RegulatedMetal, number> = {
  Zn: 967.5,
  Pb: 233.7,
  Cu: 127.7,
  Cr: 110.4,
  Ni: 66.1,
  As: 29.7,
  Cd: 4.8,
  Hg: 0.5,
};

function fail(path: string, zh: string, en: string): never {
  throw new SoilTraceError({ zh: `${path}：${zh}`, en: `${path}: ${en}` });
}

function zoneMatches(zone: ManagementZone, filter: ZoneFilter): boolean {
  if (filter.fluxZones && !(zone.fluxZone !== null && filter.fluxZones.includes(zone.fluxZone))) return false;
  if (filter.landUses && !filter.landUses.includes(zone.landUse)) return false;
  if (filter.classes && !filter.classes.includes(zone.soilClass)) return false;
  if (filter.minPH !== undefined && !(zone.meanPH >= filter.minPH)) return false;
  if (filter.maxPH !== undefined && !(zone.meanPH <= filter.maxPH)) return false;
  for (const [metal, min] of Object.entries(filter.minConcentration ?? {}) as [RegulatedMetal, number][]) {
    if (!((zone.meanConcentration[metal] ?? Number.NaN) >= min)) return false;
  }
  return true;
}

function industryMatches(enterprise: Enterprise, wanted: string): boolean {
  if (enterprise.industry === wanted) return true;
  const label = INDUSTRY_LABELS[enterprise.industry as Industry];
  return label !== undefined && (label.zh === wanted || label.en === wanted);
}

/**
 * Target metals when the file names none: those above their screening value in any cell of the
 * target land uses at the start (in `metals` order), else the first metal.
 */
export function defaultTargetMetals(
  metals: RegulatedMetal[],
  zones: ManagementZone[],
  cells: ZoneCells,
  landUses: readonly string[],
): RegulatedMetal[] {
  const exceeding = metals.filter((m) =>
    zones.some((zone) => landUses.includes(zone.landUse) && (zone.exceedanceAreaHa[m] ?? 0) > 0),
  );
  return exceeding.length > 0
    ? exceeding
    : metals.slice(0, 1).filter((m) => cells.concentration[m] !== undefined);
}

/** Builds the planning model; throws SoilTraceError naming the JSON path of any bad reference. */
export function compilePlanningModel(file: ScenarioFile, inputs: PlanningInputs): PlanningModel {
  const { zones, cells, enterprises, fluxes, library } = inputs;
  const metals = (file.metals ?? (Object.keys(cells.concentration) as RegulatedMetal[])).filter(
    (m) => cells.concentration[m] !== undefined,
  );
  const targetMetalNames =
    file.target.metals ?? defaultTargetMetals(metals, zones, cells, file.target.landUses);
  for (const [k, m] of targetMetalNames.entries()) {
    if (!metals.includes(m))
      fail(`target.metals[${k}]`, `样点数据中没有 ${m}`, `the samples have no ${m} column`);
  }
  if (file.target.year < file.horizon.startYear || file.target.year > file.horizon.endYear) {
    fail('target.year', '目标年份应在规划期内', 'the target year must lie within the horizon');
  }
  const M = metals.length;
  const Z = zones.length;
  const E = enterprises.length;
  const years = file.horizon.endYear - file.horizon.startYear + 1;

  const parameters: ParameterSpec[] = [];
  const slotByKey = new Map<string, number>();
  const slotFor = (
    key: string,
    label: LocalizedText,
    figure: Pick<Figure, 'range' | 'distribution' | 'source' | 'estimate'>,
  ) => {
    const existing = slotByKey.get(key);
    if (existing !== undefined) return existing;
    const lognormalOk = figure.range[0] > 0;
    parameters.push({
      key,
      label: label.en,
      labelZh: label.zh,
      range: figure.range,
      distribution:
        figure.distribution === 'lognormal' && !lognormalOk
          ? 'triangular'
          : (figure.distribution ?? 'triangular'),
      source: figure.source,
      estimate: figure.estimate,
    });
    slotByKey.set(key, parameters.length - 1);
    return parameters.length - 1;
  };
  const inputScaleSlot = slotFor(
    'massBalance:inputScale',
    { zh: '输入通量缩放系数', en: 'input flux scale' },
    {
      range: file.massBalance.inputScale,
      estimate: true,
    },
  );
  const localFractionSlot = slotFor(
    'deposition:localFraction',
    { zh: '企业大气排放本地沉降比例', en: 'share of enterprise air emission deposited locally' },
    {
      range: file.deposition.localFraction,
      estimate: true,
    },
  );

  // Flux table → per zone, metal and pathway, taking the most specific rows (zone id > the zone's flux
  // zone > land use > everywhere); labels that match none are averaged study-wide as the fallback.
  const baseInputs = new Float64Array(Z * M * PATHWAYS);
  const atmosphericTable = new Float64Array(Z * M).fill(Number.NaN);
  const outputs = new Float64Array(Z * M);
  const groups = new Map<string, FluxRow[]>();
  for (const row of fluxes) {
    const key = `${row.direction}|${row.direction === 'input' ? inputPathwayOf(row.pathway) : row.pathway.trim()}|${row.metal}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  for (let z = 0; z < Z; z++) {
    const zone = zones[z];
    for (const [key, rows] of groups) {
      const [direction, pathway, metal] = key.split('|');
      const m = metals.indexOf(metal as RegulatedMetal);
      if (m < 0) continue;
      const level = (r: FluxRow) =>
        r.zone === zone.id
          ? 4
          : zone.fluxZone !== null && r.zone === zone.fluxZone
            ? 3
            : r.zone === zone.landUse
              ? 2
              : EVERYWHERE.has(r.zone.trim().toLowerCase())
                ? 1
                : 0;
      const best = Math.max(...rows.map(level));
      const chosen = rows.filter((r) => level(r) === best);
      const value = sum(chosen.map((r) => r.fluxGHaA)) / chosen.length;
      if (direction === 'output') outputs[z * M + m] += value;
      else {
        const p = INPUT_PATHWAYS.indexOf(pathway as (typeof INPUT_PATHWAYS)[number]);
        if (p === ATMOSPHERIC) atmosphericTable[z * M + m] = value;
        else baseInputs[(z * M + m) * PATHWAYS + p] += value;
      }
    }
  }
  const background = Float64Array.from(
    metals,
    (m) => file.massBalance.backgroundDepositionGHaA?.[m] ?? TYPICAL_DEPOSITION_G_HA_A[m],
  );

  // Deposition from each operating enterprise, averaged over each zone's cells.
  const enterpriseDeposition = new Float64Array(Z * M * E);
  const depositionTotal = new Float64Array(Z * M);
  const cosLat = Math.cos((cells.origin.lat * Math.PI) / 180);
  const mPerDeg = (Math.PI / 180) * 6371008.8;
  for (let e = 0; e < E; e++) {
    const ent = enterprises[e];
    if (ent.status !== 'operating') continue;
    const ex = (ent.lon - cells.origin.lon) * mPerDeg * cosLat;
    const ey = (ent.lat - cells.origin.lat) * mPerDeg;
    const kernel = {
      localFraction: 1,
      lengthScaleM: lengthScaleFor(
        ent.stackHeightM,
        file.deposition.lengthScalePerStackHeight,
        file.deposition.minLengthScaleM,
      ),
    };
    for (let z = 0; z < Z; z++) {
      const zc = zones[z].cells;
      if (zc.length === 0) continue;
      let unit = 0;
      for (const c of zc) unit += depositionGHaA(1, Math.hypot(cells.x[c] - ex, cells.y[c] - ey), kernel);
      unit /= zc.length;
      for (let m = 0; m < M; m++) {
        const d = unit * (ent.airEmissionKgA[metals[m]] ?? 0);
        enterpriseDeposition[(z * M + m) * E + e] = d;
        depositionTotal[z * M + m] += d;
      }
    }
  }

  // Crops: the first crop listed for a zone's land use links grain to soil by its BCF.
  const bcfSlot = new Int32Array(Z * M).fill(NONE);
  const cropLimit = new Float64Array(Z * M).fill(Number.NaN);
  const cropName: (string | null)[] = [];
  for (let z = 0; z < Z; z++) {
    const crop = file.crops.find((c) => c.landUses.includes(zones[z].landUse));
    cropName.push(crop?.name ?? null);
    if (!crop) continue;
    for (let m = 0; m < M; m++) {
      const bcf = crop.bcf[metals[m]];
      if (!bcf) continue;
      bcfSlot[z * M + m] = slotFor(
        `crop:${crop.name}:bcf:${metals[m]}`,
        { zh: `${crop.name} ${metals[m]} 富集系数（BCF）`, en: `${crop.name} BCF ${metals[m]}` },
        {
          range: bcf,
          estimate: true,
        },
      );
      cropLimit[z * M + m] = crop.limitMgKg?.[metals[m]] ?? grainLimit(crop.cropType ?? crop.name, metals[m]);
    }
  }

  // Cells in zone order, with the target metals' initial concentration and screening value.
  const targetMetals = targetMetalNames.map((m) => metals.indexOf(m));
  const zoneCellStart = new Int32Array(Z + 1);
  for (let z = 0; z < Z; z++) zoneCellStart[z + 1] = zoneCellStart[z] + zones[z].cells.length;
  const nCells = zoneCellStart[Z];
  const cellC0 = targetMetals.map(() => new Float64Array(nCells));
  const cellScreening = targetMetals.map(() => new Float64Array(nCells));
  const meanC0 = new Float64Array(Z * M);
  const meanScreening = new Float64Array(Z * M);
  for (let z = 0; z < Z; z++) {
    const zc = zones[z].cells;
    for (let m = 0; m < M; m++) {
      const conc = cells.concentration[metals[m]] as Float64Array;
      const s = cells.screening[metals[m]] as Float64Array;
      let cs = 0;
      let ss = 0;
      for (const c of zc) {
        cs += conc[c];
        ss += s[c];
      }
      meanC0[z * M + m] = zc.length ? cs / zc.length : Number.NaN;
      meanScreening[z * M + m] = zc.length ? ss / zc.length : Number.NaN;
    }
    targetMetals.forEach((m, k) => {
      const conc = cells.concentration[metals[m]] as Float64Array;
      const s = cells.screening[metals[m]] as Float64Array;
      zc.forEach((c, i) => {
        cellC0[k][zoneCellStart[z] + i] = conc[c];
        cellScreening[k][zoneCellStart[z] + i] = s[c];
      });
    });
  }

  const scenarios = file.scenarios.map((spec, si) => {
    const warnings: string[] = [];
    const used = new Set<number>([inputScaleSlot, localFractionSlot]);
    for (const s of bcfSlot) if (s !== NONE) used.add(s);
    const treated = new Set<number>();
    let volumeTreatedM3 = 0;
    const targeted = new Set<number>();
    const actions = spec.actions.map((action: ActionSpec, ai): CompiledAction => {
      const path = `scenarios[${si}].actions[${ai}]`;
      const measure = library.get(action.measure);
      if (!measure) {
        fail(`${path}.measure`, `措施库中没有 “${action.measure}”`, `unknown measure id "${action.measure}"`);
      }
      const startYear = action.startYear ?? file.horizon.startYear;
      if (startYear < file.horizon.startYear || startYear > file.horizon.endYear) {
        fail(`${path}.startYear`, '开始年份应在规划期内', 'startYear must lie within the horizon');
      }
      let zoneIdx: number[] = [];
      let entIdx: number[] = [];
      if (measure.target === 'zone') {
        if (action.zones) {
          zoneIdx = action.zones.map((id, k) => {
            const z = zones.findIndex((zone) => zone.id === id);
            if (z < 0) fail(`${path}.zones[${k}]`, `没有分区 “${id}”`, `no zone "${id}"`);
            if (!measure.landUses.includes(zones[z].landUse)) {
              fail(
                `${path}.zones[${k}]`,
                `措施 ${measure.id} 不适用于 ${zones[z].landUse}`,
                `measure ${measure.id} does not apply to land use ${zones[z].landUse}`,
              );
            }
            return z;
          });
        } else if (action.where) {
          const filter = action.where;
          zoneIdx = zones.flatMap((zone, z) =>
            zoneMatches(zone, filter) && measure.landUses.includes(zone.landUse) && zone.cells.length > 0
              ? [z]
              : [],
          );
          if (zoneIdx.length === 0) warnings.push(`${path}: "where" selects no zone`);
        } else fail(path, '分区措施需要 zones 或 where', 'a zone measure needs "zones" or "where"');
      } else {
        if (!action.enterprises && !action.industries) {
          fail(
            path,
            '企业措施需要 enterprises 或 industries',
            'an enterprise measure needs "enterprises" or "industries"',
          );
        }
        const chosen = new Set<number>();
        action.enterprises?.forEach((id, k) => {
          const e = enterprises.findIndex((ent) => ent.id === id);
          if (e < 0)
            fail(
              `${path}.enterprises[${k}]`,
              `清单中没有企业 “${id}”`,
              `no enterprise "${id}" in the inventory`,
            );
          chosen.add(e);
        });
        action.industries?.forEach((industry, k) => {
          const matches = enterprises.flatMap((ent, e) => (industryMatches(ent, industry) ? [e] : []));
          if (matches.length === 0) {
            fail(
              `${path}.industries[${k}]`,
              `清单中没有行业 “${industry}” 的企业`,
              `no enterprise of industry "${industry}"`,
            );
          }
          for (const e of matches) chosen.add(e);
        });
        entIdx = [...chosen].filter((e) => enterprises[e].status === 'operating').sort((a, b) => a - b);
        if (entIdx.length === 0) warnings.push(`${path}: every selected enterprise is already closed`);
        for (const e of entIdx) targeted.add(e);
      }
      const basis = measure.cost.basis;
      const quantity =
        basis === 'yuan_per_mu' || basis === 'yuan_per_mu_year'
          ? sum(zoneIdx.map((z) => zones[z].areaMu))
          : basis === 'yuan_per_m3'
            ? sum(zoneIdx.map((z) => zones[z].volumeM3))
            : entIdx.length;
      if (measure.category !== 'source_control') for (const z of zoneIdx) treated.add(z);
      if (basis === 'yuan_per_m3') volumeTreatedM3 += quantity;
      const key = (name: string) => `measure:${measure.id}:${name}`;
      const label = (zh: string, en: string): LocalizedText => ({
        zh: `${measure.name.zh}：${zh}`,
        en: `${measure.name.en}: ${en}`,
      });
      const fx = measure.effects;
      const slots: Slots = {
        cost: slotFor(
          key('cost'),
          label(`单位成本（${unitZh(measure.cost.unit)}）`, `unit cost (${measure.cost.unit})`),
          measure.cost,
        ),
        carbon: slotFor(
          key('carbon'),
          label(`碳排放（${unitZh(measure.carbon.unit)}）`, `carbon (${measure.carbon.unit})`),
          measure.carbon,
        ),
        duration: action.years
          ? NONE
          : slotFor(key('duration'), label('实施年限（年）', 'duration (a)'), measure.duration),
        uptake: fx.cropUptakeReduction
          ? slotFor(key('uptake'), label('作物吸收降幅', 'crop uptake reduction'), fx.cropUptakeReduction)
          : NONE,
        removalG: fx.soilRemovalGHaA
          ? slotFor(
              key('removalG'),
              label('土壤去除量（g/ha/年）', 'soil removal (g/ha/a)'),
              fx.soilRemovalGHaA,
            )
          : NONE,
        removalF: fx.soilRemovalFractionPerYear
          ? slotFor(
              key('removalF'),
              label('土壤年去除率（1/年）', 'soil removal (1/a)'),
              fx.soilRemovalFractionPerYear,
            )
          : NONE,
        oneTime: fx.oneTimeReduction
          ? slotFor(key('oneTime'), label('一次性降幅', 'one-off reduction'), fx.oneTimeReduction)
          : NONE,
        exposure: fx.exposureReduction
          ? slotFor(key('exposure'), label('暴露降幅', 'exposure reduction'), fx.exposureReduction)
          : NONE,
        inputFraction: fx.inputReduction
          ? slotFor(key('input'), label('输入降幅', 'input reduction'), fx.inputReduction.fraction)
          : NONE,
        share: action.share
          ? slotFor(
              `action:${spec.id}#${ai}:share`,
              {
                zh: `${spec.id} 第 ${ai + 1} 项措施：减排比例`,
                en: `${spec.id} action ${ai + 1}: emission cut share`,
              },
              {
                range: action.share,
                estimate: true,
              },
            )
          : fx.emissionCut
            ? slotFor(key('emissionCut'), label('减排比例', 'emission cut share'), fx.emissionCut)
            : NONE,
      };
      for (const s of Object.values(slots)) if (s !== NONE) used.add(s);
      return {
        measure,
        zones: Int32Array.from(zoneIdx),
        enterprises: Int32Array.from(entIdx),
        startIndex: startYear - file.horizon.startYear,
        explicitYears: action.years ?? 0,
        quantity,
        recurring: RECURRING_BASES.has(basis),
        slots,
        inputPathways: (fx.inputReduction?.pathways ?? [])
          .map((p) => INPUT_PATHWAYS.indexOf(p))
          .filter((p) => p !== ATMOSPHERIC),
        metalMask: Uint8Array.from(metals, (m) => (measure.metals.includes(m) ? 1 : 0)),
      };
    });
    const touchedZone = new Uint8Array(Z);
    const inputReducedZone = new Uint8Array(Z);
    for (const action of actions) {
      for (const z of action.zones) {
        touchedZone[z] = 1;
        if (action.inputPathways.length > 0) inputReducedZone[z] = 1;
      }
    }
    for (const e of targeted) {
      for (let z = 0; z < Z; z++) {
        for (let m = 0; m < M; m++) if (enterpriseDeposition[(z * M + m) * E + e] > 0) touchedZone[z] = 1;
      }
    }
    return {
      id: spec.id,
      name: spec.name,
      description: spec.description,
      actions,
      touchedZone,
      inputReducedZone,
      targetedEnterprises: Int32Array.from([...targeted].sort((a, b) => a - b)),
      areaTreatedHa: sum([...treated].map((z) => zones[z].areaHa)),
      volumeTreatedM3,
      usedSlots: [...used].sort((a, b) => a - b),
      warnings,
    };
  });
  const ids = new Set<string>();
  file.scenarios.forEach((s, i) => {
    if (ids.has(s.id))
      fail(`scenarios[${i}].id`, `场景编号 “${s.id}” 重复`, `duplicate scenario id "${s.id}"`);
    ids.add(s.id);
  });

  return {
    startYear: file.horizon.startYear,
    years,
    targetIndex: file.target.year - file.horizon.startYear,
    targetYear: file.target.year,
    discountRate: file.discountRate,
    depthM: file.soil.depthM,
    massKgPerHa: file.soil.massKgPerHa,
    criterion: file.target.criterion,
    targetRate: file.target.rate,
    metals,
    targetMetals,
    targetPositions: targetMetals.map((_, k) => k),
    zones,
    cellAreaHa: cells.cellAreaHa,
    parameters,
    scenarios,
    baseInputs,
    otherInputs: Float64Array.from({ length: Z * M }, (_, zm) => {
      let total = 0;
      for (let p = 0; p < PATHWAYS; p++) if (p !== ATMOSPHERIC) total += baseInputs[zm * PATHWAYS + p];
      return total;
    }),
    atmosphericTable,
    background,
    outputs,
    enterpriseDeposition,
    depositionTotal,
    enterpriseCount: E,
    inputScaleSlot,
    localFractionSlot,
    bcfSlot,
    cropLimit,
    cropName,
    meanC0,
    meanScreening,
    zoneCellStart,
    cellC0,
    cellScreening,
    hqPerMgKg: Float64Array.from(metals, childIngestionHQPerMgKg),
    targetZone: Uint8Array.from(zones, (zone) => (file.target.landUses.includes(zone.landUse) ? 1 : 0)),
    uniformScreening: Float64Array.from(zones, (_, z) => {
      const from = zoneCellStart[z];
      const to = zoneCellStart[z + 1];
      const s = cellScreening[0]?.[from] ?? Number.NaN;
      for (let c = from; c < to; c++) if (cellScreening[0][c] !== s) return Number.NaN;
      return s;
    }),
    sortedC0: cellC0.map((c0) => {
      const sorted = Float64Array.from(c0);
      for (let z = 0; z < Z; z++) sorted.subarray(zoneCellStart[z], zoneCellStart[z + 1]).sort();
      return sorted;
    }),
    workspace: {
      uptakeKeep: new Float64Array(Z * M * years),
      exposureKeep: new Float64Array(Z * M * years),
      removalF: new Float64Array(Z * M * years),
      removalG: new Float64Array(Z * M * years),
      oneTime: new Float64Array(Z * M * years),
      inputKeep: new Float64Array(Z * M * years * PATHWAYS),
      noFood: new Uint8Array(Z * years),
      cutKeep: new Float64Array(E * years),
      aT: new Float64Array(Z * M),
      bT: new Float64Array(Z * M),
    },
  };
}

/** Parameter values at their modes (the deterministic evaluation). */
export function modeValues(model: PlanningModel): Float64Array {
  return Float64Array.from(model.parameters, (p) => p.range[1]);
}

export interface ZoneProjection {
  zoneId: string;
  areaHa: number;
  measures: string[];
  /** The zone's share of the target areas (target metals; 0 outside the target land uses), ha. */
  exceedanceAreaHa: { before: number; after: number };
  unsafeAreaHa: { before: number; after: number };
  metals: {
    metal: RegulatedMetal;
    initial: number;
    /** End-of-year mean concentration (mg/kg), one per horizon year. */
    concentration: number[];
    screening: number;
    yearBelowScreening: number | null;
    crop: string | null;
    /** Grain concentration (mg/kg) by year where a BCF links it, after uptake reductions. */
    cropConcentration: number[] | null;
    cropLimit: number | null;
    yearCropMeetsLimit: number | null;
  }[];
}

export interface ScenarioOutcome {
  cashFlows: Float64Array;
  costTotal: number;
  npv: number;
  carbonTCO2e: number;
  durationYears: number;
  areaTreatedHa: number;
  volumeTreatedM3: number;
  // Cell-based areas cover the zones of the target land uses (target.landUses, default 耕地).
  /** Area above screening for any target metal at the start and at the end of the target year (ha). */
  exceedanceBeforeHa: number;
  exceedanceAfterHa: number;
  /** Polluted area (above screening at start or target year) not safely used, before and after (ha). */
  pollutedAreaHa: number;
  unsafeBeforeHa: number;
  unsafeAfterHa: number;
  /** Share of polluted area meeting the target criterion at the target year. */
  targetShare: number;
  targetMet: boolean;
  /**
   * Area-weighted child soil-ingestion hazard index, start and target year: all zones and metals with
   * `detail`, else the target metals over the zones of the target land uses.
   */
  healthRiskBefore: number;
  healthRiskAfter: number;
  /** [metal][year] area-weighted mean end-of-year concentration over the zones of the target land
   * uses (all metals with `detail`, else the target metals in target order). */
  meanConcentration: Float64Array;
  zones?: ZoneProjection[];
}

/** Number of values > x in the ascending segment sorted[from, to). */
function countAbove(sorted: Float64Array, from: number, to: number, x: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return to - lo;
}

/** The C0 above which a cell's projected value C = max(0, a·C0 + b) exceeds `limit`. */
function c0Threshold(a: number, b: number, limit: number): number {
  if (a > 1e-300) return (limit - b) / a;
  return b > limit ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
}

/**
 * Evaluates one compiled scenario at the given parameter values. With `detail` every metal is
 * projected and per-zone series are returned; without it (Monte Carlo, tornado) only the target
 * metals are, and `meanConcentration` / health risk cover the target metals only.
 */
export function evaluateScenario(
  model: PlanningModel,
  scenario: CompiledScenario,
  values: Float64Array,
  detail = false,
): ScenarioOutcome {
  const { years: n, zones } = model;
  const M = model.metals.length;
  const ms = detail ? model.metals.map((_, m) => m) : model.targetMetals;
  const J = ms.length;
  const Z = zones.length;
  const E = model.enterpriseCount;
  const T = model.targetIndex;
  const w = model.workspace;
  const size = Z * J * n;
  const { uptakeKeep, exposureKeep, removalF, removalG, oneTime, inputKeep, noFood, cutKeep } = w;
  const targeted = scenario.targetedEnterprises;
  // Reset the scratch buffers. The fast evaluation only resets (and later only reads) the slices of
  // the zones and enterprises this scenario touches; untouched zones read as "no effect".
  if (detail) {
    uptakeKeep.fill(1, 0, size);
    exposureKeep.fill(1, 0, size);
    removalF.fill(0, 0, size);
    removalG.fill(0, 0, size);
    oneTime.fill(0, 0, size);
    inputKeep.fill(1, 0, size * PATHWAYS);
    noFood.fill(0);
    cutKeep.fill(1);
  } else {
    const block = J * n;
    for (let z = 0; z < Z; z++) {
      if (!scenario.touchedZone[z]) continue;
      uptakeKeep.fill(1, z * block, (z + 1) * block);
      exposureKeep.fill(1, z * block, (z + 1) * block);
      removalF.fill(0, z * block, (z + 1) * block);
      removalG.fill(0, z * block, (z + 1) * block);
      oneTime.fill(0, z * block, (z + 1) * block);
      noFood.fill(0, z * n, (z + 1) * n);
      if (scenario.inputReducedZone[z]) inputKeep.fill(1, z * block * PATHWAYS, (z + 1) * block * PATHWAYS);
    }
    for (let q = 0; q < targeted.length; q++) cutKeep.fill(1, targeted[q] * n, (targeted[q] + 1) * n);
  }
  const cashFlows = new Float64Array(n);
  let carbonKg = 0;
  let firstStart = Number.POSITIVE_INFINITY;
  let lastEnd = Number.NEGATIVE_INFINITY;
  const zoneMeasures: Set<string>[] = detail ? zones.map(() => new Set()) : [];

  for (const action of scenario.actions) {
    const { slots, startIndex: start } = action;
    const activeYears =
      action.explicitYears ||
      (action.recurring ? n - start : Math.max(1, Math.round(values[slots.duration])));
    const end = start + activeYears;
    const endInHorizon = Math.min(end, n);
    firstStart = Math.min(firstStart, start);
    lastEnd = Math.max(lastEnd, end);
    addMeasureCost(cashFlows, start, activeYears, action.quantity * values[slots.cost], action.recurring);
    carbonKg +=
      action.quantity * values[slots.carbon] * (action.recurring ? Math.max(0, endInHorizon - start) : 1);
    const effectEnd = action.measure.lasting ? n : endInHorizon;

    if (action.measure.target === 'enterprise') {
      // Works measures cut emissions once complete; the cut then lasts.
      const keep = slots.share === NONE ? 1 : 1 - values[slots.share];
      for (let q = 0; q < action.enterprises.length; q++) {
        for (let t = endInHorizon; t < n; t++) cutKeep[action.enterprises[q] * n + t] *= keep;
      }
      continue;
    }
    const fx = action.measure.effects;
    const u = slots.uptake === NONE ? 0 : values[slots.uptake];
    const x = slots.exposure === NONE ? 0 : values[slots.exposure];
    const rg = slots.removalG === NONE ? 0 : values[slots.removalG];
    const rf = slots.removalF === NONE ? 0 : values[slots.removalF];
    const ot = slots.oneTime === NONE ? 0 : values[slots.oneTime];
    const ir = slots.inputFraction === NONE ? 0 : values[slots.inputFraction];
    const pathways = action.inputPathways;
    for (let q = 0; q < action.zones.length; q++) {
      const z = action.zones[q];
      if (detail) zoneMeasures[z].add(action.measure.id);
      if (fx.stopsFoodCrop) for (let t = start; t < endInHorizon; t++) noFood[z * n + t] = 1;
      for (let j = 0; j < J; j++) {
        if (!action.metalMask[ms[j]]) continue;
        const base = (z * J + j) * n;
        for (let t = start; t < effectEnd; t++) {
          uptakeKeep[base + t] *= 1 - u;
          exposureKeep[base + t] *= 1 - x;
        }
        for (let t = start; t < endInHorizon; t++) {
          removalG[base + t] += rg;
          removalF[base + t] = 1 - (1 - removalF[base + t]) * (1 - rf);
          for (let r = 0; r < pathways.length; r++)
            inputKeep[((z * J + j) * PATHWAYS + pathways[r]) * n + t] *= 1 - ir;
        }
        if (ot > 0 && end - 1 < n) oneTime[base + end - 1] = 1 - (1 - oneTime[base + end - 1]) * (1 - ot);
      }
    }
  }

  // Yearly mass balance per zone and metal, as the affine map C_t = a_t·C0 + b_t (projection.ts):
  // C ← C·(1 − r) + (I − O)·1000/M, then C ← C·(1 − f) for a one-off reduction.
  const scale = values[model.inputScaleSlot];
  const f = values[model.localFractionSlot];
  const aT = w.aT;
  const bT = w.bT;
  const meanConcentration = new Float64Array(J * n);
  const zoneSeries: Float64Array[] = [];
  let totalArea = 0;
  for (const zone of zones) totalArea += zone.areaHa;
  let hiBefore = 0;
  let hiAfter = 0;
  const toMass = 1000 / model.massKgPerHa;
  let targetArea = 0;
  for (let z = 0; z < Z; z++) if (model.targetZone[z]) targetArea += zones[z].areaHa;
  for (let z = 0; z < Z; z++) {
    // The fast evaluation only needs the zones the target counts.
    if (!detail && !model.targetZone[z]) continue;
    const weight = detail
      ? totalArea > 0
        ? zones[z].areaHa / totalArea
        : 0
      : targetArea > 0
        ? zones[z].areaHa / targetArea
        : 0;
    const targetWeight = model.targetZone[z] && targetArea > 0 ? zones[z].areaHa / targetArea : 0;
    const untouched = !scenario.touchedZone[z];
    for (let j = 0; j < J; j++) {
      const m = ms[j];
      const zm = z * M + m;
      const zj = z * J + j;
      const atmTable = model.atmosphericTable[zm];
      const c0 = model.meanC0[zm];
      const series = detail ? new Float64Array(n) : null;
      if (untouched) {
        // No measure and no source control reaches this zone: constant net input, C_t = C0 + (t+1)·ΔC.
        const atm = Number.isNaN(atmTable) ? model.background[m] + f * model.depositionTotal[zm] : atmTable;
        const net = (scale * (model.otherInputs[zm] + atm) - model.outputs[zm]) * toMass;
        for (let t = 0; t < n; t++) {
          const c = Math.max(0, c0 + (t + 1) * net);
          meanConcentration[j * n + t] += targetWeight * c;
          if (series) series[t] = c;
        }
        aT[zj] = 1;
        bT[zj] = (T + 1) * net;
        if (series) zoneSeries.push(series);
        hiBefore += weight * c0 * model.hqPerMgKg[m];
        hiAfter += weight * Math.max(0, c0 + bT[zj]) * model.hqPerMgKg[m];
        continue;
      }
      let a = 1;
      let b = 0;
      const reduced = scenario.inputReducedZone[z] === 1;
      for (let t = 0; t < n; t++) {
        let other = model.otherInputs[zm];
        if (reduced) {
          other = 0;
          for (let p = 0; p < PATHWAYS; p++) {
            if (p === ATMOSPHERIC) continue;
            const base = model.baseInputs[zm * PATHWAYS + p];
            if (base !== 0) other += base * inputKeep[(zj * PATHWAYS + p) * n + t];
          }
        }
        let cut = 0;
        for (let q = 0; q < targeted.length; q++) {
          const e = targeted[q];
          const keep = cutKeep[e * n + t];
          if (keep !== 1) cut += (1 - keep) * model.enterpriseDeposition[zm * E + e];
        }
        const atm = Number.isNaN(atmTable)
          ? model.background[m] + f * (model.depositionTotal[zm] - cut)
          : Math.max(0, atmTable - f * cut);
        const net = (scale * (other + atm) - model.outputs[zm] - removalG[zj * n + t]) * toMass;
        const keepR = 1 - removalF[zj * n + t];
        const keepO = 1 - oneTime[zj * n + t];
        a *= keepR * keepO;
        b = (b * keepR + net) * keepO;
        const c = Math.max(0, a * c0 + b);
        meanConcentration[j * n + t] += targetWeight * c;
        if (series) series[t] = c;
        if (t === T) {
          aT[zj] = a;
          bT[zj] = b;
        }
      }
      if (series) zoneSeries.push(series);
      hiBefore += weight * c0 * model.hqPerMgKg[m];
      hiAfter += weight * Math.max(0, aT[zj] * c0 + bT[zj]) * exposureKeep[zj * n + T] * model.hqPerMgKg[m];
    }
  }

  // Cells of the target metals at the target year. Where a zone has one screening value (grid
  // zones), each condition is a threshold on C0 and is counted by binary search in the zone's sorted
  // C0; otherwise (several target metals, polygon zones) cell by cell.
  const cellArea = model.cellAreaHa;
  const K = model.targetMetals.length;
  // Position of target metal k among the evaluated metals.
  const targetJ = detail ? model.targetMetals : model.targetPositions;
  let exceedBefore = 0;
  let exceedAfter = 0;
  let polluted = 0;
  let unsafeBefore = 0;
  let unsafeAfter = 0;
  let metTarget = 0;
  // With `detail`, running totals before each zone give each zone's own areas.
  const snapshots = detail ? new Float64Array((Z + 1) * 4) : null;
  for (let z = 0; z < Z; z++) {
    if (snapshots) snapshots.set([exceedBefore, exceedAfter, unsafeBefore, unsafeAfter], z * 4);
    const construction = isConstruction(zones[z].landUse);
    const touched = scenario.touchedZone[z] === 1;
    const food = !touched || !noFood[z * n + T];
    const from = model.zoneCellStart[z];
    const to = model.zoneCellStart[z + 1];
    if (from === to || !model.targetZone[z]) continue;
    const uniform = K === 1 ? model.uniformScreening[z] : Number.NaN;
    if (K === 1 && !Number.isNaN(uniform)) {
      const m = model.targetMetals[0];
      const zm = z * M + m;
      const zj = z * J + targetJ[0];
      const s = uniform;
      const a = aT[zj];
      const b = bT[zj];
      const tAfter = c0Threshold(a, b, s);
      let tSafeBefore: number;
      let tSafeAfter: number;
      if (construction) {
        tSafeBefore = s;
        const keep = touched ? exposureKeep[zj * n + T] : 1;
        tSafeAfter = keep > 0 ? c0Threshold(a, b, s / keep) : Number.POSITIVE_INFINITY;
      } else {
        const slot = model.bcfSlot[zm];
        const limit = model.cropLimit[zm];
        const linked = slot !== NONE && !Number.isNaN(limit);
        const factor = linked ? values[slot] : 1;
        const bound = linked ? limit : s;
        tSafeBefore = Math.max(s, bound / factor);
        const keep = factor * (touched ? uptakeKeep[zj * n + T] : 1);
        tSafeAfter = food
          ? c0Threshold(a, b, Math.max(s, keep > 0 ? bound / keep : Number.POSITIVE_INFINITY))
          : Number.POSITIVE_INFINITY;
      }
      const sorted = model.sortedC0[0];
      const pollutedFrom = Math.min(s, tAfter);
      const nPolluted = countAbove(sorted, from, to, pollutedFrom);
      exceedBefore += countAbove(sorted, from, to, s) * cellArea;
      exceedAfter += countAbove(sorted, from, to, tAfter) * cellArea;
      polluted += nPolluted * cellArea;
      unsafeBefore += countAbove(sorted, from, to, Math.max(pollutedFrom, tSafeBefore)) * cellArea;
      const nUnsafeAfter = countAbove(sorted, from, to, Math.max(pollutedFrom, tSafeAfter));
      unsafeAfter += nUnsafeAfter * cellArea;
      metTarget +=
        (model.criterion === 'below-screening'
          ? nPolluted - countAbove(sorted, from, to, Math.max(pollutedFrom, tAfter))
          : nPolluted - nUnsafeAfter) * cellArea;
      continue;
    }
    for (let c = from; c < to; c++) {
      let eb = false;
      let ea = false;
      let safeBefore = true;
      let safeAfter = true;
      for (let k = 0; k < K; k++) {
        const s = model.cellScreening[k][c];
        if (Number.isNaN(s)) continue;
        const zm = z * M + model.targetMetals[k];
        const zj = z * J + targetJ[k];
        const c0 = model.cellC0[k][c];
        const ct = Math.max(0, aT[zj] * c0 + bT[zj]);
        if (c0 > s) eb = true;
        if (ct > s) ea = true;
        if (construction) {
          if (c0 > s) safeBefore = false;
          if (ct * (touched ? exposureKeep[zj * n + T] : 1) > s) safeAfter = false;
        } else {
          // Grain meets its limit by the BCF where one links them; otherwise the proxy "effective soil
          // concentration C·(1 − uptake reduction) ≤ screening value" (grain at its limit at S).
          const slot = model.bcfSlot[zm];
          const limit = model.cropLimit[zm];
          const linked = slot !== NONE && !Number.isNaN(limit);
          const factor = linked ? values[slot] : 1;
          const bound = linked ? limit : s;
          if (c0 > s && factor * c0 > bound) safeBefore = false;
          if (ct > s && food && factor * ct * (touched ? uptakeKeep[zj * n + T] : 1) > bound)
            safeAfter = false;
        }
      }
      if (eb) exceedBefore += cellArea;
      if (ea) exceedAfter += cellArea;
      if (eb || ea) {
        polluted += cellArea;
        if (!safeBefore) unsafeBefore += cellArea;
        if (!safeAfter) unsafeAfter += cellArea;
        if (model.criterion === 'below-screening' ? !ea : safeAfter) metTarget += cellArea;
      }
    }
  }
  if (snapshots) snapshots.set([exceedBefore, exceedAfter, unsafeBefore, unsafeAfter], Z * 4);
  const targetShare = polluted > 0 ? metTarget / polluted : 1;

  const outcome: ScenarioOutcome = {
    cashFlows,
    costTotal: sum(cashFlows),
    npv: netPresentValue(cashFlows, model.discountRate),
    carbonTCO2e: carbonKg / 1000,
    durationYears: Number.isFinite(firstStart) ? lastEnd - firstStart : 0,
    areaTreatedHa: scenario.areaTreatedHa,
    volumeTreatedM3: scenario.volumeTreatedM3,
    exceedanceBeforeHa: exceedBefore,
    exceedanceAfterHa: exceedAfter,
    pollutedAreaHa: polluted,
    unsafeBeforeHa: unsafeBefore,
    unsafeAfterHa: unsafeAfter,
    targetShare,
    targetMet: targetShare >= model.targetRate,
    healthRiskBefore: hiBefore,
    healthRiskAfter: hiAfter,
    meanConcentration,
  };
  if (detail) {
    outcome.zones = zones.map((zone, z) => {
      const delta = (k: number) => (snapshots ? snapshots[(z + 1) * 4 + k] - snapshots[z * 4 + k] : 0);
      return {
        ...zoneProjection(model, z, zone, zoneSeries, uptakeKeep, values, [...zoneMeasures[z]]),
        exceedanceAreaHa: { before: delta(0), after: delta(1) },
        unsafeAreaHa: { before: delta(2), after: delta(3) },
      };
    });
  }
  return outcome;
}

function zoneProjection(
  model: PlanningModel,
  z: number,
  zone: ManagementZone,
  zoneSeries: Float64Array[],
  uptakeKeep: Float64Array,
  values: Float64Array,
  measures: string[],
): Omit<ZoneProjection, 'exceedanceAreaHa' | 'unsafeAreaHa'> {
  const M = model.metals.length;
  const n = model.years;
  return {
    zoneId: zone.id,
    areaHa: zone.areaHa,
    measures,
    metals: model.metals.map((metal, m) => {
      const zm = z * M + m;
      const series = zoneSeries[zm];
      const screening = model.meanScreening[zm];
      const slot = model.bcfSlot[zm];
      const limit = model.cropLimit[zm];
      const crop =
        slot === NONE ? null : Array.from(series, (c, t) => values[slot] * c * uptakeKeep[zm * n + t]);
      return {
        metal,
        initial: model.meanC0[zm],
        concentration: Array.from(series),
        screening,
        yearBelowScreening: Number.isNaN(screening)
          ? null
          : firstYearAtOrBelow(series, model.startYear, screening),
        crop: slot === NONE ? null : model.cropName[z],
        cropConcentration: crop,
        cropLimit: slot === NONE || Number.isNaN(limit) ? null : limit,
        yearCropMeetsLimit:
          crop && !Number.isNaN(limit) ? firstYearAtOrBelow(crop, model.startYear, limit) : null,
      };
    }),
  };
}
