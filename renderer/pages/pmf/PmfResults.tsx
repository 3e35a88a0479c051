import type { PlotDatum, PlotLayout } from 'plotly.js-strict-dist-min';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PmfStoredResult } from '../../../analysis/api/contracts/pmf.ts';
import { useApi } from '../../app/api-context.tsx';
import { Chart } from '../../components/charts/Chart.tsx';
import { ExportMenu } from '../../components/charts/ExportMenu.tsx';
import { pick } from '../../i18n/index.ts';
import type { ExportColumn } from '../../lib/csv.ts';
import { formatInteger, formatValue } from '../../lib/format.ts';
import { histogramBins } from '../../lib/histogram.ts';
import { ErrorEstimationPanel } from './ErrorEstimationPanel.tsx';
import { column, factorLabel, factorShares, fitLine, logFloor, shareOutside } from './pmf-view.ts';
import { profileChart } from './profile-chart.ts';
import { RotationPanel } from './RotationPanel.tsx';

const COLORS = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#ff7f0e',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#17becf',
  '#bcbd22',
  '#7f7f7f',
];
const color = (h: number) => COLORS[h % COLORS.length];

interface Props {
  result: PmfStoredResult;
  onNamed(names: string[]): void;
  onUpdated(result: PmfStoredResult): void;
  onError(error: unknown): void;
}

export function PmfResults({ result, onNamed, onUpdated, onError }: Props) {
  const { t: tr, i18n } = useTranslation('pmf');
  const lang = i18n.language;
  const api = useApi();
  const [names, setNames] = useState<string[]>(result.factorNames);
  const [species, setSpecies] = useState(0);
  const [mapFactor, setMapFactor] = useState(0);
  useEffect(() => setNames(result.factorNames), [result.factorNames]);
  const label = useCallback(
    (h: number) => factorLabel(result.factorNames, h, (n) => tr('factorN', { n })),
    [result.factorNames, tr],
  );
  const k = result.factors;
  const fmt = (v: number) => formatValue(v, lang);

  const save = () =>
    api
      .call('pmf.nameFactors', { runId: result.runId, names })
      .then((r) => onNamed(r.factorNames))
      .catch(onError);

  const profileCharts = useMemo(
    () =>
      Array.from({ length: k }, (_, h) => {
        return profileChart({
          species: result.species,
          conc: result.profiles[h],
          pctSpecies: result.percentOfSpecies[h],
          pctTotal: result.percentOfTotal[h],
          title: label(h),
          showLegend: h === 0,
          floor: logFloor(result.profiles.flat()),
          tr,
        });
      }),
    [result, k, tr, label],
  );

  const contributionChart = useMemo(() => {
    const x = result.sampleIds;
    const data = Array.from({ length: k }, (_, h) => ({
      type: 'scatter',
      mode: 'lines+markers',
      name: label(h),
      x,
      y: column(result.contributions, h),
      line: { color: color(h), width: 1 },
      marker: { size: 3 },
    })) as unknown as PlotDatum[];
    const layout = {
      xaxis: { title: { text: tr('sample') }, showticklabels: x.length <= 60 },
      yaxis: { title: { text: tr('normalisedContribution') } },
    } as unknown as PlotLayout;
    const exportData: ExportColumn[] = [
      { name: tr('sample'), values: x },
      ...Array.from({ length: k }, (_, h) => ({ name: label(h), values: column(result.contributions, h) })),
      ...Array.from({ length: k }, (_, h) => ({
        name: `${label(h)} (${tr('massUnits')})`,
        values: column(result.contributionsMass, h),
      })),
    ];
    return { data, layout, exportData };
  }, [result, k, tr, label]);

  const shares = useMemo(() => factorShares(result), [result]);
  const pieChart = useMemo(() => {
    const labels = Array.from({ length: k }, (_, h) => label(h));
    const data = [
      {
        type: 'pie',
        labels,
        values: shares,
        marker: { colors: labels.map((_, h) => color(h)) },
        textinfo: 'label+percent',
        sort: false,
      },
    ] as unknown as PlotDatum[];
    return {
      data,
      layout: { showlegend: false } as unknown as PlotLayout,
      exportData: [
        { name: tr('factor'), values: labels },
        { name: tr('sharePct'), values: shares },
      ],
    };
  }, [k, tr, shares, label]);

  const mapChart = useMemo(() => {
    const coords = result.coordinates;
    if (!coords) return null;
    const values = column(result.contributions, mapFactor);
    const data = [
      {
        type: 'scatter',
        mode: 'markers',
        x: coords.map((c) => c[0]),
        y: coords.map((c) => c[1]),
        text: result.sampleIds,
        marker: {
          color: values,
          colorscale: 'YlOrRd',
          size: 7,
          line: { color: '#555', width: 0.3 },
          colorbar: { title: { text: tr('normalisedContribution') } },
        },
      },
    ] as unknown as PlotDatum[];
    const layout = {
      title: { text: label(mapFactor) },
      xaxis: { title: { text: tr('lon') } },
      yaxis: { title: { text: tr('lat') }, scaleanchor: 'x' },
    } as unknown as PlotLayout;
    return {
      data,
      layout,
      exportData: [
        { name: tr('sample'), values: result.sampleIds },
        { name: tr('lon'), values: coords.map((c) => c[0]) },
        { name: tr('lat'), values: coords.map((c) => c[1]) },
        { name: label(mapFactor), values },
      ],
    };
  }, [result, mapFactor, tr, label]);

  const residualCharts = useMemo(() => {
    const name = result.species[species];
    const scaled = column(result.scaledResiduals, species);
    const bins = histogramBins(scaled);
    const centers = Array.from(
      bins.counts,
      (_, i) => (bins.edges[i] + (bins.edges[i + 1] ?? bins.edges[i])) / 2,
    );
    const histogram = {
      data: [
        { type: 'bar', x: centers, y: Array.from(bins.counts), marker: { color: '#7fa7d0' } },
      ] as unknown as PlotDatum[],
      layout: {
        title: { text: tr('residualTitle', { species: name }) },
        xaxis: { title: { text: tr('scaledResidual') } },
        yaxis: { title: { text: tr('count') } },
        bargap: 0.05,
        shapes: [-3, 3].map((x) => ({
          type: 'line',
          x0: x,
          x1: x,
          yref: 'paper',
          y0: 0,
          y1: 1,
          line: { dash: 'dot', color: '#c0392b' },
        })),
      } as unknown as PlotLayout,
      exportData: [
        { name: tr('binFrom'), values: Array.from(bins.edges.slice(0, bins.counts.length)) },
        { name: tr('count'), values: Array.from(bins.counts) },
      ],
    };
    const observed = column(result.observed, species);
    const predicted = column(result.predicted, species);
    const fit = fitLine(observed, predicted);
    const lo = Math.min(...observed);
    const hi = Math.max(...observed);
    const scatter = {
      data: [
        {
          type: 'scatter',
          mode: 'markers',
          name: tr('samples'),
          x: observed,
          y: predicted,
          text: result.sampleIds,
          marker: { size: 5, color: '#1f77b4' },
        },
        {
          type: 'scatter',
          mode: 'lines',
          name: `y = ${fit.intercept.toPrecision(3)} + ${fit.slope.toPrecision(3)}x, r² = ${fit.r2.toFixed(3)}`,
          x: [lo, hi],
          y: [fit.intercept + fit.slope * lo, fit.intercept + fit.slope * hi],
          line: { color: '#c0392b' },
        },
      ] as unknown as PlotDatum[],
      layout: {
        title: { text: tr('obsPredTitle', { species: name }) },
        xaxis: { title: { text: tr('observed') } },
        yaxis: { title: { text: tr('predicted') } },
        legend: { orientation: 'h', y: -0.2 },
      } as unknown as PlotLayout,
      exportData: [
        { name: tr('sample'), values: result.sampleIds },
        { name: tr('observed'), values: observed },
        { name: tr('predicted'), values: predicted },
        { name: tr('scaledResidual'), values: scaled },
      ],
    };
    return { histogram, scatter, fit, outside: shareOutside(scaled) };
  }, [result, species, tr]);

  const runExport: ExportColumn[] = [
    { name: tr('col.run'), values: result.runs.map((_, i) => i + 1) },
    { name: tr('col.seed'), values: result.runs.map((r) => r.seed) },
    { name: 'Q(true)', values: result.runs.map((r) => r.qTrue) },
    { name: 'Q(robust)', values: result.runs.map((r) => r.qRobust) },
    { name: tr('col.converged'), values: result.runs.map((r) => (r.converged ? 1 : 0)) },
    { name: tr('col.iterations'), values: result.runs.map((r) => r.iterations) },
  ];
  const qExport: ExportColumn[] = [
    { name: tr('col.species'), values: result.species },
    { name: tr('col.category'), values: result.categories },
    { name: 'Q/Qexp', values: result.speciesFit.map((f) => f.qOverExpected) },
    { name: 'r²', values: result.speciesFit.map((f) => f.r2) },
    { name: tr('col.slope'), values: result.speciesFit.map((f) => f.slope) },
    { name: tr('col.intercept'), values: result.speciesFit.map((f) => f.intercept) },
  ];

  return (
    <div className="pmf-results" data-testid="pmf-results">
      <div className="panel">
        <div className="panel-header">
          <h2>{tr('runTable')}</h2>
          <ExportMenu name="pmf-base-runs" data={runExport} disabled={false} />
        </div>
        <p className="pmf-q" data-testid="pmf-q-summary">
          Q(true) = <strong data-testid="pmf-qtrue">{result.qTrue.toFixed(2)}</strong> · Q(robust) ={' '}
          {result.qRobust.toFixed(2)} · Q(exp) = {formatInteger(result.qExpected, lang)} · Q(true)/Q(exp) ={' '}
          {(result.qTrue / result.qExpected).toFixed(3)} · {tr('version', { v: result.softwareVersion })}
        </p>
        <div className="scroll-x">
          <table className="data-table" data-testid="pmf-run-table">
            <thead>
              <tr>
                <th>{tr('col.run')}</th>
                <th>{tr('col.seed')}</th>
                <th>Q(true)</th>
                <th>Q(robust)</th>
                <th>{tr('col.converged')}</th>
                <th>{tr('col.iterations')}</th>
              </tr>
            </thead>
            <tbody>
              {result.runs.map((r, i) => (
                <tr
                  key={r.seed}
                  className={i === result.best ? 'best' : undefined}
                  data-best={i === result.best}
                >
                  <td>
                    {i + 1}
                    {i === result.best ? ` ★ ${tr('best')}` : ''}
                  </td>
                  <td className="num">{r.seed}</td>
                  <td className="num">{r.qTrue.toFixed(2)}</td>
                  <td className="num">{r.qRobust.toFixed(2)}</td>
                  <td>{r.converged ? tr('yes') : tr('no')}</td>
                  <td className="num">{formatInteger(r.iterations, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>

      <div className="panel">
        <div className="panel-header">
          <h2>{tr('naming')}</h2>
          <button type="button" data-testid="pmf-save-names" onClick={() => void save()}>
            {tr('saveNames')}
          </button>
        </div>
        <table className="data-table pmf-names">
          <thead>
            <tr>
              <th>{tr('factor')}</th>
              <th>{tr('markers')}</th>
              <th>{tr('sharePct')}</th>
              <th>{tr('name')}</th>
              <th>{tr('suggestions')}</th>
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: k }, (_, h) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: factors are positional
              <tr key={h}>
                <td>{tr('factorN', { n: h + 1 })}</td>
                <td>{result.nameSuggestions[h].markers.join('-') || '—'}</td>
                <td className="num">{formatValue(shares[h], lang)}</td>
                <td>
                  <input
                    value={names[h] ?? ''}
                    data-testid={`pmf-name-${h}`}
                    onChange={(e) => setNames(names.map((n, i) => (i === h ? e.target.value : n)))}
                  />
                </td>
                <td>
                  {result.nameSuggestions[h].suggestions.map((s) => (
                    <button
                      key={s.id}
                      type="button"
                      className="pmf-suggestion"
                      title={s.matched.join('-')}
                      onClick={() => setNames(names.map((n, i) => (i === h ? pick(s.name, lang) : n)))}
                    >
                      {pick(s.name, lang)}
                    </button>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="panel">
        <h2>{tr('profiles')}</h2>
        <div className="pmf-grid">
          {profileCharts.map((c, h) => (
            <Chart
              // biome-ignore lint/suspicious/noArrayIndexKey: factors are positional
              key={h}
              testId={`pmf-profile-${h}`}
              data={c.data}
              layout={c.layout}
              exportName={`pmf-profile-${h + 1}`}
              exportData={c.exportData}
              height={320}
            />
          ))}
        </div>
      </div>

      <div className="panel">
        <h2>{tr('contributions')}</h2>
        <Chart
          testId="pmf-contributions"
          data={contributionChart.data}
          layout={contributionChart.layout}
          exportName="pmf-contributions"
          exportData={contributionChart.exportData}
        />
      </div>

      <div className="pmf-grid">
        <div className="panel">
          <h2>{tr('pie')}</h2>
          <Chart
            testId="pmf-pie"
            data={pieChart.data}
            layout={pieChart.layout}
            exportName="pmf-factor-shares"
            exportData={pieChart.exportData}
          />
        </div>
        {mapChart && (
          <div className="panel">
            <div className="panel-header">
              <h2>{tr('map')}</h2>
              <select
                value={mapFactor}
                data-testid="pmf-map-factor"
                onChange={(e) => setMapFactor(Number(e.target.value))}
              >
                {Array.from({ length: k }, (_, h) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: factors are positional
                  <option key={h} value={h}>
                    {label(h)}
                  </option>
                ))}
              </select>
            </div>
            <Chart
              testId="pmf-map"
              data={mapChart.data}
              layout={mapChart.layout}
              exportName={`pmf-map-factor-${mapFactor + 1}`}
              exportData={mapChart.exportData}
            />
          </div>
        )}
      </div>

      <div className="panel">
        <div className="panel-header">
          <h2>{tr('residuals')}</h2>
          <select
            value={species}
            data-testid="pmf-residual-species"
            onChange={(e) => setSpecies(Number(e.target.value))}
          >
            {result.species.map((s, j) => (
              <option key={s} value={j}>
                {s}
              </option>
            ))}
          </select>
          <span className="muted">
            {tr('outside3', { pct: formatValue(100 * residualCharts.outside, lang) })}
          </span>
        </div>
        <div className="pmf-grid">
          <Chart
            testId="pmf-residual-histogram"
            data={residualCharts.histogram.data}
            layout={residualCharts.histogram.layout}
            exportName={`pmf-residuals-${result.species[species]}`}
            exportData={residualCharts.histogram.exportData}
          />
          <Chart
            testId="pmf-obs-pred"
            data={residualCharts.scatter.data}
            layout={residualCharts.scatter.layout}
            exportName={`pmf-observed-predicted-${result.species[species]}`}
            exportData={residualCharts.scatter.exportData}
          />
        </div>
      </div>

      <div className="panel">
        <div className="panel-header">
          <h2>{tr('qTable')}</h2>
          <ExportMenu name="pmf-species-fit" data={qExport} disabled={false} />
        </div>
        <table className="data-table" data-testid="pmf-q-table">
          <thead>
            <tr>
              <th>{tr('col.species')}</th>
              <th>{tr('col.category')}</th>
              <th>Q/Qexp</th>
              <th>r²</th>
              <th>{tr('col.slope')}</th>
              <th>{tr('col.intercept')}</th>
            </tr>
          </thead>
          <tbody>
            {result.species.map((s, j) => (
              <tr key={s}>
                <td>{s}</td>
                <td>{tr(`category.${result.categories[j]}`)}</td>
                <td className={`num${result.speciesFit[j].qOverExpected > 2 ? ' warn' : ''}`}>
                  {fmt(result.speciesFit[j].qOverExpected)}
                </td>
                <td className="num">{result.speciesFit[j].r2.toFixed(3)}</td>
                <td className="num">{fmt(result.speciesFit[j].slope)}</td>
                <td className="num">{fmt(result.speciesFit[j].intercept)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <ErrorEstimationPanel result={result} label={label} onUpdated={onUpdated} onError={onError} />
      <RotationPanel result={result} label={label} onUpdated={onUpdated} onError={onError} />
    </div>
  );
}
