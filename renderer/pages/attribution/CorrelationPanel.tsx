import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../../app/ErrorBox.tsx';
import { Chart } from '../../components/charts/Chart.tsx';
import type { ExportColumn } from '../../lib/csv.ts';
import { correlationCell, dendrogramLines, pText } from './attribution-view.ts';
import { useRun } from './use-run.ts';

/** Pearson/Spearman heat map with * / ** marks, the p table, and the dendrogram of the variables. */
export function CorrelationPanel({ datasetId, columns }: { datasetId: string; columns: string[] }) {
  const { t: tr } = useTranslation('attribution');
  const [method, setMethod] = useState<'pearson' | 'spearman'>('pearson');
  const [log, setLog] = useState(false);
  const [linkage, setLinkage] = useState<'average' | 'complete'>('average');
  const { result, busy, error, run } = useRun('attribution.correlation');

  const heat = useMemo(() => {
    if (!result) return null;
    const v = result.variables;
    const text = result.r.map((row, i) =>
      row.map((r, j) => (i === j ? '1' : correlationCell(r, result.marks[i][j]))),
    );
    return {
      data: [
        {
          type: 'heatmap',
          x: v,
          y: v,
          z: result.r,
          zmin: -1,
          zmax: 1,
          colorscale: 'RdBu',
          reversescale: true,
          text,
          texttemplate: '%{text}',
          textfont: { size: 11 },
          colorbar: { title: { text: 'r' }, thickness: 12 },
          hovertemplate: '%{y} – %{x}: %{text}<extra></extra>',
        },
      ],
      layout: {
        title: { text: tr('correlation.heatTitle', { method: tr(`correlation.${result.method}`) }) },
        yaxis: { autorange: 'reversed', automargin: true },
        xaxis: { side: 'bottom', automargin: true },
        annotations: [
          {
            text: tr('correlation.marks'),
            xref: 'paper',
            yref: 'paper',
            x: 0,
            y: -0.16,
            showarrow: false,
            xanchor: 'left',
            font: { size: 11 },
          },
        ],
      },
      exportData: [
        { name: tr('correlation.variable'), values: v },
        ...v.flatMap((name, j) => [
          { name: `r ${name}`, values: result.r.map((row) => row[j]) },
          { name: `p ${name}`, values: result.p.map((row) => row[j]) },
        ]),
      ] as ExportColumn[],
    };
  }, [result, tr]);

  const tree = useMemo(() => {
    if (!result) return null;
    const lines = dendrogramLines(result.dendrogram);
    return {
      data: [
        {
          type: 'scatter',
          mode: 'lines',
          x: lines.x,
          y: lines.y,
          line: { color: '#1f4e79', width: 2 },
          hoverinfo: 'skip',
        },
      ],
      layout: {
        title: { text: tr('correlation.dendrogramTitle') },
        xaxis: { tickvals: lines.tickvals, ticktext: lines.ticktext, zeroline: false, showgrid: false },
        yaxis: { title: { text: tr('correlation.distance') }, rangemode: 'tozero' },
        showlegend: false,
      },
      exportData: [
        { name: tr('correlation.mergeLeft'), values: result.dendrogram.merges.map((m) => m.left) },
        { name: tr('correlation.mergeRight'), values: result.dendrogram.merges.map((m) => m.right) },
        { name: tr('correlation.distance'), values: result.dendrogram.merges.map((m) => m.height) },
        { name: tr('correlation.size'), values: result.dendrogram.merges.map((m) => m.size) },
      ] as ExportColumn[],
    };
  }, [result, tr]);

  return (
    <section className="panel" data-testid="attribution-correlation">
      <div className="attribution-form">
        <label>
          <span>{tr('correlation.method')}</span>
          <select
            value={method}
            data-testid="correlation-method"
            onChange={(e) => setMethod(e.target.value as 'pearson' | 'spearman')}
          >
            <option value="pearson">{tr('correlation.pearson')}</option>
            <option value="spearman">{tr('correlation.spearman')}</option>
          </select>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={log}
            data-testid="correlation-log"
            onChange={(e) => setLog(e.target.checked)}
          />
          {tr('log')}
        </label>
        <label>
          <span>{tr('correlation.linkage')}</span>
          <select value={linkage} onChange={(e) => setLinkage(e.target.value as 'average' | 'complete')}>
            <option value="average">{tr('correlation.average')}</option>
            <option value="complete">{tr('correlation.complete')}</option>
          </select>
        </label>
        <button
          type="button"
          className="primary"
          data-testid="attribution-run-correlation"
          disabled={busy || columns.length < 2}
          onClick={() => run({ datasetId, columns, method, log, linkage })}
        >
          {busy ? tr('running') : tr('run')}
        </button>
      </div>
      {columns.length < 2 && <p className="muted">{tr('needTwo')}</p>}
      {error !== null && <ErrorBox error={error} />}
      {result && heat && tree && (
        <>
          <div className="attribution-charts">
            <Chart
              testId="correlation-heatmap"
              data={heat.data}
              layout={heat.layout}
              exportName={`correlation-${result.method}${result.log ? '-log' : ''}`}
              exportData={heat.exportData}
              height={460}
            />
            <Chart
              testId="correlation-dendrogram"
              data={tree.data}
              layout={tree.layout}
              exportName="correlation-dendrogram"
              exportData={tree.exportData}
              height={460}
            />
          </div>
          <div className="scroll-x">
            <table className="grid compact" data-testid="correlation-table">
              <caption>{tr('correlation.tableCaption')}</caption>
              <thead>
                <tr>
                  <th />
                  {result.variables.map((v) => (
                    <th key={v} className="num">
                      {v}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {result.variables.map((v, i) => (
                  <tr key={v} data-testid={`correlation-row-${v}`}>
                    <th scope="row">{v}</th>
                    {result.variables.map((w, j) => (
                      <td
                        key={w}
                        className="num"
                        data-key={w}
                        title={`p ${pText(result.p[i][j])}, n ${result.n[i][j]}`}
                      >
                        {j < i ? correlationCell(result.r[i][j], result.marks[i][j]) : j === i ? '1' : ''}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="footnote muted">{tr('correlation.footnote', { n: result.n[0][0] })}</p>
        </>
      )}
    </section>
  );
}
