import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttributionOptions } from '../../../analysis/api/contracts/attribution.ts';
import { useApi } from '../../app/api-context.tsx';
import { ErrorBox } from '../../app/ErrorBox.tsx';
import { useProject } from '../../app/project-context.tsx';
import { DatasetPicker } from '../../components/DatasetPicker.tsx';
import { ApcsPanel } from './ApcsPanel.tsx';
import { columnLabel } from './attribution-view.ts';
import { CorrelationPanel } from './CorrelationPanel.tsx';
import { GeoDetectorPanel } from './GeoDetectorPanel.tsx';
import { IsotopePanel } from './IsotopePanel.tsx';
import { MassBalancePanel } from './MassBalancePanel.tsx';
import { PcaPanel } from './PcaPanel.tsx';
import './attribution.css';

type Tab = 'correlation' | 'pca' | 'apcs' | 'geodetector' | 'isotopes' | 'massBalance';
const TABS: Tab[] = ['correlation', 'pca', 'apcs', 'geodetector', 'isotopes', 'massBalance'];
const DEFAULT_ELEMENTS = ['cd', 'hg', 'as', 'pb', 'cr', 'cu', 'ni', 'zn'];
const NUMERIC = /DOUBLE|INTEGER|BIGINT|FLOAT|DECIMAL|HUGEINT|SMALLINT/;

export default function AttributionPage() {
  const { t: tr } = useTranslation('attribution');
  const api = useApi();
  const { datasets } = useProject();
  const sampleSets = useMemo(
    () => datasets.filter((d) => d.kind === 'soil' || d.kind === 'crop'),
    [datasets],
  );
  const [datasetId, setDatasetId] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [tab, setTab] = useState<Tab>('correlation');
  const [options, setOptions] = useState<AttributionOptions | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let cancelled = false;
    api
      .call('attribution.options', {})
      .then((o) => !cancelled && setOptions(o))
      .catch((e: unknown) => !cancelled && setError(e));
    return () => {
      cancelled = true;
    };
  }, [api]);

  useEffect(() => {
    if (!sampleSets.some((d) => d.id === datasetId)) setDatasetId(sampleSets[0]?.id ?? '');
  }, [sampleSets, datasetId]);

  const dataset = sampleSets.find((d) => d.id === datasetId) ?? null;
  const numericColumns = useMemo(
    () =>
      (dataset?.columns ?? [])
        .filter((c) => NUMERIC.test(c.type) && !['source_row', 'lon', 'lat'].includes(c.name))
        .map((c) => c.name),
    [dataset],
  );
  // Default variables: the regulated metals the dataset has.
  useEffect(() => {
    setSelected(numericColumns.filter((c) => DEFAULT_ELEMENTS.some((e) => c === `${e}_mg_kg`)));
  }, [numericColumns]);
  const toggle = (c: string) =>
    setSelected((s) =>
      s.includes(c) ? s.filter((x) => x !== c) : numericColumns.filter((x) => s.includes(x) || x === c),
    );

  if (sampleSets.length === 0) {
    return (
      <div className="page" data-testid="page-attribution">
        <div className="placeholder">{tr('noSamples')}</div>
      </div>
    );
  }
  const usesVariables = tab === 'correlation' || tab === 'pca' || tab === 'apcs';
  return (
    <div className="page" data-testid="page-attribution">
      <div className="page-header">
        <h1>{tr('title')}</h1>
        <span className="muted">{tr('subtitle')}</span>
      </div>
      <section className="panel attribution-options" data-testid="attribution-options">
        <DatasetPicker
          datasets={sampleSets}
          value={datasetId}
          onChange={setDatasetId}
          label={tr('dataset')}
          testId="attribution-dataset"
        />
        {usesVariables && (
          <fieldset className="attribution-variables" data-testid="attribution-variables">
            <legend>{tr('variables')}</legend>
            {numericColumns.map((c) => (
              <label key={c} className="check">
                <input
                  type="checkbox"
                  checked={selected.includes(c)}
                  data-testid={`variable-${c}`}
                  onChange={() => toggle(c)}
                />
                {tr(`column.${c}`, { defaultValue: columnLabel(c) })}
              </label>
            ))}
          </fieldset>
        )}
      </section>
      {error !== null && <ErrorBox error={error} />}
      <div className="tabs" role="tablist">
        {TABS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            className={id === tab ? 'tab active' : 'tab'}
            aria-selected={id === tab}
            data-testid={`attribution-tab-${id}`}
            onClick={() => setTab(id)}
          >
            {tr(`tab.${id}`)}
          </button>
        ))}
      </div>
      {/* Panels stay mounted so a result survives switching tabs. */}
      <div hidden={tab !== 'correlation'}>
        <CorrelationPanel datasetId={datasetId} columns={selected} />
      </div>
      <div hidden={tab !== 'pca'}>
        <PcaPanel datasetId={datasetId} columns={selected} />
      </div>
      <div hidden={tab !== 'apcs'}>
        <ApcsPanel datasetId={datasetId} columns={selected} />
      </div>
      <div hidden={tab !== 'geodetector'}>
        {dataset && <GeoDetectorPanel dataset={dataset} numericColumns={numericColumns} options={options} />}
      </div>
      <div hidden={tab !== 'isotopes'}>
        {options && <IsotopePanel options={options} datasets={datasets} />}
      </div>
      <div hidden={tab !== 'massBalance'}>
        <MassBalancePanel datasets={datasets} options={options} />
      </div>
    </div>
  );
}
