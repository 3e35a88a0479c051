import { REGULATED_METALS } from '../../domain/elements.ts';
import { LAND_USES, type LandUse, parseLandUse } from '../../domain/land-use.ts';
import { SoilTraceError } from '../../errors.ts';
import type { TableFile } from '../../io/read-table-file.ts';
import type { AssessmentWarning, SoilSample } from './assess-samples.ts';
import { EF_REFERENCE_ELEMENTS } from './enrichment-factor.ts';

// Reads the soil-sample CSV of `soiltrace assess`: sample_id, pH, land_use and metal columns named
// by symbol. Header matching ignores case, spaces and a unit suffix ("Cd (mg/kg)", "Cd_mg/kg").
// Chromium: a column named Cr (or 铬, 总铬) is total Cr; only CrVI, Cr6+, Cr(VI) or 六价铬 is read as
// hexavalent Cr — the only chromium GB 36600 regulates. Extra columns are ignored.

const ID_HEADERS = ['sample_id', 'sampleid', 'sample', 'id', '样品编号', '样品号', '点位编号', '编号'];
const PH_HEADERS = ['ph', 'ph值', '酸碱度'];
const LAND_HEADERS = ['land_use', 'landuse', '土地利用类型', '土地利用', '用地类型', '土地类型'];
const CHINESE_METALS: Record<string, string> = {
  镉: 'Cd',
  汞: 'Hg',
  砷: 'As',
  铅: 'Pb',
  铬: 'Cr',
  总铬: 'Cr',
  铜: 'Cu',
  镍: 'Ni',
  锌: 'Zn',
  六价铬: 'CrVI',
};
const CRVI_HEADERS = ['crvi', 'cr6+', 'cr(vi)', 'cr6', 'cr_vi', 'cr（vi）'];

/** Header without unit suffix, spaces or case: "Cd (mg/kg)" → "cd". */
export function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/\s*[(（[]\s*(mg\/kg|mg·kg-1|mg kg-1|μg\/kg|ug\/kg)\s*[)）\]]\s*$/i, '')
    .replace(/[_ ]?mg\/kg$/i, '')
    .replace(/\s+/g, '_')
    .toLowerCase();
}

function symbolFor(h: string): string | undefined {
  if (CRVI_HEADERS.includes(h)) return 'CrVI';
  const zh = CHINESE_METALS[h];
  if (zh) return zh;
  const symbols: readonly string[] = [...REGULATED_METALS, ...EF_REFERENCE_ELEMENTS];
  return symbols.find((s) => s.toLowerCase() === h);
}

/**
 * The column symbol a header names: a regulated metal, CrVI or an EF reference element. Accepts
 * "Cd", "cd (mg/kg)", "镉", and the Chinese-report form "镉Cd(mg/kg)" (name and symbol must agree).
 */
export function metalForHeader(header: string): string | undefined {
  const h = normalizeHeader(header);
  const direct = symbolFor(h);
  if (direct) return direct;
  const both = /^([\u4e00-\u9fff]+)_?([a-z][a-z0-9+()（）]*)$/.exec(h);
  if (both) {
    const byName = symbolFor(both[1]);
    const bySymbol = symbolFor(both[2]);
    if (byName && byName === bySymbol) return bySymbol;
  }
  return undefined;
}

function findColumn(headers: readonly string[], names: readonly string[]): number {
  return headers.findIndex((h) => names.includes(normalizeHeader(h)));
}

export interface SoilTableColumns {
  sampleId: number;
  pH: number;
  landUse: number;
  /** Column index by metal symbol. */
  metals: Record<string, number>;
}

export function soilTableColumns(table: TableFile): SoilTableColumns {
  const metals: Record<string, number> = {};
  table.headers.forEach((h, i) => {
    const m = metalForHeader(h);
    if (m !== undefined && metals[m] === undefined) metals[m] = i;
  });
  return {
    sampleId: findColumn(table.headers, ID_HEADERS),
    pH: findColumn(table.headers, PH_HEADERS),
    landUse: findColumn(table.headers, LAND_HEADERS),
    metals,
  };
}

export interface ReadSoilOptions {
  /** Columns that must exist (the CLI requires pH and land_use for GB 15618). */
  requirePh: boolean;
  requireLandUse: boolean;
}

function missingColumn(table: TableFile, column: string, expected: string): SoilTraceError {
  return new SoilTraceError(
    { zh: `缺少列 “${column}”（${expected}）`, en: `missing column "${column}" (${expected})` },
    { file: table.file, column },
  );
}

export interface SoilTableRead {
  samples: SoilSample[];
  warnings: AssessmentWarning[];
}

// "<0.05" (below the detection limit) is read as half the limit, a common substitution for
// censored values (USEPA 2000, Guidance for Data Quality Assessment QA/G-9, §4.7) — SoilTrace's
// default, reported in the warnings with the number of cells per column.
const CENSORED = /^[<＜]\s*([0-9]*\.?[0-9]+(?:e-?[0-9]+)?)$/i;

/**
 * Soil samples from a table. Throws SoilTraceError (file, row, column, value) for a missing
 * required column, an empty sample id, text in a number column, or an unknown land use. Empty
 * metal cells are "not measured"; range checks (pH 0–14, no negative concentration) are made by
 * assessSamples so every caller gets them.
 */
export function soilSamplesFromTable(table: TableFile, options: ReadSoilOptions): SoilTableRead {
  const cols = soilTableColumns(table);
  if (cols.sampleId < 0) throw missingColumn(table, 'sample_id', 'sample id / 样品编号');
  if (options.requirePh && cols.pH < 0) throw missingColumn(table, 'pH', 'soil pH / 土壤 pH');
  if (options.requireLandUse && cols.landUse < 0) {
    throw missingColumn(table, 'land_use', `${LAND_USES.join(', ')} / 水田, 旱地, 果园, 菜地…`);
  }
  const references: readonly string[] = EF_REFERENCE_ELEMENTS;
  if (Object.keys(cols.metals).every((m) => references.includes(m))) {
    throw new SoilTraceError(
      {
        zh: '没有重金属列：列名应为元素符号 Cd, Hg, As, Pb, Cr, Cu, Ni, Zn（或 CrVI）',
        en: 'no metal columns: name them by symbol Cd, Hg, As, Pb, Cr, Cu, Ni, Zn (or CrVI)',
      },
      { file: table.file },
    );
  }
  const censored = new Map<string, number>();
  const samples = table.rows.map((cells, i) => {
    const row = i + 2;
    const cell = (index: number) => (index < 0 ? '' : (cells[index] ?? '').trim());
    const sampleId = cell(cols.sampleId);
    if (sampleId === '') {
      throw new SoilTraceError(
        { zh: '样品编号为空', en: 'empty sample id' },
        { file: table.file, row, column: table.headers[cols.sampleId] },
      );
    }
    const number = (index: number, allowCensored = false): number | undefined => {
      const text = cell(index);
      if (text === '') return undefined;
      const below = allowCensored ? CENSORED.exec(text) : null;
      if (below) {
        const header = table.headers[index];
        censored.set(header, (censored.get(header) ?? 0) + 1);
        return Number(below[1]) / 2;
      }
      const value = Number(text);
      if (!Number.isFinite(value)) {
        throw new SoilTraceError(
          { zh: '应为数值，却是文本', en: 'expected a number, found text' },
          { file: table.file, row, column: table.headers[index], value: text },
        );
      }
      return value;
    };
    let landUse: LandUse | undefined;
    const landText = cell(cols.landUse);
    if (landText !== '') {
      landUse = parseLandUse(landText);
      if (landUse === undefined) {
        throw new SoilTraceError(
          {
            zh: `无法识别的土地利用类型，应为 ${LAND_USES.join('、')} 或 水田、旱地、果园、菜地、林地、草地、其他`,
            en: `unknown land use; expected one of ${LAND_USES.join(', ')} (or Chinese words such as 水田, 旱地)`,
          },
          { file: table.file, row, column: table.headers[cols.landUse], value: landText },
        );
      }
    }
    const concentrations: Record<string, number> = {};
    for (const [metal, index] of Object.entries(cols.metals)) {
      const value = number(index, true);
      if (value !== undefined) concentrations[metal] = value;
    }
    return { sampleId, pH: number(cols.pH), landUse, concentrations, row };
  });
  const warnings: AssessmentWarning[] = [...censored].map(([column, count]) => ({
    metal: column,
    code: 'censored',
    zh: `列 “${column}” 有 ${count} 个低于检出限的值（“<DL”），按检出限的一半计`,
    en: `column "${column}" has ${count} values below the detection limit ("<DL"), read as half the limit`,
  }));
  return { samples, warnings };
}
