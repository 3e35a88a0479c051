import type { Table } from 'apache-arrow';
import type { PlotDatum } from 'plotly.js-strict-dist-min';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentRunResult } from '../../../analysis/api/contracts/assessment.ts';
import { Chart } from '../../components/charts/Chart.tsx';
import { numberColumn, textColumn } from '../../lib/arrow.ts';
import { centralLatitude, latitudeScaleRatio } from '../map/map-geometry.ts';
import { CLASS_COLORS, pickRows, rowsWith, UNCLASSED_COLOR } from './assessment-view.ts';

/** Samples on a lon/lat plane coloured by their class (the worst metal decides). */
export function ClassMap({ result, samples }: { result: AssessmentRunResult; samples: Table }) {
  const { t: tr } = useTranslation('assessment');
  const plot = useMemo(() => {
    const lon = numberColumn(samples, 'lon') ?? new Float64Array();
    const lat = numberColumn(samples, 'lat') ?? new Float64Array();
    const ids = textColumn(samples, 'sample_id') ?? [];
    const classes = textColumn(samples, 'class') ?? [];
    const deciding = textColumn(samples, 'deciding_metals') ?? [];
    const traces: PlotDatum[] = [];
    for (const code of [...result.classes, '']) {
      const rows = rowsWith(classes, code).filter((r) => !Number.isNaN(lon[r]) && !Number.isNaN(lat[r]));
      if (rows.length === 0) continue;
      const label = code ? tr(`class.${code}`) : tr('class.unclassed');
      traces.push({
        type: 'scatter',
        mode: 'markers',
        name: `${label} (${rows.length})`,
        x: pickRows(lon, rows),
        y: pickRows(lat, rows),
        text: rows.map((r) => (deciding[r] ? `${ids[r]} · ${deciding[r]}` : ids[r])),
        marker: {
          size: code === result.classes[0] ? 5 : 8,
          color: code ? CLASS_COLORS[code] : UNCLASSED_COLOR,
          line: { width: 0.5, color: 'rgba(0,0,0,0.55)' },
        },
        hovertemplate: `%{text}<br>${label}<br>%{x:.5f}°E, %{y:.5f}°N<extra></extra>`,
      });
    }
    return {
      data: traces,
      layout: {
        title: { text: tr('map.title', { standard: result.standard.version }) },
        xaxis: { title: { text: tr('map.lon') }, ticksuffix: '°' },
        yaxis: {
          title: { text: tr('map.lat') },
          ticksuffix: '°',
          scaleanchor: 'x',
          scaleratio: latitudeScaleRatio(centralLatitude(lat)),
        },
        legend: { orientation: 'v', x: 1.02, y: 1, xanchor: 'left', yanchor: 'top' },
        hovermode: 'closest',
        margin: { l: 72, r: 24, t: 40, b: 56 },
      },
      exportData: [
        { name: tr('table.sampleId'), values: ids },
        { name: tr('map.lon'), values: lon },
        { name: tr('map.lat'), values: lat },
        { name: tr('table.class'), values: classes.map((c) => (c ? tr(`class.${c}`) : '')) },
        { name: tr('table.deciding'), values: deciding },
      ],
    };
  }, [samples, result, tr]);

  return (
    <section className="panel map-panel">
      <Chart
        testId="assessment-map"
        data={plot.data}
        layout={plot.layout}
        exportName={`class-map-${result.datasetId}-${result.standard.id}`}
        exportData={plot.exportData}
        height={600}
      />
      <p className="footnote muted">{tr('map.footnote')}</p>
    </section>
  );
}
