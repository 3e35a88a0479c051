import { elementOfColumn, REGULATED_METALS } from '../../domain/elements.ts';
import { ApiError } from '../errors.ts';
import { summarizeMetal } from '../summaries/metal-summary.ts';
import type { RouteModule } from './types.ts';

export const dataRoutes: RouteModule = {
  'data.table': async ({ datasetId, columns, limit }, ctx) => ctx.session().table(datasetId, columns, limit),

  'data.summary': async ({ datasetId, elements }, ctx) => {
    const session = ctx.session();
    const dataset = (await session.listDatasets()).find((d) => d.id === datasetId);
    if (!dataset) {
      throw new ApiError('not_found', {
        zh: `项目中没有数据集 “${datasetId}”`,
        en: `no dataset "${datasetId}"`,
      });
    }
    if (dataset.kind !== 'soil' && dataset.kind !== 'crop') {
      throw new ApiError('bad_params', {
        zh: `数据集 ${datasetId} 不是样品数据，没有含量统计`,
        en: `dataset ${datasetId} holds no sample concentrations`,
      });
    }
    const present = dataset.columns
      .map((c) => elementOfColumn(c.name))
      .filter((s): s is string => s !== null);
    // Regulated metals first, in GB 15618 order, then the other elements as in the file.
    const ordered = [
      ...REGULATED_METALS.filter((m) => present.includes(m)),
      ...present.filter((s) => !(REGULATED_METALS as readonly string[]).includes(s)),
    ].filter((s) => !elements || elements.includes(s));
    const soil = dataset.kind === 'soil';
    const siteColumns = soil ? ['ph', 'land_use'] : [];
    const data = await session.columns(datasetId, [
      ...ordered.map((s) => `${s.toLowerCase()}_mg_kg`),
      ...siteColumns,
    ]);
    const sites =
      soil && data.ph && data.land_use
        ? {
            pH: Float64Array.from(data.ph, (v) => (v === null ? Number.NaN : Number(v))),
            landUse: data.land_use.map((v) => (v === null ? '' : String(v))),
          }
        : null;
    const metals = ordered.map((symbol) => {
      const raw = data[`${symbol.toLowerCase()}_mg_kg`] ?? [];
      return summarizeMetal(
        symbol,
        Float64Array.from(raw, (v) => (v === null ? Number.NaN : Number(v))),
        sites,
      );
    });
    return { datasetId, rows: dataset.rows, metals };
  },

  'map.points': async ({ datasetId, columns }, ctx) => ctx.session().points(datasetId, columns),
};
