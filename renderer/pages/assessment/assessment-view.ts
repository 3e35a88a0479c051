// Pure helpers behind the assessment page's charts: class colours, threshold groups for the box
// plots, class counts for stacked bars. Numbers come from the API; nothing here re-assesses.

/**
 * Class colours as safe-utilization maps print them: green (priority protection / below
 * screening), amber (safe utilization / above screening), red (strict control / above
 * intervention); grey for samples the standard could not place.
 */
export const CLASS_COLORS: Record<string, string> = {
  priority_protection: '#2e8b57',
  safe_utilization: '#e6a117',
  strict_control: '#c0392b',
  below_screening: '#2e8b57',
  above_screening: '#e6a117',
  above_intervention: '#c0392b',
};
export const UNCLASSED_COLOR = '#9aa0a6';

/** Müller (1969) Igeo classes 0–6, light to dark. */
export const IGEO_COLORS = ['#2e8b57', '#a6d96a', '#fee08b', '#fdae61', '#f46d43', '#d73027', '#7f0000'];

/** Four RI / four-level colours, low to very high. */
export const RISK_COLORS = ['#2e8b57', '#e6a117', '#e0622a', '#a50026'];

export interface ThresholdGroup {
  screening: number | null;
  intervention: number | null;
  /** Row indices of the samples sharing these thresholds. */
  rows: number[];
}

/**
 * Samples grouped by the pair of thresholds that apply to them (they vary with pH band and land
 * use), sorted by screening value; samples without a value or a screening value are left out.
 */
export function thresholdGroups(
  values: ArrayLike<number>,
  screening: ArrayLike<number>,
  intervention: ArrayLike<number>,
): ThresholdGroup[] {
  const groups = new Map<string, ThresholdGroup>();
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i]) || Number.isNaN(screening[i])) continue;
    const s = screening[i];
    const g = Number.isNaN(intervention[i]) ? null : intervention[i];
    const key = `${s}|${g}`;
    let group = groups.get(key);
    if (!group) {
      group = { screening: s, intervention: g, rows: [] };
      groups.set(key, group);
    }
    group.rows.push(i);
  }
  return [...groups.values()].sort(
    (a, b) => (a.screening ?? 0) - (b.screening ?? 0) || (a.intervention ?? 0) - (b.intervention ?? 0),
  );
}

/** Counts of each level 0…levels−1 among integer codes; NaN is not counted. */
export function levelCounts(codes: ArrayLike<number>, levels: number): number[] {
  const counts = new Array<number>(levels).fill(0);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (Number.isInteger(c) && c >= 0 && c < levels) counts[c]++;
  }
  return counts;
}

/** Counts of each category code (e.g. class or RI class); empty strings count as unclassed (""). */
export function codeCounts(codes: readonly string[], order: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const c of order) counts[c] = 0;
  counts[''] = 0;
  for (const c of codes) counts[c in counts ? c : ''] += 1;
  return counts;
}

/** Indices of rows whose code equals `code`. */
export function rowsWith(codes: readonly string[], code: string): number[] {
  const rows: number[] = [];
  codes.forEach((c, i) => {
    if (c === code) rows.push(i);
  });
  return rows;
}

/** Values at the given rows (plotly takes arrays). */
export function pickRows<T>(values: ArrayLike<T>, rows: readonly number[]): T[] {
  return rows.map((r) => values[r]);
}

/** "0.3–0.8" for a range of screening values, "0.3" for one; "—" for none. */
export function rangeText(range: { min: number; max: number } | null, format: (x: number) => string): string {
  if (range === null) return '—';
  return range.min === range.max ? format(range.min) : `${format(range.min)}–${format(range.max)}`;
}
