import type { PlotDatum, PlotLayout } from 'plotly.js-strict-dist-min';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComparisonResult } from '../../../analysis/methods/scenarios/index.ts';
import { Chart } from '../../components/charts/Chart.tsx';
import type { ExportColumn } from '../../lib/csv.ts';
import { formatValue } from '../../lib/format.ts';
import { CRITERIA, finiteOrNull, paretoLine, tornadoBars, YUAN_PER_UNIT } from './scenarios-view.ts';

// The comparison's charts; each exports PNG/SVG and its numbers as CSV/XLSX through the wrapper.

const PALETTE = ['#1f4e79', '#c0504d', '#9bbb59', '#8064a2', '#f79646', '#4bacc6', '#7f7f7f', '#2c7c5a'];
const color = (i: number) => PALETTE[i % PALETTE.length];

function rgba(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
}

/** Short legend names: the part of "中文 / English" names in the UI language. */
function shortName(name: string, lang: string): string {
  const parts = name.split(' / ');
  if (parts.length !== 2) return name;
  return lang.startsWith('en') ? parts[1] : parts[0];
}

interface Built {
  data: PlotDatum[];
  layout: PlotLayout;
  exportData: ExportColumn[];
}

export function ParetoChart({ result }: { result: ComparisonResult }) {
  const { t: tr, i18n } = useTranslation('scenarios');
  const lang = i18n.language;
  const built = useMemo<Built>(() => {
    const line = paretoLine(result);
    return {
      data: [
        ...result.scenarios.map((s, i) => ({
          type: 'scatter',
          mode: 'markers+text',
          x: [s.npv / YUAN_PER_UNIT],
          y: [s.riskReductionHa],
          text: [String(i + 1)],
          textposition: 'top center',
          name: `${i + 1}. ${shortName(s.name, lang)}`,
          marker: {
            size: 12,
            color: color(i),
            symbol: s.onParetoFront ? 'circle' : 'circle-open',
            line: { width: 2, color: color(i) },
          },
          error_x: {
            type: 'data',
            symmetric: false,
            array: [(s.npvRange.p95 - s.npv) / YUAN_PER_UNIT],
            arrayminus: [(s.npv - s.npvRange.p5) / YUAN_PER_UNIT],
            color: rgba(color(i), 0.5),
            thickness: 1,
          },
        })),
        {
          type: 'scatter',
          mode: 'lines',
          x: line.x,
          y: line.y,
          name: tr('charts.paretoFront'),
          line: { dash: 'dash', color: '#333', width: 1.5, shape: 'hv' },
        },
      ],
      layout: {
        title: { text: tr('charts.paretoTitle') },
        xaxis: { title: { text: tr('charts.npvAxis') }, rangemode: 'tozero' },
        yaxis: { title: { text: tr('charts.riskReductionAxis') }, rangemode: 'tozero' },
        legend: { orientation: 'h', x: 0, y: -0.26, yanchor: 'top' },
        margin: { b: 170 },
      },
      exportData: [
        { name: 'id', values: result.scenarios.map((s) => s.id) },
        { name: tr('charts.npvAxis'), values: result.scenarios.map((s) => s.npv / YUAN_PER_UNIT) },
        { name: 'NPV P5', values: result.scenarios.map((s) => s.npvRange.p5 / YUAN_PER_UNIT) },
        { name: 'NPV P95', values: result.scenarios.map((s) => s.npvRange.p95 / YUAN_PER_UNIT) },
        { name: tr('charts.riskReductionAxis'), values: result.scenarios.map((s) => s.riskReductionHa) },
        { name: tr('charts.paretoFront'), values: result.scenarios.map((s) => (s.onParetoFront ? 1 : 0)) },
      ],
    };
  }, [result, tr, lang]);
  return (
    <Chart {...built} exportName="scenarios-cost-vs-risk-reduction" testId="scenarios-pareto" height={500} />
  );
}

export function ProjectionChart({ result }: { result: ComparisonResult }) {
  const { t: tr, i18n } = useTranslation('scenarios');
  const lang = i18n.language;
  const [metal, setMetal] = useState<string>(result.target.metals[0] ?? result.metals[0]);
  const built = useMemo<Built>(() => {
    const data: PlotDatum[] = [];
    const exportData: ExportColumn[] = [];
    const years = result.scenarios[0]?.projectionByMetal[metal]?.map((p) => p.year) ?? [];
    exportData.push({ name: tr('charts.year'), values: years });
    result.scenarios.forEach((s, i) => {
      const series = s.projectionByMetal[metal] ?? [];
      const name = `${i + 1}. ${shortName(s.name, lang)}`;
      data.push({
        type: 'scatter',
        mode: 'lines',
        x: [...series.map((p) => p.year), ...series.map((p) => p.year).reverse()],
        y: [...series.map((p) => p.p95), ...series.map((p) => p.p5).reverse()],
        fill: 'toself',
        fillcolor: rgba(color(i), 0.12),
        line: { width: 0 },
        hoverinfo: 'skip',
        showlegend: false,
        legendgroup: s.id,
      });
      data.push({
        type: 'scatter',
        mode: 'lines+markers',
        x: series.map((p) => p.year),
        y: series.map((p) => p.p50),
        name,
        legendgroup: s.id,
        line: { color: color(i), width: 2 },
        marker: { size: 4 },
      });
      exportData.push(
        { name: `${s.id} P5`, values: series.map((p) => p.p5) },
        { name: `${s.id} P50`, values: series.map((p) => p.p50) },
        { name: `${s.id} P95`, values: series.map((p) => p.p95) },
      );
    });
    const screening = finiteOrNull(result.screeningValues[metal as keyof typeof result.screeningValues]);
    const shapes: Record<string, unknown>[] = [
      {
        type: 'line',
        xref: 'x',
        yref: 'paper',
        x0: result.target.year,
        x1: result.target.year,
        y0: 0,
        y1: 1,
        line: { dash: 'dot', color: '#555', width: 1 },
      },
    ];
    const annotations: Record<string, unknown>[] = [
      {
        x: result.target.year,
        y: 0,
        xref: 'x',
        yref: 'paper',
        text: tr('charts.targetYear', { year: result.target.year }),
        showarrow: false,
        xanchor: 'left',
        yanchor: 'bottom',
      },
    ];
    if (screening !== null) {
      shapes.push({
        type: 'line',
        xref: 'paper',
        x0: 0,
        x1: 1,
        y0: screening,
        y1: screening,
        line: { dash: 'dash', color: '#c0504d', width: 1.5 },
      });
      annotations.push({
        x: 0,
        xref: 'paper',
        y: screening,
        text: tr('charts.screeningLine', { value: screening.toPrecision(3) }),
        showarrow: false,
        xanchor: 'left',
        yanchor: 'bottom',
        font: { color: '#c0504d' },
      });
      exportData.push({ name: tr('charts.screeningColumn'), values: years.map(() => screening) });
    }
    return {
      data,
      layout: {
        title: { text: tr('charts.projectionTitle', { metal }) },
        xaxis: { title: { text: tr('charts.year') }, dtick: 1 },
        yaxis: { title: { text: tr('charts.concentrationAxis', { metal }) } },
        shapes,
        annotations,
        legend: { orientation: 'h', x: 0, y: -0.26, yanchor: 'top' },
        margin: { b: 170 },
      },
      exportData,
    };
  }, [result, metal, tr, lang]);
  return (
    <div>
      <label className="chart-option">
        {tr('charts.metal')}
        <select
          value={metal}
          onChange={(e) => setMetal(e.target.value)}
          data-testid="scenarios-projection-metal"
        >
          {result.metals.map((m) => (
            <option key={m} value={m}>
              {m}
              {result.target.metals.includes(m) ? ` (${tr('charts.targetMetal')})` : ''}
            </option>
          ))}
        </select>
      </label>
      <Chart
        {...built}
        exportName={`scenarios-${metal}-projection`}
        testId="scenarios-projection"
        height={500}
      />
    </div>
  );
}

export function RadarChart({ result }: { result: ComparisonResult }) {
  const { t: tr, i18n } = useTranslation('scenarios');
  const lang = i18n.language;
  const built = useMemo<Built>(() => {
    const labels = CRITERIA.map((c) => tr(`criterion.${c}`));
    return {
      data: result.scenarios.map((s, i) => ({
        type: 'scatterpolar',
        r: [...CRITERIA.map((c) => s.criteriaScaled[c]), s.criteriaScaled[CRITERIA[0]]],
        theta: [...labels, labels[0]],
        name: `${i + 1}. ${shortName(s.name, lang)}`,
        fill: 'toself',
        fillcolor: rgba(color(i), 0.08),
        line: { color: color(i), width: 2 },
      })),
      layout: {
        title: { text: tr('charts.radarTitle') },
        polar: {
          radialaxis: { range: [0, 1], tickvals: [0, 0.5, 1] },
          domain: { x: [0.12, 0.88], y: [0, 1] },
        },
        legend: { orientation: 'h', x: 0, y: -0.12, yanchor: 'top' },
        margin: { b: 130, l: 90, r: 90 },
      },
      exportData: [
        { name: tr('charts.criterion'), values: labels },
        ...result.scenarios.map((s) => ({ name: s.id, values: CRITERIA.map((c) => s.criteriaScaled[c]) })),
        ...result.scenarios.map((s) => ({
          name: `${s.id} (raw)`,
          values: CRITERIA.map((c) => s.criteria[c]),
        })),
      ],
    };
  }, [result, tr, lang]);
  return <Chart {...built} exportName="scenarios-criteria-radar" testId="scenarios-radar" height={500} />;
}

export function TornadoChart({ result }: { result: ComparisonResult }) {
  const { t: tr, i18n } = useTranslation('scenarios');
  const lang = i18n.language;
  const withBars = result.scenarios.filter((s) => (s.sensitivity?.npv.bars.length ?? 0) > 0);
  const best = [...withBars].sort((a, b) => a.rank - b.rank)[0];
  const [scenarioId, setScenarioId] = useState<string>(best?.id ?? result.scenarios[0]?.id ?? '');
  const [metric, setMetric] = useState<'npv' | 'targetShare'>('npv');
  const scenario = result.scenarios.find((s) => s.id === scenarioId);
  const built = useMemo<Built | null>(() => {
    const t = scenario?.sensitivity?.[metric];
    if (!t || !scenario) return null;
    const scale = metric === 'npv' ? YUAN_PER_UNIT : 0.01;
    const bars = tornadoBars(t, scale, lang);
    const axis = metric === 'npv' ? tr('charts.npvDelta') : tr('charts.targetShareDelta');
    return {
      data: [
        {
          type: 'bar',
          orientation: 'h',
          y: bars.labels,
          x: bars.low,
          name: tr('charts.atLow'),
          marker: { color: '#4bacc6' },
        },
        {
          type: 'bar',
          orientation: 'h',
          y: bars.labels,
          x: bars.high,
          name: tr('charts.atHigh'),
          marker: { color: '#c0504d' },
        },
      ],
      layout: {
        title: {
          text: tr('charts.tornadoTitle', {
            scenario: shortName(scenario.name, lang),
            base: formatValue(bars.base, lang),
            unit: metric === 'npv' ? tr('charts.unitWan') : '%',
          }),
        },
        barmode: 'overlay',
        xaxis: { title: { text: axis }, zeroline: true },
        yaxis: { automargin: true },
        margin: { l: 20, t: 70 },
        legend: { orientation: 'h', x: 1, xanchor: 'right', y: 1.02, yanchor: 'bottom' },
      },
      exportData: [
        { name: tr('charts.parameter'), values: bars.labels },
        { name: tr('charts.atLow'), values: bars.low },
        { name: tr('charts.atHigh'), values: bars.high },
      ],
    };
  }, [scenario, metric, tr, lang]);
  return (
    <div className="wide">
      <div className="chart-option">
        <label>
          {tr('charts.scenario')}
          <select
            value={scenarioId}
            onChange={(e) => setScenarioId(e.target.value)}
            data-testid="scenarios-tornado-scenario"
          >
            {result.scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {shortName(s.name, lang)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {tr('charts.metric')}
          <select value={metric} onChange={(e) => setMetric(e.target.value as 'npv' | 'targetShare')}>
            <option value="npv">{tr('criterion.npv')}</option>
            <option value="targetShare">{tr('charts.targetShare')}</option>
          </select>
        </label>
      </div>
      {built ? (
        <Chart
          {...built}
          exportName={`scenarios-${scenarioId}-tornado-${metric}`}
          testId="scenarios-tornado"
          height={420}
        />
      ) : (
        <div className="placeholder">{tr('charts.noSensitivity')}</div>
      )}
    </div>
  );
}
