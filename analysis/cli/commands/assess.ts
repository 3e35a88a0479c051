import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { LAND_USE_LABELS } from '../../domain/land-use.ts';
import { type Locale, SoilTraceError, userLocale } from '../../errors.ts';
import { readTableFile } from '../../io/read-table-file.ts';
import {
  type AssessmentResult,
  assessCropSamples,
  assessSamples,
  type BackgroundSet,
  backgroundFromUserTable,
  CROP_TYPE_LABELS,
  type CropAssessmentResult,
  cropSamplesFromTable,
  EXPOSURE_PARAMETER_SETS,
  findStandard,
  type HealthRiskSummary,
  healthRiskOfSamples,
  riBandsWith,
  SOIL_CLASS_LABELS,
  type SoilStandard,
  soilSamplesFromTable,
  standardFromUserTable,
} from '../../methods/assessment/index.ts';
import type { CliCommand, CliIo } from '../command.ts';

const USAGE = `usage: soiltrace assess --file FILE [--standard gb15618|gb36600-1|gb36600-2] [--json]

Assesses soil samples against GB 15618-2018 (farmland, default) or GB 36600-2018 (construction
land, class 1 or 2): per-sample class, per-metal screening/intervention values, Pi, Igeo, Er,
Nemerow PN, RI, and a summary table.

FILE: CSV/TSV (UTF-8 or GBK) with sample_id, pH, land_use (paddy, dryland, orchard, vegetable,
forest, grassland, other, or 水田/旱地/果园/菜地…) and metal columns named by symbol (Cd, Hg, As, Pb,
Cr, Cu, Ni, Zn; any subset). Cr is total chromium; a column named CrVI, Cr6+ or 六价铬 is Cr(VI),
the only chromium GB 36600 regulates. pH and land_use are required for gb15618 only.

options:
  --standard ID            gb15618 (default), gb36600-1, gb36600-2
  --standard-file FILE     a user standard table (JSON; see userStandardSchema)
  --background FILE        a user background table (JSON {id, name, source, values}); default
                           China national A-horizon means (CNEMC 1990)
  --pi-reference REF       screening (default) or background
  --ri-bands A,B,C         RI class limits (default 150,300,600)
  --ef-reference EL        reference element for EF (Al, Fe, Sc, Ti, Mn; column in FILE)
  --crops FILE             crop samples (sample_id, crop, soil_sample_id, metals): GB 2762-2022
                           limits, BCF = crop/soil and the joint soil-and-crop class
  --health SET             add health risk (HQ/HI/CR, child and adult) with exposure parameters
                           hj25.3-2014 or hj25.3-2019 (verify); soil Cr is treated as Cr(VI)
                           for the ingestion slope factor (conservative)
  --incomplete MODE        unassessed (default): a sample with an empty pH or land-use cell under
                           gb15618 gets class null (its Igeo, Er, RI are still given) and a
                           warning; error: stop with the file/row/column instead
  --json                   one JSON object {standard, background, samples, summary, warnings}`;

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new SoilTraceError({ zh: '无法读取文件', en: 'cannot read the file' }, { file: path });
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new SoilTraceError(
      { zh: `不是有效的 JSON：${String(error)}`, en: `not valid JSON: ${String(error)}` },
      { file: basename(path) },
    );
  }
}

function option(message: { zh: string; en: string }, value: string, column: string): SoilTraceError {
  return new SoilTraceError(message, { column, value });
}

/** Display width: CJK characters take two columns in a terminal. */
function width(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1;
  return w;
}

function pad(text: string, w: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, w - width(text)));
  return right ? fill + text : text + fill;
}

function table(header: string[], rows: string[][], numericFrom: number): string {
  const widths = header.map((h, j) => Math.max(width(h), ...rows.map((r) => width(r[j] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((c, j) => pad(c, widths[j], j >= numericFrom))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function fmt(x: number | null | undefined, digits = 3): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 1000) return x.toFixed(0);
  return Number(x.toPrecision(digits)).toString();
}

function pct(x: number | null): string {
  return x === null ? '—' : `${(x * 100).toFixed(1)}%`;
}

function renderCrops(crops: CropAssessmentResult, locale: Locale): string[] {
  const zh = locale === 'zh';
  const L = (z: string, e: string) => `${z} ${e}`;
  const header = [
    L('作物', 'Crop'),
    L('元素', 'Metal'),
    'n',
    L('均值', 'Mean'),
    L('最大', 'Max'),
    L('限量', 'Limit'),
    L('超标率', 'Exceed'),
    'BCF',
  ];
  const rows = crops.summary.map((r) => [
    CROP_TYPE_LABELS[r.crop][locale],
    r.metal,
    String(r.n),
    fmt(r.mean),
    fmt(r.max),
    fmt(r.limit),
    pct(r.exceedanceRate),
    fmt(r.meanBcf),
  ]);
  const joint = Object.entries(crops.jointCounts)
    .map(([c, n]) => `${SOIL_CLASS_LABELS[c as keyof typeof SOIL_CLASS_LABELS][locale]} ${n}`)
    .join('; ');
  return [
    '',
    `${L('农产品', 'Crops')}: ${crops.table.version}, ${crops.samples.length} ${zh ? '个样品' : 'samples'}`,
    table(header, rows, 2),
    `${L('土壤-农产品协同分类', 'Joint soil-and-crop class')}: ${joint}`,
  ];
}

function render(
  result: AssessmentResult & { crops?: CropAssessmentResult; health?: HealthRiskSummary },
  file: string,
  locale: Locale,
): string {
  const zh = locale === 'zh';
  const L = (z: string, e: string) => `${z} ${e}`;
  const label = (c: string | null) =>
    c === null
      ? zh
        ? '未分类'
        : 'unclassed'
      : SOIL_CLASS_LABELS[c as keyof typeof SOIL_CLASS_LABELS][locale];
  const out: string[] = [];
  out.push(
    `${L('标准', 'Standard')}: ${result.standard.version} (${result.standard.id}) ${result.standard.name[locale]}`,
    `${L('背景值', 'Background')}: ${result.background.id}${result.background.verify ? ' (verify)' : ''}`,
    `${L('文件', 'File')}: ${file}, ${result.samples.length} ${zh ? '个样品' : 'samples'}`,
    '',
  );
  const metals = result.metals;
  const header = [L('样品', 'Sample'), L('用地', 'Land'), 'pH', L('类别', 'Class'), ...metals, 'PN', 'RI'];
  const rows = result.samples.map((s) => [
    s.sampleId,
    s.landUse === null ? '—' : LAND_USE_LABELS[s.landUse][locale],
    fmt(s.pH),
    label(s.class),
    ...metals.map((m) => {
      const a = s.metals[m];
      if (!a) return '—';
      const mark =
        a.class === null
          ? ''
          : ['', '*', '**'][
              ['priority_protection', 'below_screening'].includes(a.class)
                ? 0
                : ['safe_utilization', 'above_screening'].includes(a.class)
                  ? 1
                  : 2
            ];
      return `${fmt(a.value)}${mark}`;
    }),
    fmt(s.nemerow),
    fmt(s.ri),
  ]);
  out.push(table(header, rows, 4));
  out.push(
    zh
      ? '浓度 mg/kg；* 超筛选值，** 超管制值；PN 内梅罗综合指数，RI 潜在生态风险指数'
      : 'mg/kg; * above screening value, ** above intervention value; PN Nemerow index, RI potential ecological risk index',
    '',
  );
  const s = result.summary;
  const classes = Object.keys(s.classCounts);
  out.push(
    `${L('样品类别', 'Sample classes')}: ${classes.map((c) => `${label(c)} ${s.classCounts[c]} (${pct(s.classShares[c])})`).join('; ')}${s.classified < s.n ? `; ${label(null)} ${s.n - s.classified}` : ''}`,
    '',
  );
  const sumHeader = [
    L('元素', 'Metal'),
    'n',
    L('最小', 'Min'),
    L('最大', 'Max'),
    L('均值', 'Mean'),
    'SD',
    'CV',
    L('背景', 'Bkg'),
    L('筛选值', 'Screening'),
    L('超标率', 'Exceed'),
    ...classes.map((c) => label(c)),
  ];
  const sumRows = s.metals.map((m) => [
    m.metal,
    String(m.n),
    fmt(m.min),
    fmt(m.max),
    fmt(m.mean),
    fmt(m.sd),
    fmt(m.cv, 2),
    fmt(m.background),
    m.screening === null
      ? '—'
      : m.screening.min === m.screening.max
        ? fmt(m.screening.min)
        : `${fmt(m.screening.min)}–${fmt(m.screening.max)}`,
    pct(m.exceedanceRate),
    ...classes.map((c) => (m.screening === null ? '—' : pct(m.classShares[c] ?? 0))),
  ]);
  out.push(table(sumHeader, sumRows, 1));
  if (result.crops) out.push(...renderCrops(result.crops, locale));
  if (result.health) {
    const h = result.health;
    out.push('', `${L('健康风险', 'Health risk')}: ${h.parameterSet}, ${h.toxicity}`);
    out.push(
      table(
        [L('人群', 'Group'), L('最大 HI', 'Max HI'), 'HI > 1', L('最大 CR', 'Max CR'), 'CR > 1e-4'],
        (['child', 'adult'] as const).map((p) => [
          zh ? (p === 'child' ? '儿童' : '成人') : p,
          fmt(h[p].maxHi),
          pct(h[p].shareHiAbove1),
          h[p].maxCr.toExponential(2),
          pct(h[p].shareCrAbove1e4),
        ]),
        1,
      ),
    );
  }
  if (result.warnings.length) {
    out.push('', `${L('提示', 'Warnings')}:`);
    for (const w of result.warnings) out.push(`  - ${w.sampleId ? `${w.sampleId}: ` : ''}${w[locale]}`);
  }
  return out.join('\n');
}

function parseOptions(args: string[]) {
  return parseArgs({
    args,
    options: {
      file: { type: 'string' },
      standard: { type: 'string' },
      'standard-file': { type: 'string' },
      background: { type: 'string' },
      'pi-reference': { type: 'string' },
      'ri-bands': { type: 'string' },
      'ef-reference': { type: 'string' },
      incomplete: { type: 'string' },
      crops: { type: 'string' },
      health: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
}

export const command: CliCommand = {
  summary: {
    zh: '按 GB 15618 / GB 36600 评价土壤污染（分类、污染指数、生态风险）',
    en: 'assess soil pollution against GB 15618 / GB 36600 (classes, indices, ecological risk)',
  },
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    let parsed: ReturnType<typeof parseOptions>;
    try {
      parsed = parseOptions(args);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new SoilTraceError({ zh: `参数错误：${message}`, en: `bad arguments: ${message}` });
    }
    const { values } = parsed;
    if (!values.file) {
      throw new SoilTraceError({ zh: '缺少 --file FILE 参数', en: 'missing --file FILE' }, {});
    }
    let standard: SoilStandard | undefined;
    if (values['standard-file']) {
      standard = standardFromUserTable(readJson(values['standard-file']), basename(values['standard-file']));
    } else {
      const id = values.standard ?? 'gb15618';
      standard = findStandard(id);
      if (!standard) {
        throw option(
          {
            zh: '未知标准，应为 gb15618、gb36600-1 或 gb36600-2',
            en: 'unknown standard; expected gb15618, gb36600-1 or gb36600-2',
          },
          id,
          '--standard',
        );
      }
    }
    let background: BackgroundSet | undefined;
    if (values.background)
      background = backgroundFromUserTable(readJson(values.background), basename(values.background));
    const piReference = values['pi-reference'] ?? 'screening';
    if (piReference !== 'screening' && piReference !== 'background') {
      throw option(
        { zh: '应为 screening 或 background', en: 'expected screening or background' },
        piReference,
        '--pi-reference',
      );
    }
    const incomplete = values.incomplete ?? 'unassessed';
    if (incomplete !== 'error' && incomplete !== 'unassessed') {
      throw option(
        { zh: '应为 error 或 unassessed', en: 'expected error or unassessed' },
        incomplete,
        '--incomplete',
      );
    }
    let riBands: ReturnType<typeof riBandsWith> | undefined;
    if (values['ri-bands']) {
      const limits = values['ri-bands'].split(',').map((t) => Number(t.trim()));
      try {
        if (limits.some((x) => !Number.isFinite(x))) throw new RangeError('not numbers');
        riBands = riBandsWith(limits);
      } catch {
        throw option(
          {
            zh: '应为三个递增的数，如 150,300,600',
            en: 'expected three ascending numbers, e.g. 150,300,600',
          },
          values['ri-bands'],
          '--ri-bands',
        );
      }
    }

    const tableFile = readTableFile(values.file);
    const farmland = standard.kind === 'farmland';
    const needsPh = standard.phBreaks.length > 0;
    const read = soilSamplesFromTable(tableFile, { requirePh: needsPh, requireLandUse: farmland });
    const assessed = assessSamples(read.samples, {
      standard,
      background,
      piReference,
      riBands,
      efReference: values['ef-reference'],
      onIncomplete: incomplete,
      file: tableFile.file,
    });
    let crops: CropAssessmentResult | undefined;
    if (values.crops) {
      const cropRead = cropSamplesFromTable(readTableFile(values.crops));
      crops = assessCropSamples(cropRead.samples, assessed.samples);
      read.warnings.push(...cropRead.warnings, ...crops.warnings);
    }
    let health: HealthRiskSummary | undefined;
    if (values.health) {
      const set = EXPOSURE_PARAMETER_SETS.find((p) => p.id === values.health);
      if (!set) {
        throw option(
          { zh: '应为 hj25.3-2014 或 hj25.3-2019', en: 'expected hj25.3-2014 or hj25.3-2019' },
          values.health,
          '--health',
        );
      }
      health = healthRiskOfSamples(read.samples, set);
    }
    const result = {
      ...assessed,
      ...(crops ? { crops } : {}),
      ...(health ? { health } : {}),
      warnings: [...read.warnings, ...assessed.warnings],
    };
    if (values.json) {
      io.stdout(JSON.stringify(result));
    } else {
      io.stdout(render(result, tableFile.file, userLocale()));
    }
    return 0;
  },
};
