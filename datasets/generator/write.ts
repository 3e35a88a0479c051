// Renders the case study's tables as the CSV files users get from survey teams and inventories.

import { INDUSTRY_LABELS } from '../../analysis/domain/industries.ts';
import { LAND_USE_LABELS } from '../../analysis/domain/land-use.ts';
import type { RiceSample } from './crops.ts';
import { csvText } from './csv.ts';
import type { Enterprise } from './enterprises.ts';
import type { FluxRow, FluxZone } from './fluxes.ts';
import type { Point } from './geometry.ts';
import { formatReported, type SoilSample } from './soil.ts';
import { METALS, SPECIES, type Species } from './species.ts';

const ZH_NAMES: Record<Species, string> = {
  Cd: '镉',
  Hg: '汞',
  As: '砷',
  Pb: '铅',
  Cr: '铬',
  Cu: '铜',
  Ni: '镍',
  Zn: '锌',
  Mn: '锰',
  Co: '钴',
  V: '钒',
  Fe: '铁',
};

const STATUS_ZH = { operating: '在产', closed: '关闭', relocated: '搬迁' } as const;

export type LonLat = (p: Point) => { lon: number; lat: number };

function reportedCell(sample: SoilSample, s: Species): string {
  const r = sample.reported[s];
  if (r.kind === 'missing') return '';
  // Fe is reported in % as survey laboratories do (1 % = 10 000 mg/kg).
  if (s === 'Fe') return r.kind === 'censored' ? `<${r.limit / 1e4}` : (r.value / 1e4).toFixed(2);
  if (r.kind === 'censored') return `<${r.limit}`;
  return formatReported(s, r.value);
}

export function soilSamplesCsv(samples: SoilSample[], lonLat: LonLat): string {
  const header = [
    '样品编号',
    '经度',
    '纬度',
    '采样深度上限(cm)',
    '采样深度下限(cm)',
    '土地利用类型',
    'pH',
    '有机质(g/kg)',
    ...SPECIES.map((s) => `${ZH_NAMES[s]}${s}(${s === 'Fe' ? '%' : 'mg/kg'})`),
    '采样日期',
  ];
  const rows = samples.map((s) => {
    const { lon, lat } = lonLat(s.point);
    return [
      s.id,
      lon.toFixed(6),
      lat.toFixed(6),
      0,
      20,
      LAND_USE_LABELS[s.landUse].zh,
      s.pHReported ? s.pH.toFixed(2) : '',
      s.organicMatterReported ? s.organicMatter.toFixed(1) : '',
      ...SPECIES.map((sp) => reportedCell(s, sp)),
      s.date,
    ];
  });
  return csvText(header, rows);
}

/** Factor columns for GeoDetector and plotting, computed per sample by the case study. */
export interface SampleFactors {
  soilType: string;
  elevationClass: string;
  distSmelterKm: number;
  distSmelterClass: string;
  distMineKm: number;
  distMineClass: string;
  distHighwayKm: number;
  distRiverKm: number;
  fluxZone: FluxZone;
  phClass: string;
}

export const SOIL_EN_FACTOR_COLUMNS = [
  'om_g_kg',
  'lithology',
  'soil_type',
  'elevation_m',
  'elevation_class',
  'ph_class',
  'dist_smelter_km',
  'dist_smelter_class',
  'dist_mine_km',
  'dist_mine_class',
  'dist_highway_km',
  'dist_river_km',
  'flux_zone',
  'laboratory',
  'censored',
] as const;

/** Plain-header soil table for the CLI tools: censored values as half the detection limit, flagged in `censored`. */
export function soilSamplesEnglishCsv(
  samples: SoilSample[],
  factors: SampleFactors[],
  lonLat: LonLat,
): string {
  const header = ['sample_id', 'lon', 'lat', 'pH', 'land_use', ...SPECIES, ...SOIL_EN_FACTOR_COLUMNS];
  const rows = samples.map((s, i) => {
    const f = factors[i];
    const { lon, lat } = lonLat(s.point);
    const censored = SPECIES.filter((sp) => s.reported[sp].kind === 'censored');
    return [
      s.id,
      lon.toFixed(6),
      lat.toFixed(6),
      s.pHReported ? s.pH.toFixed(2) : '',
      s.landUse,
      ...SPECIES.map((sp) => {
        const r = s.reported[sp];
        if (r.kind === 'missing') return '';
        if (r.kind === 'censored') return String(r.limit / 2);
        return formatReported(sp, r.value);
      }),
      s.organicMatterReported ? s.organicMatter.toFixed(1) : '',
      s.lithology,
      f.soilType,
      s.elevation.toFixed(0),
      f.elevationClass,
      f.phClass,
      f.distSmelterKm.toFixed(3),
      f.distSmelterClass,
      f.distMineKm.toFixed(3),
      f.distMineClass,
      f.distHighwayKm.toFixed(3),
      f.distRiverKm.toFixed(3),
      f.fluxZone,
      s.laboratory,
      censored.join(';'),
    ];
  });
  return csvText(header, rows);
}

export function riceSamplesCsv(rice: RiceSample[]): string {
  const header = [
    '样品编号',
    '经度',
    '纬度',
    '作物',
    '部位',
    '镉Cd(mg/kg)',
    '铅Pb(mg/kg)',
    '砷As(mg/kg)',
    '汞Hg(mg/kg)',
    '铬Cr(mg/kg)',
    '对应土壤样品编号',
  ];
  const rows = rice.map((r) => [
    r.id,
    r.lon.toFixed(6),
    r.lat.toFixed(6),
    '水稻',
    '籽粒',
    r.Cd.toFixed(3),
    r.Pb.toFixed(3),
    r.As.toFixed(3),
    r.Hg.toFixed(4),
    r.Cr.toFixed(3),
    r.soilId,
  ]);
  return csvText(header, rows);
}

function kg(value: number): string {
  return value === 0 ? '0' : String(Number(value.toPrecision(3)));
}

export function enterprisesCsv(enterprises: Enterprise[], lonLat: LonLat): string {
  const header = [
    '企业编号',
    '企业名称',
    '行业类别',
    '经度',
    '纬度',
    '状态',
    '投产年份',
    '关停年份',
    '烟囱高度(m)',
    '风险等级',
    ...METALS.flatMap((m) => [`${ZH_NAMES[m]}大气排放(kg/a)`, `${ZH_NAMES[m]}水排放(kg/a)`]),
  ];
  const rows = enterprises.map((e) => {
    const { lon, lat } = lonLat(e.point);
    return [
      e.id,
      e.nameZh,
      INDUSTRY_LABELS[e.industry].zh,
      lon.toFixed(6),
      lat.toFixed(6),
      STATUS_ZH[e.status],
      e.startYear,
      e.endYear ?? '',
      e.stackHeightM === 0 ? '' : e.stackHeightM,
      e.riskGrade,
      ...METALS.flatMap((m) => [kg(e.airKgPerYear[m]), kg(e.waterKgPerYear[m])]),
    ];
  });
  return csvText(header, rows);
}

export function inputFluxesCsv(rows: FluxRow[]): string {
  return csvText(
    ['pathway', 'direction', 'zone', 'metal', 'flux_g_ha_a'],
    rows.map((r) => [r.pathway, r.direction, r.zone, r.metal, String(r.fluxGPerHaPerYear)]),
  );
}
