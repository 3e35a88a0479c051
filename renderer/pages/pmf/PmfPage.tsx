import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PmfSource, PmfSpeciesRow, PmfStoredResult } from '../../../analysis/api/contracts/pmf.ts';
import { useApi } from '../../app/api-context.tsx';
import { ErrorBox } from '../../app/ErrorBox.tsx';
import { useProject } from '../../app/project-context.tsx';
import { DatasetPicker } from '../../components/DatasetPicker.tsx';
import { JobProgress } from '../../components/jobs/JobProgress.tsx';
import { useJob } from '../../components/jobs/use-job.ts';
import { formatDateTime, formatValue } from '../../lib/format.ts';
import { PmfResults } from './PmfResults.tsx';
import './pmf.css';

type Category = PmfSpeciesRow['suggested'];
const CATEGORIES: Category[] = ['strong', 'weak', 'bad'];
type RunSummary = {
  runId: string;
  createdAt: string;
  factors: number;
  runs: number;
  seed: number;
  qTrue: number;
};

export default function PmfPage() {
  const { t: tr, i18n } = useTranslation('pmf');
  const lang = i18n.language;
  const api = useApi();
  const { datasets } = useProject();
  const soilSets = useMemo(() => datasets.filter((d) => d.kind === 'soil'), [datasets]);
  const [sourceType, setSourceType] = useState<'dataset' | 'files'>('dataset');
  const [datasetId, setDatasetId] = useState('');
  const [concPath, setConcPath] = useState('');
  const [uncPath, setUncPath] = useState('');
  const [available, setAvailable] = useState<string[]>([]);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [errorFraction, setErrorFraction] = useState(10);
  const [mdl, setMdl] = useState<Record<string, number>>({});
  const [table, setTable] = useState<PmfSpeciesRow[]>([]);
  const [sampleCount, setSampleCount] = useState(0);
  const [categories, setCategories] = useState<Record<string, Category>>({});
  const [totalVariable, setTotalVariable] = useState('');
  const [extra, setExtra] = useState(0);
  const [factors, setFactors] = useState(4);
  const [runs, setRuns] = useState(20);
  const [seed, setSeed] = useState(42);
  const [result, setResult] = useState<PmfStoredResult | null>(null);
  const [stored, setStored] = useState<RunSummary[]>([]);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!soilSets.some((d) => d.id === datasetId)) setDatasetId(soilSets[0]?.id ?? '');
  }, [soilSets, datasetId]);

  const source = useMemo<PmfSource | null>(() => {
    if (sourceType === 'files') {
      return concPath && uncPath ? { type: 'files', concPath, uncPath } : null;
    }
    if (!datasetId) return null;
    return {
      type: 'dataset',
      datasetId,
      species: chosen ?? undefined,
      mdl,
      errorFractions: {},
      errorFraction: errorFraction / 100,
    };
  }, [sourceType, concPath, uncPath, datasetId, chosen, mdl, errorFraction]);

  const refreshRuns = useCallback(() => {
    api
      .call('pmf.runs', {})
      .then(setStored)
      .catch((e: unknown) => setError(e));
  }, [api]);
  useEffect(refreshRuns, [refreshRuns]);

  // The S/N table follows every input change (debounced); categories suggested by S/N until set.
  useEffect(() => {
    if (!source) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      api
        .call('pmf.species', { source })
        .then((r) => {
          if (cancelled) return;
          setError(null);
          setTable(r.species);
          setAvailable(r.available);
          setSampleCount(r.sampleIds.length);
          setCategories((old) =>
            Object.fromEntries(r.species.map((s) => [s.species, old[s.species] ?? s.suggested])),
          );
        })
        .catch((e: unknown) => !cancelled && setError(e));
    }, 250);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [api, source]);

  const toggleSpecies = (s: string) => {
    const current = chosen ?? available;
    setChosen(
      current.includes(s)
        ? current.filter((x) => x !== s)
        : available.filter((x) => current.includes(x) || x === s),
    );
  };

  const { jobId, start, finished } = useJob<PmfStoredResult>('pmf', {
    onDone: (r) => {
      setResult(r);
      refreshRuns();
    },
    onError: setError,
  });

  const run = () => {
    if (!source) return;
    setError(null);
    void start({
      source,
      options: {
        categories,
        totalVariable: totalVariable || undefined,
        extraUncertainty: extra / 100,
      },
      factors,
      runs,
      seed,
    });
  };

  const reopen = (runId: string) => {
    if (!runId) return;
    api
      .call('pmf.result', { runId })
      .then(setResult)
      .catch((e: unknown) => setError(e));
  };

  const used = chosen ?? available;
  return (
    <div className="page pmf-page" data-testid="page-pmf">
      <div className="page-header">
        <h1>{tr('title')}</h1>
        <span className="muted">{tr('subtitle')}</span>
      </div>
      <div className="panel pmf-toolbar">
        <label>
          <span>{tr('source')}</span>
          <select
            value={sourceType}
            data-testid="pmf-source-type"
            onChange={(e) => setSourceType(e.target.value as 'dataset' | 'files')}
          >
            <option value="dataset">{tr('sourceDataset')}</option>
            <option value="files">{tr('sourceFiles')}</option>
          </select>
        </label>
        {sourceType === 'dataset' ? (
          <>
            <DatasetPicker
              datasets={soilSets}
              value={datasetId}
              onChange={(id) => {
                setDatasetId(id);
                setChosen(null);
                setMdl({});
              }}
              label={tr('dataset')}
              testId="pmf-dataset"
            />
            <label>
              <span>{tr('errorFraction')}</span>
              <input
                type="number"
                min={0}
                max={100}
                step={1}
                value={errorFraction}
                data-testid="pmf-error-fraction"
                onChange={(e) => setErrorFraction(Number(e.target.value))}
              />
            </label>
          </>
        ) : (
          <>
            <label>
              <span>{tr('concFile')}</span>
              <input
                className="mono pmf-path"
                value={concPath}
                onChange={(e) => setConcPath(e.target.value)}
              />
            </label>
            <label>
              <span>{tr('uncFile')}</span>
              <input className="mono pmf-path" value={uncPath} onChange={(e) => setUncPath(e.target.value)} />
            </label>
          </>
        )}
        <label>
          <span>{tr('storedRuns')}</span>
          <select value="" data-testid="pmf-stored-runs" onChange={(e) => reopen(e.target.value)}>
            <option value="">{tr('storedRunsCount', { n: stored.length })}</option>
            {stored.map((r) => (
              <option key={r.runId} value={r.runId}>
                {formatDateTime(r.createdAt, lang)} · K={r.factors} · {tr('runsShort', { n: r.runs })} · Q=
                {formatValue(r.qTrue, lang)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {sourceType === 'dataset' && available.length > 0 && (
        <div className="panel pmf-species-picker" data-testid="pmf-species-picker">
          <span className="muted">{tr('species')}</span>
          {available.map((s) => (
            <label key={s} className="pmf-check">
              <input type="checkbox" checked={used.includes(s)} onChange={() => toggleSpecies(s)} />
              {s}
            </label>
          ))}
        </div>
      )}
      {error !== null && <ErrorBox error={error} />}
      {table.length > 0 && (
        <div className="panel">
          <div className="panel-header">
            <h2>{tr('snTitle', { n: sampleCount, m: table.length })}</h2>
          </div>
          <div className="scroll-x">
            <table className="data-table pmf-sn" data-testid="pmf-sn-table">
              <thead>
                <tr>
                  <th>{tr('col.species')}</th>
                  <th>{tr('col.sn')}</th>
                  <th>{tr('col.suggested')}</th>
                  <th>{tr('col.category')}</th>
                  <th>{tr('col.total')}</th>
                  {sourceType === 'dataset' && <th>{tr('col.mdl')}</th>}
                  <th>{tr('col.censored')}</th>
                  <th>{tr('col.missing')}</th>
                  <th>{tr('col.min')}</th>
                  <th>{tr('col.median')}</th>
                  <th>{tr('col.max')}</th>
                </tr>
              </thead>
              <tbody>
                {table.map((row) => (
                  <tr key={row.species} data-species={row.species}>
                    <td>{row.species}</td>
                    <td className="num">{formatValue(row.signalToNoise, lang)}</td>
                    <td>{tr(`category.${row.suggested}`)}</td>
                    <td>
                      <div className="pmf-switch" role="radiogroup">
                        {CATEGORIES.map((c) => (
                          <button
                            key={c}
                            type="button"
                            className={categories[row.species] === c ? `active ${c}` : c}
                            aria-pressed={categories[row.species] === c}
                            data-testid={`pmf-cat-${row.species}-${c}`}
                            onClick={() => setCategories((old) => ({ ...old, [row.species]: c }))}
                          >
                            {tr(`category.${c}`)}
                          </button>
                        ))}
                      </div>
                    </td>
                    <td>
                      <input
                        type="radio"
                        name="pmf-total"
                        checked={totalVariable === row.species}
                        onChange={() => setTotalVariable(row.species)}
                        onClick={() => totalVariable === row.species && setTotalVariable('')}
                      />
                    </td>
                    {sourceType === 'dataset' && (
                      <td>
                        <input
                          className={row.mdlFromData ? 'pmf-mdl' : 'pmf-mdl estimated'}
                          type="number"
                          step="any"
                          min={0}
                          title={row.mdlFromData ? tr('mdlFromData') : tr('mdlEstimated')}
                          defaultValue={row.mdl ?? ''}
                          key={`${row.species}-${row.mdl}`}
                          onBlur={(e) => {
                            const v = Number(e.target.value);
                            if (v > 0 && v !== row.mdl) setMdl((old) => ({ ...old, [row.species]: v }));
                          }}
                        />
                      </td>
                    )}
                    <td className="num">{formatValue(row.censoredPercent, lang)}</td>
                    <td className="num">{formatValue(row.missingPercent, lang)}</td>
                    <td className="num">{formatValue(row.min, lang)}</td>
                    <td className="num">{formatValue(row.median, lang)}</td>
                    <td className="num">{formatValue(row.max, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted">{tr('snNote')}</p>
        </div>
      )}
      <div className="panel pmf-toolbar">
        <label>
          <span>{tr('factors')}</span>
          <input
            type="number"
            min={1}
            max={20}
            value={factors}
            data-testid="pmf-factors"
            onChange={(e) => setFactors(Number(e.target.value))}
          />
        </label>
        <label>
          <span>{tr('runs')}</span>
          <input
            type="number"
            min={1}
            max={1000}
            value={runs}
            data-testid="pmf-runs"
            onChange={(e) => setRuns(Number(e.target.value))}
          />
        </label>
        <label>
          <span>{tr('seed')}</span>
          <input
            type="number"
            min={0}
            value={seed}
            data-testid="pmf-seed"
            onChange={(e) => setSeed(Number(e.target.value))}
          />
        </label>
        <label>
          <span>{tr('extra')}</span>
          <input
            type="number"
            min={0}
            max={25}
            step={1}
            value={extra}
            onChange={(e) => setExtra(Number(e.target.value))}
          />
        </label>
        <button
          type="button"
          className="primary"
          disabled={!source || jobId !== null}
          data-testid="pmf-run"
          onClick={run}
        >
          {tr('run')}
        </button>
      </div>
      {jobId && <JobProgress jobId={jobId} label={tr('running')} onFinished={finished} />}
      {result && (
        <PmfResults
          // Remount on a language switch: Plotly.react onto the redrawn log/two-axis profiles
          // shifted the category ticks by half a bar (seen in the e2e screenshots).
          key={lang}
          result={result}
          onNamed={(names) => setResult({ ...result, factorNames: names })}
          onUpdated={setResult}
          onError={setError}
        />
      )}
    </div>
  );
}
