import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScenariosValidation } from '../../../analysis/api/contracts/scenarios.ts';
import type { ComparisonResult, Measure } from '../../../analysis/methods/scenarios/index.ts';
import { useApi } from '../../app/api-context.tsx';
import { ErrorBox } from '../../app/ErrorBox.tsx';
import { JobProgress } from '../../components/jobs/JobProgress.tsx';
import { useJob } from '../../components/jobs/use-job.ts';
import { pick } from '../../i18n/index.ts';
import { ComparisonTable } from './ComparisonTable.tsx';
import { MeasureTable } from './MeasureTable.tsx';
import { ParetoChart, ProjectionChart, RadarChart, TornadoChart } from './ScenarioCharts.tsx';
import { ScenarioEditor } from './ScenarioEditor.tsx';
import type { ScenarioJson } from './scenarios-view.ts';
import './scenarios.css';

type Tab = 'editor' | 'measures' | 'results';
const TABS: Tab[] = ['editor', 'measures', 'results'];

export default function ScenariosPage() {
  const { t: tr, i18n } = useTranslation('scenarios');
  const lang = i18n.language;
  const api = useApi();
  const [file, setFile] = useState<ScenarioJson | null>(null);
  const [baseDir, setBaseDir] = useState('');
  const [measures, setMeasures] = useState<Measure[]>([]);
  const [validation, setValidation] = useState<ScenariosValidation | null>(null);
  const [draws, setDraws] = useState(1000);
  const [seed, setSeed] = useState(1);
  const [result, setResult] = useState<ComparisonResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tab, setTab] = useState<Tab>('editor');

  const loadExample = useCallback(() => {
    api
      .call('scenarios.example', {})
      .then((ex) => {
        setFile(ex.scenario as unknown as ScenarioJson);
        setBaseDir(ex.baseDir);
      })
      .catch((e: unknown) => setError(e));
  }, [api]);

  useEffect(() => {
    loadExample();
    api
      .call('scenarios.measures', {})
      .then((m) => setMeasures(m.measures))
      .catch((e: unknown) => setError(e));
  }, [api, loadExample]);

  // Every edit is validated by the core's schema (debounced): errors name the JSON path, and the
  // AHP consistency ratio follows the matrix as it is edited.
  useEffect(() => {
    if (!file) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      api
        .call('scenarios.validate', { scenario: file, baseDir: baseDir || undefined })
        .then((v) => !cancelled && setValidation(v))
        .catch((e: unknown) => !cancelled && setError(e));
    }, 250);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [api, file, baseDir]);

  const { jobId, start, finished } = useJob<ComparisonResult>('scenarios', {
    onDone: (r) => {
      setResult(r);
      setTab('results');
    },
    onError: setError,
  });

  const run = () => {
    if (!file) return;
    setError(null);
    void start({ scenario: file, baseDir: baseDir || undefined, draws, seed });
  };

  const upload = (picked: File | undefined) => {
    if (!picked) return;
    void picked.text().then((text) => {
      try {
        setFile(JSON.parse(text) as ScenarioJson);
        setResult(null);
      } catch (e) {
        setError(e);
      }
    });
  };

  return (
    <div className="page scenarios-page" data-testid="page-scenarios">
      <div className="page-header">
        <h1>{tr('title')}</h1>
        {file?.title && <span className="muted">{file.title}</span>}
      </div>
      <div className="panel scenarios-toolbar">
        <button type="button" onClick={loadExample} data-testid="scenarios-load-example">
          {tr('loadExample')}
        </button>
        <label className="file-input">
          {tr('upload')}
          <input
            type="file"
            accept=".json,application/json"
            data-testid="scenarios-upload"
            onChange={(e) => upload(e.target.files?.[0])}
          />
        </label>
        <label>
          {tr('baseDir')}
          <input
            className="mono scenarios-basedir"
            value={baseDir}
            onChange={(e) => setBaseDir(e.target.value)}
            data-testid="scenarios-basedir"
          />
        </label>
        <label>
          {tr('draws')}
          <input
            type="number"
            min={0}
            max={100000}
            step={100}
            value={draws}
            onChange={(e) => setDraws(Math.max(0, Math.round(Number(e.target.value) || 0)))}
            data-testid="scenarios-draws"
          />
        </label>
        <label>
          {tr('seed')}
          <input
            type="number"
            min={0}
            value={seed}
            onChange={(e) => setSeed(Math.max(0, Math.round(Number(e.target.value) || 0)))}
            data-testid="scenarios-seed"
          />
        </label>
        <button
          type="button"
          className="primary"
          disabled={!file || jobId !== null || validation?.valid === false}
          onClick={run}
          data-testid="scenarios-run"
        >
          {tr('run')}
        </button>
        {validation && (
          <span className={validation.valid ? 'tag ok' : 'tag bad'} data-testid="scenarios-validation">
            {validation.valid
              ? tr('valid', { count: validation.scenarioCount })
              : pick(validation.error?.message ?? { zh: '', en: '' }, lang)}
          </span>
        )}
      </div>
      {jobId && <JobProgress jobId={jobId} label={tr('running')} onFinished={finished} />}
      {error !== null && <ErrorBox error={error} />}
      <div className="tabs" role="tablist">
        {TABS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            className={id === tab ? 'tab active' : 'tab'}
            aria-selected={id === tab}
            data-testid={`scenarios-tab-${id}`}
            disabled={id === 'results' && !result}
            onClick={() => setTab(id)}
          >
            {tr(`tab.${id}`)}
          </button>
        ))}
      </div>
      {!file && error === null && <div className="placeholder">{tr('loading')}</div>}
      {file && tab === 'editor' && (
        <ScenarioEditor
          file={file}
          onChange={setFile}
          measures={measures}
          validation={validation}
          zoneIds={result?.zones.map((z) => z.id) ?? []}
        />
      )}
      {file && tab === 'measures' && <MeasureTable file={file} measures={measures} onChange={setFile} />}
      {result && tab === 'results' && (
        <div className="scenarios-results">
          <div className="muted" data-testid="scenarios-run-info">
            {tr('runInfo', {
              draws: result.draws,
              seed: result.seed,
              version: result.softwareVersion,
              standards: result.standards,
            })}
          </div>
          <ComparisonTable result={result} />
          <div className="chart-grid scenarios-charts">
            <ParetoChart result={result} />
            <ProjectionChart result={result} />
            <RadarChart result={result} />
            <TornadoChart result={result} />
          </div>
        </div>
      )}
    </div>
  );
}
