import { ELEMENTS, REGULATED_METALS } from '../domain/elements.ts';
import type { Text } from './contract.ts';

// The fields the import wizard offers per dataset kind, in the import module's field-spec
// language (analysis/import/types.ts, FieldSpec), with labels and canonical units.

export interface ImportTarget {
  id: string;
  label: Text;
  required: boolean;
  unit?: string;
}

export const DATASET_KIND_LABELS: Record<string, Text> = {
  soil: { zh: '土壤样品', en: 'soil samples' },
  crop: { zh: '农产品样品', en: 'crop samples' },
  emission: { zh: '企业排放清单', en: 'enterprise inventory' },
  flux: { zh: '输入通量', en: 'input fluxes' },
};

const FIELD_LABELS: Record<string, Text & { unit?: string }> = {
  sample_id: { zh: '样品编号', en: 'sample ID' },
  lon: { zh: '经度', en: 'longitude', unit: '°' },
  lat: { zh: '纬度', en: 'latitude', unit: '°' },
  x: { zh: 'X 坐标（高斯-克吕格）', en: 'X (Gauss–Krüger)', unit: 'm' },
  y: { zh: 'Y 坐标（高斯-克吕格）', en: 'Y (Gauss–Krüger)', unit: 'm' },
  date: { zh: '采样日期', en: 'sampling date' },
  depth_top: { zh: '采样深度上限', en: 'top depth', unit: 'cm' },
  depth_bottom: { zh: '采样深度下限', en: 'bottom depth', unit: 'cm' },
  depth: { zh: '采样深度（如 0-20）', en: 'depth range (e.g. 0-20)', unit: 'cm' },
  land_use: { zh: '土地利用类型', en: 'land use' },
  ph: { zh: 'pH', en: 'pH' },
  om: { zh: '有机质', en: 'organic matter', unit: 'g/kg' },
  crop: { zh: '作物', en: 'crop' },
  part: { zh: '部位', en: 'plant part' },
  soil_sample_id: { zh: '对应土壤样品编号', en: 'paired soil sample ID' },
  enterprise_id: { zh: '企业编号', en: 'enterprise ID' },
  name: { zh: '企业名称', en: 'name' },
  industry: { zh: '行业类别', en: 'industry' },
  status: { zh: '状态', en: 'status' },
  start_year: { zh: '投产年份', en: 'start year' },
  end_year: { zh: '关停年份', en: 'end year' },
  stack_height: { zh: '烟囱高度', en: 'stack height', unit: 'm' },
  risk_grade: { zh: '风险等级', en: 'risk grade' },
  pathway: { zh: '输入途径', en: 'pathway' },
  direction: { zh: '方向（输入/输出）', en: 'direction (input/output)' },
  zone: { zh: '区域', en: 'zone' },
  metal: { zh: '元素', en: 'element' },
  flux: { zh: '通量', en: 'flux', unit: 'g/ha/a' },
};

const KIND_FIELDS: Record<string, { fields: string[]; required: string[] }> = {
  soil: {
    fields: [
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
    required: ['sample_id'],
  },
  crop: {
    fields: ['sample_id', 'lon', 'lat', 'x', 'y', 'crop', 'part', 'soil_sample_id', 'date'],
    required: ['sample_id'],
  },
  emission: {
    fields: [
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
    required: ['enterprise_id'],
  },
  flux: {
    fields: ['pathway', 'direction', 'zone', 'metal', 'flux', 'lon', 'lat', 'x', 'y'],
    required: ['pathway', 'metal', 'flux'],
  },
};

export function importTargets(kind: string): ImportTarget[] {
  const spec = KIND_FIELDS[kind];
  if (!spec) return [];
  const targets: ImportTarget[] = spec.fields.map((id) => {
    const { unit, ...label } = FIELD_LABELS[id] ?? { zh: id, en: id };
    return unit
      ? { id, label, required: spec.required.includes(id), unit }
      : { id, label, required: spec.required.includes(id) };
  });
  if (kind === 'soil' || kind === 'crop') {
    for (const e of ELEMENTS)
      targets.push({
        id: e.symbol,
        label: { zh: `${e.zh} ${e.symbol}`, en: `${e.symbol} (${e.en})` },
        required: false,
        unit: 'mg/kg',
      });
  }
  if (kind === 'emission') {
    for (const symbol of REGULATED_METALS) {
      const e = ELEMENTS.find((x) => x.symbol === symbol);
      const zh = e?.zh ?? symbol;
      targets.push({
        id: `air:${symbol}`,
        label: { zh: `${zh}大气排放`, en: `${symbol} to air` },
        required: false,
        unit: 'kg/a',
      });
      targets.push({
        id: `water:${symbol}`,
        label: { zh: `${zh}水排放`, en: `${symbol} to water` },
        required: false,
        unit: 'kg/a',
      });
    }
  }
  return targets;
}
