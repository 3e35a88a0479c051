import { readFileSync } from 'node:fs';
import { type Table, tableFromIPC } from 'apache-arrow';
import { REGULATED_METALS } from '../../domain/elements.ts';
import { LAND_USES, type LandUse } from '../../domain/land-use.ts';
import { SoilTraceError } from '../../errors.ts';
import {
  type AssessmentResult,
  type AssessmentWarning,
  assessCropSamples,
  assessSamples,
  type BackgroundSet,
  type BandScheme,
  BUILT_IN_STANDARDS,
  backgroundFromUserTable,
  CHINA_NATIONAL_BACKGROUND_1990,
  CONSTRUCTION_CLASSES,
  CROP_TYPES,
  type CropAssessmentResult,
  type CropSample,
  type CropType,
  DEFAULT_TOXICITY,
  EF_REFERENCE_ELEMENTS,
  EXPOSURE_PARAMETER_SETS,
  type ExposureParameterSet,
  FARMLAND_CLASSES,
  findStandard,
  GB2762_2022,
  HEALTH_RISK_LIMITS,
  healthRisk,
  POPULATIONS,
  RI_BANDS,
  rescaledRiBands,
  riBandsWith,
  type SoilSample,
  type SoilStandard,
  standardFromUserTable,
  withExposure,
} from '../../methods/assessment/index.ts';
import { mean } from '../../stats/mean.ts';
import { type ColumnData, columnsToArrowIpc } from '../arrow-ipc.ts';
import type { AssessmentRunParams, AssessmentRunResult, MetalHealthRow } from '../contracts/assessment.ts';
import { ApiError } from '../errors.ts';
import type { ProjectSession } from '../session.ts';
import type { RouteModule } from './types.ts';

// Routes of the assessment page: read a soil (and crop) dataset from the store, run the pure
// assessment core (analysis/methods/assessment) and return tables as Arrow. Computed on demand:
// 500 samples take milliseconds, and nothing is written to the project.

const version = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

// Hexavalent chromium: stored as crvi_mg_kg, handed to the core as the metal 'CrVI' — the name
// GB 36600-2018 entries use (standards/gb36600-2018.ts). Total Cr stays 'Cr' (GB 15618).
const CR_VI = 'CrVI';

/** Elements read from the store: the regulated metals, Cr(VI) and the EF reference elements. */
const ELEMENTS_READ: readonly string[] = [...REGULATED_METALS, CR_VI, ...EF_REFERENCE_ELEMENTS];

/** Whether a standard has a screening or intervention value for a metal. */
function regulates(standard: SoilStandard, metal: string): boolean {
  return [...standard.screening, ...standard.intervention].some((e) => e.metal === metal);
}

function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

async function datasetOfKind(session: ProjectSession, datasetId: string, kind: 'soil' | 'crop') {
  const dataset = (await session.listDatasets()).find((d) => d.id === datasetId);
  if (!dataset) {
    throw new ApiError(
      'not_found',
      { zh: `项目中没有数据集 “${datasetId}”`, en: `no dataset "${datasetId}" in the project` },
      { value: datasetId },
    );
  }
  if (dataset.kind !== kind) {
    const expected =
      kind === 'soil' ? { zh: '土壤样品', en: 'soil samples' } : { zh: '农产品样品', en: 'crop samples' };
    throw new ApiError(
      'bad_params',
      {
        zh: `数据集 ${datasetId} 不是${expected.zh}数据（类型为 ${dataset.kind}）`,
        en: `dataset ${datasetId} does not hold ${expected.en} (its kind is ${dataset.kind})`,
      },
      { column: kind === 'soil' ? 'datasetId' : 'cropDatasetId', value: datasetId },
    );
  }
  return dataset;
}

/** Elements of the dataset that hold a value or a censored cell. */
function elementsPresent(columns: { name: string }[]): string[] {
  const names = new Set(columns.map((c) => c.name));
  return ELEMENTS_READ.filter((e) => names.has(`${e.toLowerCase()}_mg_kg`));
}

function numberAt(table: Table, name: string, row: number): number | undefined {
  const v: unknown = table.getChild(name)?.get(row);
  if (v === null || v === undefined) return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

function textAt(table: Table, name: string, row: number): string | null {
  const v: unknown = table.getChild(name)?.get(row);
  return v === null || v === undefined ? null : String(v);
}

/**
 * Element values of one row. A censored cell ("<DL", stored as NULL with `_below_dl` and the limit
 * in `_dl_mg_kg`) is read as half the detection limit — the substitution the CLI makes for "<0.05"
 * (USEPA QA/G-9 §4.7) — and counted for a warning; without a stated limit it stays unmeasured.
 */
function concentrationsAt(
  table: Table,
  elements: readonly string[],
  row: number,
  censored: Map<string, { halved: number; noLimit: number }>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of elements) {
    const c = e.toLowerCase();
    const value = numberAt(table, `${c}_mg_kg`, row);
    if (value !== undefined) {
      out[e] = value;
      continue;
    }
    if (table.getChild(`${c}_below_dl`)?.get(row) === true) {
      const count = censored.get(e) ?? { halved: 0, noLimit: 0 };
      const dl = numberAt(table, `${c}_dl_mg_kg`, row);
      if (dl !== undefined) {
        out[e] = dl / 2;
        count.halved++;
      } else count.noLimit++;
      censored.set(e, count);
    }
  }
  return out;
}

function censoredWarnings(
  censored: Map<string, { halved: number; noLimit: number }>,
  what: string,
): AssessmentWarning[] {
  const warnings: AssessmentWarning[] = [];
  for (const [metal, { halved, noLimit }] of censored) {
    if (halved > 0) {
      warnings.push({
        metal,
        code: 'censored',
        zh: `${what === 'crop' ? '农产品' : '土壤'} ${metal} 有 ${halved} 个低于检出限的值，按检出限的一半计`,
        en: `${what} ${metal}: ${halved} values below the detection limit, read as half the limit`,
      });
    }
    if (noLimit > 0) {
      warnings.push({
        metal,
        code: 'censored_no_limit',
        zh: `${what === 'crop' ? '农产品' : '土壤'} ${metal} 有 ${noLimit} 个未检出值没有检出限，按缺测处理`,
        en: `${what} ${metal}: ${noLimit} values below an unstated detection limit, left out`,
      });
    }
  }
  return warnings;
}

function elementSelect(elements: readonly string[]): string {
  return elements
    .map((e) => e.toLowerCase())
    .map((c) => `${c}_mg_kg, ${c}_below_dl, ${c}_dl_mg_kg`)
    .join(', ');
}

interface SoilRead {
  samples: SoilSample[];
  lon: (number | null)[];
  lat: (number | null)[];
  elements: string[];
  warnings: AssessmentWarning[];
}

async function readSoil(session: ProjectSession, datasetId: string): Promise<SoilRead> {
  const dataset = await datasetOfKind(session, datasetId, 'soil');
  const elements = elementsPresent(dataset.columns);
  const sql = `SELECT source_row, sample_id, lon, lat, land_use, ph${elements.length ? `, ${elementSelect(elements)}` : ''}
    FROM soil_samples WHERE dataset_id = ${sqlString(datasetId)} ORDER BY source_row`;
  const table = tableFromIPC(await session.query(sql));
  const censored = new Map<string, { halved: number; noLimit: number }>();
  const samples: SoilSample[] = [];
  const lon: (number | null)[] = [];
  const lat: (number | null)[] = [];
  for (let r = 0; r < table.numRows; r++) {
    const row = numberAt(table, 'source_row', r);
    const land = textAt(table, 'land_use', r);
    samples.push({
      sampleId: textAt(table, 'sample_id', r) ?? `#${row ?? r + 2}`,
      pH: numberAt(table, 'ph', r),
      landUse:
        land !== null && (LAND_USES as readonly string[]).includes(land) ? (land as LandUse) : undefined,
      concentrations: concentrationsAt(table, elements, r, censored),
      row,
    });
    lon.push(numberAt(table, 'lon', r) ?? null);
    lat.push(numberAt(table, 'lat', r) ?? null);
  }
  return { samples, lon, lat, elements, warnings: censoredWarnings(censored, 'soil') };
}

async function readCrops(
  session: ProjectSession,
  datasetId: string,
): Promise<{
  samples: CropSample[];
  lon: (number | null)[];
  lat: (number | null)[];
  warnings: AssessmentWarning[];
}> {
  const dataset = await datasetOfKind(session, datasetId, 'crop');
  const elements = elementsPresent(dataset.columns).filter((e) =>
    (REGULATED_METALS as readonly string[]).includes(e),
  );
  const sql = `SELECT source_row, sample_id, lon, lat, crop, soil_sample_id${elements.length ? `, ${elementSelect(elements)}` : ''}
    FROM crop_samples WHERE dataset_id = ${sqlString(datasetId)} ORDER BY source_row`;
  const table = tableFromIPC(await session.query(sql));
  const censored = new Map<string, { halved: number; noLimit: number }>();
  const warnings: AssessmentWarning[] = [];
  const samples: CropSample[] = [];
  const lon: (number | null)[] = [];
  const lat: (number | null)[] = [];
  for (let r = 0; r < table.numRows; r++) {
    const sampleId = textAt(table, 'sample_id', r) ?? `#${numberAt(table, 'source_row', r) ?? r + 2}`;
    const crop = textAt(table, 'crop', r);
    if (crop === null || !(CROP_TYPES as readonly string[]).includes(crop)) {
      warnings.push({
        sampleId,
        code: 'unknown_crop',
        zh: `农产品样品 ${sampleId} 的作物 “${crop ?? ''}” 不在 GB 2762 限量表的类别中，未评价`,
        en: `crop sample ${sampleId}: crop "${crop ?? ''}" is not a GB 2762 category; not assessed`,
      });
      continue;
    }
    samples.push({
      sampleId,
      crop: crop as CropType,
      soilSampleId: textAt(table, 'soil_sample_id', r),
      concentrations: concentrationsAt(table, elements, r, censored),
      row: numberAt(table, 'source_row', r),
    });
    lon.push(numberAt(table, 'lon', r) ?? null);
    lat.push(numberAt(table, 'lat', r) ?? null);
  }
  return { samples, lon, lat, warnings: [...warnings, ...censoredWarnings(censored, 'crop')] };
}

/** A SoilTraceError from the core (bad user table) crosses the API as an input error. */
function asInputError(error: unknown, column: string): never {
  if (error instanceof SoilTraceError) {
    throw new ApiError('input', error.text, { ...error.location, column: error.location.column ?? column });
  }
  throw error;
}

function chooseStandard(params: AssessmentRunParams): SoilStandard {
  if (params.standard === 'user') {
    if (params.userStandard === undefined) {
      throw new ApiError(
        'bad_params',
        { zh: '选择了自定义标准，却没有提供标准表', en: 'a user standard was chosen but no table was given' },
        { column: 'userStandard' },
      );
    }
    try {
      return standardFromUserTable(params.userStandard);
    } catch (error) {
      return asInputError(error, 'userStandard');
    }
  }
  const found = findStandard(params.standard ?? 'gb15618');
  if (!found)
    throw new ApiError('bad_params', { zh: '未知的标准', en: 'unknown standard' }, { column: 'standard' });
  return found;
}

function chooseBackground(params: AssessmentRunParams): BackgroundSet {
  if (params.background !== 'user') return CHINA_NATIONAL_BACKGROUND_1990;
  if (params.userBackground === undefined) {
    throw new ApiError(
      'bad_params',
      {
        zh: '选择了自定义背景值，却没有提供背景值表',
        en: 'a user background was chosen but no table was given',
      },
      { column: 'userBackground' },
    );
  }
  try {
    return backgroundFromUserTable(params.userBackground);
  } catch (error) {
    return asInputError(error, 'userBackground');
  }
}

function chooseExposure(params: AssessmentRunParams): ExposureParameterSet {
  const id = params.healthParameters ?? 'hj25.3-2014';
  let set = EXPOSURE_PARAMETER_SETS.find((s) => s.id === id);
  if (!set) {
    throw new ApiError(
      'bad_params',
      {
        zh: `未知的暴露参数集 “${id}”（可选：${EXPOSURE_PARAMETER_SETS.map((s) => s.id).join('，')}）`,
        en: `unknown exposure parameter set "${id}" (one of ${EXPOSURE_PARAMETER_SETS.map((s) => s.id).join(', ')})`,
      },
      { column: 'healthParameters', value: id },
    );
  }
  for (const population of POPULATIONS) {
    const patch = params.exposure?.[population];
    if (!patch) continue;
    // Only real changes mark the set as edited.
    const changed = Object.fromEntries(
      Object.entries(patch).filter(
        ([k, v]) => v !== undefined && set?.[population][k as keyof typeof patch] !== v,
      ),
    );
    if (Object.keys(changed).length > 0) set = withExposure(set, population, changed);
  }
  return set;
}

function chooseRiBands(params: AssessmentRunParams, metals: readonly string[]): BandScheme {
  const bands = params.riBands ?? 'hakanson';
  if (bands === 'hakanson') return RI_BANDS;
  if (bands === 'rescaled') return rescaledRiBands(metals);
  try {
    return riBandsWith(bands);
  } catch (error) {
    throw new ApiError(
      'bad_params',
      { zh: `RI 分级界限应递增：${bands.join(', ')}`, en: `RI band limits must ascend: ${bands.join(', ')}` },
      { column: 'riBands', value: String(error) },
    );
  }
}

function sampleTable(
  result: AssessmentResult,
  soil: SoilRead,
  health: { hiChild: number[]; hiAdult: number[]; crChild: number[]; crAdult: number[] },
  withEf: boolean,
): Uint8Array {
  const s = result.samples;
  const num = (name: string, values: (number | null)[]): ColumnData => ({ name, kind: 'number', values });
  const txt = (name: string, values: (string | null)[]): ColumnData => ({ name, kind: 'text', values });
  const columns: ColumnData[] = [
    txt(
      'sample_id',
      s.map((x) => x.sampleId),
    ),
    num('lon', soil.lon),
    num('lat', soil.lat),
    txt(
      'land_use',
      s.map((x) => x.landUse),
    ),
    num(
      'ph',
      s.map((x) => x.pH),
    ),
    txt(
      'class',
      s.map((x) => x.class),
    ),
    txt(
      'deciding_metals',
      s.map((x) => x.decidingMetals.join(' ')),
    ),
  ];
  for (const m of result.metals) {
    const a = s.map((x) => x.metals[m]);
    columns.push(
      num(
        m,
        a.map((v) => v?.value ?? null),
      ),
      num(
        `${m}_screening`,
        a.map((v) => v?.screening ?? null),
      ),
      num(
        `${m}_intervention`,
        a.map((v) => v?.intervention ?? null),
      ),
      num(
        `${m}_ratio`,
        a.map((v) => (v?.screening ? v.value / v.screening : null)),
      ),
      num(
        `${m}_pi`,
        a.map((v) => v?.pi ?? null),
      ),
      txt(
        `${m}_class`,
        a.map((v) => v?.class ?? null),
      ),
      num(
        `${m}_igeo`,
        a.map((v) => v?.igeo ?? null),
      ),
      num(
        `${m}_igeo_class`,
        a.map((v) => v?.igeoClass ?? null),
      ),
      num(
        `${m}_er`,
        a.map((v) => v?.er ?? null),
      ),
    );
    if (withEf)
      columns.push(
        num(
          `${m}_ef`,
          a.map((v) => v?.ef ?? null),
        ),
      );
  }
  columns.push(
    num(
      'pn',
      s.map((x) => x.nemerow),
    ),
    txt(
      'pn_class',
      s.map((x) => x.nemerowClass),
    ),
    num(
      'ri',
      s.map((x) => x.ri),
    ),
    txt(
      'ri_class',
      s.map((x) => x.riClass),
    ),
    num('hi_child', health.hiChild),
    num('hi_adult', health.hiAdult),
    num('cr_child', health.crChild),
    num('cr_adult', health.crAdult),
  );
  return columnsToArrowIpc(columns);
}

function maxOrNull(values: number[]): number | null {
  return values.length ? Math.max(...values) : null;
}

function meanOrNull(values: number[]): number | null {
  return values.length ? mean(values) : null;
}

function share(values: number[], limit: number): number | null {
  return values.length ? values.filter((v) => v > limit).length / values.length : null;
}

/** Per-sample health risk (HJ 25.3 dose equations, health-risk.ts), then statistics per metal. */
function healthOf(
  samples: readonly SoilSample[],
  metals: readonly string[],
  parameters: ExposureParameterSet,
) {
  const risks = samples.map((s) => {
    const concentrations: Record<string, number> = {};
    for (const m of metals) if (s.concentrations[m] !== undefined) concentrations[m] = s.concentrations[m];
    return healthRisk(concentrations, parameters, DEFAULT_TOXICITY);
  });
  const rows: MetalHealthRow[] = [];
  for (const population of POPULATIONS) {
    for (const metal of metals) {
      if (!DEFAULT_TOXICITY.values[metal]) continue;
      const found = risks
        .map((r) => r[population].metals.find((m) => m.metal === metal))
        .filter((m) => m !== undefined);
      const pathway = (key: 'ingestion' | 'dermal' | 'inhalation') =>
        meanOrNull(found.map((m) => m.hq[key]).filter((v): v is number => v !== null));
      const hi = found.map((m) => m.hi).filter((v): v is number => v !== null);
      const cr = found.map((m) => m.crTotal).filter((v): v is number => v !== null);
      rows.push({
        metal,
        population,
        n: found.length,
        hq: { ingestion: pathway('ingestion'), dermal: pathway('dermal'), inhalation: pathway('inhalation') },
        hiMean: meanOrNull(hi),
        hiMax: maxOrNull(hi),
        shareHiAbove1: share(hi, HEALTH_RISK_LIMITS.hazardIndex),
        crMean: meanOrNull(cr),
        crMax: maxOrNull(cr),
        shareCrAbove1e6: share(cr, HEALTH_RISK_LIMITS.cancerRiskPerMetal),
      });
    }
  }
  const totals = (population: 'child' | 'adult') => {
    const hi = risks.map((r) => r[population].hi);
    const cr = risks.map((r) => r[population].crTotal);
    return {
      hiMean: meanOrNull(hi) ?? 0,
      hiMax: maxOrNull(hi) ?? 0,
      shareHiAbove1: share(hi, HEALTH_RISK_LIMITS.hazardIndex) ?? 0,
      crMean: meanOrNull(cr) ?? 0,
      crMax: maxOrNull(cr) ?? 0,
      shareCrAbove1e4: share(cr, HEALTH_RISK_LIMITS.cancerRiskTotal) ?? 0,
    };
  };
  return {
    perSample: {
      hiChild: risks.map((r) => r.child.hi),
      hiAdult: risks.map((r) => r.adult.hi),
      crChild: risks.map((r) => r.child.crTotal),
      crAdult: risks.map((r) => r.adult.crTotal),
    },
    rows,
    child: totals('child'),
    adult: totals('adult'),
  };
}

function cropTable(
  crops: CropAssessmentResult,
  lon: (number | null)[],
  lat: (number | null)[],
): { bytes: Uint8Array; metals: string[] } {
  const s = crops.samples;
  const metals = (REGULATED_METALS as readonly string[]).filter((m) =>
    s.some((p) => p.checks.some((c) => c.metal === m)),
  );
  const num = (name: string, values: (number | null)[]): ColumnData => ({ name, kind: 'number', values });
  const txt = (name: string, values: (string | null)[]): ColumnData => ({ name, kind: 'text', values });
  const columns: ColumnData[] = [
    txt(
      'sample_id',
      s.map((p) => p.sampleId),
    ),
    txt(
      'soil_sample_id',
      s.map((p) => p.soilSampleId),
    ),
    txt(
      'crop',
      s.map((p) => p.crop),
    ),
    num('lon', lon),
    num('lat', lat),
    { name: 'exceeds', kind: 'boolean', values: s.map((p) => p.cropExceeds) },
    txt(
      'joint_class',
      s.map((p) => p.joint?.class ?? null),
    ),
    txt(
      'joint_action',
      s.map((p) => p.joint?.action ?? null),
    ),
  ];
  for (const m of metals) {
    const check = s.map((p) => p.checks.find((c) => c.metal === m));
    const pair = s.map((p) => p.metals[m]);
    columns.push(
      num(
        `crop_${m}`,
        check.map((c) => c?.value ?? null),
      ),
      num(
        `limit_${m}`,
        check.map((c) => c?.limit ?? null),
      ),
      { name: `exceeds_${m}`, kind: 'boolean', values: check.map((c) => c?.exceeds ?? null) },
      num(
        `soil_${m}`,
        pair.map((p) => p?.soilValue ?? null),
      ),
      txt(
        `soil_class_${m}`,
        pair.map((p) => p?.soilClass ?? null),
      ),
      num(
        `bcf_${m}`,
        pair.map((p) => p?.bcf ?? null),
      ),
    );
  }
  return { bytes: columnsToArrowIpc(columns), metals };
}

export async function runAssessment(
  session: ProjectSession,
  params: AssessmentRunParams,
): Promise<AssessmentRunResult> {
  const standard = chooseStandard(params);
  const background = chooseBackground(params);
  const parameters = chooseExposure(params);
  const efReference = params.efReference ?? null;
  if (efReference !== null && !(EF_REFERENCE_ELEMENTS as readonly string[]).includes(efReference)) {
    throw new ApiError(
      'bad_params',
      {
        zh: `EF 参比元素应为 ${EF_REFERENCE_ELEMENTS.join('、')} 之一`,
        en: `the EF reference element must be one of ${EF_REFERENCE_ELEMENTS.join(', ')}`,
      },
      { column: 'efReference', value: efReference },
    );
  }
  const soil = await readSoil(session, params.datasetId);
  if (soil.samples.length === 0) {
    throw new ApiError(
      'input',
      { zh: '数据集中没有样品', en: 'the dataset holds no samples' },
      { value: params.datasetId },
    );
  }
  // Cr(VI) only where the standard regulates it (GB 36600, a user table), so a GB 15618 run is
  // judged on total Cr alone and keeps its eight metals.
  const candidates: string[] = [...REGULATED_METALS];
  if (regulates(standard, CR_VI)) candidates.push(CR_VI);
  const metals = candidates.filter((m) => soil.samples.some((s) => s.concentrations[m] !== undefined));
  if (metals.length === 0) {
    throw new ApiError('input', {
      zh: `数据集 ${params.datasetId} 没有重金属含量列（${candidates.join(', ')}）`,
      en: `dataset ${params.datasetId} has no metal columns (${candidates.join(', ')})`,
    });
  }
  const riBands = chooseRiBands(params, metals);
  const warnings: AssessmentWarning[] = [...soil.warnings];
  if (efReference !== null) {
    if (!soil.elements.includes(efReference)) {
      warnings.push({
        metal: efReference,
        code: 'ef_reference_missing',
        zh: `数据集中没有参比元素 ${efReference}，未计算富集因子`,
        en: `the dataset has no ${efReference} column; no enrichment factor`,
      });
    } else if (background.values[efReference] === undefined) {
      warnings.push({
        metal: efReference,
        code: 'ef_reference_background',
        zh: `背景值表 ${background.id} 没有参比元素 ${efReference}，未计算富集因子；请用含该元素的自定义背景值表`,
        en: `background ${background.id} has no ${efReference}; no enrichment factor (use a user background that lists it)`,
      });
    }
  }
  let result: AssessmentResult;
  try {
    result = assessSamples(soil.samples, {
      standard,
      background,
      piReference: params.piReference ?? 'screening',
      metals,
      efReference: efReference ?? undefined,
      riBands,
      file: params.datasetId,
    });
  } catch (error) {
    return asInputError(error, 'datasetId');
  }
  warnings.push(...result.warnings);
  const health = healthOf(soil.samples, metals, parameters);

  let crops: AssessmentRunResult['crops'] = null;
  if (params.cropDatasetId) {
    const read = await readCrops(session, params.cropDatasetId);
    const assessed = assessCropSamples(read.samples, result.samples, GB2762_2022);
    warnings.push(...read.warnings, ...assessed.warnings);
    const table = cropTable(assessed, read.lon, read.lat);
    crops = {
      table: assessed.table,
      summary: assessed.summary,
      jointCounts: assessed.jointCounts,
      samples: table.bytes,
      metals: table.metals,
    };
  }

  return {
    datasetId: params.datasetId,
    cropDatasetId: params.cropDatasetId ?? null,
    standard: {
      id: standard.id,
      version: standard.version,
      name: standard.name,
      source: standard.source,
      kind: standard.kind,
    },
    classes: [...(standard.kind === 'farmland' ? FARMLAND_CLASSES : CONSTRUCTION_CLASSES)],
    background: {
      id: background.id,
      name: background.name,
      source: background.source,
      verify: Boolean(background.verify),
      values: { ...background.values },
    },
    piReference: result.piReference,
    bands: { ri: { id: riBands.id, thresholds: [...riBands.thresholds] }, ids: { ...result.bands } },
    efReference,
    metals: result.metals,
    samples: sampleTable(result, soil, health.perSample, efReference !== null),
    summary: result.summary,
    health: {
      parameterSet: {
        id: parameters.id,
        name: parameters.name,
        source: parameters.source,
        verify: parameters.verify,
        child: parameters.child,
        adult: parameters.adult,
      },
      toxicity: { id: DEFAULT_TOXICITY.id, source: DEFAULT_TOXICITY.source },
      metals: health.rows,
      child: health.child,
      adult: health.adult,
    },
    crops,
    warnings: warnings.map((w) => ({
      code: w.code,
      zh: w.zh,
      en: w.en,
      ...(w.sampleId !== undefined ? { sampleId: w.sampleId } : {}),
      ...(w.metal !== undefined ? { metal: w.metal } : {}),
    })),
    softwareVersion: version,
  };
}

export const assessmentRoutes: RouteModule = {
  'assessment.options': async () => ({
    standards: BUILT_IN_STANDARDS.map((s) => ({ id: s.id, version: s.version, name: s.name, kind: s.kind })),
    background: {
      id: CHINA_NATIONAL_BACKGROUND_1990.id,
      name: CHINA_NATIONAL_BACKGROUND_1990.name,
      source: CHINA_NATIONAL_BACKGROUND_1990.source,
      values: { ...CHINA_NATIONAL_BACKGROUND_1990.values },
    },
    exposureSets: EXPOSURE_PARAMETER_SETS.map((s) => ({ ...s })),
    riBands: [...RI_BANDS.thresholds],
    efReferences: [...EF_REFERENCE_ELEMENTS],
    foodTable: { id: GB2762_2022.id, version: GB2762_2022.version, source: GB2762_2022.source },
  }),
  'assessment.run': async (params, ctx) => runAssessment(ctx.session(), params),
};
