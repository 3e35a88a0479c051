// The emission inventory (重点监管单位 and other enterprises) of the county. Five enterprises are
// fixed because the truth refers to them; the rest are drawn at random in the industrial parks,
// the town and the countryside. Emissions are kg/a per metal to air and to water, as reported in
// the latest survey year (for closed or relocated enterprises: their last reported year).

import type { EnterpriseStatus, Industry } from '../../analysis/domain/industries.ts';
import { EXTENT_KM } from './geography.ts';
import type { Point } from './geometry.ts';
import type { PlumeShape } from './plume.ts';
import type { Random } from './random.ts';
import { METALS, type Metal } from './species.ts';

export type RiskGrade = '重大' | '较大' | '一般';

export interface Enterprise {
  id: string;
  nameZh: string;
  industry: Industry;
  point: Point;
  status: EnterpriseStatus;
  startYear: number;
  endYear: number | null;
  stackHeightM: number;
  riskGrade: RiskGrade;
  airKgPerYear: Record<Metal, number>;
  waterKgPerYear: Record<Metal, number>;
  /** Present only for the enterprises whose deposition the soil records (the truth's plume sources). */
  plume?: PlumeSource;
  /** Why the truth gives this enterprise no soil contribution, or how it contributes otherwise. */
  truthNote: string;
}

export interface PlumeSource {
  shape: PlumeShape;
  /** Mean Cd emitted to air over the whole operating life (kg/a); pre-2010 controls were poor. */
  historicalCdAirKgPerYear: number;
  /** Years of operation up to the survey (2023) or closure. */
  years: number;
  /** Fraction of the emitted mass deposited within the footprint (the rest leaves the county). */
  depositedFraction: number;
}

/**
 * Composition of the Pb–Zn smelters' stack emissions, kg per kg Cd. Zinc-concentrate roasting also
 * volatilises Hg and As, and the smelters burn coal, so the deposited dust carries Cd–Pb–Zn–Hg–As.
 * Both smelters share it, so the industrial-deposition source has one profile (a rank-one truth).
 */
export const SMELTER_EMISSION_RATIO: Record<Metal, number> = {
  Cd: 1,
  Hg: 0.4,
  As: 6,
  Pb: 60,
  Cr: 0.5,
  Cu: 4,
  Ni: 0.3,
  Zn: 100,
};

export const SURVEY_YEAR = 2023;

function zeros(): Record<Metal, number> {
  return { Cd: 0, Hg: 0, As: 0, Pb: 0, Cr: 0, Cu: 0, Ni: 0, Zn: 0 };
}

function scaled(ratio: Record<Metal, number>, factor: number): Record<Metal, number> {
  const out = zeros();
  for (const m of METALS) out[m] = ratio[m] * factor;
  return out;
}

export const MINE_ID = 'QX-E03';

function keyEnterprises(): Enterprise[] {
  return [
    {
      id: 'QX-E01',
      nameZh: '青溪鑫源有色金属冶炼有限公司',
      industry: 'nonferrous_smelting',
      point: { x: 19.6, y: 12.6 },
      status: 'operating',
      startYear: 1998,
      endYear: null,
      stackHeightM: 80,
      riskGrade: '重大',
      airKgPerYear: scaled(SMELTER_EMISSION_RATIO, 60),
      waterKgPerYear: { Cd: 4, Hg: 0.3, As: 12, Pb: 45, Cr: 1, Cu: 10, Ni: 1, Zn: 160 },
      plume: {
        shape: { southWestKm: 2.2, northEastKm: 1.4, crossKm: 0.8, nearFieldKm: 0.3 },
        historicalCdAirKgPerYear: 450,
        years: SURVEY_YEAR - 1998,
        depositedFraction: 0.3,
      },
      truthNote: 'Pb–Zn smelter, operating: industrial-deposition plume (with QX-E02).',
    },
    {
      id: 'QX-E02',
      nameZh: '青溪县锌品厂',
      industry: 'nonferrous_smelting',
      point: { x: 10.2, y: 16.4 },
      status: 'closed',
      startYear: 1978,
      endYear: 2012,
      stackHeightM: 35,
      riskGrade: '较大',
      airKgPerYear: scaled(SMELTER_EMISSION_RATIO, 220),
      waterKgPerYear: { Cd: 8, Hg: 0.5, As: 20, Pb: 60, Cr: 1, Cu: 12, Ni: 1, Zn: 300 },
      plume: {
        shape: { southWestKm: 1.6, northEastKm: 1.0, crossKm: 0.6, nearFieldKm: 0.15 },
        historicalCdAirKgPerYear: 320,
        years: 2012 - 1978,
        depositedFraction: 0.3,
      },
      truthNote: 'Zinc smelter closed in 2012: legacy industrial-deposition plume (with QX-E01).',
    },
    {
      id: MINE_ID,
      nameZh: '青溪县银坑铅锌矿',
      industry: 'nonferrous_mining',
      point: { x: 7, y: 4 },
      status: 'closed',
      startYear: 1970,
      endYear: 2015,
      stackHeightM: 0,
      riskGrade: '重大',
      airKgPerYear: { Cd: 0.4, Hg: 0.02, As: 15, Pb: 50, Cr: 0.5, Cu: 8, Ni: 0.3, Zn: 80 },
      waterKgPerYear: { Cd: 3, Hg: 0.1, As: 120, Pb: 300, Cr: 1, Cu: 40, Ni: 2, Zn: 600 },
      truthNote:
        'Pb–Zn mine closed in 2015: the mining source (waste rock and dust near the mine, tailings carried by the stream into the valley paddies).',
    },
    {
      id: 'QX-E04',
      nameZh: '青溪热电有限公司',
      industry: 'coal_power',
      point: { x: 22.5, y: 16.2 },
      status: 'operating',
      startYear: 2006,
      endYear: null,
      stackHeightM: 180,
      riskGrade: '较大',
      airKgPerYear: { Cd: 6, Hg: 35, As: 80, Pb: 150, Cr: 60, Cu: 50, Ni: 40, Zn: 300 },
      waterKgPerYear: { Cd: 0.1, Hg: 0.05, As: 2, Pb: 1, Cr: 1, Cu: 1, Ni: 1, Zn: 5 },
      truthNote:
        'Coal power, 180 m stack: no local plume; its emissions disperse regionally and are part of the atmospheric-deposition background flux.',
    },
    {
      id: 'QX-E05',
      nameZh: '青溪天能蓄电池有限公司',
      industry: 'lead_acid_battery',
      point: { x: 14.2, y: 17.3 },
      status: 'relocated',
      startYear: 1995,
      endYear: 2016,
      stackHeightM: 25,
      riskGrade: '重大',
      airKgPerYear: { Cd: 0.5, Hg: 0, As: 0.2, Pb: 120, Cr: 0, Cu: 0.5, Ni: 0, Zn: 1 },
      waterKgPerYear: { Cd: 0.2, Hg: 0, As: 0.5, Pb: 80, Cr: 0.5, Cu: 1, Ni: 0.5, Zn: 5 },
      truthNote:
        'Lead-acid battery plant relocated in 2016: ~2.4 t Pb emitted in total, a few mg/kg at most nearby, below the noise: no contribution in the truth.',
    },
  ];
}

interface IndustryPlan {
  industry: Industry;
  count: number;
  products: string[];
  air: Partial<Record<Metal, number>>;
  water: Partial<Record<Metal, number>>;
  stack: [number, number];
  where: 'parkEast' | 'parkWest' | 'town' | 'rural' | 'hills';
}

// Typical magnitudes (kg/a) of small and medium enterprises per industry, before a random factor.
// Invented for the case study: plausible orders of magnitude, not survey data.
const PLANS: IndustryPlan[] = [
  {
    industry: 'electroplating',
    count: 7,
    products: ['电镀', '表面处理'],
    air: { Cr: 0.5, Ni: 0.3 },
    water: { Cr: 20, Ni: 15, Cu: 15, Zn: 25, Cd: 0.2 },
    stack: [15, 25],
    where: 'parkEast',
  },
  {
    industry: 'chemicals',
    count: 9,
    products: ['化工', '精细化工', '化学'],
    air: { Hg: 0.3, As: 0.5 },
    water: { Hg: 0.5, As: 3, Pb: 1, Zn: 10, Cu: 3 },
    stack: [20, 40],
    where: 'parkWest',
  },
  {
    industry: 'tanning',
    count: 2,
    products: ['皮革'],
    air: { Cr: 0.2 },
    water: { Cr: 60 },
    stack: [15, 20],
    where: 'rural',
  },
  {
    industry: 'hazardous_waste',
    count: 2,
    products: ['环保科技', '固废处置'],
    air: { Hg: 1, Cd: 0.5, Pb: 8, As: 1, Cr: 1, Cu: 3, Ni: 1, Zn: 15 },
    water: { Pb: 0.5, Zn: 2 },
    stack: [35, 50],
    where: 'hills',
  },
  {
    industry: 'iron_steel',
    count: 2,
    products: ['钢铁', '特钢'],
    air: { Pb: 30, Zn: 120, Cr: 15, Cd: 1.5, As: 3, Hg: 0.8, Cu: 10, Ni: 5 },
    water: { Zn: 10, Cr: 2 },
    stack: [40, 60],
    where: 'parkEast',
  },
  {
    industry: 'coking',
    count: 1,
    products: ['焦化'],
    air: { Hg: 1.5, As: 4, Pb: 8, Cd: 0.3, Zn: 10 },
    water: { As: 1, Zn: 2 },
    stack: [45, 60],
    where: 'parkEast',
  },
  {
    industry: 'nonferrous_smelting',
    count: 1,
    products: ['再生资源', '金属材料'],
    air: { Pb: 20, Zn: 40, Cu: 30, Cd: 1 },
    water: { Cu: 5, Zn: 5 },
    stack: [25, 35],
    where: 'parkWest',
  },
  {
    industry: 'nonferrous_mining',
    count: 1,
    products: ['矿业'],
    air: { Pb: 2, Zn: 3 },
    water: { Cu: 30, Zn: 40, Pb: 10, As: 5, Cd: 0.3 },
    stack: [0, 0],
    where: 'hills',
  },
  {
    industry: 'lead_acid_battery',
    count: 1,
    products: ['电源', '蓄电池'],
    air: { Pb: 15, Cd: 0.05 },
    water: { Pb: 10 },
    stack: [20, 30],
    where: 'parkEast',
  },
  {
    industry: 'other',
    count: 17,
    products: ['纺织印染', '印刷', '五金', '机械', '造纸', '塑料制品', '建材'],
    air: { Zn: 0.5 },
    water: { Zn: 5, Cu: 2, Cr: 2 },
    stack: [12, 25],
    where: 'town',
  },
];

/** Industries whose large emitters are graded 重大 (major) risk. */
const HAZARDOUS_INDUSTRIES: readonly Industry[] = [
  'electroplating',
  'tanning',
  'lead_acid_battery',
  'nonferrous_smelting',
  'nonferrous_mining',
  'hazardous_waste',
];

const BRANDS = [
  '恒达',
  '华泰',
  '永兴',
  '金龙',
  '宏达',
  '瑞丰',
  '天成',
  '众鑫',
  '富华',
  '立信',
  '宝丰',
  '东升',
  '兴旺',
  '海鸿',
  '联合',
  '新世纪',
  '嘉禾',
  '正升',
  '德润',
  '明辉',
  '佳利',
  '宇航',
  '远大',
  '恒盛',
  '星光',
  '金海',
  '汇通',
  '大成',
  '泰和',
  '银河',
  '长丰',
  '万达',
  '顺发',
  '凯达',
  '荣昌',
  '新光',
  '协力',
  '同心',
  '春晖',
  '越兴',
  '金鹰',
  '华鑫',
  '恒信',
  '青山',
  '绿源',
  '宏昌',
  '隆盛',
  '博远',
  '弘毅',
  '振兴',
];

const PLACES: Record<IndustryPlan['where'], { centre: Point; sdKm: number }> = {
  parkEast: { centre: { x: 20.8, y: 13.6 }, sdKm: 0.7 },
  parkWest: { centre: { x: 10.8, y: 15.6 }, sdKm: 0.6 },
  town: { centre: { x: 16, y: 15.4 }, sdKm: 1.4 },
  rural: { centre: { x: 15, y: 15 }, sdKm: 5 },
  hills: { centre: { x: 16, y: 22.5 }, sdKm: 3 },
};

function sigFigs(value: number, digits: number): number {
  if (value === 0) return 0;
  return Number(value.toPrecision(digits));
}

export function createEnterprises(random: Random): Enterprise[] {
  const list = keyEnterprises();
  const brands = [...BRANDS];
  let n = list.length;
  for (const plan of PLANS) {
    for (let k = 0; k < plan.count; k++) {
      n += 1;
      const brand = brands.splice(random.integer(brands.length), 1)[0];
      const product = random.pick(plan.products);
      const prefix = random.uniform() < 0.5 ? '浙江' : '青溪';
      const place = PLACES[plan.where];
      // Redraw points that fall outside the county (clamping would pile them up on its border).
      let point = { x: -1, y: -1 };
      while (point.x < 0.5 || point.x > EXTENT_KM.x - 0.5 || point.y < 0.5 || point.y > EXTENT_KM.y - 0.5) {
        point = {
          x: place.centre.x + place.sdKm * random.normal(),
          y: place.centre.y + place.sdKm * random.normal(),
        };
      }
      const u = random.uniform();
      const status: EnterpriseStatus = u < 0.75 ? 'operating' : u < 0.9 ? 'closed' : 'relocated';
      const startYear = 1988 + random.integer(30);
      const endYear = status === 'operating' ? null : Math.min(2022, startYear + 5 + random.integer(20));
      const size = Math.exp(0.6 * random.normal());
      const air = zeros();
      const water = zeros();
      for (const m of METALS) {
        air[m] = sigFigs((plan.air[m] ?? 0) * size * Math.exp(0.3 * random.normal()), 3);
        water[m] = sigFigs((plan.water[m] ?? 0) * size * Math.exp(0.3 * random.normal()), 3);
      }
      const total = METALS.reduce((s, m) => s + air[m] + water[m], 0);
      const riskGrade: RiskGrade =
        total > 100 && HAZARDOUS_INDUSTRIES.includes(plan.industry) ? '重大' : total > 30 ? '较大' : '一般';
      list.push({
        id: `QX-E${String(n).padStart(2, '0')}`,
        nameZh: `${prefix}${brand}${product}有限公司`,
        industry: plan.industry,
        point,
        status,
        startYear,
        endYear,
        stackHeightM: plan.stack[1] === 0 ? 0 : Math.round(random.between(plan.stack[0], plan.stack[1])),
        riskGrade,
        airKgPerYear: air,
        waterKgPerYear: water,
        truthNote: 'No contribution in the truth (emissions too small or to water leaving the county).',
      });
    }
  }
  return list;
}
