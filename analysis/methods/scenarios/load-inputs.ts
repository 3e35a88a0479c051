import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { findElement, REGULATED_METALS, type RegulatedMetal } from '../../domain/elements.ts';
import { INDUSTRIES, INDUSTRY_LABELS, INPUT_PATHWAYS, type InputPathway } from '../../domain/industries.ts';
import { parseLandUse } from '../../domain/land-use.ts';
import { SoilTraceError } from '../../errors.ts';
import { numericColumn, readTableFile, type TableFile, textColumn } from '../../io/read-table-file.ts';
import { metalForHeader } from '../assessment/soil-samples-from-table.ts';
import { parseZonePolygons, type ZonePolygon } from './geojson-zones.ts';
import type { SoilSamples } from './zones.ts';

// Readers for the files a SCENARIOS.json names: soil samples, the enterprise inventory (Chinese or
// English headers) and input/output fluxes. They only read; every bad cell is reported with its
// file, row and column.

function findHeader(table: TableFile, candidates: string[]): string | undefined {
  const lower = table.headers.map((h) => h.trim().toLowerCase());
  for (const c of candidates) {
    const k = lower.indexOf(c.toLowerCase());
    if (k >= 0) return table.headers[k];
  }
  return undefined;
}

function requireHeader(table: TableFile, candidates: string[]): string {
  const header = findHeader(table, candidates);
  if (!header) {
    throw new SoilTraceError(
      { zh: `缺少列 “${candidates[0]}”`, en: `missing column "${candidates[0]}"` },
      { file: table.file, column: candidates[0] },
    );
  }
  return header;
}

/** Reads soil samples; `fluxZoneColumn` (default `flux_zone` when present) links samples to flux zones. */
// "<0.05" (below the detection limit) is read as half the limit, as the assessment reader does
// (USEPA 2000, QA/G-9 §4.7).
const CENSORED = /^[<＜]\s*([0-9]*\.?[0-9]+(?:e-?[0-9]+)?)$/i;

function concentrationColumn(table: TableFile, index: number): Float64Array {
  const column = table.headers[index];
  return Float64Array.from(table.rows, (row, i) => {
    const cell = (row[index] ?? '').trim();
    if (cell === '') return Number.NaN;
    const censored = CENSORED.exec(cell);
    if (censored) return Number(censored[1]) / 2;
    const value = Number(cell);
    if (!Number.isFinite(value)) {
      throw new SoilTraceError(
        { zh: '应为数值（或 <检出限），却是文本', en: 'expected a number (or <detection limit), found text' },
        { file: table.file, row: i + 2, column, value: cell },
      );
    }
    return value;
  });
}

/**
 * Reads soil samples (English or Chinese survey headers such as 镉Cd(mg/kg); censored "<DL" cells as
 * DL/2); `fluxZoneColumn` (default `flux_zone` when present) links samples to flux zones.
 */
export function readSoilSamples(path: string, fluxZoneColumn?: string): SoilSamples {
  const table = readTableFile(path);
  const idHeader = findHeader(table, ['sample_id', 'id', '样点编号', '样品编号']);
  const lon = numericColumn(table, requireHeader(table, ['lon', 'longitude', '经度']));
  const lat = numericColumn(table, requireHeader(table, ['lat', 'latitude', '纬度']));
  const pH = numericColumn(table, requireHeader(table, ['pH', 'ph', 'pH值']));
  const landUseHeader = requireHeader(table, ['land_use', 'landuse', '土地利用类型', '土地利用', '用地类型']);
  const landUse = textColumn(table, landUseHeader).map((text, i) => {
    const code = parseLandUse(text);
    if (!code) {
      throw new SoilTraceError(
        { zh: '无法识别的土地利用类型', en: 'unrecognised land use' },
        { file: table.file, row: i + 2, column: landUseHeader, value: text },
      );
    }
    return code;
  });
  for (let i = 0; i < lon.length; i++) {
    // Coordinates are required; a missing pH or metal value is skipped by the interpolation.
    for (const [name, column] of [
      ['lon', lon],
      ['lat', lat],
    ] as const) {
      if (!Number.isFinite(column[i])) {
        throw new SoilTraceError(
          { zh: '缺少数值', en: 'missing value' },
          { file: table.file, row: i + 2, column: name },
        );
      }
    }
  }
  const concentration: SoilSamples['concentration'] = {};
  table.headers.forEach((header, index) => {
    const metal = metalForHeader(header);
    if (
      metal &&
      (REGULATED_METALS as readonly string[]).includes(metal) &&
      !concentration[metal as RegulatedMetal]
    ) {
      concentration[metal as RegulatedMetal] = concentrationColumn(table, index);
    }
  });
  const fluxHeader = fluxZoneColumn
    ? requireHeader(table, [fluxZoneColumn])
    : findHeader(table, ['flux_zone', '通量分区']);
  return {
    fluxZone: fluxHeader ? textColumn(table, fluxHeader) : undefined,
    id: idHeader ? textColumn(table, idHeader) : Array.from({ length: lon.length }, (_, i) => `S${i + 1}`),
    lon,
    lat,
    pH,
    landUse,
    concentration,
  };
}

export type EnterpriseStatus = 'operating' | 'closed' | 'relocated';

export interface Enterprise {
  id: string;
  name: string;
  /** Industry code (analysis/domain/industries.ts) when recognised, else the text as given. */
  industry: string;
  lon: number;
  lat: number;
  status: EnterpriseStatus;
  stackHeightM: number;
  airEmissionKgA: Partial<Record<RegulatedMetal, number>>;
  waterEmissionKgA: Partial<Record<RegulatedMetal, number>>;
}

function parseIndustry(text: string): string {
  const value = text.trim();
  if ((INDUSTRIES as readonly string[]).includes(value)) return value;
  for (const code of INDUSTRIES) {
    const label = INDUSTRY_LABELS[code];
    if (value === label.zh || value.toLowerCase() === label.en) return code;
  }
  return value;
}

function parseStatus(text: string): EnterpriseStatus {
  const value = text.trim().toLowerCase();
  if (/^(closed|关停|关闭|停产)/.test(value)) return 'closed';
  if (/^(relocated|搬迁|已搬迁)/.test(value)) return 'relocated';
  return 'operating';
}

/** Emission columns: `镉大气排放(kg/a)` / `镉水排放(kg/a)` or `Cd_air_kg_a` / `Cd_water_kg_a`. */
function emissionColumns(table: TableFile, kind: 'air' | 'water'): [RegulatedMetal, string][] {
  const out: [RegulatedMetal, string][] = [];
  const zhWord = kind === 'air' ? '大气排放' : '水排放';
  for (const header of table.headers) {
    const h = header.trim();
    const zh = h.match(new RegExp(`^(.+?)${zhWord}`));
    const en = h.match(new RegExp(`^([A-Za-z]+)_${kind}`, 'i'));
    const element = findElement((zh?.[1] ?? en?.[1] ?? '').trim());
    if (element && (REGULATED_METALS as readonly string[]).includes(element.symbol) && (zh || en)) {
      out.push([element.symbol as RegulatedMetal, header]);
    }
  }
  return out;
}

export function readEnterprises(path: string): Enterprise[] {
  const table = readTableFile(path);
  const ids = textColumn(table, requireHeader(table, ['企业编号', 'enterprise_id', 'id']));
  const nameHeader = findHeader(table, ['企业名称', 'name']);
  const names = nameHeader ? textColumn(table, nameHeader) : ids;
  const industryHeader = findHeader(table, ['行业类别', 'industry']);
  const industries = industryHeader ? textColumn(table, industryHeader) : ids.map(() => 'other');
  const lon = numericColumn(table, requireHeader(table, ['经度', 'lon', 'longitude']));
  const lat = numericColumn(table, requireHeader(table, ['纬度', 'lat', 'latitude']));
  const statusHeader = findHeader(table, ['状态', 'status']);
  const statuses = statusHeader ? textColumn(table, statusHeader) : ids.map(() => 'operating');
  const stackHeader = findHeader(table, ['烟囱高度(m)', '烟囱高度（m）', 'stack_height_m']);
  const stack = stackHeader
    ? numericColumn(table, stackHeader)
    : new Float64Array(ids.length).fill(Number.NaN);
  const air = emissionColumns(table, 'air').map(([m, h]) => [m, numericColumn(table, h)] as const);
  const water = emissionColumns(table, 'water').map(([m, h]) => [m, numericColumn(table, h)] as const);
  return ids.map((id, i) => {
    const airEmissionKgA: Enterprise['airEmissionKgA'] = {};
    const waterEmissionKgA: Enterprise['waterEmissionKgA'] = {};
    for (const [m, values] of air) airEmissionKgA[m] = Number.isFinite(values[i]) ? values[i] : 0;
    for (const [m, values] of water) waterEmissionKgA[m] = Number.isFinite(values[i]) ? values[i] : 0;
    return {
      id,
      name: names[i],
      industry: parseIndustry(industries[i]),
      lon: lon[i],
      lat: lat[i],
      status: parseStatus(statuses[i]),
      stackHeightM: stack[i],
      airEmissionKgA,
      waterEmissionKgA,
    };
  });
}

export interface FluxRow {
  pathway: string;
  direction: 'input' | 'output';
  /** Flux-table zone label: a management-zone id, a land-use code, or empty/`all`/`*` for everywhere. */
  zone: string;
  metal: RegulatedMetal;
  fluxGHaA: number;
}

/** Input-pathway code for a flux-table pathway name (synonyms map to INPUT_PATHWAYS). */
export function inputPathwayOf(pathway: string): InputPathway {
  const p = pathway.trim().toLowerCase();
  if ((INPUT_PATHWAYS as readonly string[]).includes(p)) return p as InputPathway;
  if (/atmos|deposition|大气|沉降/.test(p)) return 'atmospheric_deposition';
  if (/irrigat|灌溉/.test(p)) return 'irrigation';
  if (/fertili|化肥|肥料/.test(p)) return 'fertilizer';
  if (/manure|粪/.test(p)) return 'manure';
  return 'other';
}

export function readFluxes(path: string): FluxRow[] {
  const table = readTableFile(path);
  const pathwayHeader = requireHeader(table, ['pathway', '途径']);
  const directionHeader = requireHeader(table, ['direction', '方向']);
  const zoneHeader = findHeader(table, ['zone', '区域']);
  const metalHeader = requireHeader(table, ['metal', '元素']);
  const fluxHeader = requireHeader(table, ['flux_g_ha_a', 'flux', '通量']);
  const pathways = textColumn(table, pathwayHeader);
  const directions = textColumn(table, directionHeader);
  const zones = zoneHeader ? textColumn(table, zoneHeader) : pathways.map(() => '');
  const metals = textColumn(table, metalHeader);
  const flux = numericColumn(table, fluxHeader);
  const rows: FluxRow[] = [];
  pathways.forEach((pathway, i) => {
    const element = findElement(metals[i]);
    if (!element || !(REGULATED_METALS as readonly string[]).includes(element.symbol)) return;
    const d = directions[i].toLowerCase();
    const direction = /^(in|input|输入)/.test(d)
      ? 'input'
      : /^(out|output|输出)/.test(d)
        ? 'output'
        : undefined;
    if (!direction) {
      throw new SoilTraceError(
        { zh: '方向应为 input 或 output', en: 'direction must be input or output' },
        { file: table.file, row: i + 2, column: directionHeader, value: directions[i] },
      );
    }
    if (!Number.isFinite(flux[i])) return;
    rows.push({
      pathway,
      direction,
      zone: zones[i],
      metal: element.symbol as RegulatedMetal,
      fluxGHaA: flux[i],
    });
  });
  return rows;
}

export function readZonePolygons(path: string): ZonePolygon[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new SoilTraceError({ zh: '无法读取文件', en: 'cannot read the file' }, { file: path });
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
  return parseZonePolygons(json, basename(path));
}
