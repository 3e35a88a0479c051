// Numbers for the user's locale (zh-CN groups digits as en does, but units and words differ).
// Concentrations keep three significant digits, as survey tables report them.

const cache = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

/** A measured value: 3 significant digits below 100, whole numbers with one decimal above. */
export function formatValue(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const abs = Math.abs(value);
  if (abs >= 1000) return formatter(locale, { maximumFractionDigits: 0 }).format(value);
  if (abs >= 100) return formatter(locale, { maximumFractionDigits: 1 }).format(value);
  if (abs === 0) return '0';
  return formatter(locale, { minimumSignificantDigits: 3, maximumSignificantDigits: 3 }).format(value);
}

export function formatInteger(value: number, locale: string): string {
  return formatter(locale, { maximumFractionDigits: 0 }).format(value);
}

/** A fraction as a percentage, e.g. 0.1234 → "12.3%". */
export function formatPercent(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return formatter(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

export function formatDateTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
