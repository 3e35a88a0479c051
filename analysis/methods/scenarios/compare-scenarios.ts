import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { RegulatedMetal } from '../../domain/elements.ts';
import { parseLandUse } from '../../domain/land-use.ts';
import { SoilTraceError } from '../../errors.ts';
import { packageVersion } from '../../version.ts';
import { readEnterprises, readFluxes, readSoilSamples, readZonePolygons } from './load-inputs.ts';
import { ahpWeights, checkPairwiseMatrix } from './mcda/ahp.ts';
import { type Direction, topsis } from './mcda/topsis.ts';
import { weightedSum } from './mcda/weighted-sum.ts';
import { DEFAULT_MEASURES, type Measure, mergeMeasureLibrary } from './measure-library.ts';
import { monteCarloScenario, type Quantiles } from './monte-carlo.ts';
import { paretoFront } from './pareto.ts';
import {
  compilePlanningModel,
  evaluateScenario,
  modeValues,
  type PlanningInputs,
  type PlanningModel,
  type ZoneProjection,
} from './scenario-model.ts';
import {
  CRITERIA,
  type CriterionId,
  issuePath,
  measureSchema,
  type ScenarioFile,
  scenarioFileSchema,
} from './scenario-schema.ts';
import { type Tornado, tornado } from './sensitivity.ts';
import { STANDARDS_VERSION } from './standards-lookup.ts';
import { delineateZones, interpolateCells, type ManagementZone, zonesFromPolygons } from './zones.ts';

// The whole planner: read and validate SCENARIOS.json, build zones from the samples, compile the
// scenarios, evaluate each deterministically (modes), run Monte Carlo and the tornado, and rank them.

export const CRITERION_DIRECTIONS: Record<CriterionId, Direction> = {
  npv: 'cost',
  targetProbability: 'benefit',
  residualUnsafeHa: 'cost',
  healthRiskReduction: 'benefit',
  carbonTCO2e: 'cost',
  durationYears: 'cost',
};

/** Default weights when the file sets none (an editable starting point, not a standard). */
export const DEFAULT_WEIGHTS: Record<CriterionId, number> = {
  npv: 0.25,
  targetProbability: 0.25,
  residualUnsafeHa: 0.15,
  healthRiskReduction: 0.15,
  carbonTCO2e: 0.1,
  durationYears: 0.1,
};

/** Reads and validates a scenario file; schema violations name the JSON path of the field. */
export function readScenarioFile(path: string): ScenarioFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new SoilTraceError({ zh: '无法读取场景文件', en: 'cannot read the scenario file' }, { file: path });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SoilTraceError(
      {
        zh: `不是有效的 JSON：${(error as Error).message}`,
        en: `not valid JSON: ${(error as Error).message}`,
      },
      { file: basename(path) },
    );
  }
  return parseScenarioFile(json, basename(path));
}

export function parseScenarioFile(json: unknown, file = 'SCENARIOS.json'): ScenarioFile {
  const parsed = scenarioFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issuePath(issue.path);
    throw new SoilTraceError(
      { zh: `字段 ${where} 不符合格式：${issue.message}`, en: `field ${where} is invalid: ${issue.message}` },
      { file },
    );
  }
  return parsed.data;
}

export function measureLibraryFor(file: ScenarioFile): Map<string, Measure> {
  const known = new Set(DEFAULT_MEASURES.map((m) => m.id));
  file.measures.forEach((override, k) => {
    if (known.has(override.id)) return;
    const full = measureSchema.safeParse(override);
    if (!full.success) {
      const issue = full.error.issues[0];
      const where = `measures[${k}]${issue.path.length ? `.${issuePath(issue.path)}` : ''}`;
      throw new SoilTraceError({
        zh: `新措施 “${override.id}” 不完整：${where} ${issue.message}`,
        en: `new measure "${override.id}" is incomplete: ${where} ${issue.message}`,
      });
    }
  });
  return mergeMeasureLibrary(
    DEFAULT_MEASURES,
    file.measures,
    (m): m is Measure => measureSchema.safeParse(m).success,
  );
}

function resolveInput(baseDir: string, relative: string, field: string): string {
  const path = resolve(baseDir, relative);
  if (!existsSync(path)) {
    throw new SoilTraceError(
      {
        zh: `${field} 指向的文件不存在：${relative}`,
        en: `${field}: the referenced file does not exist: ${relative}`,
      },
      { file: path },
    );
  }
  return path;
}

/** Reads the files the scenario file names (relative to `baseDir`) and builds the management zones. */
export function prepareInputs(file: ScenarioFile, baseDir: string): PlanningInputs {
  const samples = readSoilSamples(
    resolveInput(baseDir, file.inputs.samples, 'inputs.samples'),
    file.zoning.fluxZoneColumn,
  );
  const metals = (file.metals ?? (Object.keys(samples.concentration) as RegulatedMetal[])).filter(
    (m) => samples.concentration[m] !== undefined,
  );
  const cells = interpolateCells(samples, {
    metals,
    cellSizeM: file.zoning.cellSizeM,
    idw: { power: file.zoning.idwPower, maxNeighbours: file.zoning.maxNeighbours },
    maxDistanceM: file.zoning.maxDistanceM,
  });
  const zones: ManagementZone[] = file.inputs.zonePolygons
    ? zonesFromPolygons(
        cells,
        readZonePolygons(resolveInput(baseDir, file.inputs.zonePolygons, 'inputs.zonePolygons')),
        file.soil.depthM,
        parseLandUse,
      )
    : delineateZones(cells, file.soil.depthM);
  return {
    cells,
    zones,
    enterprises: file.inputs.enterprises
      ? readEnterprises(resolveInput(baseDir, file.inputs.enterprises, 'inputs.enterprises'))
      : [],
    fluxes: file.inputs.fluxes ? readFluxes(resolveInput(baseDir, file.inputs.fluxes, 'inputs.fluxes')) : [],
    library: measureLibraryFor(file),
  };
}

export interface CompareOptions {
  draws: number;
  seed: number;
  /** Compute the tornado (2 × used ranges extra evaluations per scenario). */
  sensitivity?: boolean;
  /** Cancels the run (checked every 256 draws): for jobs in a worker thread. */
  signal?: AbortSignal;
  /** Progress 0–1 with a message, for job reporting. */
  onProgress?: (fraction: number, message: { zh: string; en: string }) => void;
}

export interface ZoneSummary {
  id: string;
  name: { zh: string; en: string };
  landUse: string;
  soilClass: string;
  fluxZone: string | null;
  areaHa: number;
  areaMu: number;
  volumeM3: number;
  meanPH: number;
  meanConcentration: Partial<Record<RegulatedMetal, number>>;
  exceedanceAreaHa: Partial<Record<RegulatedMetal, number>>;
}

export interface ScenarioComparison {
  id: string;
  name: string;
  description?: string;
  cost: Quantiles;
  costDeterministic: number;
  npv: number;
  npvRange: Quantiles;
  durationYears: number;
  carbonTCO2e: number;
  carbonRange: Quantiles;
  areaTreatedHa: number;
  volumeTreatedM3: number;
  exceedanceAreaHa: { before: number; after: number };
  unsafeAreaHa: { polluted: number; before: number; after: number };
  riskReductionHa: number;
  healthRisk: { before: number; after: number; reduction: number };
  /** Area-weighted mean concentration of the first target metal (mg/kg), end of each year. */
  projection: { year: number; meanConcentration: number }[];
  projectionByMetal: Record<string, { year: number; mean: number; p5: number; p50: number; p95: number }[]>;
  targetShare: number;
  targetMet: boolean;
  targetProbability: number;
  criteria: Record<CriterionId, number>;
  /** Criteria min–max scaled across the scenarios, 1 = best (for the radar chart). */
  criteriaScaled: Record<CriterionId, number>;
  score: number;
  rank: number;
  onParetoFront: boolean;
  cashFlows: number[];
  zones: ZoneProjection[];
  sensitivity?: { npv: Tornado; targetShare: Tornado };
  warnings: string[];
}

export interface ComparisonResult {
  title?: string;
  softwareVersion: string;
  standards: string;
  seed: number;
  draws: number;
  horizon: { startYear: number; endYear: number };
  target: ScenarioFile['target'] & { metals: RegulatedMetal[] };
  discountRate: number;
  metals: RegulatedMetal[];
  zones: ZoneSummary[];
  parameters: {
    key: string;
    label: string;
    labelZh: string;
    range: readonly number[];
    distribution: string;
    source?: string;
    estimate?: boolean;
  }[];
  ranking: {
    method: 'topsis' | 'weighted-sum';
    criteria: CriterionId[];
    directions: Direction[];
    weights: number[];
    ahp?: { lambdaMax: number; consistencyIndex: number; consistencyRatio: number; consistent: boolean };
  };
  paretoFront: string[];
  /** Area-weighted mean screening value (mg/kg) over the zones of the target land uses: the target line. */
  screeningValues: Partial<Record<RegulatedMetal, number>>;
  scenarios: ScenarioComparison[];
}

function rankingWeights(file: ScenarioFile): { weights: number[]; ahp?: ComparisonResult['ranking']['ahp'] } {
  const ahp = file.ranking.ahp;
  if (ahp) {
    const problem =
      ahp.matrix.length !== ahp.criteria.length
        ? `the matrix has ${ahp.matrix.length} rows for ${ahp.criteria.length} criteria`
        : checkPairwiseMatrix(ahp.matrix);
    if (problem)
      throw new SoilTraceError({
        zh: `ranking.ahp.matrix：${problem}`,
        en: `ranking.ahp.matrix: ${problem}`,
      });
    const result = ahpWeights(ahp.matrix);
    const weights = CRITERIA.map((c) => {
      const k = ahp.criteria.indexOf(c);
      return k >= 0 ? result.weights[k] : 0;
    });
    const { lambdaMax, consistencyIndex, consistencyRatio, consistent } = result;
    return { weights, ahp: { lambdaMax, consistencyIndex, consistencyRatio, consistent } };
  }
  const given = file.ranking.weights;
  const weights = CRITERIA.map((c) => (given ? (given[c] ?? 0) : DEFAULT_WEIGHTS[c]));
  const total = weights.reduce((a, b) => a + b, 0);
  if (!(total > 0))
    throw new SoilTraceError({
      zh: 'ranking.weights：权重之和应大于 0',
      en: 'ranking.weights: weights must not all be 0',
    });
  return { weights: weights.map((w) => w / total) };
}

export function zoneSummaries(zones: ManagementZone[]): ZoneSummary[] {
  return zones.map((z) => ({
    id: z.id,
    name: z.name,
    landUse: z.landUse,
    soilClass: z.soilClass,
    fluxZone: z.fluxZone,
    areaHa: z.areaHa,
    areaMu: z.areaMu,
    volumeM3: z.volumeM3,
    meanPH: z.meanPH,
    meanConcentration: z.meanConcentration,
    exceedanceAreaHa: z.exceedanceAreaHa,
  }));
}

/** Evaluates, simulates, ranks: the comparison the CLI prints and the scenario views show. */
export function compareScenarios(
  file: ScenarioFile,
  inputs: PlanningInputs,
  options: CompareOptions,
): ComparisonResult {
  const model: PlanningModel = compilePlanningModel(file, inputs);
  const modes = modeValues(model);
  const n = model.years;
  const years = Array.from({ length: n }, (_, t) => model.startYear + t);
  const firstTarget = model.targetMetals[0];

  const rows = model.scenarios.map((scenario, index) => {
    const det = evaluateScenario(model, scenario, modes, true);
    const mc =
      options.draws > 0
        ? monteCarloScenario(model, scenario, options.draws, options.seed, {
            signal: options.signal,
            onDraws: (done) =>
              options.onProgress?.((index + done / options.draws) / model.scenarios.length, {
                zh: `情景 ${scenario.id}：蒙特卡罗 ${done}/${options.draws}`,
                en: `scenario ${scenario.id}: Monte Carlo ${done}/${options.draws}`,
              }),
          })
        : null;
    const point = (v: number): Quantiles => ({ p5: v, p50: v, p95: v });
    const healthReduction =
      det.healthRiskBefore > 0 ? (det.healthRiskBefore - det.healthRiskAfter) / det.healthRiskBefore : 0;
    const targetProbability = mc ? mc.targetProbability : det.targetMet ? 1 : 0;
    const projectionByMetal: ScenarioComparison['projectionByMetal'] = {};
    model.metals.forEach((metal, m) => {
      // Monte Carlo bands exist for the target metals only.
      const k = model.targetMetals.indexOf(m);
      const band = (q: Float64Array | undefined, t: number) =>
        mc && k >= 0 && q ? q[k * n + t] : det.meanConcentration[m * n + t];
      projectionByMetal[metal] = years.map((year, t) => ({
        year,
        mean: det.meanConcentration[m * n + t],
        p5: band(mc?.meanConcentration.p5, t),
        p50: band(mc?.meanConcentration.p50, t),
        p95: band(mc?.meanConcentration.p95, t),
      }));
    });
    const criteria: Record<CriterionId, number> = {
      npv: det.npv,
      targetProbability,
      residualUnsafeHa: det.unsafeAfterHa,
      healthRiskReduction: healthReduction,
      carbonTCO2e: det.carbonTCO2e,
      durationYears: det.durationYears,
    };
    const row: Omit<ScenarioComparison, 'score' | 'rank' | 'onParetoFront' | 'criteriaScaled'> = {
      id: scenario.id,
      name: scenario.name,
      description: scenario.description,
      cost: mc ? mc.costTotal : point(det.costTotal),
      costDeterministic: det.costTotal,
      npv: det.npv,
      npvRange: mc ? mc.npv : point(det.npv),
      durationYears: det.durationYears,
      carbonTCO2e: det.carbonTCO2e,
      carbonRange: mc ? mc.carbonTCO2e : point(det.carbonTCO2e),
      areaTreatedHa: det.areaTreatedHa,
      volumeTreatedM3: det.volumeTreatedM3,
      exceedanceAreaHa: { before: det.exceedanceBeforeHa, after: det.exceedanceAfterHa },
      unsafeAreaHa: { polluted: det.pollutedAreaHa, before: det.unsafeBeforeHa, after: det.unsafeAfterHa },
      riskReductionHa: det.unsafeBeforeHa - det.unsafeAfterHa,
      healthRisk: { before: det.healthRiskBefore, after: det.healthRiskAfter, reduction: healthReduction },
      projection: years.map((year, t) => ({
        year,
        meanConcentration: det.meanConcentration[firstTarget * n + t],
      })),
      projectionByMetal,
      targetShare: det.targetShare,
      targetMet: det.targetMet,
      targetProbability,
      criteria,
      cashFlows: Array.from(det.cashFlows),
      zones: det.zones ?? [],
      sensitivity: options.sensitivity
        ? { npv: tornado(model, scenario, 'npv'), targetShare: tornado(model, scenario, 'targetShare') }
        : undefined,
      warnings: scenario.warnings,
    };
    return row;
  });

  const { weights, ahp } = rankingWeights(file);
  const directions = CRITERIA.map((c) => CRITERION_DIRECTIONS[c]);
  const matrix = rows.map((r) => CRITERIA.map((c) => r.criteria[c]));
  const ranked =
    file.ranking.method === 'weighted-sum'
      ? weightedSum(matrix, weights, directions)
      : topsis(matrix, weights, directions);
  const front = paretoFront(rows.map((r) => ({ cost: r.npv, riskReduction: r.riskReductionHa })));

  return {
    title: file.title,
    softwareVersion: packageVersion(),
    standards: STANDARDS_VERSION,
    seed: options.seed,
    draws: options.draws,
    horizon: file.horizon,
    target: { ...file.target, metals: model.targetMetals.map((m) => model.metals[m]) },
    discountRate: file.discountRate,
    metals: model.metals,
    zones: zoneSummaries(model.zones),
    parameters: model.parameters.map((p) => ({ ...p, range: [...p.range] })),
    ranking: { method: file.ranking.method, criteria: [...CRITERIA], directions, weights, ahp },
    paretoFront: front.map((i) => rows[i].id),
    screeningValues: Object.fromEntries(
      model.metals.map((metal, m) => {
        let area = 0;
        let total = 0;
        model.zones.forEach((zone, z) => {
          const s = model.meanScreening[z * model.metals.length + m];
          if (!model.targetZone[z] || Number.isNaN(s)) return;
          area += zone.areaHa;
          total += zone.areaHa * s;
        });
        return [metal, area > 0 ? total / area : Number.NaN];
      }),
    ),
    scenarios: rows.map((r, i) => ({
      ...r,
      criteriaScaled: Object.fromEntries(
        CRITERIA.map((c, j) => {
          const column = matrix.map((row) => row[j]);
          const lo = Math.min(...column);
          const hi = Math.max(...column);
          const x = r.criteria[c];
          return [
            c,
            hi > lo ? (directions[j] === 'benefit' ? (x - lo) / (hi - lo) : (hi - x) / (hi - lo)) : 1,
          ];
        }),
      ) as Record<CriterionId, number>,
      score: ranked.scores[i],
      rank: ranked.ranks[i],
      onParetoFront: front.includes(i),
    })),
  };
}

/** Reads a SCENARIOS.json (inputs resolved relative to it) and compares its scenarios. */
export function compareScenarioFile(path: string, options: CompareOptions): ComparisonResult {
  const file = readScenarioFile(path);
  return compareScenarios(file, prepareInputs(file, dirname(resolve(path))), options);
}
