import type { Table } from 'apache-arrow';
import type { PlotDatum } from 'plotly.js-strict-dist-min';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INDUSTRY_LABELS, type Industry } from '../../../analysis/domain/industries.ts';
import { LAND_USE_LABELS, type LandUse } from '../../../analysis/domain/land-use.ts';
import { useApi } from '../../app/api-context.tsx';
import { ErrorBox } from '../../app/ErrorBox.tsx';
import { useProject } from '../../app/project-context.tsx';
import { navigate, useHashRoute } from '../../app/use-hash-route.ts';
import { Chart } from '../../components/charts/Chart.tsx';
import { hasWebGL } from '../../components/charts/plotly-loader.ts';
import { CHART_COLORS } from '../../components/charts/publication-style.ts';
import { DatasetPicker } from '../../components/DatasetPicker.tsx';
import { pick } from '../../i18n/index.ts';
import { decodeTable, numberColumn, textColumn } from '../../lib/arrow.ts';
import { elementColumnName, elementOfColumn } from '../../lib/columns.ts';
import { centralLatitude, latitudeScaleRatio, robustRange } from './map-geometry.ts';

const LAND_USE = 'land_use';
// Blue (low) → yellow → dark red (high): ColorBrewer RdYlBu reversed, readable on white with an outline.
const CONCENTRATION_SCALE = [
  [0, '#313695'],
  [0.2, '#74add1'],
  [0.4, '#e0f3f8'],
  [0.6, '#fee090'],
  [0.8, '#f46d43'],
  [1, '#a50026'],
];
const ENTERPRISE_SYMBOLS = [
  'square',
  'diamond',
  'triangle-up',
  'cross',
  'x',
  'triangle-down',
  'star',
  'pentagon',
  'hexagon',
  'circle-open',
  'square-open',
];

function groupBy(keys: string[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  keys.forEach((k, i) => {
    let rows = groups.get(k);
    if (!rows) {
      rows = [];
      groups.set(k, rows);
    }
    rows.push(i);
  });
  return groups;
}

function pickRows<T>(values: ArrayLike<T>, rows: number[]): T[] {
  return rows.map((r) => values[r]);
}

export default function MapPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const api = useApi();
  const { datasets } = useProject();
  const route = useHashRoute();
  const sampleSets = datasets.filter((d) => d.kind === 'soil' || d.kind === 'crop');
  const enterpriseSets = datasets.filter((d) => d.kind === 'emission');
  const datasetId = route.query.get('dataset') ?? sampleSets[0]?.id ?? null;
  const dataset = sampleSets.find((d) => d.id === datasetId) ?? null;
  const enterpriseId = route.query.get('enterprises') ?? enterpriseSets[0]?.id ?? '';
  const elements = useMemo(
    () => (dataset?.columns ?? []).map((c) => elementOfColumn(c.name)).filter((e): e is string => e !== null),
    [dataset],
  );
  const colorBy = route.query.get('color') ?? (elements.includes('Cd') ? elementColumnName('Cd') : LAND_USE);
  const [samples, setSamples] = useState<Table | null>(null);
  const [enterprises, setEnterprises] = useState<Table | null>(null);
  const [error, setError] = useState<unknown>(null);

  const go = (next: Record<string, string>) =>
    navigate('map', { dataset: datasetId ?? '', enterprises: enterpriseId, color: colorBy, ...next });

  useEffect(() => {
    if (!datasetId) return;
    let cancelled = false;
    setError(null);
    performance.mark('map:request');
    const columns = colorBy === LAND_USE ? [LAND_USE] : [colorBy];
    api
      .call('map.points', { datasetId, columns })
      .then((bytes) => {
        performance.mark('map:response');
        if (!cancelled) setSamples(decodeTable(bytes));
      })
      .catch((e: unknown) => !cancelled && setError(e));
    return () => {
      cancelled = true;
    };
  }, [api, datasetId, colorBy]);

  useEffect(() => {
    if (!enterpriseId) {
      setEnterprises(null);
      return;
    }
    let cancelled = false;
    api
      .call('map.points', { datasetId: enterpriseId, columns: ['name', 'industry', 'status'] })
      .then((bytes) => !cancelled && setEnterprises(decodeTable(bytes)))
      .catch((e: unknown) => !cancelled && setError(e));
    return () => {
      cancelled = true;
    };
  }, [api, enterpriseId]);

  const plot = useMemo(() => {
    if (!samples) return null;
    const gl = hasWebGL();
    const pointType = gl ? 'scattergl' : 'scatter';
    const lon = numberColumn(samples, 'lon') ?? new Float64Array();
    const lat = numberColumn(samples, 'lat') ?? new Float64Array();
    const ids = textColumn(samples, 'id') ?? [];
    const traces: PlotDatum[] = [];
    const element = elementOfColumn(colorBy);
    const exportData: { name: string; values: ArrayLike<number | string | null> }[] = [
      { name: t('map.sampleId'), values: ids },
      { name: t('map.lon'), values: lon },
      { name: t('map.lat'), values: lat },
    ];
    if (element) {
      const values = numberColumn(samples, colorBy) ?? new Float64Array();
      const range = robustRange(values);
      exportData.push({ name: `${element} (mg/kg)`, values });
      const measured: number[] = [];
      const missing: number[] = [];
      for (let r = 0; r < values.length; r++) (Number.isNaN(values[r]) ? missing : measured).push(r);
      // Every point measured: hand plotly the Arrow columns themselves, no copies.
      const all = missing.length === 0;
      traces.push({
        type: pointType,
        mode: 'markers',
        name: t('map.samples'),
        showlegend: false,
        x: all ? lon : pickRows(lon, measured),
        y: all ? lat : pickRows(lat, measured),
        text: all ? ids : pickRows(ids, measured),
        marker: {
          size: 6,
          color: all ? values : pickRows(values, measured),
          colorscale: CONCENTRATION_SCALE,
          cmin: range?.[0],
          cmax: range?.[1],
          line: { width: 0.4, color: 'rgba(0,0,0,0.45)' },
          colorbar: {
            title: { text: `${element} (mg/kg)`, side: 'right' },
            orientation: 'h',
            thickness: 12,
            len: 0.45,
            x: 0.5,
            xanchor: 'center',
            y: -0.2,
            yanchor: 'top',
          },
        },
        hovertemplate: `%{text}<br>${element}: %{marker.color:.3g} mg/kg<br>%{x:.5f}°E, %{y:.5f}°N<extra></extra>`,
      });
      if (missing.length > 0) {
        traces.push({
          type: pointType,
          mode: 'markers',
          name: t('map.missingValue'),
          x: pickRows(lon, missing),
          y: pickRows(lat, missing),
          text: pickRows(ids, missing),
          marker: { size: 6, color: 'rgba(0,0,0,0)', line: { width: 1, color: '#8a8f96' } },
          hovertemplate: `%{text}<br>${element}: ${t('map.missingValue')}<extra></extra>`,
        });
      }
    } else {
      const classes = textColumn(samples, LAND_USE) ?? [];
      exportData.push({ name: t('field.land_use'), values: classes });
      let i = 0;
      for (const [code, rows] of groupBy(classes)) {
        const label = code
          ? code in LAND_USE_LABELS
            ? pick(LAND_USE_LABELS[code as LandUse], lang)
            : code
          : t('map.unknownClass');
        traces.push({
          type: pointType,
          mode: 'markers',
          name: label,
          x: pickRows(lon, rows),
          y: pickRows(lat, rows),
          text: pickRows(ids, rows),
          legendgroup: 'classes',
          legendgrouptitle: { text: t('field.land_use') },
          marker: { size: 6, color: CHART_COLORS[i++ % CHART_COLORS.length] },
          hovertemplate: `%{text}<br>${label}<br>%{x:.5f}°E, %{y:.5f}°N<extra></extra>`,
        });
      }
    }
    if (enterprises) {
      const eLon = numberColumn(enterprises, 'lon') ?? new Float64Array();
      const eLat = numberColumn(enterprises, 'lat') ?? new Float64Array();
      const names = textColumn(enterprises, 'name') ?? [];
      const industries = textColumn(enterprises, 'industry') ?? [];
      const statuses = textColumn(enterprises, 'status') ?? [];
      let i = 0;
      for (const [code, rows] of groupBy(industries)) {
        const label = code in INDUSTRY_LABELS ? pick(INDUSTRY_LABELS[code as Industry], lang) : code || '—';
        traces.push({
          type: pointType,
          mode: 'markers',
          name: label,
          legendgroup: 'enterprises',
          legendgrouptitle: { text: t('map.enterprisesByIndustry') },
          x: pickRows(eLon, rows),
          y: pickRows(eLat, rows),
          text: rows.map(
            (r) => `${names[r]}<br>${label} · ${t(`status.${statuses[r]}`, { defaultValue: statuses[r] })}`,
          ),
          marker: {
            size: 11,
            symbol: ENTERPRISE_SYMBOLS[i % ENTERPRISE_SYMBOLS.length],
            color: CHART_COLORS[(i + 1) % CHART_COLORS.length],
            line: { color: '#000', width: 1 },
          },
          hovertemplate: '%{text}<br>%{x:.5f}°E, %{y:.5f}°N<extra></extra>',
        });
        i++;
      }
    }
    const ratio = latitudeScaleRatio(centralLatitude(lat));
    return {
      data: traces,
      exportData,
      layout: {
        title: {
          text: element ? t('map.titleElement', { element }) : t('map.titleClass'),
        },
        xaxis: { title: { text: t('map.lonAxis') }, ticksuffix: '°' },
        yaxis: { title: { text: t('map.latAxis') }, ticksuffix: '°', scaleanchor: 'x', scaleratio: ratio },
        legend: { orientation: 'v', x: 1.02, y: 1, xanchor: 'left', yanchor: 'top', font: { size: 11 } },
        hovermode: 'closest',
        dragmode: 'zoom',
        margin: { l: 72, r: 24, t: 40, b: 120 },
      },
    };
  }, [samples, enterprises, colorBy, t, lang]);

  const drawn = useCallback(() => requestAnimationFrame(() => performance.mark('map:drawn')), []);

  if (sampleSets.length === 0) {
    return (
      <div className="page" data-testid="page-map">
        <div className="placeholder">{t('map.noSamples')}</div>
      </div>
    );
  }

  return (
    <div className="page" data-testid="page-map">
      <div className="page-header">
        <h1>{t('map.title')}</h1>
        <div className="page-actions">
          <DatasetPicker
            datasets={sampleSets}
            value={datasetId}
            label={t('map.samples')}
            testId="map-dataset"
            onChange={(id) => go({ dataset: id })}
          />
          <label>
            <span>{t('map.colorBy')}</span>
            <select value={colorBy} data-testid="map-color" onChange={(e) => go({ color: e.target.value })}>
              {elements.map((e) => (
                <option key={e} value={elementColumnName(e)}>
                  {e} (mg/kg)
                </option>
              ))}
              <option value={LAND_USE}>{t('field.land_use')}</option>
            </select>
          </label>
          <DatasetPicker
            datasets={enterpriseSets}
            value={enterpriseId}
            label={t('map.enterprises')}
            testId="map-enterprises"
            allowNone
            onChange={(id) => go({ enterprises: id })}
          />
        </div>
      </div>
      {error !== null && <ErrorBox error={error} />}
      {!plot && error === null && <div className="placeholder">{t('app.loading')}</div>}
      {plot && (
        <section className="panel map-panel">
          <Chart
            testId="map"
            data={plot.data}
            layout={plot.layout}
            exportName={`map-${datasetId}-${elementOfColumn(colorBy) ?? 'land-use'}`}
            exportData={plot.exportData}
            height={620}
            onDrawn={drawn}
          />
          <p className="footnote muted">{t('map.footnote')}</p>
        </section>
      )}
    </div>
  );
}
