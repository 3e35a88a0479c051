// SQL expressions that read one raw cell. Raw columns are VARCHAR when they hold any text, or a
// DuckDB number type when every cell parsed as a number; each expression handles both.
//
// Missing: empty, "-", "/", "NA", "未测", "未检测" … → NULL everywhere.
// Censored (below detection): "<0.01", "＜0.01", "≤0.01", "0.01L" (the Chinese monitoring
// convention: detection limit followed by L), "ND", "N.D.", "未检出", "BDL", "ND(0.01)",
// "未检出(<0.01)"; a negative number −d is read as "below detection limit d" when d does not exceed
// the smallest measured value of the column (labs code DL that way); -999 / -9999 are EPA PMF's
// missing-value codes.

const NUMBER = String.raw`[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?`;

export const MISSING_PATTERN = String.raw`(?i)(-+|—+|/|\\|na|n/a|nan|null|none|未测|未测定|未检测|未分析|无|空)?`;

export const CENSORED_PATTERN = String.raw`(?i)(?:(?:<|＜|≤|小于|低于)\s*=?\s*(${NUMBER})|(${NUMBER})\s*l|(?:nd|n\.d\.?|未检出|bdl|b\.d\.l\.?|<\s*dl|<\s*lod|<\s*loq|低于检出限|检出限以下|小于检出限)\s*(?:[(（]\s*(?:<|＜|dl\s*[=:：]?|检出限\s*[=:：]?)?\s*(${NUMBER})\s*[)）])?)`;

export const PMF_MISSING_CODES = '(-999, -9999)';

export interface RawColumn {
  /** Quoted SQL identifier. */
  sql: string;
  varchar: boolean;
}

function lit(pattern: string): string {
  return `'${pattern.replace(/'/g, "''")}'`;
}

export function trimmed(c: RawColumn): string {
  return c.varchar ? `trim(${c.sql})` : `${c.sql}::VARCHAR`;
}

export function isMissing(c: RawColumn): string {
  return c.varchar
    ? `(${c.sql} IS NULL OR regexp_full_match(trim(${c.sql}), ${lit(MISSING_PATTERN)}))`
    : `(${c.sql} IS NULL)`;
}

/**
 * The cell as a number, or NULL (DuckDB's cast skips surrounding spaces). "inf" and "nan" cast
 * too; validation refuses them (isNotNumber) before anything is inserted.
 */
export function numberOf(c: RawColumn): string {
  if (!c.varchar) return `${c.sql}::DOUBLE`;
  return `TRY_CAST(${c.sql} AS DOUBLE)`;
}

/** Text that is neither missing nor a finite number. */
export function isNotNumber(c: RawColumn): string {
  if (!c.varchar) return `coalesce(NOT isfinite(${c.sql}::DOUBLE), false)`;
  // The cheap cast first: DuckDB evaluates the regex only on rows the cast left undecided.
  return `(coalesce(NOT isfinite(${numberOf(c)}), true) AND NOT ${isMissing(c)})`;
}

export function isCensoredText(c: RawColumn): string {
  if (!c.varchar) return 'false';
  return `coalesce(regexp_full_match(trim(${c.sql}), ${lit(CENSORED_PATTERN)}), false)`;
}

function censoredLimit(c: RawColumn): string {
  const t = `trim(${c.sql})`;
  const g = (i: number) => `nullif(regexp_extract(${t}, ${lit(`^${CENSORED_PATTERN}$`)}, ${i}), '')`;
  return `TRY_CAST(coalesce(${g(1)}, ${g(2)}, ${g(3)}) AS DOUBLE)`;
}

/**
 * A number expression times a unit factor. Factors are powers of ten whose binary products leave
 * noise (2.51 × 10 = 25.099999999999998), so the product is rounded to 15 significant digits —
 * the precision a double carries anyway.
 */
export function scaled(expr: string, factor: number): string {
  if (factor === 1) return expr;
  const v = `(${expr} * ${factor})`;
  return `(CASE WHEN ${v} = 0 OR NOT isfinite(${v}) THEN ${v} ELSE round(${v}, CAST(14 - floor(log10(abs(${v}))) AS INTEGER)) END)`;
}

/** Concentration columns: measured value, below-DL flag and DL, all in the canonical unit. */
export function concentration(c: RawColumn, factor: number): { value: string; belowDl: string; dl: string } {
  const n = numberOf(c);
  const sentinel = `${n} IN ${PMF_MISSING_CODES}`;
  return {
    value: `(CASE WHEN ${n} >= 0 THEN ${scaled(n, factor)} END)`,
    belowDl: `(CASE WHEN ${n} IS NOT NULL THEN (CASE WHEN ${sentinel} THEN NULL ELSE ${n} < 0 END) WHEN ${isCensoredText(c)} THEN true END)`,
    dl: c.varchar
      ? `(CASE WHEN ${n} < 0 AND NOT ${sentinel} THEN ${scaled(`-${n}`, factor)} WHEN ${n} IS NULL AND ${isCensoredText(c)} THEN ${scaled(censoredLimit(c), factor)} END)`
      : `(CASE WHEN ${n} < 0 AND NOT ${sentinel} THEN ${scaled(`-${n}`, factor)} END)`,
  };
}

/** Text that is not missing, not a number and not a censored value (an error in a metal column). */
export function isBadConcentration(c: RawColumn): string {
  if (!c.varchar) return 'false';
  return `(${isNotNumber(c)} AND NOT ${isCensoredText(c)})`;
}

export function textOf(c: RawColumn): string {
  return `nullif(${trimmed(c)}, '')`;
}

/** "0-20", "0~20", "0—20cm", "0至20" → [top, bottom]; a single number is the bottom. */
export function depthRange(c: RawColumn): { top: string; bottom: string; bad: string } {
  if (!c.varchar) return { top: 'NULL::DOUBLE', bottom: `${c.sql}::DOUBLE`, bad: 'false' };
  const re = lit(String.raw`^\s*(${NUMBER})\s*(?:-|~|～|—|–|至|到)\s*(${NUMBER})\s*(?:cm)?\s*$`);
  const t = `trim(${c.sql})`;
  const top = `TRY_CAST(nullif(regexp_extract(${t}, ${re}, 1), '') AS DOUBLE)`;
  const bottom = `coalesce(TRY_CAST(nullif(regexp_extract(${t}, ${re}, 2), '') AS DOUBLE), ${numberOf(c)})`;
  return { top, bottom, bad: `(NOT ${isMissing(c)} AND ${bottom} IS NULL)` };
}

/** A year from "2008", "2008.0", "2008-05", "2008年". */
export function yearOf(c: RawColumn): string {
  if (!c.varchar) return `TRY_CAST(${c.sql} AS INTEGER)`;
  return `TRY_CAST(nullif(regexp_extract(trim(${c.sql}), '((?:1[89]|20)[0-9]{2})', 1), '') AS INTEGER)`;
}

/** A date from ISO text, "2024/5/6", "2024.5.6", "2024年5月6日", "20240506" or a DATE column. */
export function dateOf(c: RawColumn, type: string): string {
  if (type === 'DATE') return c.sql;
  if (type.startsWith('TIMESTAMP')) return `${c.sql}::DATE`;
  const t = `trim(${c.sql}::VARCHAR)`;
  const formats = [
    '%Y/%m/%d',
    '%Y.%m.%d',
    '%Y年%m月%d日',
    '%Y%m%d',
    '%Y-%m-%d %H:%M:%S',
    '%Y/%m/%d %H:%M:%S',
    '%Y-%m',
  ];
  return `coalesce(TRY_CAST(${t} AS DATE), ${formats.map((f) => `try_strptime(${t}, '${f}')::DATE`).join(', ')})`;
}
