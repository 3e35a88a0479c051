import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../../app/ErrorBox.tsx';
import { Chart } from '../../components/charts/Chart.tsx';
import { ExportMenu } from '../../components/charts/ExportMenu.tsx';
import { decodeTable } from '../../lib/arrow.ts';
import type { ExportColumn } from '../../lib/csv.ts';
import { formatPercent } from '../../lib/format.ts';
import { fixed, SOURCE_COLORS } from './attribution-view.ts';
import { useRun } from './use-run.ts';

/** APCS-MLR: mean source shares per element (stacked, with the unexplained part), R², warnings. */
export function ApcsPanel({ datasetId, columns }: { datasetId: string; columns: string[] }) {
  const { t: tr, i18n } = useTranslation('attribution');
  const lang = i18n.language;
  const [factors, setFactors] = useState('');
  const { result, busy, error, run } = useRun('attribution.apcs');
  const sources = result
    ? Array.from({ length: result.sources }, (_, k) => tr('apcs.source', { k: k + 1 }))
    : [];

  const chart = useMemo(() => {
    if (!result) return null;
    const species = result.species.map((s) => s.species);
    return {
      data: [
        ...sources.map((name, k) => ({
          type: 'bar',
          name,
          x: species,
          y: result.species.map((s) => s.shares[k] * 100),
          marker: { color: SOURCE_COLORS[k % SOURCE_COLORS.length] },
          hovertemplate: `${name} %{x}: %{y:.1f}%<extra></extra>`,
        })),
        {
          type: 'bar',
          name: tr('apcs.unexplained'),
          x: species,
          y: result.species.map((s) => s.unexplainedShare * 100),
          marker: { color: '#bfbfbf', pattern: { shape: '/' } },
        },
      ],
      layout: {
        title: { text: tr('apcs.chartTitle') },
        barmode: 'relative',
        yaxis: { title: { text: tr('apcs.shareAxis') }, zeroline: true },
        legend: { orientation: 'h', y: -0.15 },
      },
      exportData: [
        { name: tr('apcs.element'), values: species },
        ...sources.map((name, k) => ({ name, values: result.species.map((s) => s.shares[k]) })),
        { name: tr('apcs.unexplained'), values: result.species.map((s) => s.unexplainedShare) },
        { name: 'R²', values: result.species.map((s) => s.r2) },
      ] as ExportColumn[],
    };
  }, [result, sources, tr]);

  const sampleExport = useMemo<ExportColumn[]>(() => {
    if (!result) return [];
    const table = decodeTable(result.contributions);
    return table.schema.fields.map((f) => ({
      name: f.name,
      values: [...(table.getChild(f.name) ?? [])].map((v: unknown) =>
        v === null || v === undefined ? null : typeof v === 'number' ? v : String(v),
      ),
    }));
  }, [result]);

  const warningText = (w: NonNullable<typeof result>['warnings'][number]) =>
    tr(`apcs.warning.${w.kind}`, {
      species: w.species,
      source: w.source === null ? '' : tr('apcs.source', { k: w.source + 1 }),
      value: fixed(w.value),
    });

  return (
    <section className="panel" data-testid="attribution-apcs">
      <div className="attribution-form">
        <label>
          <span>{tr('apcs.factors')}</span>
          <input
            type="number"
            min={1}
            max={columns.length}
            placeholder={tr('pca.kaiser')}
            value={factors}
            data-testid="apcs-factors"
            onChange={(e) => setFactors(e.target.value)}
          />
        </label>
        <button
          type="button"
          className="primary"
          data-testid="attribution-run-apcs"
          disabled={busy || columns.length < 2}
          onClick={() => run({ datasetId, columns, factors: factors ? Number(factors) : undefined })}
        >
          {busy ? tr('running') : tr('run')}
        </button>
      </div>
      {error !== null && <ErrorBox error={error} />}
      {result && chart && (
        <>
          <Chart
            testId="apcs-shares"
            data={chart.data}
            layout={chart.layout}
            exportName="apcs-mlr-shares"
            exportData={chart.exportData}
            height={420}
          />
          <div className="panel-header">
            <h2>{tr('apcs.tableTitle', { n: result.n, k: result.sources })}</h2>
            <ExportMenu name="apcs-mlr-sample-contributions" data={sampleExport} disabled={false} />
          </div>
          <div className="scroll-x">
            <table className="grid compact" data-testid="apcs-table">
              <thead>
                <tr>
                  <th>{tr('apcs.element')}</th>
                  <th className="num">{tr('apcs.mean')}</th>
                  {sources.map((s) => (
                    <th key={s} className="num">
                      {s}
                    </th>
                  ))}
                  <th className="num">{tr('apcs.unexplained')}</th>
                  <th className="num">R²</th>
                </tr>
              </thead>
              <tbody>
                {result.species.map((s) => (
                  <tr key={s.species} data-testid={`apcs-row-${s.species}`}>
                    <th scope="row">{s.species}</th>
                    <td className="num">{fixed(s.mean)}</td>
                    {s.shares.map((v, k) => (
                      <td key={sources[k]} className={v < 0 ? 'num warn' : 'num'} data-key={`s${k + 1}`}>
                        {formatPercent(v, lang)}
                      </td>
                    ))}
                    <td className={s.unexplainedShare < 0 ? 'num warn' : 'num'} data-key="unexplained">
                      {formatPercent(s.unexplainedShare, lang)}
                    </td>
                    <td className="num" data-key="r2">
                      {fixed(s.r2)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>{tr('pca.rotatedLoadings')}</h2>
          <table className="grid compact" data-testid="apcs-loadings">
            <thead>
              <tr>
                <th>{tr('apcs.element')}</th>
                {sources.map((s) => (
                  <th key={s} className="num">
                    {s}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.variables.map((v, i) => (
                <tr key={v}>
                  <th scope="row">{v}</th>
                  {sources.map((s, k) => (
                    <td
                      key={s}
                      className={Math.abs(result.rotatedLoadings[i][k]) >= 0.5 ? 'num strong' : 'num'}
                    >
                      {fixed(result.rotatedLoadings[i][k])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {result.warnings.length > 0 && (
            <div className="warn-box" data-testid="apcs-warnings">
              <strong>{tr('apcs.warnings', { n: result.warnings.length })}</strong>
              <ul className="attribution-warnings">
                {result.warnings.map((w) => (
                  <li key={`${w.kind}-${w.species}-${w.source}`}>{warningText(w)}</li>
                ))}
              </ul>
            </div>
          )}
          <p className="footnote muted">{tr('apcs.footnote')}</p>
        </>
      )}
    </section>
  );
}
