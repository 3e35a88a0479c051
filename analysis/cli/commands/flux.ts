import { parseArgs } from 'node:util';
import { findElement } from '../../domain/elements.ts';
import { type LandUse, parseLandUse } from '../../domain/land-use.ts';
import { SoilTraceError, userLocale } from '../../errors.ts';
import { readTableFile } from '../../io/read-table-file.ts';
import { applicableValues, GB15618_2018 } from '../../methods/assessment/index.ts';
import {
  fluxBalance,
  fluxBalanceByZone,
  type MetalBalance,
} from '../../methods/mass-balance/flux-balance.ts';
import { fluxRecordsFromTable } from '../../methods/mass-balance/flux-records-from-table.ts';
import {
  lossRateFromOutputs,
  yearsToReachFirstOrder,
  yearsToReachLinear,
} from '../../methods/mass-balance/projection.ts';
import {
  DEFAULT_BULK_DENSITY,
  DEFAULT_DEPTH_CM,
  soilMassKgPerHa,
} from '../../methods/mass-balance/soil-mass.ts';
import type { CliCommand } from '../command.ts';

const usage = `usage: soiltrace flux --file FILE [--depth-cm 20 --bulk-density 1.3] [--json]

Input/output mass balance of the plough layer (reference/soil-standards.md): per metal the share of
each input pathway (input_i / Σ inputs) and the net annual accumulation
ΔC [mg/kg/a] = (Σ inputs − Σ outputs) [g/ha/a] × 1000 / M, M = 1e4 m² × depth × bulk density.

FILE: CSV/TSV (UTF-8 or GBK) with columns pathway,direction,zone,metal,flux_g_ha_a or
途径,方向,区域,金属,通量(g/ha/a); direction input/output (输入/输出); zone optional.

  --depth-cm D             plough-layer depth, cm (default 20)
  --bulk-density B         g/cm³ (default 1.3): 20 cm × 1.3 → M = 2.6e6 kg/ha
  --zone-areas A=ha,B=ha   weight zones by area for the overall balance (default: equal weights)
  --concentration Cd=0.3,… current concentrations, mg/kg
  --screening Cd=0.3,…     screening values, mg/kg: prints the years until each is reached at the
                           current rate (linear C0 + t·ΔC) and with losses proportional to C,
                           C(t) = i/k + (C0 − i/k)·e^(−kt), i = Σ inputs as mg/kg/a
  --screening [gb15618]    without values (or "gb15618"): the GB 15618-2018 screening value of
                           each metal given in --concentration, for --ph and --land-use
  --ph P                   soil pH for the GB 15618 values
  --land-use L             paddy, orchard, dryland, vegetable… (水田, 旱地…; default other land)
  --loss-rate K            k in 1/a for the first-order form (one value, or Cd=0.01,…); default:
                           k = output rate / C0, so both forms start with the same slope
  --json                   one JSON object {soilMassKgPerHa, metals, zones}

Zones: "metals" is the whole area — each metal's zones averaged (by --zone-areas, else equally),
a pathway missing in a zone counting 0 there; "zones" gives every zone's own balance. Repeated
rows of a zone, metal, pathway and direction are added. In the projection, years is null when the
value is never reached and 0 when C0 is already at or above it.`;

function options(args: string[]) {
  // "--screening" with no value means the GB 15618 values.
  const i = args.indexOf('--screening');
  if (i >= 0 && (i === args.length - 1 || args[i + 1].startsWith('--'))) {
    args = [...args.slice(0, i + 1), 'gb15618', ...args.slice(i + 1)];
  }
  try {
    return parseArgs({
      args,
      strict: true,
      options: {
        file: { type: 'string' },
        'depth-cm': { type: 'string' },
        'bulk-density': { type: 'string' },
        'zone-areas': { type: 'string' },
        concentration: { type: 'string' },
        screening: { type: 'string' },
        'loss-rate': { type: 'string' },
        ph: { type: 'string' },
        'land-use': { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    throw new SoilTraceError({
      zh: `参数错误：${(error as Error).message}`,
      en: `bad arguments: ${(error as Error).message}`,
    });
  }
}

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!(n > 0) || !Number.isFinite(n)) {
    throw new SoilTraceError({
      zh: `--${name} 应为正数，实为 “${value}”`,
      en: `--${name} must be a positive number, got "${value}"`,
    });
  }
  return n;
}

/** "Cd=0.3,Pb=40" → Map; keys normalised to element symbols when they are elements. */
function pairs(name: string, value: string | undefined, normaliseMetal: boolean): Map<string, number> {
  const map = new Map<string, number>();
  if (value === undefined) return map;
  for (const part of value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')) {
    const [key, number] = part.split('=').map((s) => s.trim());
    const n = Number(number);
    if (!key || number === undefined || !Number.isFinite(n) || n < 0) {
      throw new SoilTraceError({
        zh: `--${name} 应为 名称=数值,…，“${part}” 无法识别`,
        en: `--${name} must be NAME=VALUE,…; cannot read "${part}"`,
      });
    }
    map.set(normaliseMetal ? (findElement(key)?.symbol ?? key) : key, n);
  }
  return map;
}

const finiteOrNull = (v: number) => (Number.isFinite(v) ? v : null);

/** GB 15618-2018 screening values (assessment module) for the metals with a concentration. */
function gb15618Screening(
  concentration: Map<string, number>,
  phText: string | undefined,
  landText: string | undefined,
): Map<string, number> {
  const pH = Number(phText);
  if (phText === undefined || !Number.isFinite(pH) || pH < 0 || pH > 14) {
    throw new SoilTraceError({
      zh: '使用 GB 15618 筛选值需要 --ph（0–14）',
      en: 'GB 15618 screening values need --ph (0–14)',
    });
  }
  let landUse: LandUse = 'other';
  if (landText !== undefined) {
    const parsed = parseLandUse(landText);
    if (!parsed) {
      throw new SoilTraceError({
        zh: `无法识别的土地利用类型 “${landText}”`,
        en: `unknown land use "${landText}"`,
      });
    }
    landUse = parsed;
  }
  const out = new Map<string, number>();
  for (const metal of concentration.keys()) {
    try {
      const value = applicableValues(GB15618_2018, metal, { pH, landUse }).screening;
      if (value !== null) out.set(metal, value);
    } catch {
      throw new SoilTraceError({
        zh: `GB 15618 不适用于土地利用类型 “${landText}”`,
        en: `GB 15618 does not apply to land use "${landText}"`,
      });
    }
  }
  return out;
}

export const command: CliCommand = {
  summary: {
    zh: '耕层输入输出通量平衡：途径贡献、年累积量、达到筛选值年限',
    en: 'plough-layer input/output flux balance: pathway shares, annual accumulation, years to screening',
  },
  usage,
  async run(args, io) {
    const values = options(args);
    if (!values.file) throw new SoilTraceError({ zh: '缺少参数 --file', en: 'missing option --file' });
    const depthCm = positive('depth-cm', values['depth-cm'], DEFAULT_DEPTH_CM);
    const bulkDensity = positive('bulk-density', values['bulk-density'], DEFAULT_BULK_DENSITY);
    const zoneAreas = pairs('zone-areas', values['zone-areas'], false);
    const concentration = pairs('concentration', values.concentration, true);
    const standardScreening = values.screening?.trim().toLowerCase() === 'gb15618';
    const screening = standardScreening
      ? gb15618Screening(concentration, values.ph, values['land-use'])
      : pairs('screening', values.screening, true);
    const lossText = values['loss-rate'];
    const singleLoss =
      lossText !== undefined && !lossText.includes('=') ? positive('loss-rate', lossText, 0) : undefined;
    const lossRates =
      singleLoss === undefined ? pairs('loss-rate', lossText, true) : new Map<string, number>();
    if (screening.size > 0 && concentration.size === 0) {
      throw new SoilTraceError({
        zh: '--screening 需要同时给出 --concentration（当前浓度）',
        en: '--screening needs --concentration (the current concentrations)',
      });
    }
    const table = readTableFile(values.file);
    const records = fluxRecordsFromTable(table);
    for (const zone of zoneAreas.keys()) {
      if (!records.some((r) => r.zone === zone)) {
        throw new SoilTraceError(
          {
            zh: `--zone-areas 中的区域 “${zone}” 不在文件中`,
            en: `zone "${zone}" of --zone-areas is not in the file`,
          },
          { file: table.file },
        );
      }
    }
    const soilMass = soilMassKgPerHa(depthCm, bulkDensity);
    const overall = fluxBalance(records, soilMass, zoneAreas.size ? { zoneWeights: zoneAreas } : {});
    const hasZones = records.some((r) => r.zone !== '');
    const zones = hasZones ? fluxBalanceByZone(records, soilMass) : [];

    const project = (b: MetalBalance) => {
      const c0 = concentration.get(b.metal);
      const target = screening.get(b.metal);
      if (c0 === undefined || target === undefined) return null;
      const k = singleLoss ?? lossRates.get(b.metal) ?? lossRateFromOutputs(b.outputRate, c0);
      return {
        concentration: c0,
        screening: target,
        yearsLinear: finiteOrNull(yearsToReachLinear(c0, target, b.accumulation)),
        lossRate: k,
        steadyState: k > 0 ? b.inputRate / k : null,
        yearsFirstOrder: finiteOrNull(yearsToReachFirstOrder(c0, target, b.inputRate, k)),
      };
    };
    const shape = (b: MetalBalance) => ({
      metal: b.metal,
      ...(b.zone === null ? {} : { zone: b.zone }),
      inputs: b.inputs,
      outputs: b.outputs,
      totalInput: b.totalInput,
      totalOutput: b.totalOutput,
      netFlux: b.netFlux,
      accumulation: b.accumulation,
      projection: project(b),
    });
    const output = {
      file: table.file,
      depthCm,
      bulkDensity,
      soilMassKgPerHa: soilMass,
      units: { flux: 'g/ha/a', accumulation: 'mg/kg/a', concentration: 'mg/kg', years: 'a' },
      screeningSource: standardScreening
        ? `${GB15618_2018.version} (pH ${values.ph}, ${values['land-use'] ?? 'other'})`
        : screening.size
          ? 'user'
          : null,
      zoneWeighting: zoneAreas.size ? 'area' : 'equal',
      zoneAreasHa: zoneAreas.size ? Object.fromEntries(zoneAreas) : null,
      metals: overall.map(shape),
      zones: zones.map(shape),
    };
    for (const metal of screening.keys()) {
      if (!overall.some((b) => b.metal === metal)) {
        throw new SoilTraceError(
          { zh: `文件中没有 ${metal} 的通量`, en: `the file has no flux for ${metal}` },
          { file: table.file },
        );
      }
    }
    if (values.json) {
      io.stdout(JSON.stringify(output));
      return 0;
    }
    const L = (zh: string, en: string) => (userLocale() === 'zh' ? zh : en);
    const pathways = [...new Set(overall.flatMap((b) => b.inputs.map((p) => p.pathway)))];
    const cell = (s: string, w = 12) => s.padStart(w);
    const lines = [
      L(
        `通量平衡：${table.file}；M = ${soilMass.toExponential(3)} kg/ha（${depthCm} cm × ${bulkDensity} g/cm³）；区域${output.zoneWeighting === 'area' ? '按面积' : '等权'}平均`,
        `flux balance: ${table.file}; M = ${soilMass.toExponential(3)} kg/ha (${depthCm} cm × ${bulkDensity} g/cm³); zones weighted ${output.zoneWeighting === 'area' ? 'by area' : 'equally'}`,
      ),
      '',
      L(
        '输入途径贡献（%）、总量（g/ha/a）与年净累积量 ΔC（mg/kg/a）',
        'input shares (%), totals (g/ha/a) and net accumulation ΔC (mg/kg/a)',
      ),
      [
        L('金属', 'metal').padEnd(6),
        ...pathways.map((p) => cell(p, Math.max(8, p.length))),
        cell(L('输入', 'inputs')),
        cell(L('输出', 'outputs')),
        cell('ΔC'),
      ].join(' '),
      ...overall.map((b) =>
        [
          b.metal.padEnd(6),
          ...pathways.map((p) => {
            const found = b.inputs.find((i) => i.pathway === p);
            return cell(found ? (100 * found.share).toFixed(1) : '—', Math.max(8, p.length));
          }),
          cell(b.totalInput.toPrecision(4)),
          cell(b.totalOutput.toPrecision(4)),
          cell(b.accumulation.toExponential(3)),
        ].join(' '),
      ),
    ];
    const projected = output.metals.filter((m) => m.projection);
    if (projected.length) {
      lines.push(
        '',
        L(
          '达到筛选值所需年数（线性 | 一级损失）',
          'years to the screening value (linear | first-order losses)',
        ),
      );
      for (const m of projected) {
        const p = m.projection;
        if (!p) continue;
        const years = (y: number | null) =>
          y === null ? L('不会达到', 'never') : y === 0 ? L('已达到', 'already reached') : y.toFixed(1);
        lines.push(
          `${m.metal.padEnd(6)} C0 ${p.concentration} → ${p.screening} mg/kg: ${years(p.yearsLinear)} | ${years(p.yearsFirstOrder)} (k ${p.lossRate.toExponential(2)}/a)`,
        );
      }
    }
    io.stdout(lines.join('\n'));
    return 0;
  },
};
