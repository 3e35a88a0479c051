import { ELEMENTS } from '../domain/elements.ts';

// The project schema. `schema_version` holds one row per applied migration; `migrate` applies
// every step above the stored version, in one transaction, so a newer SoilTrace upgrades an older
// project in place and an older one refuses a newer project instead of misreading it.
//
// Each import writes one table, `raw_<id>`, with every source column (text, or DuckDB's own
// number type where every cell of a mapped number column parsed), so nothing the user had is
// dropped; `canon_<id>` presents the typed, converted columns the file has — a view over raw_<id>
// (the file is read and written once), or a table when coordinates were converted in JS (GCJ-02,
// Gauss-Krüger). The views soil_samples,
// crop_samples, enterprises and input_fluxes present every dataset of a kind with the full column
// set (the empty `shape_<view>` tables fix names and types; absent columns read as NULL) and are
// rebuilt in the import's transaction. Datasets are told apart by `dataset_id`; `source_row` is
// the row as the user sees it in the source file (header = row 1). Per-dataset tables, not one
// wide table: inserting into a 100-column table costs ~6× a CREATE TABLE AS of the present columns.
//
// Censored values: each element has three columns, e.g. `cd_mg_kg` (the measured value, mg/kg),
// `cd_below_dl` (true when the lab reported "<DL", "ND", "未检出", "0.01L" or a negative code) and
// `cd_dl_mg_kg` (that detection limit, NULL when the lab gave none). A censored value leaves
// `cd_mg_kg` NULL — never zero; a missing cell leaves all three NULL.

export const SCHEMA_VERSION = 2;

/** Elements added after schema 1, each by a later migration (schema 1 must stay as it was). */
const ADDED_AFTER_V1: readonly string[] = ['CrVI'];
const ELEMENTS_V1 = ELEMENTS.filter((e) => !ADDED_AFTER_V1.includes(e.symbol));

/** Column-name stem of an element in canonical tables: `Cd` → `cd`. */
export function elementColumn(symbol: string): string {
  return symbol.toLowerCase();
}

function elementConcentrationColumns(): string {
  return ELEMENTS_V1.map((e) => {
    const c = elementColumn(e.symbol);
    return `${c}_mg_kg DOUBLE, ${c}_below_dl BOOLEAN, ${c}_dl_mg_kg DOUBLE`;
  }).join(',\n  ');
}

function elementEmissionColumns(): string {
  return ELEMENTS_V1.map((e) => {
    const c = elementColumn(e.symbol);
    return `${c}_air_kg_a DOUBLE, ${c}_water_kg_a DOUBLE`;
  }).join(',\n  ');
}

const LOCATION = `lon DOUBLE, lat DOUBLE, x_original DOUBLE, y_original DOUBLE, crs_original VARCHAR`;

/** Migration steps; index i brings a project from version i to version i + 1. */
export const MIGRATIONS: readonly string[][] = [
  [
    `CREATE TABLE datasets (
  id VARCHAR PRIMARY KEY,
  kind VARCHAR NOT NULL,
  source_file VARCHAR NOT NULL,
  source_sha256 VARCHAR NOT NULL,
  source_format VARCHAR NOT NULL,
  encoding VARCHAR,
  sheet VARCHAR,
  imported_at TIMESTAMP NOT NULL,
  row_count BIGINT NOT NULL,
  column_mapping JSON NOT NULL,
  units JSON NOT NULL,
  crs VARCHAR,
  warnings JSON NOT NULL,
  raw_table VARCHAR NOT NULL,
  canonical_table VARCHAR NOT NULL,
  software_version VARCHAR NOT NULL
)`,
    `CREATE TABLE shape_soil_samples (
  dataset_id VARCHAR NOT NULL, source_row INTEGER NOT NULL, sample_id VARCHAR,
  ${LOCATION},
  depth_top_cm DOUBLE, depth_bottom_cm DOUBLE, land_use VARCHAR, land_use_original VARCHAR,
  ph DOUBLE, organic_matter_g_kg DOUBLE, sampled_on DATE,
  ${elementConcentrationColumns()}
)`,
    `CREATE TABLE shape_crop_samples (
  dataset_id VARCHAR NOT NULL, source_row INTEGER NOT NULL, sample_id VARCHAR,
  ${LOCATION},
  crop VARCHAR, crop_original VARCHAR, part VARCHAR, part_original VARCHAR, soil_sample_id VARCHAR,
  sampled_on DATE,
  ${elementConcentrationColumns()}
)`,
    `CREATE TABLE shape_enterprises (
  dataset_id VARCHAR NOT NULL, source_row INTEGER NOT NULL, enterprise_id VARCHAR, name VARCHAR,
  industry VARCHAR, industry_original VARCHAR,
  ${LOCATION},
  status VARCHAR, status_original VARCHAR, start_year INTEGER, end_year INTEGER,
  stack_height_m DOUBLE, risk_grade VARCHAR,
  ${elementEmissionColumns()}
)`,
    `CREATE TABLE shape_input_fluxes (
  dataset_id VARCHAR NOT NULL, source_row INTEGER NOT NULL,
  pathway VARCHAR, pathway_original VARCHAR, direction VARCHAR, zone VARCHAR,
  ${LOCATION},
  element VARCHAR, flux_g_ha_a DOUBLE
)`,
    ...['soil_samples', 'crop_samples', 'enterprises', 'input_fluxes'].map(
      (view) => `CREATE VIEW ${view} AS SELECT * FROM shape_${view}`,
    ),
    `CREATE TABLE uncertainties (
  dataset_id VARCHAR NOT NULL, source_row INTEGER NOT NULL, sample_id VARCHAR,
  element VARCHAR NOT NULL, uncertainty_mg_kg DOUBLE
)`,
  ],
  // 2: Cr(VI), which GB 36600-2018 regulates instead of total Cr. The kind views select * and
  // rebind on use, so they pick the new columns up without being rebuilt.
  [
    ...['shape_soil_samples', 'shape_crop_samples'].flatMap((table) => [
      `ALTER TABLE ${table} ADD COLUMN crvi_mg_kg DOUBLE`,
      `ALTER TABLE ${table} ADD COLUMN crvi_below_dl BOOLEAN`,
      `ALTER TABLE ${table} ADD COLUMN crvi_dl_mg_kg DOUBLE`,
    ]),
    'ALTER TABLE shape_enterprises ADD COLUMN crvi_air_kg_a DOUBLE',
    'ALTER TABLE shape_enterprises ADD COLUMN crvi_water_kg_a DOUBLE',
  ],
];

/** Canonical table of each dataset kind. */
export const KIND_TABLES = {
  soil: 'soil_samples',
  crop: 'crop_samples',
  emission: 'enterprises',
  flux: 'input_fluxes',
} as const;

/** SQL that rebuilds a kind's view over its datasets' canonical tables. */
export function kindViewSql(kind: keyof typeof KIND_TABLES, canonicalTables: string[]): string {
  const view = KIND_TABLES[kind];
  const parts = [`SELECT * FROM shape_${view}`, ...canonicalTables.map((t) => `SELECT * FROM "${t}"`)];
  return `CREATE OR REPLACE VIEW ${view} AS ${parts.join(' UNION ALL BY NAME ')}`;
}
