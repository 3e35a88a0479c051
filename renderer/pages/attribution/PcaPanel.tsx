import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../../app/ErrorBox.tsx';
import { Chart } from '../../components/charts/Chart.tsx';
import { ExportMenu } from '../../components/charts/ExportMenu.tsx';
import { decodeTable, numberColumn, textColumn } from '../../lib/arrow.ts';
import type { ExportColumn } from '../../lib/csv.ts';
import { formatPercent } from '../../lib/format.ts';
import { fixed, pText } from './attribution-view.ts';
import { useRun } from './use-run.ts';

/** PCA / factor analysis: KMO and Bartlett, scree plot, (rotated) loadings table and biplot. */
export function PcaPanel({ datasetId, columns }: { datasetId: string; columns: string[] }) {
  const { t: tr, i18n } = useTranslation('attribution');
  const lang = i18n.language;
  const [components, setComponents] = useState('');
  const [rotate, setRotate] = useState(true);
  const [log, setLog] = useState(false);
  const { result, busy, error, run } = useRun('attribution.pca');

  const loadings = result ? (rotate ? result.rotatedLoadings : result.loadings) : [];
  const pcNames = result ? Array.from({ length: result.components }, (_, k) => `PC${k + 1}`) : [];

  const scree = useMemo(() => {
    if (!result) return null;
    const x = result.eigenvalues.map((_, i) => i + 1);
    return {
      data: [
        {
          type: 'scatter',
          mode: 'lines+markers',
          x,
          y: result.eigenvalues,
          name: tr('pca.eigenvalue'),
          line: { color: '#1f4e79' },
        },
        {
          type: 'bar',
          x,
          y: result.explained.map((v) => v * 100),
          name: tr('pca.explained'),
          yaxis: 'y2',
          marker: { color: 'rgba(155,187,89,0.55)' },
        },
      ],
      layout: {
        title: { text: tr('pca.screeTitle') },
        xaxis: { title: { text: tr('pca.component') }, dtick: 1 },
        yaxis: { title: { text: tr('pca.eigenvalue') }, rangemode: 'tozero' },
        yaxis2: {
          title: { text: `${tr('pca.explained')} (%)`, standoff: 8 },
          overlaying: 'y',
          side: 'right',
          rangemode: 'tozero',
          showgrid: false,
          automargin: true,
        },
        shapes: [
          {
            type: 'line',
            xref: 'paper',
            x0: 0,
            x1: 1,
            y0: 1,
            y1: 1,
            line: { dash: 'dash', color: '#c0504d', width: 1 },
          },
        ],
        legend: { orientation: 'h', x: 0.99, xanchor: 'right', y: 0.99 },
      },
      exportData: [
        { name: tr('pca.component'), values: x },
        { name: tr('pca.eigenvalue'), values: result.eigenvalues },
        { name: tr('pca.explained'), values: result.explained },
        { name: tr('pca.cumulative'), values: result.cumulative },
      ] as ExportColumn[],
    };
  }, [result, tr]);

  const biplot = useMemo(() => {
    if (!result || result.components < 2) return null;
    const scores = decodeTable(result.scores);
    const ids = textColumn(scores, 'sample_id') ?? [];
    const x = numberColumn(scores, 'pc1') ?? new Float64Array();
    const y = numberColumn(scores, 'pc2') ?? new Float64Array();
    const load = rotate ? result.rotatedLoadings : result.loadings;
    // Arrows scaled to the score cloud (Gabriel 1971 biplots draw both on one plot).
    const span = Math.max(...Array.from(x, Math.abs), ...Array.from(y, Math.abs), 1);
    const scale = span * 0.9;
    const arrowX: (number | null)[] = [];
    const arrowY: (number | null)[] = [];
    for (const row of load) arrowX.push(0, row[0] * scale, null);
    for (const row of load) arrowY.push(0, row[1] * scale, null);
    return {
      data: [
        {
          type: 'scatter',
          mode: 'markers',
          x: Array.from(x),
          y: Array.from(y),
          text: ids,
          name: tr('pca.samples'),
          marker: { size: 5, color: 'rgba(31,78,121,0.45)' },
        },
        {
          type: 'scatter',
          mode: 'lines',
          x: arrowX,
          y: arrowY,
          name: tr('pca.loadingArrows'),
          line: { color: '#c0504d', width: 1.5 },
          hoverinfo: 'skip',
        },
      ],
      layout: {
        title: { text: tr('pca.biplotTitle') },
        xaxis: {
          title: { text: `PC1 (${formatPercent(result.rotatedExplained[0], lang)})` },
          zeroline: true,
        },
        yaxis: {
          title: { text: `PC2 (${formatPercent(result.rotatedExplained[1], lang)})` },
          zeroline: true,
        },
        annotations: result.variables.map((v, i) => ({
          x: load[i][0] * scale,
          y: load[i][1] * scale,
          text: `<b>${v}</b>`,
          showarrow: false,
          font: { color: '#c0504d', size: 12 },
          xshift: load[i][0] >= 0 ? 10 : -10,
        })),
        legend: { orientation: 'h', x: 0.99, xanchor: 'right', y: 0.99 },
      },
      exportData: [
        { name: 'sample_id', values: ids },
        { name: 'PC1', values: x },
        { name: 'PC2', values: y },
      ] as ExportColumn[],
    };
  }, [result, rotate, tr, lang]);

  const loadingExport: ExportColumn[] = result
    ? [
        { name: tr('correlation.variable'), values: result.variables },
        ...pcNames.map((name, k) => ({ name, values: loadings.map((row) => row[k]) })),
        { name: tr('pca.communality'), values: result.communalities },
      ]
    : [];

  return (
    <section className="panel" data-testid="attribution-pca">
      <div className="attribution-form">
        <label>
          <span>{tr('pca.components')}</span>
          <input
            type="number"
            min={1}
            max={columns.length}
            placeholder={tr('pca.kaiser')}
            value={components}
            data-testid="pca-components"
            onChange={(e) => setComponents(e.target.value)}
          />
        </label>
        <label className="check">
          <input type="checkbox" checked={rotate} onChange={(e) => setRotate(e.target.checked)} />
          {tr('pca.varimax')}
        </label>
        <label className="check">
          <input type="checkbox" checked={log} onChange={(e) => setLog(e.target.checked)} />
          {tr('log')}
        </label>
        <button
          type="button"
          className="primary"
          data-testid="attribution-run-pca"
          disabled={busy || columns.length < 2}
          onClick={() =>
            run({ datasetId, columns, rotate, log, components: components ? Number(components) : undefined })
          }
        >
          {busy ? tr('running') : tr('run')}
        </button>
      </div>
      {error !== null && <ErrorBox error={error} />}
      {result && scree && (
        <>
          <p className="summary-line" data-testid="pca-tests">
            {tr('pca.tests', {
              n: result.n,
              kmo: fixed(result.kmo.overall),
              chi2: fixed(result.bartlett.chiSquare, 1),
              df: result.bartlett.df,
              p: pText(result.bartlett.p),
            })}
            {result.kmo.overall < 0.5 && <span className="warn"> {tr('pca.kmoLow')}</span>}
          </p>
          <div className="attribution-charts">
            <Chart
              testId="pca-scree"
              data={scree.data}
              layout={scree.layout}
              exportName="pca-scree"
              exportData={scree.exportData}
              height={380}
            />
            {biplot && (
              <Chart
                testId="pca-biplot"
                data={biplot.data}
                layout={biplot.layout}
                exportName="pca-biplot"
                exportData={biplot.exportData}
                height={380}
              />
            )}
          </div>
          <div className="panel-header">
            <h2>{rotate ? tr('pca.rotatedLoadings') : tr('pca.loadings')}</h2>
            <ExportMenu name="pca-loadings" data={loadingExport} disabled={false} />
          </div>
          <div className="scroll-x">
            <table className="grid compact" data-testid="pca-loadings">
              <thead>
                <tr>
                  <th>{tr('correlation.variable')}</th>
                  {pcNames.map((p) => (
                    <th key={p} className="num">
                      {p}
                    </th>
                  ))}
                  <th className="num">{tr('pca.communality')}</th>
                </tr>
              </thead>
              <tbody>
                {result.variables.map((v, i) => (
                  <tr key={v} data-testid={`pca-loading-${v}`}>
                    <th scope="row">{v}</th>
                    {pcNames.map((p, k) => (
                      <td
                        key={p}
                        className={Math.abs(loadings[i][k]) >= 0.5 ? 'num strong' : 'num'}
                        data-key={p}
                      >
                        {fixed(loadings[i][k])}
                      </td>
                    ))}
                    <td className="num">{fixed(result.communalities[i])}</td>
                  </tr>
                ))}
                <tr className="total-row">
                  <th scope="row">{tr('pca.explained')}</th>
                  {pcNames.map((p, k) => (
                    <td key={p} className="num">
                      {formatPercent(rotate ? result.rotatedExplained[k] : result.explained[k], lang)}
                    </td>
                  ))}
                  <td />
                </tr>
              </tbody>
            </table>
          </div>
          <p className="footnote muted">{tr('pca.footnote')}</p>
        </>
      )}
    </section>
  );
}
