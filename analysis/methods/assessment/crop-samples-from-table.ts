import { SoilTraceError } from '../../errors.ts';
import type { TableFile } from '../../io/read-table-file.ts';
import { mean } from '../../stats/mean.ts';
import type { AssessmentWarning, SampleAssessment } from './assess-samples.ts';
import { assessPairedPoint, type PairedAssessment } from './crop-safety.ts';
import { metalForHeader, normalizeHeader } from './soil-samples-from-table.ts';
import {
  CROP_TYPES,
  type CropType,
  type FoodLimitTable,
  GB2762_2022,
  parseCropType,
} from './standards/gb2762-2022.ts';

// Crop samples (grain, vegetables) with the id of the soil sample taken with them:
// sample_id, crop, soil_sample_id and metal columns (same header rules as the soil table).

const ID_HEADERS = ['sample_id', 'sampleid', 'id', '样品编号', '样品号', '编号'];
const CROP_HEADERS = ['crop', 'crop_type', '作物', '作物类型', '农产品'];
const SOIL_ID_HEADERS = ['soil_sample_id', 'soil_id', 'paired_soil_id', '对应土壤样品编号', '土壤样品编号'];

export interface CropSample {
  sampleId: string;
  crop: CropType;
  soilSampleId: string | null;
  /** mg/kg by metal symbol. */
  concentrations: Readonly<Record<string, number>>;
  row?: number;
}

const CENSORED = /^[<＜]\s*([0-9]*\.?[0-9]+(?:e-?[0-9]+)?)$/i;

/** Crop samples from a table; throws SoilTraceError (file, row, column) for bad cells. */
export function cropSamplesFromTable(table: TableFile): {
  samples: CropSample[];
  warnings: AssessmentWarning[];
} {
  const find = (names: string[]) => table.headers.findIndex((h) => names.includes(normalizeHeader(h)));
  const idCol = find(ID_HEADERS);
  const cropCol = find(CROP_HEADERS);
  const soilCol = find(SOIL_ID_HEADERS);
  for (const [index, name] of [
    [idCol, 'sample_id'],
    [cropCol, 'crop'],
  ] as const) {
    if (index < 0) {
      throw new SoilTraceError(
        { zh: `缺少列 “${name}”`, en: `missing column "${name}"` },
        { file: table.file, column: name },
      );
    }
  }
  const metals: [string, number][] = [];
  table.headers.forEach((h, i) => {
    const m = metalForHeader(h);
    if (m !== undefined && !metals.some(([x]) => x === m)) metals.push([m, i]);
  });
  const censored = new Map<string, number>();
  const samples = table.rows.map((cells, i): CropSample => {
    const row = i + 2;
    const cell = (index: number) => (index < 0 ? '' : (cells[index] ?? '').trim());
    if (cell(idCol) === '') {
      throw new SoilTraceError(
        { zh: '样品编号为空', en: 'empty sample id' },
        { file: table.file, row, column: table.headers[idCol] },
      );
    }
    const cropText = cell(cropCol);
    const crop = parseCropType(cropText);
    if (crop === undefined) {
      throw new SoilTraceError(
        {
          zh: `无法识别的作物，应为 ${CROP_TYPES.join('、')} 或 水稻、小麦、玉米、叶菜…`,
          en: `unknown crop; expected one of ${CROP_TYPES.join(', ')} (or 水稻, 小麦, 玉米, 叶菜…)`,
        },
        { file: table.file, row, column: table.headers[cropCol], value: cropText },
      );
    }
    const concentrations: Record<string, number> = {};
    for (const [metal, index] of metals) {
      const text = cell(index);
      if (text === '') continue;
      const below = CENSORED.exec(text);
      const value = below ? Number(below[1]) / 2 : Number(text);
      if (below) censored.set(table.headers[index], (censored.get(table.headers[index]) ?? 0) + 1);
      if (!Number.isFinite(value) || value < 0) {
        throw new SoilTraceError(
          { zh: '应为非负数值', en: 'expected a non-negative number' },
          { file: table.file, row, column: table.headers[index], value: text },
        );
      }
      concentrations[metal] = value;
    }
    return { sampleId: cell(idCol), crop, soilSampleId: cell(soilCol) || null, concentrations, row };
  });
  const warnings = [...censored].map(([column, count]) => ({
    metal: column,
    code: 'censored',
    zh: `作物表列 “${column}” 有 ${count} 个低于检出限的值，按检出限的一半计`,
    en: `crop column "${column}" has ${count} values below the detection limit, read as half the limit`,
  }));
  return { samples, warnings };
}

export interface CropSummaryRow {
  crop: CropType;
  metal: string;
  n: number;
  /** mg/kg. */
  mean: number;
  max: number;
  limit: number | null;
  exceedances: number;
  exceedanceRate: number | null;
  /** Mean BCF over pairs with a soil value; null without pairs. */
  meanBcf: number | null;
}

export interface CropAssessmentResult {
  table: { id: string; version: string; source: string };
  samples: PairedAssessment[];
  summary: CropSummaryRow[];
  /** Pairs by joint class. */
  jointCounts: Record<string, number>;
  warnings: AssessmentWarning[];
}

/**
 * Checks crop samples against the food limits and pairs each with its soil sample (by id) for BCF
 * and the joint soil-and-crop class. Pure.
 */
export function assessCropSamples(
  crops: readonly CropSample[],
  soil: readonly SampleAssessment[],
  table: FoodLimitTable = GB2762_2022,
): CropAssessmentResult {
  const soilById = new Map(soil.map((s) => [s.sampleId, s]));
  const warnings: AssessmentWarning[] = [];
  const samples = crops.map((c) => {
    const s = c.soilSampleId === null ? undefined : soilById.get(c.soilSampleId);
    if (c.soilSampleId !== null && s === undefined) {
      warnings.push({
        sampleId: c.sampleId,
        code: 'unpaired_crop',
        zh: `作物样品 ${c.sampleId} 对应的土壤样品 ${c.soilSampleId} 不在土壤表中`,
        en: `crop sample ${c.sampleId}: soil sample ${c.soilSampleId} is not in the soil table`,
      });
    }
    return assessPairedPoint(c.sampleId, c.crop, c.concentrations, s ? s.sampleId : null, s?.metals, table);
  });
  const groups = new Map<string, { crop: CropType; metal: string; pairs: PairedAssessment[] }>();
  for (const p of samples) {
    for (const check of p.checks) {
      const key = `${p.crop}/${check.metal}`;
      const g = groups.get(key) ?? { crop: p.crop, metal: check.metal, pairs: [] };
      g.pairs.push(p);
      groups.set(key, g);
    }
  }
  const summary = [...groups.values()].map(({ crop, metal, pairs }): CropSummaryRow => {
    const checks = pairs.map((p) => p.checks.find((c) => c.metal === metal)).filter((c) => c !== undefined);
    const values = checks.map((c) => c.value);
    const limit = checks[0]?.limit ?? null;
    const exceedances = checks.filter((c) => c.exceeds === true).length;
    const bcfs = pairs.map((p) => p.metals[metal]?.bcf).filter((b): b is number => typeof b === 'number');
    return {
      crop,
      metal,
      n: values.length,
      mean: mean(values),
      max: Math.max(...values),
      limit,
      exceedances,
      exceedanceRate: limit === null ? null : exceedances / values.length,
      meanBcf: bcfs.length ? mean(bcfs) : null,
    };
  });
  const jointCounts: Record<string, number> = {
    priority_protection: 0,
    safe_utilization: 0,
    strict_control: 0,
  };
  for (const p of samples) if (p.joint) jointCounts[p.joint.class]++;
  return {
    table: { id: table.id, version: table.version, source: table.source },
    samples,
    summary,
    jointCounts,
    warnings,
  };
}
