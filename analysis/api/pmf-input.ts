import { basename } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { ELEMENTS } from '../domain/elements.ts';
import { SoilTraceError } from '../errors.ts';
import type { PmfMatrices, PreparedInput } from '../methods/pmf/prepare-input.ts';
import { readPmfFiles } from '../methods/pmf/read-pmf-files.ts';
import { concentrationsWithUncertainty } from '../methods/pmf/uncertainty.ts';
import { median } from '../stats/median.ts';
import type { PmfSource, PmfSpeciesRow } from './contracts/pmf.ts';
import type { ProjectSession } from './session.ts';

// PMF inputs from a project soil dataset or EPA PMF 5 files. For a dataset, uncertainties follow
// the EPA PMF 5.0 user guide §5.1 (eq. 5-1/5-2): censored → MDL/2 with 5/6·MDL, missing → species
// median with 4 × median, measured → √((EF·x)² + (MDL/2)²), or 5/6·MDL at or below the MDL.

export interface PmfInputData {
  matrices: PmfMatrices;
  /** Per input species: MDL used (dataset sources), censored share, min/median/max measured. */
  details: (Omit<PmfSpeciesRow, 'species' | 'signalToNoise' | 'suggested' | 'missingPercent'> & {
    /** Set when the source filled missing values itself (datasets), so the prepared summary cannot see them. */
    missingPercent?: number;
  })[];
  coordinates: [number | null, number | null][] | null;
  available: string[];
}

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;
const num = (v: unknown): number => (v === null || v === undefined ? Number.NaN : Number(v));

/** Element symbols of the dataset's concentration columns (`cd_mg_kg` → Cd), in ELEMENTS order. */
export function datasetElements(columns: { name: string }[]): string[] {
  const names = new Set(columns.map((c) => c.name));
  return ELEMENTS.filter((e) => names.has(`${e.symbol.toLowerCase()}_mg_kg`)).map((e) => e.symbol);
}

async function fromDataset(
  session: ProjectSession,
  source: Extract<PmfSource, { type: 'dataset' }>,
): Promise<PmfInputData> {
  const dataset = (await session.listDatasets()).find((d) => d.id === source.datasetId);
  if (!dataset) {
    throw new SoilTraceError({
      zh: `项目中没有数据集 “${source.datasetId}”`,
      en: `no dataset "${source.datasetId}" in the project`,
    });
  }
  const available = datasetElements(dataset.columns);
  const species = source.species ?? available;
  for (const s of species) {
    if (!available.includes(s)) {
      throw new SoilTraceError(
        {
          zh: `数据集 ${dataset.id} 没有元素 ${s}（可用：${available.join('，')}）`,
          en: `dataset ${dataset.id} has no element ${s} (available: ${available.join(', ')})`,
        },
        { file: dataset.sourceFile, column: s },
      );
    }
  }
  const cols = species.flatMap((s) => {
    const c = s.toLowerCase();
    return [`CAST(${c}_mg_kg AS DOUBLE)`, `${c}_below_dl`, `CAST(${c}_dl_mg_kg AS DOUBLE)`];
  });
  const hasCoordinates = dataset.columns.some((c) => c.name === 'lon');
  const sql = `SELECT CAST(sample_id AS VARCHAR), ${hasCoordinates ? 'CAST(lon AS DOUBLE), CAST(lat AS DOUBLE)' : 'NULL, NULL'}, ${cols.join(', ')} FROM soil_samples WHERE dataset_id = ${quote(dataset.id)} ORDER BY source_row`;
  const table = tableFromIPC(await session.query(sql));
  // Iterate rather than toArray(): toArray() drops the null mask (nulls read as 0) and packs booleans.
  const column = (i: number): unknown[] => {
    const vector = table.getChildAt(i);
    return vector ? [...vector] : [];
  };
  const allIds = column(0).map((v, i) => (v === null ? `#${i + 1}` : String(v)));
  const wanted = source.samples ? new Set(source.samples) : null;
  const rows = allIds.flatMap((id, i) => (wanted && !wanted.has(id) ? [] : [i]));
  if (rows.length < 3) {
    throw new SoilTraceError({
      zh: `选中的样品太少（${rows.length}），PMF 至少需要 3 个`,
      en: `too few samples chosen (${rows.length}); PMF needs at least 3`,
    });
  }
  const lon = column(1);
  const lat = column(2);
  const n = rows.length;
  const m = species.length;
  const conc = new Float64Array(n * m);
  const censored = new Uint8Array(n * m);
  const mdl = new Float64Array(m);
  const errorFraction = new Float64Array(m);
  const details: PmfInputData['details'] = [];
  species.forEach((s, j) => {
    const values = column(3 + 3 * j);
    const below = column(4 + 3 * j);
    const limits = column(5 + 3 * j);
    const measured: number[] = [];
    const dls: number[] = [];
    let censoredCount = 0;
    let missingCount = 0;
    rows.forEach((r, i) => {
      const at = i * m + j;
      conc[at] = num(values[r]);
      if (below[r] === true) {
        censored[at] = 1;
        censoredCount++;
      } else if (!Number.isNaN(conc[at])) measured.push(conc[at]);
      else missingCount++;
      if (limits[r] !== null && num(limits[r]) > 0) dls.push(num(limits[r]));
    });
    // The dataset's detection limit (median of those the lab reported) unless the user set one;
    // with neither, the smallest measured value: a lab reports nothing below its MDL, so this is
    // an upper bound, flagged in the table for the user to edit.
    const given = source.mdl[s];
    const fromData = dls.length > 0 ? median(dls) : Number.NaN;
    const fallback = measured.length ? Math.min(...measured) : Number.NaN;
    mdl[j] = given ?? (Number.isNaN(fromData) ? fallback : fromData);
    errorFraction[j] = source.errorFractions[s] ?? source.errorFraction;
    if (censoredCount > 0 && !(mdl[j] > 0)) {
      throw new SoilTraceError(
        {
          zh: `${s} 有未检出值但没有检出限；请为 ${s} 填写 MDL`,
          en: `${s} has values below the detection limit but no MDL; enter an MDL for ${s}`,
        },
        { file: dataset.sourceFile, column: s },
      );
    }
    measured.sort((a, b) => a - b);
    details.push({
      censoredPercent: (100 * censoredCount) / n,
      missingPercent: (100 * missingCount) / n,
      mdl: Number.isFinite(mdl[j]) ? mdl[j] : null,
      mdlFromData: given === undefined && !Number.isNaN(fromData),
      min: measured.length ? measured[0] : null,
      median: measured.length ? median(measured) : null,
      max: measured.length ? measured[measured.length - 1] : null,
    });
  });
  const { x, u } = concentrationsWithUncertainty({
    conc,
    samples: n,
    species: m,
    mdl,
    errorFraction,
    censored,
  });
  return {
    matrices: {
      sampleIds: rows.map((r) => allIds[r]),
      species,
      conc: x,
      unc: u,
      concFile: dataset.sourceFile,
    },
    details,
    coordinates: hasCoordinates
      ? rows.map((r) => [lon[r] === null ? null : num(lon[r]), lat[r] === null ? null : num(lat[r])])
      : null,
    available,
  };
}

function fromFiles(source: Extract<PmfSource, { type: 'files' }>): PmfInputData {
  const { conc, unc } = readPmfFiles(source.concPath, source.uncPath);
  const m = conc.species.length;
  const n = conc.sampleIds.length;
  return {
    matrices: {
      sampleIds: conc.sampleIds,
      species: conc.species,
      conc: conc.values,
      unc: unc.values,
      concFile: conc.file,
      uncFile: basename(source.uncPath),
    },
    details: conc.species.map((_, j) => {
      const measured: number[] = [];
      for (let i = 0; i < n; i++)
        if (!Number.isNaN(conc.values[i * m + j])) measured.push(conc.values[i * m + j]);
      measured.sort((a, b) => a - b);
      return {
        censoredPercent: 0,
        mdl: null,
        mdlFromData: false,
        min: measured.length ? measured[0] : null,
        median: measured.length ? median(measured) : null,
        max: measured.length ? measured[measured.length - 1] : null,
      };
    }),
    coordinates: null,
    available: conc.species,
  };
}

export function readPmfSource(session: () => ProjectSession, source: PmfSource): Promise<PmfInputData> {
  return source.type === 'dataset' ? fromDataset(session(), source) : Promise.resolve(fromFiles(source));
}

/** EPA PMF 5.0 user guide §5.2 rule of thumb: S/N < 0.5 bad, 0.5 ≤ S/N < 1 weak, else strong. */
export function suggestedCategory(signalToNoise: number): PmfSpeciesRow['suggested'] {
  if (signalToNoise < 0.5) return 'bad';
  if (signalToNoise < 1) return 'weak';
  return 'strong';
}

export function speciesRows(data: PmfInputData, prepared: PreparedInput): PmfSpeciesRow[] {
  return prepared.summary.map((s, j) => ({
    species: s.species,
    signalToNoise: s.signalToNoise,
    suggested: suggestedCategory(s.signalToNoise),
    ...data.details[j],
    missingPercent: data.details[j].missingPercent ?? s.missingPercent,
  }));
}
