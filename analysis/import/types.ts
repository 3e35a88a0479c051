import type { DatasetKind } from '../store/catalog.ts';

export type { DatasetKind };

/** Input formats; `auto` decides by extension and content. */
export type SourceFormat = 'auto' | 'csv' | 'xlsx' | 'parquet' | 'pmf';

/**
 * Coordinate systems of the source. `auto` reads lon/lat columns as WGS84/CGCS2000 and X/Y
 * columns as CGCS2000 Gauss-Krüger with the zone number prefixed to the easting.
 * `gcj02` is the offset system of Chinese web maps (高德/腾讯), converted to WGS84.
 * `gk3:<zone>` / `gk6:<zone>` give the zone of a Gauss-Krüger easting that has no prefix.
 */
export type CrsSpec = 'auto' | 'wgs84' | 'cgcs2000' | 'gcj02' | `gk3:${number}` | `gk6:${number}` | 'gk';

/**
 * What a source column means. Strings:
 *   common: sample_id, lon, lat, x, y, date, ignore
 *   soil:   depth_top, depth_bottom, depth (e.g. "0-20"), land_use, ph, om, <element symbol> (Cd, Hg…)
 *   crop:   crop, part, soil_sample_id, <element symbol>
 *   emission: enterprise_id, name, industry, status, start_year, end_year, stack_height, risk_grade,
 *             air:<symbol>, water:<symbol>
 *   flux:   pathway, direction, zone, metal, flux
 * A unit may follow after "@": "Hg@ug/kg", "air:Cd@t/a", "om@%".
 */
export type FieldSpec = string;

/** User overrides: source header → field spec ("ignore" keeps the column only in the raw table). */
export type ColumnMappingOverride = Record<string, FieldSpec>;

export interface ImportRequest {
  file: string;
  kind: DatasetKind;
  format?: SourceFormat;
  /** XLSX sheet name (default: the first sheet with data). */
  sheet?: string;
  mapping?: ColumnMappingOverride;
  crs?: CrsSpec;
  /** EPA PMF 5 uncertainty file that goes with a concentration file (format 'pmf'). */
  uncertaintyFile?: string;
  signal?: AbortSignal;
}

export interface MappedColumn {
  /** Header as in the file (two-row XLSX headers joined with a space). */
  source: string;
  /** Canonical field, or null when the column is kept only in the raw table. */
  field: string | null;
  /** Unit found in the header (or given), e.g. "μg/kg". */
  unit: string | null;
  /** Multiply by this to reach the canonical unit (mg/kg, kg/a, g/ha/a, cm, g/kg). */
  factor: number;
  /** How the mapping was decided. */
  origin: 'header' | 'user' | 'none';
}

export type IssueSeverity = 'error' | 'warning';

export interface ImportIssue {
  severity: IssueSeverity;
  code: string;
  text: { zh: string; en: string };
  file: string;
  /** Row as the user sees it (header = row 1), when the issue is about one row. */
  row?: number;
  column?: string;
  value?: string;
  /** How many rows share this issue (summaries of outliers etc.). */
  count?: number;
}

export interface ImportPreview {
  file: string;
  kind: DatasetKind;
  format: Exclude<SourceFormat, 'auto'>;
  encoding: string | null;
  sheet: string | null;
  sheets: string[];
  headers: string[];
  mapping: MappedColumn[];
  crs: string | null;
  rowCount: number;
  /** First rows after conversion, as canonical field → value. */
  rows: Record<string, string | number | boolean | null>[];
  issues: ImportIssue[];
}

export interface ImportResult {
  datasetId: string;
  kind: DatasetKind;
  rows: number;
  columns: MappedColumn[];
  warnings: ImportIssue[];
}
