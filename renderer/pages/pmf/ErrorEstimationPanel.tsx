import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PmfErrorParams, PmfStoredResult } from '../../../analysis/api/contracts/pmf.ts';
import { ExportMenu } from '../../components/charts/ExportMenu.tsx';
import { JobProgress } from '../../components/jobs/JobProgress.tsx';
import { useJob } from '../../components/jobs/use-job.ts';
import type { ExportColumn } from '../../lib/csv.ts';
import { formatInteger, formatValue } from '../../lib/format.ts';

interface Props {
  result: PmfStoredResult;
  label(h: number): string;
  onUpdated(result: PmfStoredResult): void;
  onError(error: unknown): void;
}

/** Bootstrap mapping and DISP swap tables (EPA PMF 5.0 user guide §7), run as the `pmf-errors` job. */
export function ErrorEstimationPanel({ result, label, onUpdated, onError }: Props) {
  const { t: tr, i18n } = useTranslation('pmf');
  const lang = i18n.language;
  const [bootstrapRuns, setBootstrapRuns] = useState(100);
  const [disp, setDisp] = useState(true);
  const k = result.factors;
  const bs = result.errors?.bootstrap ?? null;
  const dp = result.errors?.disp ?? null;

  const { jobId, start, finished } = useJob<PmfStoredResult, PmfErrorParams>('pmf-errors', {
    onDone: onUpdated,
    onError,
  });

  const percentileExport: ExportColumn[] = bs
    ? (() => {
        const rows = result.species.flatMap((s, j) => Array.from({ length: k }, (_, h) => ({ s, h, j })));
        return [
          { name: tr('factor'), values: rows.map((r) => label(r.h)) },
          { name: tr('col.species'), values: rows.map((r) => r.s) },
          { name: tr('base'), values: rows.map((r) => bs.baseProfiles[r.h][r.j]) },
          ...bs.percentiles.map((p, q) => ({
            name: `BS P${p}`,
            values: rows.map((r) => bs.profilePercentiles[r.h][r.j][q] ?? null),
          })),
          ...(dp
            ? [
                { name: 'DISP min (dQ 4)', values: rows.map((r) => dp.low[0][r.h][r.j]) },
                { name: 'DISP max (dQ 4)', values: rows.map((r) => dp.high[0][r.h][r.j]) },
              ]
            : []),
        ];
      })()
    : [];

  return (
    <div className="panel" data-testid="pmf-errors">
      <div className="panel-header">
        <h2>{tr('errors.title')}</h2>
        {bs && <ExportMenu name="pmf-error-intervals" data={percentileExport} disabled={false} />}
      </div>
      <div className="pmf-toolbar">
        <label>
          <span>{tr('errors.bootstrapRuns')}</span>
          <input
            type="number"
            min={0}
            max={10000}
            value={bootstrapRuns}
            data-testid="pmf-bs-runs"
            onChange={(e) => setBootstrapRuns(Number(e.target.value))}
          />
        </label>
        <label className="pmf-check">
          <input type="checkbox" checked={disp} onChange={(e) => setDisp(e.target.checked)} />
          {tr('errors.disp')}
        </label>
        <button
          type="button"
          disabled={jobId !== null}
          data-testid="pmf-errors-run"
          onClick={() => void start({ runId: result.runId, bootstrapRuns, disp })}
        >
          {tr('errors.run')}
        </button>
      </div>
      {jobId && <JobProgress jobId={jobId} label={tr('errors.running')} onFinished={finished} />}
      {!bs && !dp && <p className="muted">{tr('errors.none')}</p>}
      {bs && (
        <>
          <h3>{tr('errors.bsTitle', { runs: bs.runs, block: bs.blockSize, r: bs.threshold })}</h3>
          <table className="data-table" data-testid="pmf-bs-table">
            <thead>
              <tr>
                <th>{tr('errors.baseFactor')}</th>
                {Array.from({ length: k }, (_, l) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: factors are positional
                  <th key={l}>{tr('errors.bsFactor', { n: l + 1 })}</th>
                ))}
                <th>{tr('errors.mappedPercent')}</th>
              </tr>
            </thead>
            <tbody>
              {bs.mappingCounts.map((row, h) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: factors are positional
                <tr key={h}>
                  <td>{label(h)}</td>
                  {row.map((c, l) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: factors are positional
                    <td key={l} className={`num${l === h ? ' diagonal' : ''}`}>
                      {formatInteger(c, lang)}
                    </td>
                  ))}
                  <td className={`num${bs.mappedPercent[h] < 80 ? ' warn' : ''}`}>
                    {formatValue(bs.mappedPercent[h], lang)}
                  </td>
                </tr>
              ))}
              <tr>
                <td>{tr('errors.unmapped')}</td>
                {bs.unmapped.map((c, l) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: factors are positional
                  <td key={l} className="num">
                    {formatInteger(c, lang)}
                  </td>
                ))}
                <td />
              </tr>
            </tbody>
          </table>
        </>
      )}
      {dp && (
        <>
          <h3>
            {tr('errors.dispTitle', { pct: formatValue(dp.maxQDecreasePercent, lang) })}
            {dp.decreaseFlag && <span className="tag bad"> {tr('errors.dispFlag')}</span>}
          </h3>
          <table className="data-table" data-testid="pmf-disp-table">
            <thead>
              <tr>
                <th>dQmax</th>
                {Array.from({ length: k }, (_, h) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: factors are positional
                  <th key={h}>{label(h)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {dp.levels.map((level, i) => (
                <tr key={level}>
                  <td>{level}</td>
                  {dp.swaps[i].map((c, h) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: factors are positional
                    <td key={h} className={`num${c > 0 && level === 4 ? ' warn' : ''}`}>
                      {formatInteger(c, lang)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">{tr('errors.dispNote')}</p>
        </>
      )}
    </div>
  );
}
