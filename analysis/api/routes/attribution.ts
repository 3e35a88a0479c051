import { readFileSync } from 'node:fs';
import { type Table, tableFromIPC } from 'apache-arrow';
import { elementOfColumn } from '../../domain/elements.ts';
import { parseDelimited } from '../../io/parse-delimited.ts';
import { apcsMlr } from '../../methods/apcs-mlr/index.ts';
import { applicableValues } from '../../methods/assessment/screening-class.ts';
import { GB15618_2018 } from '../../methods/assessment/standards/gb15618-2018.ts';
import {
  clusterVariables,
  correlationMatrix,
  log10Column,
  significanceMark,
} from '../../methods/correlation/index.ts';
import {
  classBreaks,
  type DiscretizationMethod,
  distanceToNearestKm,
  encodeStrata,
  type GeoFactor,
  geoDetector,
  optimalDiscretization,
  type Strata,
  strataFromBreaks,
} from '../../methods/geodetector/index.ts';
import { type EndMember, mixSamples, ratioPlotData } from '../../methods/isotopes/index.ts';
import {
  DEFAULT_BULK_DENSITY,
  DEFAULT_DEPTH_CM,
  type FluxRecord,
  fluxBalance,
  soilMassKgPerHa,
  yearsToReachLinear,
} from '../../methods/mass-balance/index.ts';
import { principalComponents } from '../../methods/pca/index.ts';
import { mean } from '../../stats/mean.ts';
import { median } from '../../stats/median.ts';
import { type ColumnData, columnsToArrowIpc } from '../arrow-ipc.ts';
import type { DatasetInfo } from '../contract.ts';
import type { EndMemberShape, GeoFactorSpec } from '../contracts/attribution.ts';
import { ApiError } from '../errors.ts';
import type { ProjectSession } from '../session.ts';
import type { RouteModule } from './types.ts';

// Routes of the attribution page (issue 6): read the chosen columns of a dataset of the open
// project, run the pure cores in analysis/methods (correlation, pca, apcs-mlr, geodetector,
// isotopes, mass-balance) and return small matrices as JSON, per-sample tables as Arrow.
// Computed on demand (milliseconds for a few hundred samples); nothing is written to the project.

const caseStudy = (file: string) => new URL(`../../../datasets/case-study/${file}`, import.meta.url);

const VIEWS: Record<string, string> = {
  soil: 'soil_samples',
  crop: 'crop_samples',
  emission: 'enterprises',
  flux: 'input_fluxes',
};
const TEXT_TYPES = /VARCHAR|DATE|TIME/;

const sqlString = (value: string) => `'${value.replaceAll("'", "''")}'`;
const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function datasetOf(session: ProjectSession, datasetId: string, kinds?: string[]): Promise<DatasetInfo> {
  const dataset = (await session.listDatasets()).find((d) => d.id === datasetId);
  if (!dataset) {
    throw new ApiError(
      'not_found',
      { zh: `项目中没有数据集 “${datasetId}”`, en: `no dataset "${datasetId}" in the project` },
      { value: datasetId },
    );
  }
  if (kinds && !kinds.includes(dataset.kind)) {
    throw new ApiError(
      'bad_params',
      {
        zh: `数据集 ${datasetId} 的类型为 ${dataset.kind}，此处需要 ${kinds.join('/')}`,
        en: `dataset ${datasetId} is of kind ${dataset.kind}; ${kinds.join('/')} expected here`,
      },
      { value: datasetId },
    );
  }
  return dataset;
}

function columnOf(dataset: DatasetInfo, name: string) {
  const column = dataset.columns.find((c) => c.name === name);
  if (!column) {
    throw new ApiError(
      'bad_params',
      {
        zh: `数据集 ${dataset.id} 没有列 “${name}”`,
        en: `dataset ${dataset.id} has no column "${name}"`,
      },
      { column: name },
    );
  }
  return column;
}

interface ReadColumns {
  ids: string[];
  /** Numbers (NaN where missing) or text ('' where missing), by column name. */
  numbers: Map<string, Float64Array>;
  texts: Map<string, string[]>;
  /** Censored cells read as half the detection limit, per column. */
  halved: Map<string, number>;
}

/**
 * Reads columns of a dataset in source-row order. A censored element cell ("<DL": NULL with
 * `_below_dl` and the limit in `_dl_mg_kg`) is read as half the detection limit, as the
 * assessment route and the case study's plain CSV do (USEPA QA/G-9 §4.7).
 */
async function readColumns(
  session: ProjectSession,
  dataset: DatasetInfo,
  names: string[],
  options: { text?: string[] } = {},
): Promise<ReadColumns> {
  const view = VIEWS[dataset.kind];
  const censorable = dataset.kind === 'soil' || dataset.kind === 'crop';
  const select: string[] = [];
  const kinds = new Map<string, 'number' | 'text'>();
  for (const name of names) {
    const column = columnOf(dataset, name);
    const text = TEXT_TYPES.test(column.type) || (options.text ?? []).includes(name);
    kinds.set(name, text ? 'text' : 'number');
    if (text) select.push(`CAST(${ident(name)} AS VARCHAR) AS ${ident(name)}`);
    else select.push(`CAST(${ident(name)} AS DOUBLE) AS ${ident(name)}`);
    const stem = elementOfColumn(name) === null ? null : name.slice(0, -'_mg_kg'.length);
    if (censorable && stem && !text) {
      select.push(
        `CASE WHEN ${ident(`${stem}_below_dl`)} THEN CAST(${ident(`${stem}_dl_mg_kg`)} AS DOUBLE) / 2 END AS ${ident(`${name}__half_dl`)}`,
      );
    }
  }
  const idColumn =
    dataset.kind === 'emission' ? 'enterprise_id' : dataset.kind === 'flux' ? null : 'sample_id';
  const idSelect = idColumn ? `CAST(${idColumn} AS VARCHAR)` : 'CAST(source_row AS VARCHAR)';
  const sql = `SELECT ${idSelect} AS __id, source_row${select.length ? `, ${select.join(', ')}` : ''} FROM ${view} WHERE dataset_id = ${sqlString(dataset.id)} ORDER BY source_row`;
  const table: Table = tableFromIPC(await session.query(sql));
  const rows = table.numRows;
  // Iterate rather than toArray(): a numeric vector's toArray() reads NULL cells as 0.
  const get = (name: string): unknown[] | undefined => {
    const vector = table.getChild(name);
    return vector ? [...vector] : undefined;
  };
  const rawIds = get('__id');
  const sourceRows = get('source_row');
  const ids = Array.from({ length: rows }, (_, r) => {
    const id = rawIds?.[r];
    return id === null || id === undefined ? `#${String(sourceRows?.[r] ?? r + 2)}` : String(id);
  });
  const numbers = new Map<string, Float64Array>();
  const texts = new Map<string, string[]>();
  const halved = new Map<string, number>();
  for (const name of names) {
    const values = get(name);
    if (kinds.get(name) === 'text') {
      texts.set(
        name,
        Array.from({ length: rows }, (_, r) => (values?.[r] == null ? '' : String(values[r]))),
      );
      continue;
    }
    const half = get(`${name}__half_dl`);
    let count = 0;
    numbers.set(
      name,
      Float64Array.from({ length: rows }, (_, r) => {
        const v = values?.[r];
        if (v !== null && v !== undefined && Number.isFinite(Number(v))) return Number(v);
        const h = half?.[r];
        if (h !== null && h !== undefined && Number.isFinite(Number(h))) {
          count++;
          return Number(h);
        }
        return Number.NaN;
      }),
    );
    if (count > 0) halved.set(name, count);
  }
  return { ids, numbers, texts, halved };
}

function numeric(read: ReadColumns, name: string): Float64Array {
  const values = read.numbers.get(name);
  if (!values) {
    throw new ApiError(
      'bad_params',
      { zh: `列 “${name}” 不是数值列`, en: `column "${name}" is not numeric` },
      { column: name },
    );
  }
  return values;
}

/** Display name of a column: cd_mg_kg → Cd, other columns as they are. */
export function variableLabel(column: string): string {
  return elementOfColumn(column) ?? column;
}

function logged(columns: Float64Array[], names: string[], log: boolean): Float64Array[] {
  return log ? columns.map((c, i) => log10Column(c, names[i])) : columns;
}

function finiteOrNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

// ---- GeoDetector factors ----------------------------------------------------------------------

type Discretization = NonNullable<Extract<GeoFactorSpec, { source: 'column' }>['discretization']>;

function isIntegerStrata(values: Float64Array): boolean {
  const present = Array.from(values).filter(Number.isFinite);
  return present.every(Number.isInteger) && new Set(present).size <= present.length / 2;
}

function discretizeFactor(
  y: Float64Array,
  x: Float64Array,
  spec: Discretization | undefined,
): {
  strata: Strata;
  kind: 'fixed' | 'optimal';
  method: DiscretizationMethod;
  classes: number;
  breaks: number[];
} {
  if (spec?.kind === 'fixed') {
    const present = Float64Array.from(x.filter((v, i) => Number.isFinite(v) && Number.isFinite(y[i])));
    const breaks = classBreaks(present, spec.method, spec.classes);
    return {
      strata: strataFromBreaks(x, breaks),
      kind: 'fixed',
      method: spec.method,
      classes: spec.classes,
      breaks,
    };
  }
  const best = optimalDiscretization(y, x, {
    minClasses: spec?.kind === 'optimal' ? spec.minClasses : 3,
    maxClasses: spec?.kind === 'optimal' ? spec.maxClasses : 8,
  });
  return {
    strata: best.strata,
    kind: 'optimal',
    method: best.method,
    classes: best.classes,
    breaks: best.breaks,
  };
}

async function industryDistances(
  session: ProjectSession,
  soil: ReadColumns,
  spec: Extract<GeoFactorSpec, { source: 'distance' }>,
): Promise<Float64Array> {
  const emission = await datasetOf(session, spec.emissionDatasetId, ['emission']);
  const sources = await readColumns(session, emission, ['lon', 'lat', 'industry']);
  const industry = sources.texts.get('industry') ?? [];
  const include = industry.map((v) => v === spec.industry);
  if (!include.some(Boolean)) {
    throw new ApiError(
      'bad_params',
      {
        zh: `排放数据集 ${emission.id} 中没有行业为 “${spec.industry}” 的企业`,
        en: `emission dataset ${emission.id} has no enterprise of industry "${spec.industry}"`,
      },
      { column: 'industry', value: spec.industry },
    );
  }
  return distanceToNearestKm(
    numeric(soil, 'lon'),
    numeric(soil, 'lat'),
    numeric(sources, 'lon'),
    numeric(sources, 'lat'),
    include,
  );
}

// ---- isotopes ---------------------------------------------------------------------------------

function endMembersFromCsv(text: string): EndMemberShape[] {
  const table = parseDelimited(text);
  const at = (name: string) => table.headers.indexOf(name);
  return table.rows.map((row) => ({
    name: row[at('end_member')] ?? '',
    ranges: [
      [Number(row[at('206Pb/207Pb_min')]), Number(row[at('206Pb/207Pb_max')])],
      [Number(row[at('208Pb/207Pb_min')]), Number(row[at('208Pb/207Pb_max')])],
    ],
  }));
}

function csvSamples(
  text: string,
  file: string,
  columns: { id: string; x: string; y: string },
): { id: string; x: number; y: number }[] {
  const table = parseDelimited(text);
  const index = (name: string) => {
    const i = table.headers.findIndex((h) => h.trim() === name);
    if (i < 0) {
      throw new ApiError(
        'input',
        {
          zh: `${file} 缺少列 “${name}”（表头：${table.headers.join('，')}）`,
          en: `${file} has no column "${name}" (header: ${table.headers.join(', ')})`,
        },
        { file, column: name },
      );
    }
    return i;
  };
  const [id, x, y] = [index(columns.id), index(columns.x), index(columns.y)];
  return table.rows.map((row, r) => {
    const value = (i: number, name: string) => {
      const cell = (row[i] ?? '').trim();
      const v = Number(cell);
      if (cell === '' || !Number.isFinite(v) || v <= 0) {
        throw new ApiError(
          'input',
          {
            zh: `${file} 第 ${table.lineNumbers?.[r] ?? r + 2} 行 “${name}” 应为正数，却是 “${cell}”`,
            en: `${file} row ${table.lineNumbers?.[r] ?? r + 2}, "${name}": expected a positive number, found "${cell}"`,
          },
          { file, row: table.lineNumbers?.[r] ?? r + 2, column: name, value: cell },
        );
      }
      return v;
    };
    return { id: row[id] ?? `#${r + 2}`, x: value(x, columns.x), y: value(y, columns.y) };
  });
}

// ---- routes -----------------------------------------------------------------------------------

export const attributionRoutes: RouteModule = {
  'attribution.options': async (_params, ctx) => {
    const session = ctx.session();
    const emissions = (await session.listDatasets()).filter((d) => d.kind === 'emission');
    const industries = [];
    for (const dataset of emissions) {
      const read = await readColumns(session, dataset, ['industry']);
      const counts = new Map<string, number>();
      for (const v of read.texts.get('industry') ?? []) if (v !== '') counts.set(v, (counts.get(v) ?? 0) + 1);
      industries.push({
        datasetId: dataset.id,
        industries: [...counts].map(([code, count]) => ({ code, count })),
      });
    }
    return {
      industries,
      endMembers: endMembersFromCsv(readFileSync(caseStudy('pb-isotope-end-members.csv'), 'utf8')),
      endMembersSource: 'datasets/case-study/pb-isotope-end-members.csv',
      exampleIsotopeCsv: {
        name: 'pb-isotopes.csv',
        text: readFileSync(caseStudy('pb-isotopes.csv'), 'utf8'),
      },
      defaults: { depthCm: DEFAULT_DEPTH_CM, bulkDensity: DEFAULT_BULK_DENSITY },
    };
  },

  'attribution.correlation': async ({ datasetId, columns, method, log, linkage }, ctx) => {
    const session = ctx.session();
    const dataset = await datasetOf(session, datasetId);
    const read = await readColumns(session, dataset, columns);
    const variables = columns.map(variableLabel);
    const data = columns.map((c) => numeric(read, c));
    const matrix = correlationMatrix(variables, logged(data, columns, false), { method, log });
    return {
      datasetId,
      variables,
      method,
      log,
      r: matrix.r,
      p: matrix.p,
      n: matrix.n,
      marks: matrix.p.map((row, i) => row.map((p, j) => (i === j ? '' : significanceMark(p)))),
      dendrogram: clusterVariables(variables, matrix.r, linkage),
    };
  },

  'attribution.pca': async ({ datasetId, columns, components, rotate, log }, ctx) => {
    const session = ctx.session();
    const dataset = await datasetOf(session, datasetId);
    const read = await readColumns(session, dataset, columns);
    const variables = columns.map(variableLabel);
    const data = logged(
      columns.map((c) => numeric(read, c)),
      columns,
      log,
    );
    const pca = principalComponents(variables, data, { components, rotate });
    return {
      datasetId,
      variables,
      n: pca.rows.length,
      kmo: pca.kmo,
      bartlett: pca.bartlett,
      eigenvalues: pca.eigenvalues,
      explained: pca.explained,
      cumulative: pca.cumulative,
      components: pca.components,
      loadings: pca.loadings,
      rotatedLoadings: pca.rotatedLoadings,
      rotatedExplained: pca.rotatedExplained,
      communalities: pca.communalities,
      scores: columnsToArrowIpc([
        { name: 'sample_id', kind: 'text', values: pca.rows.map((r) => read.ids[r]) },
        { name: 'pc1', kind: 'number', values: pca.scores.map((s) => s[0] ?? null) },
        { name: 'pc2', kind: 'number', values: pca.scores.map((s) => s[1] ?? null) },
      ]),
    };
  },

  'attribution.apcs': async ({ datasetId, columns, factors }, ctx) => {
    const session = ctx.session();
    const dataset = await datasetOf(session, datasetId);
    const read = await readColumns(session, dataset, columns);
    const variables = columns.map(variableLabel);
    const result = apcsMlr(
      variables,
      columns.map((c) => numeric(read, c)),
      { factors },
    );
    const k = result.pca.components;
    const table: ColumnData[] = [
      { name: 'sample_id', kind: 'text', values: result.pca.rows.map((r) => read.ids[r]) },
    ];
    variables.forEach((v, s) => {
      for (let j = 0; j < k; j++) {
        table.push({
          name: `${v}_s${j + 1}`,
          kind: 'number',
          values: result.contributions[s].map((row) => row[j]),
        });
      }
    });
    return {
      datasetId,
      variables,
      n: result.pca.rows.length,
      sources: k,
      eigenvalues: result.pca.eigenvalues,
      rotatedLoadings: result.pca.rotatedLoadings,
      species: result.species,
      warnings: result.warnings,
      contributions: columnsToArrowIpc(table),
    };
  },

  'attribution.geodetector': async ({ datasetId, y: yColumn, factors: specs }, ctx) => {
    const session = ctx.session();
    const dataset = await datasetOf(session, datasetId);
    const columnSpecs = specs.filter((s) => s.source === 'column');
    const names = [yColumn, ...columnSpecs.map((s) => s.column)];
    if (specs.some((s) => s.source === 'distance')) names.push('lon', 'lat');
    const read = await readColumns(session, dataset, [...new Set(names)]);
    const y = numeric(read, yColumn);
    const present = Array.from(y).filter(Number.isFinite);
    if (present.length < 3 || present.every((v) => v === present[0])) {
      throw new ApiError(
        'input',
        { zh: `Y（${yColumn}）的有效值不足或为常数`, en: `Y (${yColumn}) has too few values or is constant` },
        { column: yColumn },
      );
    }
    const factors: GeoFactor[] = [];
    const discretizations = [];
    for (const spec of specs) {
      let name: string;
      let values: Float64Array | string[];
      if (spec.source === 'column') {
        if (spec.column === yColumn) {
          throw new ApiError(
            'bad_params',
            { zh: '因子不能与 Y 相同', en: 'a factor cannot be the Y column' },
            { column: spec.column },
          );
        }
        name = spec.column;
        values = read.texts.get(spec.column) ?? numeric(read, spec.column);
      } else {
        name = `dist_${spec.industry}_km`;
        values = await industryDistances(session, read, spec);
      }
      let strata: Strata;
      if (Array.isArray(values)) {
        strata = encodeStrata(values);
        discretizations.push({ x: name, kind: 'strata' as const, method: null, classes: null, breaks: null });
      } else if (
        spec.discretization?.kind === 'strata' ||
        (spec.discretization === undefined && isIntegerStrata(values))
      ) {
        const numbers = values;
        strata = encodeStrata(Array.from(numbers, (v) => (Number.isFinite(v) ? String(v) : '')));
        discretizations.push({ x: name, kind: 'strata' as const, method: null, classes: null, breaks: null });
      } else {
        const d = discretizeFactor(y, values, spec.discretization);
        strata = d.strata;
        discretizations.push({
          x: name,
          kind: d.kind,
          method: d.method,
          classes: d.classes,
          breaks: d.breaks,
        });
      }
      const levels = new Set(Array.from(strata.codes).filter((c, i) => c >= 0 && Number.isFinite(y[i])));
      if (levels.size < 2) {
        throw new ApiError(
          'input',
          { zh: `因子 “${name}” 只有一个分层，无法探测`, en: `factor "${name}" has a single stratum` },
          { column: name },
        );
      }
      factors.push({ name, strata });
    }
    return {
      datasetId,
      y: yColumn,
      n: present.length,
      factorNames: factors.map((f) => f.name),
      discretizations,
      detectors: geoDetector(y, factors),
    };
  },

  'attribution.isotopes': async ({ samples: source, endMembers, draws, seed }, ctx) => {
    let points: { id: string; x: number; y: number }[];
    let axes: [string, string];
    if (source.source === 'csv') {
      points = csvSamples(source.text, source.name, {
        id: source.idColumn,
        x: source.xColumn,
        y: source.yColumn,
      });
      axes = [source.xColumn, source.yColumn];
    } else {
      const session = ctx.session();
      const dataset = await datasetOf(session, source.datasetId);
      const read = await readColumns(session, dataset, [source.xColumn, source.yColumn]);
      const x = numeric(read, source.xColumn);
      const y = numeric(read, source.yColumn);
      points = read.ids
        .map((id, i) => ({ id, x: x[i], y: y[i] }))
        .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
      axes = [source.xColumn, source.yColumn];
    }
    if (points.length === 0) {
      throw new ApiError('input', { zh: '没有含两个比值的样品', en: 'no sample has both ratios' });
    }
    const ternary = endMembers.length === 3;
    if (ternary && endMembers.some((e) => e.ranges.length < 2)) {
      throw new ApiError('bad_params', {
        zh: '三端元混合需要每个端元的两个比值范围',
        en: 'ternary mixing needs both ratio ranges of every end-member',
      });
    }
    const ends: EndMember[] = endMembers.map((e) => ({
      name: e.name,
      ranges: e.ranges.map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const),
    }));
    const mixed = mixSamples(
      points.map((p) => ({ id: p.id, ratios: ternary ? [p.x, p.y] : [p.x] })),
      ends,
      { draws, seed },
    );
    const columns: ColumnData[] = [
      { name: 'sample_id', kind: 'text', values: points.map((p) => p.id) },
      { name: 'x', kind: 'number', values: points.map((p) => p.x) },
      { name: 'y', kind: 'number', values: points.map((p) => p.y) },
      { name: 'feasible', kind: 'boolean', values: mixed.map((m) => m.point.feasible) },
    ];
    ends.forEach((e, k) => {
      columns.push(
        { name: `${e.name}_point`, kind: 'number', values: mixed.map((m) => m.point.shares[k]) },
        { name: `${e.name}_mean`, kind: 'number', values: mixed.map((m) => m.uncertainty.shares[k].mean) },
        { name: `${e.name}_p2_5`, kind: 'number', values: mixed.map((m) => m.uncertainty.shares[k].p2_5) },
        { name: `${e.name}_p97_5`, kind: 'number', values: mixed.map((m) => m.uncertainty.shares[k].p97_5) },
      );
    });
    return {
      axes,
      n: points.length,
      plot: ratioPlotData(points, ends, axes),
      meanShares: ends.map((e, k) => ({
        name: e.name,
        point: mean(mixed.map((m) => m.point.shares[k])),
        mcMean: mean(mixed.map((m) => m.uncertainty.shares[k].mean)),
        p2_5: mean(mixed.map((m) => m.uncertainty.shares[k].p2_5)),
        p97_5: mean(mixed.map((m) => m.uncertainty.shares[k].p97_5)),
      })),
      infeasibleSamples: mixed.filter((m) => !m.point.feasible).length,
      samples: columnsToArrowIpc(columns),
      draws,
      seed,
    };
  },

  'attribution.massBalance': async ({ datasetId, depthCm, bulkDensity, soilDatasetId, screening }, ctx) => {
    const session = ctx.session();
    const dataset = await datasetOf(session, datasetId, ['flux']);
    const read = await readColumns(
      session,
      dataset,
      ['pathway', 'direction', 'zone', 'element', 'flux_g_ha_a'].filter((c) =>
        dataset.columns.some((d) => d.name === c),
      ),
    );
    const text = (name: string) => read.texts.get(name) ?? [];
    const flux = numeric(read, 'flux_g_ha_a');
    const records: FluxRecord[] = [];
    text('pathway').forEach((pathway, i) => {
      const direction = text('direction')[i] === 'output' ? 'output' : 'input';
      const metal = text('element')[i];
      if (pathway === '' || metal === '' || !Number.isFinite(flux[i])) return;
      records.push({ pathway, direction, zone: text('zone')[i] ?? '', metal, flux: flux[i] });
    });
    const soilMass = soilMassKgPerHa(depthCm, bulkDensity);
    const balances = fluxBalance(records, soilMass);
    let current = new Map<string, number>();
    let medianPh: number | null = null;
    if (soilDatasetId) {
      const soil = await datasetOf(session, soilDatasetId, ['soil']);
      const wanted = balances
        .map((b) => `${b.metal.toLowerCase()}_mg_kg`)
        .filter((c) => soil.columns.some((d) => d.name === c));
      const hasPh = soil.columns.some((c) => c.name === 'ph');
      const soilRead = await readColumns(session, soil, hasPh ? [...wanted, 'ph'] : wanted);
      current = new Map(
        wanted.map((c) => [variableLabel(c), mean(Array.from(numeric(soilRead, c)).filter(Number.isFinite))]),
      );
      if (hasPh) {
        const ph = Array.from(numeric(soilRead, 'ph')).filter(Number.isFinite);
        medianPh = ph.length ? median(Float64Array.from(ph)) : null;
      }
    }
    const screeningOf = (metal: string): number | null => {
      if (screening?.[metal] !== undefined) return screening[metal];
      if (medianPh === null) return null;
      try {
        return applicableValues(GB15618_2018, metal, { pH: medianPh, landUse: 'other' }).screening;
      } catch {
        return null;
      }
    };
    return {
      datasetId,
      depthCm,
      bulkDensity,
      soilMassKgPerHa: soilMass,
      balances,
      projection: balances.map((b) => {
        const c0 = current.get(b.metal) ?? null;
        const s = screeningOf(b.metal);
        return {
          metal: b.metal,
          accumulation: b.accumulation,
          current: c0,
          screening: s,
          years: c0 === null || s === null ? null : finiteOrNull(yearsToReachLinear(c0, s, b.accumulation)),
        };
      }),
      screeningSource: screening ? 'user' : 'GB 15618-2018 (other land use, median pH)',
      medianPh,
    };
  },
};
