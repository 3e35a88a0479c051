import type { DuckDBConnection } from '@duckdb/node-api';
import { parseCrop, parsePlantPart } from '../domain/crops.ts';
import { ELEMENTS } from '../domain/elements.ts';
import { parseLandUse } from '../domain/land-use.ts';
import { parseEnterpriseStatus, parseIndustry, parsePathway } from '../domain/parse-codes.ts';
import { SoilTraceError } from '../errors.ts';
import { elementColumn, KIND_TABLES } from '../store/schema.ts';
import {
  concentration,
  dateOf,
  depthRange,
  isCensoredText,
  isMissing,
  isNotNumber,
  numberOf,
  PMF_MISSING_CODES,
  type RawColumn,
  scaled,
  textOf,
  yearOf,
} from './cell-sql.ts';
import { planCoordinates } from './coordinates.ts';
import { failureContexts, type ImportContext, ImportError, issue } from './issues.ts';
import { buildMapping, elementOfName, quantityOf } from './mapping.ts';
import { openSource, SOURCE_ROW_COLUMN, type Source, sqlIdentifier, sqlString } from './source.ts';
import type { ImportIssue, ImportRequest, MappedColumn } from './types.ts';

// One import, run inside the caller's transaction on `connection`:
//   1. DuckDB reads the source into raw_<id>; columns the mapping calls numbers are typed by
//      DuckDB's own detection (a column holding "<0.01" stays text), every other column is text.
//   2. Validation queries over the raw table: errors stop the import, warnings are kept.
//   3. One INSERT … SELECT converts units, censored values, codes and coordinates into the
//      canonical table; the catalog row is written last.

export interface PipelineOutcome {
  source: Source;
  mapping: MappedColumn[];
  rawTable: string;
  rows: number;
  crs: string | null;
  issues: ImportIssue[];
}

interface FieldColumn extends RawColumn {
  field: string;
  source: string;
  factor: number;
  type: string;
}

const NUMERIC_FIELDS = new Set([
  'lon',
  'lat',
  'x',
  'y',
  'depth_top',
  'depth_bottom',
  'ph',
  'om',
  'stack_height',
  'flux',
]);

function isNumericField(field: string): boolean {
  return NUMERIC_FIELDS.has(field) || quantityOf(field) === 'concentration' || /^(air|water):/.test(field);
}

function checkAborted(signal: AbortSignal | undefined, file: string): void {
  if (signal?.aborted) {
    throw new SoilTraceError(
      { zh: '导入已取消，项目未作修改', en: 'the import was cancelled; the project was not changed' },
      { file },
    );
  }
}

// SOILTRACE_IMPORT_TIMING=1 prints each query's time to stderr (used when tuning the benchmark).
const TIMING = process.env.SOILTRACE_IMPORT_TIMING === '1';

async function scalarRows(connection: DuckDBConnection, sql: string): Promise<unknown[][]> {
  const t = TIMING ? performance.now() : 0;
  const rows = (await connection.runAndReadAll(sql)).getRowsJS();
  if (TIMING)
    console.error(
      `${(performance.now() - t).toFixed(0).padStart(6)} ms  ${process.env.SOILTRACE_IMPORT_TIMING_FULL ? sql : sql.replace(/\s+/g, ' ').slice(0, 150)}`,
    );
  return rows;
}

/** Creates the raw table, retrying when DuckDB's type sample missed text further down a column. */
/**
 * What a retried attempt must do differently. A failed statement aborts DuckDB's transaction (no
 * savepoints), so an attempt that meets text past DuckDB's type sample, or GBK bytes past the
 * sniffed head, rolls back and the caller runs the pipeline again with these hints.
 */
export interface PipelineHints {
  varchar: string[];
  gb18030: boolean;
}

export class RetryImport extends Error {
  constructor(readonly hints: PipelineHints) {
    super('retry the import with new hints');
  }
}

async function createRawTable(
  connection: DuckDBConnection,
  source: Source,
  rawTable: string,
  varchar: Set<string>,
  hints: PipelineHints,
): Promise<void> {
  try {
    const t = performance.now();
    await connection.run(`CREATE TABLE ${rawTable} AS SELECT * FROM ${source.relation(varchar)}`);
    if (TIMING) console.error(`${(performance.now() - t).toFixed(0).padStart(6)} ms  CREATE raw table`);
  } catch (error) {
    const message = (error as Error).message;
    const column = /Error when converting column "(.*?)"\./.exec(message)?.[1];
    if (column && !varchar.has(column) && source.columnNames.includes(column)) {
      throw new RetryImport({ ...hints, varchar: [...hints.varchar, column] });
    }
    if (source.encoding === 'utf-8' && !hints.gb18030 && /invalid unicode|utf-?8/i.test(message)) {
      throw new RetryImport({ ...hints, gb18030: true });
    }
    const line = /CSV Error on Line: (\d+)/.exec(message)?.[1];
    throw new SoilTraceError(
      {
        zh: `文件无法解析为表格：${message.split('\n')[0]}`,
        en: `the file cannot be read as a table: ${message.split('\n')[0]}`,
      },
      { file: source.file, row: line ? Number(line) : undefined },
    );
  }
}

/**
 * The source row (header = row 1) of raw-table row `r`. Inside a transaction rowids start at
 * `firstRowid`; line shifts (blank lines, multi-line records) add a CASE over the record index.
 */
function sourceRowSql(source: Source, firstRowid: unknown): string {
  if (!source.rowSql.startsWith('rowid')) return `r.${source.rowSql}::INTEGER`;
  const index = Number(firstRowid) === 0 ? 'r.rowid' : `(r.rowid - ${firstRowid})`;
  const base = source.rowSql.replace('rowid', index);
  const shifts = source.lineShifts ?? [];
  if (shifts.length === 0) return `(${base})::INTEGER`;
  const cases = [...shifts]
    .reverse()
    .map(([record, shift]) => `WHEN ${index} >= ${record} THEN ${shift}`)
    .join(' ');
  return `(${base} + CASE ${cases} ELSE 0 END)::INTEGER`;
}

export function canonicalTableName(datasetId: string): string {
  return `canon_${datasetId}`;
}

export async function runPipeline(
  connection: DuckDBConnection,
  request: ImportRequest,
  datasetId: string,
  hints: PipelineHints = { varchar: [], gb18030: false },
): Promise<PipelineOutcome> {
  const { kind, signal } = request;
  const source = await openSource(request.file, {
    kind,
    format: request.format,
    sheet: request.sheet,
    forceGb18030: hints.gb18030,
  });
  const file = source.file;
  const rawTable = sqlIdentifier(`raw_${datasetId}`);
  let mappingForContext: MappedColumn[] | null = null;
  let rowsTable: string | undefined;
  try {
    checkAborted(signal, file);
    if (source.format === 'parquet') {
      const described = await scalarRows(connection, `DESCRIBE SELECT * FROM ${source.relation(new Set())}`);
      source.headers = described.map((r) => String(r[0]));
      source.columnNames = [...source.headers];
    }
    const mapping = buildMapping(source.headers, kind, request.mapping, file);
    mappingForContext = mapping;
    if (request.format === 'pmf') applyPmfConvention(mapping);
    const numericNames = new Set(
      mapping
        .filter((m) => m.field !== null && isNumericField(m.field))
        .map((m) => source.columnNames[mapping.indexOf(m)]),
    );
    const varchar = new Set(source.columnNames.filter((name) => !numericNames.has(name)));
    for (const name of hints.varchar) varchar.add(name);
    await createRawTable(connection, source, rawTable, varchar, hints);
    checkAborted(signal, file);

    const described = await scalarRows(connection, `DESCRIBE ${rawTable}`);
    const typeOf = new Map(described.map((r) => [String(r[0]), String(r[1])]));
    const fields = new Map<string, FieldColumn>();
    mapping.forEach((m, i) => {
      if (!m.field) return;
      const name = source.columnNames[i];
      const type = typeOf.get(name) ?? 'VARCHAR';
      fields.set(m.field, {
        field: m.field,
        source: m.source,
        factor: m.factor,
        type,
        sql: `r.${sqlIdentifier(name)}`,
        varchar: type === 'VARCHAR',
      });
    });
    const rowCount = Number((await scalarRows(connection, `SELECT count(*) FROM ${rawTable}`))[0][0]);
    // Inside a transaction DuckDB numbers new rows from a large offset: count from the first one.
    const firstRowid = (
      await scalarRows(connection, `SELECT coalesce(min(rowid), 0) FROM ${rawTable}`)
    )[0][0];
    const rowSql = sourceRowSql(source, firstRowid);
    const ctx: Context = {
      finalRowSql: sourceRowSql(source, 0),
      connection,
      rawTable,
      file,
      fields,
      rowSql,
      issues: [],
      checks: [],
      kind,
      negativeColumns: new Set(),
      minPositive: new Map(),
      aggregates: [],
      splitScan: await splitScan(connection, rawTable, firstRowid, rowCount),
    };
    // Rows longer than the header: DuckDB keeps the extra fields in added columns (column4 …).
    const extra = described
      .map((r) => String(r[0]))
      .filter((n) => n !== SOURCE_ROW_COLUMN && !source.columnNames.includes(n));
    if (extra.length > 0) {
      ctx.issues.push(
        issue(
          'warning',
          'extra-fields',
          {
            zh: `有的行比表头多出字段，已保留在原始表的列 ${extra.join('，')} 中`,
            en: `some rows have more fields than the header; the extra fields are kept in raw-table columns ${extra.join(', ')}`,
          },
          { file, column: extra[0] },
        ),
      );
    }
    if (rowCount === 0) {
      ctx.issues.push(
        issue('error', 'empty', { zh: '文件中没有数据行', en: 'the file has no data rows' }, { file }),
      );
      throw new ImportError(ctx.issues);
    }
    // Missing columns do not stop here: the rest still runs so a preview shows converted rows.
    validateColumns(ctx);

    const num = (f: string) => {
      const c = fields.get(f);
      return c ? numberOf(c) : null;
    };
    const plan = await planCoordinates(
      connection,
      rawTable,
      request.crs ?? 'auto',
      num('lon'),
      num('lat'),
      num('x'),
      num('y'),
      file,
    );
    if (!plan && request.format !== 'pmf' && kind !== 'flux') {
      ctx.issues.push(
        issue(
          'warning',
          'no-coordinates',
          {
            zh: '文件中没有坐标列（经度/纬度或 X/Y），空间分析将不可用',
            en: 'no coordinate columns (lon/lat or X/Y): spatial analyses will not be available',
          },
          { file },
        ),
      );
    }
    checkAborted(signal, file);
    // Warning thresholds from a sample; the rows beyond them are counted on the validation scan.
    // Converted coordinates (plan.join) exist only in the canonical table: checked after it.
    const metals =
      kind === 'soil' || kind === 'crop'
        ? [...fields.values()]
            .filter((c) => quantityOf(c.field) === 'concentration')
            .map((column) => ({ column, value: concentration(column, column.factor).value }))
        : [];
    const rawPoint = plan && !plan.join ? { lon: plan.lon, lat: plan.lat } : null;
    const stats = await sampledStats(ctx, rowCount, `${rawTable} r`, metals, rawPoint);
    const warnings = warningChecks(ctx, stats, `${rawTable} r`, ctx.rowSql);
    ctx.aggregates.push(...warnings.aggregates);
    await validate(ctx);
    checkAborted(signal, file);
    // Built even when validation failed, so a preview can show the converted rows.
    await insertCanonical(ctx, datasetId, plan);
    ctx.canonTable = sqlIdentifier(canonicalTableName(datasetId));
    rowsTable = ctx.canonTable;
    checkAborted(signal, file);
    if (ctx.issues.some((i) => i.severity === 'error')) throw new ImportError(ctx.issues);
    await warnings.report();
    if (plan?.join) {
      const table = `${ctx.canonTable} r`;
      const converted = await sampledStats(ctx, rowCount, table, [], { lon: 'r.lon', lat: 'r.lat' });
      const spatial = warningChecks(ctx, converted, table, 'r.source_row');
      if (spatial.aggregates.length > 0) {
        const [values] = await scalarRows(
          connection,
          `SELECT ${spatial.aggregates.map((a) => a.sql).join(', ')} FROM ${table}`,
        );
        spatial.aggregates.forEach((a, i) => {
          a.value = values[i];
        });
        await spatial.report();
      }
    }
    if (request.uncertaintyFile) await importUncertainties(ctx, request, datasetId);
    await ctx.finalizeCanonical?.();
    return { source, mapping, rawTable, rows: rowCount, crs: plan?.crs ?? null, issues: ctx.issues };
  } catch (error) {
    source.dispose();
    if (error instanceof Error && !(error instanceof RetryImport) && !failureContexts.has(error)) {
      const context: ImportContext = {
        headers: source.headers,
        mapping: mappingForContext ?? [],
        encoding: source.encoding,
        sheet: source.sheet,
        sheets: source.sheets,
        rowsTable,
      };
      failureContexts.set(error, context);
      if (error instanceof ImportError && !error.context) error.context = context;
    }
    throw error;
  }
}

interface Context {
  connection: DuckDBConnection;
  rawTable: string;
  file: string;
  fields: Map<string, FieldColumn>;
  rowSql: string;
  issues: ImportIssue[];
  checks: Check[];
  kind: ImportRequest['kind'];
  /** The canonical table, once built. */
  canonTable?: string;
  /** Number-typed element columns holding negative values (detection-limit codes or errors). */
  negativeColumns: Set<string>;
  /** Smallest positive number of each element column, in the source unit. */
  minPositive: Map<string, number>;
  /** Extra aggregates (SQL over raw `r`) computed in the same scan as the checks, with their results. */
  aggregates: Aggregate[];
  /** The source-row expression once the transaction has committed (no rowid offset). */
  finalRowSql: string;
  /** Rewrites the canonical view for use after commit. */
  finalizeCanonical?: () => Promise<void>;
  /** The raw table as a UNION ALL of rowid ranges, for the validation scan (see splitScan). */
  splitScan?: { table: string; from: string };
}

/**
 * DuckDB scans a table created in the running transaction on one thread (its thread estimate
 * counts committed rows only), so the validation scan reads it as a UNION ALL of rowid ranges,
 * one per thread, which DuckDB runs in parallel. The aggregate sits above the union: its result
 * is the same as over the table. Small tables are scanned whole.
 */
async function splitScan(
  connection: DuckDBConnection,
  table: string,
  firstRowid: unknown,
  rowCount: number,
): Promise<Context['splitScan']> {
  if (rowCount < 200_000) return undefined;
  const [[setting]] = await scalarRows(connection, "SELECT current_setting('threads')");
  const parts = Math.min(Number(setting), 16, Math.floor(rowCount / 100_000));
  if (!(parts > 1)) return undefined;
  const first = BigInt(String(firstRowid));
  const bounds = Array.from(
    { length: parts - 1 },
    (_, i) => first + BigInt(Math.round(((i + 1) * rowCount) / parts)),
  );
  const ranges = [
    ...bounds.map((b, i) => (i === 0 ? `rowid < ${b}` : `rowid >= ${bounds[i - 1]} AND rowid < ${b}`)),
    `rowid >= ${bounds[bounds.length - 1]}`,
  ];
  return { table, from: `(${ranges.map((w) => `SELECT * FROM ${table} WHERE ${w}`).join(' UNION ALL ')}) r` };
}

/** EPA PMF 5 input files: the first column is the sample id (or date); the rest are species. */
function applyPmfConvention(mapping: MappedColumn[]): void {
  if (mapping.some((m) => m.field === 'sample_id')) return;
  const first = mapping[0];
  if (first) {
    first.field = 'sample_id';
    first.origin = 'header';
  }
}

interface Check {
  predicate: string;
  column: FieldColumn;
  code: string;
  text: { zh: string; en: string };
  severity: ImportIssue['severity'];
  /** Boolean SQL over plain aggregates, true whenever a row may meet the predicate (see flushChecks). */
  gate?: string;
}

/** Queues a check; `flushChecks` runs every queued check in one scan of the raw table. */
async function firstOffender(
  ctx: Context,
  predicate: string,
  column: FieldColumn,
  code: string,
  text: { zh: string; en: string },
  severity: ImportIssue['severity'] = 'error',
  gate?: string,
): Promise<void> {
  ctx.checks.push({ predicate, column, code, text, severity, gate });
}

/** A piece of the validation scan: its aggregates and what to do with their values. */
interface ScanItem {
  sqls: string[];
  set: (values: unknown[]) => void;
}

async function scanAggregates(ctx: Context, items: ScanItem[]): Promise<void> {
  if (items.length === 0) return;
  const sqls = items.flatMap((i) => i.sqls);
  // The union's rows carry no rowid: aggregates that read one scan the table itself.
  const split = ctx.splitScan?.table === ctx.rawTable && !sqls.some((q) => /rowid/i.test(q));
  const [values] = await scalarRows(
    ctx.connection,
    `SELECT ${sqls.join(', ')} FROM ${split && ctx.splitScan ? ctx.splitScan.from : `${ctx.rawTable} r`}`,
  );
  let k = 0;
  for (const item of items) {
    item.set(values.slice(k, k + item.sqls.length));
    k += item.sqls.length;
  }
}

/**
 * One aggregate over the raw table counts every check; offending rows are then read by rowid.
 * A gated check or aggregate first costs only its gate: plain min/max/count, far cheaper per row
 * than a FILTER (inside the import's transaction DuckDB scans the new table on one thread). The
 * gate is a necessary condition (min(n) < 0 whenever some n < 0), so when it is false the exact
 * result is known (no rows); when true, a second scan computes the exact aggregate.
 */
async function flushChecks(ctx: Context): Promise<void> {
  // Predicates that cannot hold (a number column's "not a number") are left out of the scan.
  const checks = ctx.checks.splice(0).filter((c) => c.predicate !== 'false');
  const extras = ctx.aggregates.filter((a) => !('value' in a));
  if (checks.length === 0 && extras.length === 0) return;
  // Counts only: the first offending row of a failed check is read afterwards.
  const totals = checks.map((): unknown => 0);
  const exact: ScanItem[] = [];
  const gated = (gate: string | undefined, sql: string, otherwise: string, set: (v: unknown) => void) => {
    const item: ScanItem = { sqls: [sql], set: ([v]) => set(v) };
    if (!gate) return item;
    return {
      sqls: [`coalesce(${gate}, false)`, otherwise],
      set: ([fired, v]: unknown[]) => {
        if (fired === true) exact.push(item);
        else set(v);
      },
    };
  };
  await scanAggregates(ctx, [
    ...checks.map((c, i) =>
      gated(c.gate, `count(*) FILTER (${c.predicate})`, '0', (v) => {
        totals[i] = v;
      }),
    ),
    ...extras.map((a) =>
      gated(a.gate?.when, a.sql, a.gate?.otherwise ?? 'NULL', (v) => {
        a.value = v;
      }),
    ),
  ]);
  await scanAggregates(ctx, exact);
  for (const [i, check] of checks.entries()) {
    const count = Number(totals[i]);
    if (count === 0) continue;
    const [[row, value]] = await scalarRows(
      ctx.connection,
      `SELECT ${ctx.rowSql}, ${check.column.sql}::VARCHAR FROM ${ctx.rawTable} r WHERE ${check.predicate} ORDER BY r.rowid LIMIT 1`,
    );
    ctx.issues.push(
      issue(check.severity, check.code, check.text, {
        file: ctx.file,
        row: Number(row),
        column: check.column.source,
        value: value === null ? '' : String(value),
        count,
      }),
    );
  }
}

/**
 * A number column holds a non-finite value exactly when its min or max is not finite (DuckDB
 * orders NaN above +inf, so max finds it); text columns go through the cast-and-regex scan.
 */
function finiteGate(c: FieldColumn): string | undefined {
  if (c.varchar) return undefined;
  return `NOT (isfinite(min(${c.sql}::DOUBLE)) AND isfinite(max(${c.sql}::DOUBLE)))`;
}

const EXPECT_NUMBER = { zh: '应为数值，却是文本', en: 'expected a number, found text' };

/** Checks that need no rows: the columns a kind requires. */
function validateColumns(ctx: Context): void {
  const { fields, kind, file } = ctx;
  const required =
    kind === 'soil' || kind === 'crop' ? ['sample_id'] : kind === 'flux' ? ['pathway', 'metal', 'flux'] : [];
  if (kind === 'emission' && !fields.has('name') && !fields.has('enterprise_id')) required.push('name');
  for (const field of required) {
    if (!fields.has(field)) {
      ctx.issues.push(
        issue(
          'error',
          'missing-column',
          {
            zh: `找不到“${field}”对应的列；请用列映射指定，例如 --map "表头=${field}"`,
            en: `no column for "${field}"; map one, e.g. --map "header=${field}"`,
          },
          { file },
        ),
      );
    }
  }
  const elements = [...fields.values()].filter((c) => quantityOf(c.field) === 'concentration');
  if ((kind === 'soil' || kind === 'crop') && elements.length === 0 && !fields.has('ph')) {
    ctx.issues.push(
      issue(
        'error',
        'no-measurements',
        {
          zh: '没有识别出任何元素含量列（如 “镉Cd(mg/kg)”）；请检查表头或用列映射指定',
          en: 'no element concentration columns recognised (e.g. "Cd (mg/kg)"); check the headers or map them',
        },
        { file },
      ),
    );
  }
}

/**
 * Row checks, after the canonical table is built (in the same transaction): the raw table `r` and
 * the canonical table `k` are read side by side (POSITIONAL JOIN), so concentration checks use the
 * already-parsed typed columns and look at the source text only where the value came out empty.
 */
async function validate(ctx: Context): Promise<void> {
  const { fields, kind, file } = ctx;
  const elements = [...fields.values()].filter((c) => quantityOf(c.field) === 'concentration');
  const negatives: { c: FieldColumn; count: Aggregate; min: Aggregate; largest: Aggregate }[] = [];
  for (const c of elements) {
    // Neither a number, nor missing, nor a censored mark (checked in that order: the regexes run
    // only on cells the cast left empty).
    await firstOffender(
      ctx,
      c.varchar ? `${numberOf(c)} IS NULL AND NOT ${isMissing(c)} AND NOT ${isCensoredText(c)}` : 'false',
      c,
      'not-a-number',
      {
        zh: '应为数值或未检出标记（如 “<0.01”、“ND”），却是文本',
        en: 'expected a number or a below-detection mark ("<0.01", "ND"), found text',
      },
    );
    const n = numberOf(c);
    // Zero is a valid reading, but labs rarely report one: often a below-detection value typed as 0.
    await firstOffender(
      ctx,
      `${n} = 0`,
      c,
      'zero',
      {
        zh: '浓度为 0（已按 0 导入）；若实为未检出，请写成 “<检出限” 或 “ND”',
        en: 'a concentration of exactly 0 (imported as 0); if the lab meant below detection, write "<DL" or "ND"',
      },
      'warning',
      `min(${n}) <= 0 AND max(${n}) >= 0`,
    );
    // Which columns hold negative numbers (detection-limit codes or errors), each one's smallest
    // positive number (the bound for reading a negative as a code) and its largest negative code.
    negatives.push({
      c,
      count: { sql: `count(*) FILTER (${n} < 0)`, gate: { when: `min(${n}) < 0`, otherwise: '0' } },
      min: {
        sql: `min(${n}) FILTER (${n} > 0)`,
        gate: { when: `NOT (min(${n}) > 0)`, otherwise: `min(${n})` },
      },
      largest: {
        sql: `max(-${n}) FILTER (${n} < 0 AND ${n} NOT IN ${PMF_MISSING_CODES})`,
        gate: { when: `min(${n}) < 0`, otherwise: 'NULL' },
      },
    });
  }
  for (const { count, min, largest } of negatives) ctx.aggregates.push(count, min, largest);
  for (const field of [
    'lon',
    'lat',
    'x',
    'y',
    'depth_top',
    'depth_bottom',
    'ph',
    'om',
    'stack_height',
    'flux',
  ]) {
    const c = fields.get(field);
    if (c) await firstOffender(ctx, isNotNumber(c), c, 'not-a-number', EXPECT_NUMBER, 'error', finiteGate(c));
  }
  for (const c of fields.values()) {
    if (/^(air|water):/.test(c.field)) {
      await firstOffender(ctx, isNotNumber(c), c, 'not-a-number', EXPECT_NUMBER, 'error', finiteGate(c));
      await firstOffender(
        ctx,
        `${numberOf(c)} < 0`,
        c,
        'negative',
        { zh: '排放量不能为负', en: 'an emission cannot be negative' },
        'error',
        `min(${numberOf(c)}) < 0`,
      );
    }
  }
  const depth = fields.get('depth');
  if (depth) {
    await firstOffender(ctx, depthRange(depth).bad, depth, 'bad-depth', {
      zh: '采样深度应为数值或范围（如 “0-20”）',
      en: 'a sampling depth must be a number or a range such as "0-20"',
    });
  }
  const ph = fields.get('ph');
  if (ph) {
    await firstOffender(
      ctx,
      `${numberOf(ph)} NOT BETWEEN 0 AND 14`,
      ph,
      'ph-range',
      { zh: 'pH 应在 0–14 之间', en: 'pH must lie between 0 and 14' },
      'error',
      `min(${numberOf(ph)}) < 0 OR max(${numberOf(ph)}) > 14`,
    );
  }
  for (const field of ['om', 'depth_top', 'depth_bottom', 'stack_height']) {
    const c = fields.get(field);
    if (c)
      await firstOffender(
        ctx,
        `${numberOf(c)} < 0`,
        c,
        'negative',
        { zh: '数值不能为负', en: 'the value cannot be negative' },
        'error',
        `min(${numberOf(c)}) < 0`,
      );
  }
  const top = fields.get('depth_top');
  const bottom = fields.get('depth_bottom');
  if (top && bottom) {
    // A row with top > bottom makes max(top) > min(bottom).
    await firstOffender(
      ctx,
      `${numberOf(top)} > ${numberOf(bottom)}`,
      top,
      'depth-order',
      { zh: '采样深度上限大于下限', en: 'the top of the sampling depth is below its bottom' },
      'error',
      `max(${numberOf(top)}) > min(${numberOf(bottom)})`,
    );
  }
  for (const field of ['start_year', 'end_year']) {
    const c = fields.get(field);
    if (c) {
      await firstOffender(ctx, `${yearOf(c)} IS NULL AND NOT ${isMissing(c)}`, c, 'bad-year', {
        zh: '应为年份（如 2008）',
        en: 'expected a year such as 2008',
      });
    }
  }
  // Coordinates: present as columns, so every row needs them, in range.
  const lon = fields.get('lon');
  const lat = fields.get('lat');
  const pairs: [FieldColumn, FieldColumn][] = [];
  if (lon && lat) pairs.push([lon, lat]);
  else if (fields.get('x') && fields.get('y'))
    pairs.push([fields.get('x') as FieldColumn, fields.get('y') as FieldColumn]);
  for (const [a, b] of pairs) {
    await firstOffender(
      ctx,
      `(${numberOf(a)} IS NULL OR ${numberOf(b)} IS NULL) AND NOT (${isNotNumber(a)} OR ${isNotNumber(b)})`,
      a,
      'missing-coordinates',
      {
        zh: `缺少坐标（${a.source} / ${b.source}）`,
        en: `missing coordinates (${a.source} / ${b.source})`,
      },
      kind === 'flux' ? 'warning' : 'error',
      `count(*) > count(${numberOf(a)}) OR count(*) > count(${numberOf(b)})`,
    );
  }
  if (lon && lat) {
    await firstOffender(
      ctx,
      `abs(${numberOf(lon)}) > 180`,
      lon,
      'lon-range',
      { zh: '经度应在 −180 至 180 之间', en: 'longitude must lie between −180 and 180' },
      'error',
      `min(${numberOf(lon)}) < -180 OR max(${numberOf(lon)}) > 180`,
    );
    await firstOffender(
      ctx,
      `abs(${numberOf(lat)}) > 90`,
      lat,
      'lat-range',
      { zh: '纬度应在 −90 至 90 之间', en: 'latitude must lie between −90 and 90' },
      'error',
      `min(${numberOf(lat)}) < -90 OR max(${numberOf(lat)}) > 90`,
    );
  }
  // Identifiers: present and unique.
  const idField = kind === 'emission' ? 'enterprise_id' : kind === 'flux' ? null : 'sample_id';
  const id = idField ? fields.get(idField) : undefined;
  const idCounts: { total: Aggregate; distinct: Aggregate } | null = id
    ? {
        total: { sql: `count(${textOf(id)})` },
        // Distinct 64-bit hashes, cheaper than distinct strings; a (≈10⁻⁸) collision only costs
        // the exact duplicate search below, which then finds nothing.
        distinct: { sql: `count(DISTINCT hash(${textOf(id)})) FILTER (${textOf(id)} IS NOT NULL)` },
      }
    : null;
  if (id && idCounts) {
    await firstOffender(
      ctx,
      `${textOf(id)} IS NULL`,
      id,
      'missing-id',
      { zh: '缺少编号', en: 'missing identifier' },
      'error',
      `count(${textOf(id)}) < count(*)`,
    );
    ctx.aggregates.push(idCounts.total, idCounts.distinct);
  }
  const date = fields.get('date');
  if (date) {
    await firstOffender(
      ctx,
      `${dateOf(date, date.type)} IS NULL AND NOT ${isMissing(date)}`,
      date,
      'bad-date',
      {
        zh: '无法识别的日期（已留空）',
        en: 'unrecognised date (left empty)',
      },
      'warning',
    );
  }
  // Every check above, the identifier counts and the warnings' counts: one scan.
  await flushChecks(ctx);
  // Negative values are detection-limit codes only when no larger than the column's smallest
  // measured value; a column breaking that rule is scanned again for its first offender.
  for (const { c, count, min, largest } of negatives) {
    if (!c.varchar && Number(count.value) > 0) ctx.negativeColumns.add(c.field);
    if (min.value === null || min.value === undefined) continue;
    const minRaw = Number(min.value);
    ctx.minPositive.set(c.field, minRaw);
    const bound = minRaw * (1 + 1e-9);
    const hasLimits = c.varchar || ctx.negativeColumns.has(c.field);
    if (!hasLimits || largest.value === null || !(Number(largest.value) > bound)) continue;
    const n = numberOf(c);
    const minPositive = Number((minRaw * c.factor).toPrecision(15));
    await firstOffender(
      ctx,
      `${n} < 0 AND ${n} NOT IN ${PMF_MISSING_CODES} AND -${n} > ${bound}`,
      c,
      'negative',
      {
        zh: `浓度不能为负（负值仅在不超过该列最小实测值 ${minPositive} 时视为检出限代码）`,
        en: `a concentration cannot be negative (a negative value is read as a detection-limit code only when no larger than the column's smallest measured value, ${minPositive})`,
      },
    );
  }
  await flushChecks(ctx);
  if (id && idCounts) {
    const total = idCounts.total.value;
    const distinct = idCounts.distinct.value;
    const dup =
      Number(total) === Number(distinct)
        ? []
        : await scalarRows(
            ctx.connection,
            `WITH d AS (SELECT ${textOf(id)} AS v, ${ctx.rowSql} AS row, r.rowid AS rid FROM ${ctx.rawTable} r WHERE ${textOf(id)} IS NOT NULL),
            c AS (SELECT v, count(*) AS n, min(rid) AS first FROM d GROUP BY v HAVING count(*) > 1)
       SELECT (SELECT count(*) FROM c), d.row, d.v, (SELECT row FROM d d2 WHERE d2.rid = c.first)
         FROM d JOIN c USING (v) WHERE d.rid <> c.first ORDER BY d.rid LIMIT 1`,
          );
    if (dup.length > 0) {
      const [count, row, value, firstRow] = dup[0];
      ctx.issues.push(
        issue(
          'error',
          'duplicate-id',
          { zh: `编号重复（与第 ${firstRow} 行相同）`, en: `duplicate identifier (same as row ${firstRow})` },
          { file, row: Number(row), column: id.source, value: String(value), count: Number(count) },
        ),
      );
    }
  }
}

/** CASE expression mapping the distinct texts of a column to codes; unknown texts warn. */
async function codeCase(
  ctx: Context,
  field: string,
  parse: (text: string) => string | undefined,
): Promise<string> {
  const c = ctx.fields.get(field);
  if (!c) return 'NULL';
  const values = (
    await scalarRows(
      ctx.connection,
      `SELECT DISTINCT ${textOf(c)} FROM ${ctx.rawTable} r WHERE ${textOf(c)} IS NOT NULL LIMIT 5001`,
    )
  ).map((r) => String(r[0]));
  if (values.length > 5000) return 'NULL';
  const unknown: string[] = [];
  const whens: string[] = [];
  for (const v of values) {
    const code = parse(v);
    if (code) whens.push(`WHEN ${sqlString(v)} THEN ${sqlString(code)}`);
    else unknown.push(v);
  }
  if (unknown.length > 0) {
    ctx.issues.push(
      issue(
        'warning',
        'unknown-code',
        {
          zh: `无法识别的取值：${unknown.slice(0, 10).join('，')}（编码留空，原文保留）`,
          en: `unrecognised values: ${unknown.slice(0, 10).join(', ')} (code left empty; the text is kept)`,
        },
        { file: ctx.file, column: c.source, value: unknown[0], count: unknown.length },
      ),
    );
  }
  return whens.length ? `(CASE ${textOf(c)} ${whens.join(' ')} END)` : 'NULL';
}

async function insertCanonical(
  ctx: Context,
  datasetId: string,
  plan: Awaited<ReturnType<typeof planCoordinates>>,
) {
  const { fields, kind } = ctx;
  const cols: [string, string][] = [
    ['dataset_id', sqlString(datasetId)],
    ['source_row', ctx.rowSql],
  ];
  const text = (target: string, field: string) => {
    const c = fields.get(field);
    if (c) cols.push([target, textOf(c)]);
  };
  const num = (target: string, field: string) => {
    const c = fields.get(field);
    if (c) cols.push([target, scaled(numberOf(c), c.factor)]);
  };
  if (plan) {
    cols.push(['lon', plan.lon], ['lat', plan.lat], ['crs_original', sqlString(plan.crs)]);
    if (plan.xOriginal && plan.yOriginal)
      cols.push(['x_original', plan.xOriginal], ['y_original', plan.yOriginal]);
  }
  const elements = () => {
    for (const c of fields.values()) {
      if (quantityOf(c.field) !== 'concentration') continue;
      const e = elementColumn(c.field);
      const expr = concentration(c, c.factor);
      cols.push([`${e}_mg_kg`, expr.value], [`${e}_below_dl`, expr.belowDl]);
      // A number column without negative codes has no detection limits: the view reads NULL.
      if (c.varchar || ctx.negativeColumns.has(c.field)) cols.push([`${e}_dl_mg_kg`, expr.dl]);
    }
  };
  const date = fields.get('date');
  if (kind === 'soil') {
    text('sample_id', 'sample_id');
    num('depth_top_cm', 'depth_top');
    num('depth_bottom_cm', 'depth_bottom');
    const depth = fields.get('depth');
    if (depth && !fields.has('depth_top') && !fields.has('depth_bottom')) {
      const d = depthRange(depth);
      cols.push(
        ['depth_top_cm', scaled(d.top, depth.factor)],
        ['depth_bottom_cm', scaled(d.bottom, depth.factor)],
      );
    }
    cols.push(['land_use', await codeCase(ctx, 'land_use', parseLandUse)]);
    text('land_use_original', 'land_use');
    num('ph', 'ph');
    num('organic_matter_g_kg', 'om');
    if (date) cols.push(['sampled_on', dateOf(date, date.type)]);
    elements();
  } else if (kind === 'crop') {
    text('sample_id', 'sample_id');
    cols.push(
      ['crop', await codeCase(ctx, 'crop', parseCrop)],
      ['part', await codeCase(ctx, 'part', parsePlantPart)],
    );
    text('crop_original', 'crop');
    text('part_original', 'part');
    text('soil_sample_id', 'soil_sample_id');
    if (date) cols.push(['sampled_on', dateOf(date, date.type)]);
    elements();
  } else if (kind === 'emission') {
    text('enterprise_id', 'enterprise_id');
    text('name', 'name');
    cols.push(['industry', await codeCase(ctx, 'industry', parseIndustry)]);
    text('industry_original', 'industry');
    cols.push(['status', await codeCase(ctx, 'status', parseEnterpriseStatus)]);
    text('status_original', 'status');
    for (const field of ['start_year', 'end_year']) {
      const c = fields.get(field);
      if (c) cols.push([field, yearOf(c)]);
    }
    num('stack_height_m', 'stack_height');
    text('risk_grade', 'risk_grade');
    for (const c of fields.values()) {
      const m = /^(air|water):(\w+)$/.exec(c.field);
      if (m) cols.push([`${elementColumn(m[2])}_${m[1]}_kg_a`, scaled(numberOf(c), c.factor)]);
    }
  } else {
    cols.push(['pathway', await codeCase(ctx, 'pathway', parsePathway)]);
    text('pathway_original', 'pathway');
    text('direction', 'direction');
    text('zone', 'zone');
    cols.push(['element', await codeCase(ctx, 'metal', (v) => elementOfName(v)?.symbol)]);
    num('flux_g_ha_a', 'flux');
  }
  const shape = await scalarRows(ctx.connection, `DESCRIBE shape_${KIND_TABLES[kind]}`);
  const typeOf = new Map(shape.map((r) => [String(r[0]), String(r[1])]));
  const select = (rowSql: string) =>
    cols
      .map(([c, e]) => `CAST(${c === 'source_row' ? rowSql : e} AS ${typeOf.get(c) ?? 'VARCHAR'}) AS ${c}`)
      .join(', ');
  const canon = sqlIdentifier(canonicalTableName(datasetId));
  const t = performance.now();
  if (plan?.join) {
    // Converted coordinates come from JS (proj4, GCJ-02): materialise them with the rest.
    await ctx.connection.run(
      `CREATE TABLE ${canon} AS SELECT ${select(ctx.rowSql)} FROM ${ctx.rawTable} r LEFT JOIN __coords c ON c.rid = r.rowid ORDER BY r.rowid`,
    );
    await ctx.connection.run('DROP TABLE IF EXISTS __coords');
  } else {
    // Everything else is a view over the raw table: the file is read and written once, and the
    // conversions (censored text, units, codes) run in SQL whenever the canonical rows are read.
    // Inside the import's transaction new rows are numbered from a large offset (ctx.rowSql
    // subtracts it); once committed they count from 0, which `finalRowSql` assumes.
    await ctx.connection.run(`CREATE VIEW ${canon} AS SELECT ${select(ctx.rowSql)} FROM ${ctx.rawTable} r`);
    ctx.finalizeCanonical = async () => {
      if (ctx.rowSql !== ctx.finalRowSql) {
        await ctx.connection.run(
          `CREATE OR REPLACE VIEW ${canon} AS SELECT ${select(ctx.finalRowSql)} FROM ${ctx.rawTable} r`,
        );
      }
    };
  }
  if (TIMING) console.error(`${(performance.now() - t).toFixed(0).padStart(6)} ms  CREATE canonical`);
}

/** An aggregate queued on the validation scan; `value` is filled by flushChecks. */
interface Aggregate {
  sql: string;
  value?: unknown;
  /** When `when` (SQL over plain aggregates) is false the value is `otherwise` (see flushChecks). */
  gate?: { when: string; otherwise: string };
}

interface SampledStats {
  /** Per element: the far-out fence in mg/kg, or null when there is no scale to judge by. */
  metals: { column: FieldColumn; value: string; fence: number | null }[];
  /** The median point and the distance (km) beyond which a point is far from the others. */
  spatial: { lon: string; lat: string; lon0: number; lat0: number; fence: number | null } | null;
}

/**
 * The warnings' thresholds, from a sample: Tukey's far-out fence Q3 + 3·IQR of log10
 * concentrations (on the log scale because trace-metal concentrations are right-skewed), the
 * median point, and the same fence for distances to it (at least 5 km, so a tight cluster does not
 * flag its own edge). Exact below 100,000 rows; above, a seeded Bernoulli sample of about 50,000
 * rows: a warning threshold does not need exact order statistics of 10⁶ rows.
 */
async function sampledStats(
  ctx: Context,
  rowCount: number,
  from: string,
  metals: { column: FieldColumn; value: string }[],
  point: { lon: string; lat: string } | null,
): Promise<SampledStats> {
  const out: SampledStats = { metals: metals.map((m) => ({ ...m, fence: null })), spatial: null };
  if (metals.length === 0 && !point) return out;
  const sample =
    rowCount > 100_000 ? ` USING SAMPLE ${((5e6 / rowCount) as number).toFixed(4)}% (bernoulli, 42)` : '';
  const columns = [
    ...metals.map((m, i) => `${m.value} AS v${i}`),
    ...(point ? [`${point.lon} AS lon`, `${point.lat} AS lat`] : []),
  ];
  // The CASE, not the FILTER, keeps zeros from log10: DuckDB evaluates an aggregate's argument
  // before its FILTER, and log10(0) is an error.
  const aggregates = metals.map(
    (_, i) =>
      `quantile_cont(log10(CASE WHEN v${i} > 0 THEN v${i} END), [0.25, 0.75]) FILTER (v${i} > 0), count(*) FILTER (v${i} > 0)`,
  );
  const km = '111.32 * sqrt(power((lon - lon0) * cos(radians(lat0)), 2) + power(lat - lat0, 2))';
  if (point)
    aggregates.push(`any_value(lon0), any_value(lat0), quantile_cont(${km}, [0.25, 0.75]), count(${km})`);
  const [values] = await scalarRows(
    ctx.connection,
    `WITH s AS MATERIALIZED (SELECT ${columns.join(', ')} FROM ${from}${sample})
     SELECT ${aggregates.join(', ')} FROM s${point ? ', (SELECT median(lon) AS lon0, median(lat) AS lat0 FROM s) c' : ''}`,
  );
  const farOut = (quartiles: unknown, n: unknown, minimum: number): number | null => {
    const [q1, q3] = (quartiles as (number | null)[] | null) ?? [null, null];
    // A zero IQR (identical values) gives no scale to call anything far out.
    if (Number(n) < minimum || q1 === null || q3 === null || !(Number(q3) > Number(q1))) return null;
    return Number(q3) + 3 * (Number(q3) - Number(q1));
  };
  out.metals.forEach((m, i) => {
    const logFence = farOut(values[2 * i], values[2 * i + 1], 10);
    m.fence = logFence === null ? null : 10 ** logFence;
  });
  if (point) {
    const [lon0, lat0, quartiles, n] = values.slice(2 * metals.length);
    if (lon0 !== null && lat0 !== null) {
      const [q1, q3] = (quartiles as (number | null)[] | null) ?? [null, null];
      const fence =
        Number(n) >= 5 && q1 !== null && q3 !== null
          ? Math.max(Number(q3) + 3 * (Number(q3) - Number(q1)), 5)
          : null;
      out.spatial = { ...point, lon0: Number(lon0), lat0: Number(lat0), fence };
    }
  }
  return out;
}

/**
 * Counts of the rows beyond the thresholds (aggregates for the validation scan) and their report.
 * Only counts go on the scan: DuckDB evaluates an aggregate's argument on every row before its
 * FILTER, so the offending row and value are read afterwards, and only when there is one.
 */
function warningChecks(
  ctx: Context,
  stats: SampledStats,
  from: string,
  rowSql: string,
): { aggregates: Aggregate[]; report: () => Promise<void> } {
  const aggregates: Aggregate[] = [];
  const outliers = stats.metals.flatMap(({ column, value, fence }) => {
    if (fence === null) return [];
    const count: Aggregate = {
      sql: `count(*) FILTER (${value} > ${fence})`,
      gate: { when: `max(${value}) > ${fence}`, otherwise: '0' },
    };
    aggregates.push(count);
    return [{ column, value, fence, count }];
  });
  const spatial = stats.spatial;
  const km = spatial
    ? `111.32 * sqrt(power((${spatial.lon} - ${spatial.lon0}) * cos(radians(${spatial.lat0})), 2) + power(${spatial.lat} - ${spatial.lat0}, 2))`
    : '';
  const outsideSql = spatial
    ? `NOT (${spatial.lon} BETWEEN 73 AND 136 AND ${spatial.lat} BETWEEN 3 AND 54)`
    : '';
  const far: Aggregate | null =
    spatial && spatial.fence !== null
      ? {
          sql: `count(*) FILTER (${km} > ${spatial.fence})`,
          gate: { when: `max(${km}) > ${spatial.fence}`, otherwise: '0' },
        }
      : null;
  // A point outside the box has a coordinate beyond the box's edge, so a min or max beyond it.
  const outside: Aggregate | null = spatial
    ? {
        sql: `count(*) FILTER (${outsideSql})`,
        gate: {
          when: `min(${spatial.lon}) < 73 OR max(${spatial.lon}) > 136 OR min(${spatial.lat}) < 3 OR max(${spatial.lat}) > 54`,
          otherwise: '0',
        },
      }
    : null;
  if (far) aggregates.push(far);
  if (outside) aggregates.push(outside);
  const first = async (sql: string) => (await scalarRows(ctx.connection, sql))[0] ?? [];
  const report = async () => {
    for (const { column, value, fence, count } of outliers) {
      const n = Number(count.value);
      if (!(n > 0)) continue;
      const [row, max] = await first(
        `SELECT arg_max(${rowSql}, ${value}), max(${value}) FROM ${from} WHERE ${value} > ${fence}`,
      );
      const f = Number(fence).toPrecision(3);
      ctx.issues.push(
        issue(
          'warning',
          'outlier',
          {
            zh: `${column.field} 有 ${n} 个异常高值（高于对数尺度 Q3+3·IQR = ${f} mg/kg），请核实`,
            en: `${column.field} has ${n} unusually high values (above the log-scale Q3 + 3·IQR = ${f} mg/kg); please check`,
          },
          { file: ctx.file, row: Number(row), column: column.source, value: String(max), count: n },
        ),
      );
    }
    if (spatial && far && Number(far.value) > 0) {
      const n = Number(far.value);
      const [row, lon, lat, farthest] = await first(
        `SELECT arg_max(${rowSql}, ${km}), arg_max(${spatial.lon}, ${km}), arg_max(${spatial.lat}, ${km}), round(max(${km}), 1)
           FROM ${from} WHERE ${km} > ${spatial.fence}`,
      );
      ctx.issues.push(
        issue(
          'warning',
          'spatial-outlier',
          {
            zh: `${n} 个点远离其他点（最远 ${farthest} km），可能是坐标错误或经纬度颠倒`,
            en: `${n} points lie far from the others (farthest ${farthest} km away): a coordinate error or swapped lon/lat?`,
          },
          { file: ctx.file, row: Number(row), value: `${lon}, ${lat}`, count: n },
        ),
      );
    }
    if (spatial && outside && Number(outside.value) > 0) {
      const n = Number(outside.value);
      const [row, lon, lat] = await first(
        `SELECT ${rowSql}, ${spatial.lon}, ${spatial.lat} FROM ${from} WHERE ${outsideSql} ORDER BY 1 LIMIT 1`,
      );
      ctx.issues.push(
        issue(
          'warning',
          'outside-china',
          { zh: `${n} 个点在中国范围以外`, en: `${n} points lie outside China` },
          { file: ctx.file, row: Number(row), value: `${lon}, ${lat}`, count: n },
        ),
      );
    }
  };
  return { aggregates, report };
}

/** EPA PMF 5 uncertainty file: same layout as the concentration file; stored long. */
async function importUncertainties(ctx: Context, request: ImportRequest, datasetId: string): Promise<void> {
  const path = request.uncertaintyFile as string;
  const source = await openSource(path, {
    kind: 'soil',
    format: request.format === 'pmf' ? 'auto' : request.format,
  });
  try {
    const mapping = buildMapping(source.headers, 'soil', {}, source.file);
    applyPmfConvention(mapping);
    const table = sqlIdentifier(`raw_${datasetId}_unc`);
    await createRawTable(
      ctx.connection,
      source,
      table,
      new Set(source.columnNames), // small files: all text, parsed by the checks below
      { varchar: [], gb18030: true },
    );
    const described = await scalarRows(ctx.connection, `DESCRIBE ${table}`);
    const typeOf = new Map(described.map((r) => [String(r[0]), String(r[1])]));
    const idName = source.columnNames[mapping.findIndex((m) => m.field === 'sample_id')];
    const firstRowid = (
      await scalarRows(ctx.connection, `SELECT coalesce(min(rowid), 0) FROM ${table}`)
    )[0][0];
    const rowSql = source.rowSql.startsWith('rowid')
      ? `(r.${source.rowSql} - ${firstRowid})::INTEGER`
      : `r.${source.rowSql}::INTEGER`;
    for (const [i, m] of mapping.entries()) {
      if (!m.field || !ELEMENTS.some((e) => e.symbol === m.field)) continue;
      const c: RawColumn = {
        sql: `r.${sqlIdentifier(source.columnNames[i])}`,
        varchar: typeOf.get(source.columnNames[i]) === 'VARCHAR',
      };
      const fc: FieldColumn = {
        ...c,
        field: m.field,
        source: m.source,
        factor: m.factor,
        type: typeOf.get(source.columnNames[i]) ?? 'VARCHAR',
      };
      const before = ctx.issues.length;
      const uncertaintyCtx: Context = {
        ...ctx,
        rawTable: table,
        file: source.file,
        rowSql,
        checks: [],
        canonTable: undefined,
        splitScan: undefined,
      };
      await firstOffender(
        uncertaintyCtx,
        `${isNotNumber(c)} OR ${numberOf(c)} < 0 AND ${numberOf(c)} NOT IN ${PMF_MISSING_CODES}`,
        fc,
        'bad-uncertainty',
        {
          zh: '不确定度应为非负数值',
          en: 'an uncertainty must be a non-negative number',
        },
      );
      await flushChecks(uncertaintyCtx);
      if (ctx.issues.length > before) throw new ImportError(ctx.issues);
      await ctx.connection.run(
        `INSERT INTO uncertainties SELECT ${sqlString(datasetId)}, ${rowSql}, trim(r.${sqlIdentifier(idName)}::VARCHAR), ${sqlString(m.field)},
                CASE WHEN ${numberOf(c)} >= 0 THEN ${scaled(numberOf(c), m.factor)} END FROM ${table} r`,
      );
    }
  } finally {
    source.dispose();
  }
}
