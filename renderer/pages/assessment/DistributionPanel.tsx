import type { Table } from 'apache-arrow';
import type { PlotDatum } from 'plotly.js-strict-dist-min';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentRunResult } from '../../../analysis/api/contracts/assessment.ts';
import { Chart } from '../../components/charts/Chart.tsx';
import { numberColumn, textColumn } from '../../lib/arrow.ts';
import type { ExportColumn } from '../../lib/csv.ts';
import { formatValue } from '../../lib/format.ts';
import { histogramBins } from '../../lib/histogram.ts';
import {
  CLASS_COLORS,
  codeCounts,
  IGEO_COLORS,
  levelCounts,
  pickRows,
  RISK_COLORS,
  thresholdGroups,
} from './assessment-view.ts';

const RI_CLASSES = ['low', 'moderate', 'considerable', 'very_high'];

/** Box plots against thresholds, Igeo classes per metal, RI distribution. */
export function DistributionPanel({ result, samples }: { result: AssessmentRunResult; samples: Table }) {
  const { t: tr, i18n } = useTranslation('assessment');
  const lang = i18n.language;
  const metals = result.metals;
  const [metal, setMetal] = useState(metals.includes('Cd') ? 'Cd' : (metals[0] ?? ''));

  // All metals on one scale: C / screening value, the line at 1 is the screening value.
  const ratioBox = useMemo(() => {
    const traces: PlotDatum[] = metals.map((m) => ({
      type: 'box',
      name: m,
      y: numberColumn(samples, `${m}_ratio`),
      boxpoints: 'outliers',
      marker: { size: 3, color: '#1f4e79', opacity: 0.6 },
      line: { color: '#1f4e79', width: 1 },
      fillcolor: 'rgba(31,78,121,0.15)',
      showlegend: false,
    }));
    traces.push({
      type: 'scatter',
      mode: 'lines',
      x: [null],
      y: [null],
      name: tr('charts.screeningLine'),
      line: { color: CLASS_COLORS.strict_control, dash: 'dash', width: 1.5 },
    });
    const ratios = metals.map((m) => numberColumn(samples, `${m}_ratio`) ?? new Float64Array());
    return {
      data: traces,
      layout: {
        title: { text: tr('charts.ratioTitle', { standard: result.standard.version }) },
        yaxis: { type: 'log', title: { text: tr('charts.ratioAxis') } },
        xaxis: { title: { text: tr('summary.metal') } },
        shapes: [
          {
            type: 'line',
            xref: 'paper',
            x0: 0,
            x1: 1,
            y0: 1,
            y1: 1,
            line: { color: CLASS_COLORS.strict_control, width: 1.5, dash: 'dash' },
          },
        ],
        legend: { x: 0.99, xanchor: 'right', y: 0.02, yanchor: 'bottom' },
      },
      exportData: [
        { name: tr('table.sampleId'), values: textColumn(samples, 'sample_id') ?? [] },
        ...metals.map((m, i) => ({ name: `${m} C/S`, values: ratios[i] })),
      ] as ExportColumn[],
    };
  }, [metals, samples, result.standard.version, tr]);

  // One metal: a box per set of thresholds (pH band × land use), with its screening and
  // intervention values drawn across that box.
  const metalBox = useMemo(() => {
    const values = numberColumn(samples, metal) ?? new Float64Array();
    const screening =
      numberColumn(samples, `${metal}_screening`) ?? new Float64Array(values.length).fill(Number.NaN);
    const intervention =
      numberColumn(samples, `${metal}_intervention`) ?? new Float64Array(values.length).fill(Number.NaN);
    const groups = thresholdGroups(values, screening, intervention);
    const label = (s: number | null, g: number | null) =>
      `${tr('charts.sShort')} ${formatValue(s, lang)}${g === null ? '' : `<br>${tr('charts.gShort')} ${formatValue(g, lang)}`}`;
    const names = groups.map((g) => label(g.screening, g.intervention));
    const traces: PlotDatum[] = groups.map((g, i) => ({
      type: 'box',
      name: `${names[i]}<br>n = ${g.rows.length}`,
      x: g.rows.map(() => i),
      y: pickRows(values, g.rows),
      boxpoints: 'outliers',
      marker: { size: 3, color: '#1f4e79', opacity: 0.6 },
      line: { color: '#1f4e79', width: 1 },
      fillcolor: 'rgba(31,78,121,0.15)',
      showlegend: false,
    }));
    const shapes = groups.flatMap((g, i) => {
      const segment = (y: number, color: string, dash: string) => ({
        type: 'line',
        xref: 'x',
        yref: 'y',
        x0: i - 0.42,
        x1: i + 0.42,
        y0: y,
        y1: y,
        line: { color, width: 2, dash },
      });
      const out = [];
      if (g.screening !== null) out.push(segment(g.screening, CLASS_COLORS.safe_utilization, 'dash'));
      if (g.intervention !== null) out.push(segment(g.intervention, CLASS_COLORS.strict_control, 'solid'));
      return out;
    });
    // Legend entries for the two line styles (empty traces).
    traces.push(
      {
        type: 'scatter',
        mode: 'lines',
        x: [null],
        y: [null],
        name: tr('charts.screeningLine'),
        line: { color: CLASS_COLORS.safe_utilization, dash: 'dash', width: 2 },
      },
      {
        type: 'scatter',
        mode: 'lines',
        x: [null],
        y: [null],
        name: tr('charts.interventionLine'),
        line: { color: CLASS_COLORS.strict_control, width: 2 },
      },
    );
    const positive = Array.from(values).filter((v) => v > 0);
    const maxLine = Math.max(0, ...groups.map((g) => g.intervention ?? g.screening ?? 0));
    return {
      data: traces,
      layout: {
        title: { text: tr('charts.metalBoxTitle', { metal }) },
        yaxis: {
          type: 'log',
          title: { text: tr('charts.concentration', { metal }) },
          range:
            positive.length > 0
              ? [Math.log10(Math.min(...positive)) - 0.1, Math.log10(Math.max(maxLine, ...positive)) + 0.1]
              : undefined,
        },
        xaxis: {
          title: { text: tr('charts.thresholdGroup') },
          tickvals: groups.map((_, i) => i),
          ticktext: groups.map((g) => `${label(g.screening, g.intervention)}<br>n = ${g.rows.length}`),
        },
        shapes,
        legend: { orientation: 'h', x: 0, y: 1.02, yanchor: 'bottom' },
        margin: { l: 64, r: 24, t: 64, b: 90 },
      },
      exportData: [
        { name: tr('charts.screeningLine'), values: groups.map((g) => g.screening) },
        { name: tr('charts.interventionLine'), values: groups.map((g) => g.intervention) },
        { name: 'n', values: groups.map((g) => g.rows.length) },
        {
          name: `${tr('summary.max')} (mg/kg)`,
          values: groups.map((g) => Math.max(...pickRows(values, g.rows))),
        },
      ] as ExportColumn[],
    };
  }, [samples, metal, tr, lang]);

  // Igeo classes (Müller 1969) as stacked shares per metal.
  const igeo = useMemo(() => {
    const counts = metals.map((m) => levelCounts(numberColumn(samples, `${m}_igeo_class`) ?? [], 7));
    const totals = counts.map((c) => c.reduce((a, b) => a + b, 0) || 1);
    const data: PlotDatum[] = IGEO_COLORS.map((color, level) => ({
      type: 'bar',
      name: tr(`igeoClass.${level}`),
      x: metals,
      y: counts.map((c, i) => (100 * c[level]) / totals[i]),
      customdata: counts.map((c) => c[level]),
      marker: { color, line: { color: '#fff', width: 0.5 } },
      hovertemplate: '%{x}: %{y:.1f}% (n = %{customdata})<extra>%{fullData.name}</extra>',
    }));
    return {
      data,
      layout: {
        barmode: 'stack',
        title: { text: tr('charts.igeoTitle') },
        yaxis: { title: { text: tr('charts.share') }, range: [0, 100], ticksuffix: '%' },
        xaxis: { title: { text: tr('summary.metal') } },
        legend: { orientation: 'v', x: 1.02, y: 1, xanchor: 'left' },
      },
      exportData: [
        { name: tr('summary.metal'), values: metals },
        ...IGEO_COLORS.map((_, level) => ({
          name: tr(`igeoClass.${level}`),
          values: counts.map((c) => c[level]),
        })),
      ] as ExportColumn[],
    };
  }, [metals, samples, tr]);

  // RI: histogram with the band limits, bars coloured by class.
  const ri = useMemo(() => {
    const values = numberColumn(samples, 'ri') ?? new Float64Array();
    const bins = histogramBins(values);
    const limits = result.bands.ri.thresholds;
    const classOf = (x: number) => limits.filter((l) => x >= l).length;
    const centers = Array.from(bins.counts, (_, i) => (bins.edges[i] + bins.edges[i + 1]) / 2);
    const widths = Array.from(bins.counts, (_, i) => bins.edges[i + 1] - bins.edges[i]);
    const counts = codeCounts(textColumn(samples, 'ri_class') ?? [], RI_CLASSES);
    const maxX = bins.edges[bins.edges.length - 1] ?? 0;
    return {
      data: [
        {
          type: 'bar',
          x: centers,
          y: Array.from(bins.counts),
          width: widths,
          marker: { color: centers.map((c) => RISK_COLORS[classOf(c)]), line: { color: '#fff', width: 0.5 } },
          hovertemplate: 'RI %{x:.3g}: %{y}<extra></extra>',
          showlegend: false,
        },
      ] as PlotDatum[],
      layout: {
        title: { text: tr('charts.riTitle') },
        xaxis: { title: { text: 'RI' } },
        yaxis: { title: { text: tr('charts.count') } },
        bargap: 0,
        shapes: limits
          .filter((l) => l <= maxX * 1.05)
          .map((l) => ({
            type: 'line',
            xref: 'x',
            yref: 'paper',
            x0: l,
            x1: l,
            y0: 0,
            y1: 1,
            line: { color: '#444', width: 1, dash: 'dash' },
          })),
        annotations: RI_CLASSES.map((c, i) => ({
          xref: 'paper',
          yref: 'paper',
          x: 1,
          y: 1 - i * 0.07,
          xanchor: 'right',
          yanchor: 'top',
          showarrow: false,
          align: 'right',
          text: `${tr(`riClass.${c}`)}: ${counts[c]}`,
          font: { color: RISK_COLORS[i], size: 11 },
        })),
      },
      exportData: [
        { name: tr('charts.binLower'), values: Array.from(bins.edges.subarray(0, -1)) },
        { name: tr('charts.binUpper'), values: Array.from(bins.edges.subarray(1)) },
        { name: tr('charts.count'), values: Array.from(bins.counts) },
      ] as ExportColumn[],
    };
  }, [samples, result.bands.ri.thresholds, tr]);

  return (
    <div className="chart-grid" data-testid="assessment-distributions">
      <section className="panel">
        <div className="panel-header">
          <h2>{tr('charts.ratio')}</h2>
        </div>
        <Chart
          testId="assessment-ratio-box"
          data={ratioBox.data}
          layout={ratioBox.layout}
          exportName="screening-ratio-boxplot"
          exportData={ratioBox.exportData}
          height={400}
        />
      </section>
      <section className="panel">
        <div className="panel-header">
          <h2>{tr('charts.metalBox')}</h2>
          <label>
            <span>{tr('summary.metal')}</span>
            <select
              value={metal}
              data-testid="assessment-box-metal"
              onChange={(e) => setMetal(e.target.value)}
            >
              {metals.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </label>
        </div>
        <Chart
          testId="assessment-threshold-box"
          data={metalBox.data}
          layout={metalBox.layout}
          exportName={`${metal}-thresholds-boxplot`}
          exportData={metalBox.exportData}
          height={400}
        />
      </section>
      <section className="panel">
        <div className="panel-header">
          <h2>{tr('charts.igeo')}</h2>
        </div>
        <Chart
          testId="assessment-igeo"
          data={igeo.data}
          layout={igeo.layout}
          exportName="igeo-classes"
          exportData={igeo.exportData}
          height={400}
        />
      </section>
      <section className="panel">
        <div className="panel-header">
          <h2>{tr('charts.ri')}</h2>
          <span className="muted">
            {tr('charts.riBands', { bands: result.bands.ri.thresholds.join(' / ') })}
          </span>
        </div>
        <Chart
          testId="assessment-ri"
          data={ri.data}
          layout={ri.layout}
          exportName="ri-histogram"
          exportData={ri.exportData}
          height={400}
        />
      </section>
    </div>
  );
}
