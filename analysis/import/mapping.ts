import { ELEMENTS, type ElementInfo, findElement, normalizeChromiumVI } from '../domain/elements.ts';
import { SoilTraceError } from '../errors.ts';
import type { ColumnMappingOverride, DatasetKind, MappedColumn } from './types.ts';
import { CANONICAL_UNITS, type UnitQuantity, unitFactor } from './units.ts';

// Recognises what a source header means. A header is split into a name and a unit:
// "镉Cd(mg/kg)", "Cd (μg/kg)", "Hg/(mg·kg-1)", "有机质（%）", "flux_g_ha_a".

export interface SplitHeader {
  name: string;
  unit: string | null;
}

const UNIT_SUFFIXES = [
  'mg_kg',
  'ug_kg',
  'g_kg',
  'ng_g',
  'ppm',
  'ppb',
  'kg_a',
  't_a',
  'g_a',
  'g_ha_a',
  'kg_ha_a',
  'mg_m2_a',
  'cm',
  'pct',
];

/** The trailing bracketed group of a header, nested brackets allowed: "通量(mg/(m2·a))". */
function trailingGroup(h: string): { name: string; inner: string } | null {
  if (!/[)）\]】]$/.test(h)) return null;
  let depth = 0;
  for (let i = h.length - 1; i >= 0; i--) {
    if (/[)）\]】]/.test(h[i])) depth++;
    else if (/[(（[【]/.test(h[i]) && --depth === 0) {
      return {
        name: h
          .slice(0, i)
          .replace(/\s*\/?\s*$/, '')
          .trim(),
        inner: h.slice(i + 1, -1).trim(),
      };
    }
  }
  return null;
}

export function splitHeader(header: string): SplitHeader {
  const h = normalizeChromiumVI(header.trim().replace(/\s+/g, ' '));
  const group = trailingGroup(h);
  // "镉(Cd)", "六价铬(Cr6+)": the bracket names the element, not a unit.
  if (group && group.name !== '' && !findElement(group.inner))
    return { name: group.name, unit: group.inner || null };
  const slash = /^([^/]+?)\s*\/\s*([a-zA-Zμµ%‰].*)$/.exec(h);
  if (slash && /(kg|g|%|‰|ppm|ppb|cm|m|a)$/i.test(slash[2])) return { name: slash[1].trim(), unit: slash[2] };
  for (const suffix of UNIT_SUFFIXES) {
    const m = new RegExp(`^(.+?)[_ ]${suffix}$`, 'i').exec(h);
    if (m) return { name: m[1], unit: suffix === 'pct' ? '%' : suffix.replace(/_/g, '/') };
  }
  const unitSpace = /^(.+?)\s+(mg\/kg|μg\/kg|µg\/kg|ug\/kg|g\/kg|ppm|ppb|%|kg\/a|t\/a|g\/ha\/a)$/i.exec(h);
  if (unitSpace) return { name: unitSpace[1], unit: unitSpace[2] };
  return { name: h, unit: null };
}

/** Compares names ignoring case, spaces, underscores, hyphens and dots. */
function key(name: string): string {
  return name.toLowerCase().replace(/[\s_\-.·:：]/g, '');
}

// Words that qualify an element without changing it: "总镉", "Cd含量", "Total Cd".
const ELEMENT_QUALIFIERS = /^(总|全)|(含量|浓度|总量|全量)$|^total|concentration$|content$/i;
// Fractions that are not the total content: keep them only in the raw table.
const NON_TOTAL = /有效|可交换|交换态|dtpa|available|bioavailable|extractable|溶解|形态/i;

/**
 * The element a header name is about, e.g. "镉Cd" / "Cd" / "镉" / "总镉" / "Cd含量" → Cd. Cr(VI) is
 * its own element: "六价铬", "Cr(VI)", "Cr6+", "CrVI" → CrVI, while "铬", "总铬", "Cr" stay total Cr.
 */
export function elementOfName(name: string): ElementInfo | undefined {
  if (NON_TOTAL.test(name)) return undefined;
  const bare = normalizeChromiumVI(name)
    .replace(/\s+/g, '')
    .replace(ELEMENT_QUALIFIERS, '')
    .replace(ELEMENT_QUALIFIERS, '');
  for (const e of ELEMENTS) {
    const sym = e.symbol.toLowerCase();
    const lower = bare.toLowerCase();
    if (lower === sym || bare === e.zh || lower === `${e.zh}${sym}` || lower === `${sym}${e.zh}`) return e;
    if (lower === `${e.zh}(${sym})` || lower === `${e.zh}（${sym}）`) return e;
    if (lower === e.en) return e;
  }
  return undefined;
}

interface FieldRule {
  field: string;
  names: string[];
  quantity?: UnitQuantity;
  kinds: DatasetKind[];
}

const ALL: DatasetKind[] = ['soil', 'crop', 'emission', 'flux'];
const SAMPLES: DatasetKind[] = ['soil', 'crop'];

// Checked in order; names compared with key(). The paired soil id comes before the sample id.
const RULES: FieldRule[] = [
  {
    field: 'soil_sample_id',
    names: [
      '对应土壤样品编号',
      '土壤样品编号',
      '对应土壤编号',
      '土壤编号',
      'soil_sample_id',
      'soilsampleid',
      'soil_id',
      'paired soil',
    ],
    kinds: ['crop'],
  },
  {
    field: 'sample_id',
    names: [
      '样品编号',
      '样品号',
      '样号',
      '样点编号',
      '点位编号',
      '采样点编号',
      '点号',
      '编号',
      '样品id',
      'sample_id',
      'sampleid',
      'sample',
      'sample code',
      'id',
      'sample no',
      'sample number',
    ],
    kinds: SAMPLES,
  },
  {
    field: 'enterprise_id',
    names: [
      '企业编号',
      '单位编号',
      '企业代码',
      '编号',
      'enterprise_id',
      'enterpriseid',
      'id',
      'code',
      '统一社会信用代码',
    ],
    kinds: ['emission'],
  },
  {
    field: 'name',
    names: [
      '企业名称',
      '单位名称',
      '名称',
      'name',
      'enterprise',
      'enterprise name',
      'company',
      'company name',
    ],
    kinds: ['emission'],
  },
  {
    field: 'industry',
    names: ['行业类别', '行业', '行业类型', '所属行业', '行业分类', 'industry', 'sector'],
    kinds: ['emission'],
  },
  {
    field: 'status',
    names: ['状态', '生产状态', '运营状态', '企业状态', 'status', 'state'],
    kinds: ['emission'],
  },
  {
    field: 'start_year',
    names: ['投产年份', '投产时间', '建成年份', '投产年', 'start_year', 'startyear', 'start', 'year opened'],
    kinds: ['emission'],
  },
  {
    field: 'end_year',
    names: ['关停年份', '关停时间', '停产年份', '关闭年份', 'end_year', 'endyear', 'end', 'year closed'],
    kinds: ['emission'],
  },
  {
    field: 'stack_height',
    names: ['烟囱高度', '排气筒高度', '烟囱高', 'stack_height', 'stackheight', 'stack height'],
    quantity: 'length',
    kinds: ['emission'],
  },
  {
    field: 'risk_grade',
    names: ['风险等级', '风险级别', '环境风险等级', 'risk_grade', 'riskgrade', 'risk', 'risk level'],
    kinds: ['emission'],
  },
  { field: 'lon', names: ['经度', '东经', 'lon', 'lng', 'long', 'longitude', 'x经度'], kinds: ALL },
  { field: 'lat', names: ['纬度', '北纬', 'lat', 'latitude', 'y纬度'], kinds: ALL },
  { field: 'x', names: ['x', 'x坐标', '横坐标', '坐标x', 'easting', '东坐标'], kinds: ALL },
  { field: 'y', names: ['y', 'y坐标', '纵坐标', '坐标y', 'northing', '北坐标'], kinds: ALL },
  {
    field: 'depth_top',
    names: [
      '采样深度上限',
      '深度上限',
      '上层深度',
      '起始深度',
      'depth_top',
      'top',
      'depth top',
      'depth_from',
      'top depth',
      'upper depth',
    ],
    quantity: 'depth',
    kinds: ['soil'],
  },
  {
    field: 'depth_bottom',
    names: [
      '采样深度下限',
      '深度下限',
      '下层深度',
      '终止深度',
      'depth_bottom',
      'bottom',
      'depth bottom',
      'depth_to',
      'bottom depth',
      'lower depth',
    ],
    quantity: 'depth',
    kinds: ['soil'],
  },
  {
    field: 'depth',
    names: ['采样深度', '深度', '采样层次', '层次', 'depth', 'sampling depth'],
    quantity: 'depth',
    kinds: ['soil'],
  },
  {
    field: 'land_use',
    names: [
      '土地利用类型',
      '土地利用',
      '用地类型',
      '地类',
      '土地类型',
      '利用类型',
      'land_use',
      'landuse',
      'land use type',
    ],
    kinds: ['soil'],
  },
  { field: 'ph', names: ['ph', 'ph值', '酸碱度'], kinds: ['soil'] },
  {
    field: 'om',
    names: ['有机质', '土壤有机质', 'om', 'som', 'organic matter', 'organicmatter', 'soil organic matter'],
    quantity: 'organic_matter',
    kinds: ['soil'],
  },
  {
    field: 'date',
    names: ['采样日期', '采样时间', '日期', 'date', 'sampling date', 'sample date'],
    kinds: SAMPLES,
  },
  {
    field: 'crop',
    names: [
      '作物',
      '作物类型',
      '作物种类',
      '作物名称',
      '农产品',
      '农产品种类',
      'crop',
      'crop type',
      'species',
    ],
    kinds: ['crop'],
  },
  {
    field: 'part',
    names: ['部位', '采样部位', '样品部位', '组织', 'part', 'tissue', 'organ'],
    kinds: ['crop'],
  },
  {
    field: 'pathway',
    names: ['pathway', '途径', '输入途径', '来源', '输入来源', 'source', 'input pathway'],
    kinds: ['flux'],
  },
  { field: 'direction', names: ['direction', '方向', '输入输出'], kinds: ['flux'] },
  {
    field: 'zone',
    names: ['zone', '区域', '分区', '地块', '区块', 'area', 'region', 'point', '点位'],
    kinds: ['flux'],
  },
  { field: 'metal', names: ['metal', '金属', '元素', 'element', '重金属'], kinds: ['flux'] },
  {
    field: 'flux',
    names: ['flux', '通量', '输入通量', 'flux_g_ha_a', '年输入通量'],
    quantity: 'flux',
    kinds: ['flux'],
  },
];

const AIR = /大气|废气|air|atmos|烟气|气/i;
const WATER = /废水|水|water|effluent/i;

/** Canonical quantity of a field (for units), or undefined for text fields. */
export function quantityOf(field: string): UnitQuantity | undefined {
  if (/^(air|water):/.test(field)) return 'emission';
  if (ELEMENTS.some((e) => e.symbol === field)) return 'concentration';
  return RULES.find((r) => r.field === field)?.quantity;
}

/** The field a header means for a dataset kind, or null. */
export function detectField(
  header: string,
  kind: DatasetKind,
): { field: string; unit: string | null } | null {
  const { name, unit } = splitHeader(header);
  const k = key(name);
  for (const rule of RULES) {
    if (!rule.kinds.includes(kind)) continue;
    if (rule.names.some((n) => key(n) === k)) return { field: rule.field, unit };
  }
  if (kind === 'soil' || kind === 'crop') {
    const element = elementOfName(name);
    if (element) return { field: element.symbol, unit };
  }
  if (kind === 'emission') {
    const emission = emissionField(name);
    if (emission) return { field: emission, unit };
  }
  return null;
}

/** "镉大气排放", "Cd_air", "废水Cd排放量", "Cd water" → air:Cd / water:Cd. */
function emissionField(name: string): string | null {
  const medium = AIR.test(name) ? 'air' : WATER.test(name) ? 'water' : null;
  if (!medium) return null;
  const stripped = name
    .replace(
      /大气|废气|烟气|废水|排放量|排放|年排放|水|气|air|atmospheric|atmos|water|effluent|emissions?|kg_a|[_\s]/gi,
      '',
    )
    .trim();
  const element = elementOfName(stripped);
  return element ? `${medium}:${element.symbol}` : null;
}

/** Parses "--map" text: "header=field,header2=field2@unit". Commas inside a header need quoting. */
export function parseMappingText(text: string): ColumnMappingOverride {
  const out: ColumnMappingOverride = {};
  for (const part of text.split(/[,;，；](?=[^,;，；]*=)/)) {
    const eq = part.lastIndexOf('=');
    if (eq <= 0) {
      throw new SoilTraceError({
        zh: `列映射格式应为 “表头=字段”，却是 “${part}”`,
        en: `a column mapping must be "header=field", found "${part}"`,
      });
    }
    out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
}

const TEXT_FIELDS: Record<DatasetKind, string[]> = {
  soil: [
    'sample_id',
    'lon',
    'lat',
    'x',
    'y',
    'depth_top',
    'depth_bottom',
    'depth',
    'land_use',
    'ph',
    'om',
    'date',
  ],
  crop: ['sample_id', 'lon', 'lat', 'x', 'y', 'crop', 'part', 'soil_sample_id', 'date'],
  emission: [
    'enterprise_id',
    'name',
    'industry',
    'lon',
    'lat',
    'x',
    'y',
    'status',
    'start_year',
    'end_year',
    'stack_height',
    'risk_grade',
  ],
  flux: ['pathway', 'direction', 'zone', 'metal', 'flux', 'lon', 'lat', 'x', 'y'],
};

/** Whether a field spec (without unit) is valid for a kind. */
export function isKnownField(field: string, kind: DatasetKind): boolean {
  if (TEXT_FIELDS[kind].includes(field)) return true;
  if ((kind === 'soil' || kind === 'crop') && ELEMENTS.some((e) => e.symbol === field)) return true;
  if (kind === 'emission') {
    const m = /^(air|water):(\w+)$/.exec(field);
    return m !== null && ELEMENTS.some((e) => e.symbol === m[2]);
  }
  return false;
}

/**
 * Maps every header: user overrides first, then recognised headers. Throws for an override
 * that names an unknown header, field or unit. Later duplicates of a field are left unmapped.
 */
export function buildMapping(
  headers: string[],
  kind: DatasetKind,
  overrides: ColumnMappingOverride = {},
  file = '',
): MappedColumn[] {
  for (const header of Object.keys(overrides)) {
    if (!headers.includes(header)) {
      throw new SoilTraceError(
        {
          zh: `列映射中的表头 “${header}” 不在文件中（文件表头：${headers.join('，')}）`,
          en: `the mapped header "${header}" is not in the file (headers: ${headers.join(', ')})`,
        },
        { file, column: header },
      );
    }
  }
  const used = new Set<string>();
  const columns: MappedColumn[] = headers.map((source) => {
    const spec = overrides[source];
    if (spec !== undefined) {
      const [rawField, userUnit] = spec.split('@');
      const field = normalizeFieldSpec(rawField.trim());
      if (field === 'ignore' || field === '' || field === '-')
        return { source, field: null, unit: null, factor: 1, origin: 'user' };
      if (!isKnownField(field, kind)) {
        throw new SoilTraceError(
          {
            zh: `“${field}” 不是${kind}数据集的字段`,
            en: `"${field}" is not a field of a ${kind} dataset`,
          },
          { file, column: source },
        );
      }
      const unit = userUnit?.trim() || splitHeader(source).unit;
      used.add(field);
      return { source, field, unit, factor: factorFor(field, unit, source, file), origin: 'user' };
    }
    return { source, field: null, unit: null, factor: 1, origin: 'none' };
  });
  columns.forEach((column, i) => {
    if (column.origin === 'user') return;
    const detected = detectField(column.source, kind);
    if (!detected || used.has(detected.field)) return;
    const factor = tryFactor(detected.field, detected.unit);
    if (factor === undefined) return; // a unit we cannot convert: keep only in the raw table
    used.add(detected.field);
    columns[i] = {
      source: column.source,
      field: detected.field,
      unit: detected.unit,
      factor,
      origin: 'header',
    };
  });
  return columns;
}

/** Accepts element names as fields too: "镉" → "Cd", "cd" → "Cd", "air:镉" → "air:Cd". */
function normalizeFieldSpec(spec: string): string {
  const field = normalizeChromiumVI(spec);
  const m = /^(air|water):(.+)$/i.exec(field);
  if (m) {
    const e = elementOfName(m[2]);
    return e ? `${m[1].toLowerCase()}:${e.symbol}` : field;
  }
  const lower = field.toLowerCase();
  const e = ELEMENTS.find((el) => el.symbol.toLowerCase() === lower || el.zh === field);
  if (e && !TEXT_FIELDS.soil.includes(lower)) return e.symbol;
  return lower;
}

function tryFactor(field: string, unit: string | null): number | undefined {
  const quantity = quantityOf(field);
  if (!quantity || unit === null) return 1;
  if (quantity === 'concentration' && /^(mg\/kg|)$/.test(unit)) return 1;
  return unitFactor(unit, quantity);
}

function factorFor(field: string, unit: string | null, source: string, file: string): number {
  const factor = tryFactor(field, unit);
  if (factor === undefined) {
    const quantity = quantityOf(field) as UnitQuantity;
    throw new SoilTraceError(
      {
        zh: `无法识别单位 “${unit}”（应可换算为 ${CANONICAL_UNITS[quantity]}）`,
        en: `unknown unit "${unit}" (expected one convertible to ${CANONICAL_UNITS[quantity]})`,
      },
      { file, column: source },
    );
  }
  return factor;
}
