import type { Table } from 'apache-arrow';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../../../analysis/api/contract.ts';
import { Chart } from '../../components/charts/Chart.tsx';
import { numberColumn } from '../../lib/arrow.ts';
import { elementColumnName } from '../../lib/columns.ts';
import { histogramBins } from '../../lib/histogram.ts';

type Summary = ApiResult<'data.summary'>;

function referenceLine(x: number, color: string, text: string) {
  return {
    shape: {
      type: 'line',
      xref: 'x',
      yref: 'paper',
      x0: x,
      x1: x,
      y0: 0,
      y1: 1,
      line: { color, width: 1.5, dash: 'dash' },
    },
    annotation: {
      x,
      xref: 'x',
      y: 1,
      yref: 'paper',
      yanchor: 'bottom',
      text,
      showarrow: false,
      font: { color, size: 11 },
    },
  };
}

export function DistributionCharts({ table, summary }: { table: Table; summary: Summary }) {
  const { t } = useTranslation();
  const metals = summary.metals.filter((m) => m.n > 0);
  const [element, setElement] = useState(metals[0]?.element ?? 'Cd');
  const info = metals.find((m) => m.element === element);
  const values = useMemo(() => numberColumn(table, elementColumnName(element)), [table, element]);
  const bins = useMemo(() => histogramBins(values ?? []), [values]);

  const histogram = useMemo(() => {
    const centers = Array.from(bins.counts, (_, i) => (bins.edges[i] + bins.edges[i + 1]) / 2);
    const widths = Array.from(bins.counts, (_, i) => bins.edges[i + 1] - bins.edges[i]);
    const lines = [];
    if (info?.screening) lines.push(referenceLine(info.screening, '#c0504d', t('charts.screeningLine')));
    if (info?.background) lines.push(referenceLine(info.background, '#4f7f3a', t('charts.backgroundLine')));
    return {
      data: [
        {
          type: 'bar',
          x: centers,
          y: Array.from(bins.counts),
          width: widths,
          marker: { color: '#1f4e79', line: { color: '#fff', width: 0.5 } },
          hovertemplate: `%{x:.3g} mg/kg: %{y}<extra></extra>`,
        },
      ],
      layout: {
        title: { text: t('charts.histogramTitle', { element }) },
        xaxis: { title: { text: t('charts.concentration', { element }) } },
        yaxis: { title: { text: t('charts.count') } },
        shapes: lines.map((l) => l.shape),
        annotations: lines.map((l) => l.annotation),
        bargap: 0,
      },
      exportData: [
        { name: t('charts.binLower', { element }), values: Array.from(bins.edges.subarray(0, -1)) },
        { name: t('charts.binUpper', { element }), values: Array.from(bins.edges.subarray(1)) },
        { name: t('charts.count'), values: Array.from(bins.counts) },
      ],
    };
  }, [bins, info, element, t]);

  const box = useMemo(() => {
    const traces = metals.map((m) => ({
      type: 'box',
      name: m.element,
      y: numberColumn(table, elementColumnName(m.element)),
      boxpoints: 'outliers',
      marker: { size: 3, color: '#1f4e79', opacity: 0.5 },
      line: { color: '#1f4e79', width: 1 },
      fillcolor: 'rgba(31,78,121,0.15)',
      showlegend: false,
    }));
    return {
      data: traces,
      layout: {
        title: { text: t('charts.boxTitle') },
        yaxis: { type: 'log', title: { text: t('charts.concentrationLog') } },
        xaxis: { title: { text: t('charts.element') } },
      },
      exportData: [
        { name: t('summary.element'), values: metals.map((m) => m.element) },
        ...(['min', 'p25', 'median', 'p75', 'max'] as const).map((k) => ({
          name: `${t(`summary.${k}`)} (mg/kg)`,
          values: metals.map((m) => m[k]),
        })),
      ],
    };
  }, [metals, table, t]);

  return (
    <div className="chart-grid" data-testid="distribution-charts">
      <section className="panel">
        <div className="panel-header">
          <h2>{t('charts.histogram')}</h2>
          <label>
            <span>{t('charts.element')}</span>
            <select
              value={element}
              data-testid="histogram-element"
              onChange={(e) => setElement(e.target.value)}
            >
              {metals.map((m) => (
                <option key={m.element} value={m.element}>
                  {m.element}
                </option>
              ))}
            </select>
          </label>
        </div>
        <Chart
          testId="histogram"
          data={histogram.data}
          layout={histogram.layout}
          exportName={`${element}-histogram`}
          exportData={histogram.exportData}
        />
      </section>
      <section className="panel">
        <div className="panel-header">
          <h2>{t('charts.box')}</h2>
        </div>
        <Chart
          testId="boxplot"
          data={box.data}
          layout={box.layout}
          exportName="boxplot"
          exportData={box.exportData}
        />
      </section>
    </div>
  );
}
