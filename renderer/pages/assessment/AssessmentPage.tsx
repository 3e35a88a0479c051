import type { Table } from 'apache-arrow';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentRunResult } from '../../../analysis/api/contracts/assessment.ts';
import { useApi } from '../../app/api-context.tsx';
import { ErrorBox } from '../../app/ErrorBox.tsx';
import { useProject } from '../../app/project-context.tsx';
import { pick } from '../../i18n/index.ts';
import { decodeTable } from '../../lib/arrow.ts';
import { ClassMap } from './ClassMap.tsx';
import { CropPanel } from './CropPanel.tsx';
import { DistributionPanel } from './DistributionPanel.tsx';
import { HealthPanel } from './HealthPanel.tsx';
import { type AssessmentForm, type AssessmentOptions, formParams, OptionsPanel } from './OptionsPanel.tsx';
import { SummaryPanel } from './SummaryPanel.tsx';
import './assessment.css';

type Tab = 'summary' | 'map' | 'distributions' | 'health' | 'crops';
const TABS: Tab[] = ['summary', 'map', 'distributions', 'health', 'crops'];

interface Decoded {
  result: AssessmentRunResult;
  samples: Table;
  crops: Table | null;
}

export default function AssessmentPage() {
  const { t: tr, i18n } = useTranslation('assessment');
  const lang = i18n.language;
  const api = useApi();
  const { datasets } = useProject();
  const soilSets = useMemo(() => datasets.filter((d) => d.kind === 'soil'), [datasets]);
  const cropSets = useMemo(() => datasets.filter((d) => d.kind === 'crop'), [datasets]);
  const [options, setOptions] = useState<AssessmentOptions | null>(null);
  const [form, setForm] = useState<AssessmentForm>({
    datasetId: '',
    cropDatasetId: '',
    standard: 'gb15618',
    userStandard: null,
    background: 'national',
    userBackground: null,
    piReference: 'screening',
    riMode: 'hakanson',
    riCustom: [150, 300, 600],
    efReference: '',
    healthParameters: 'hj25.3-2014',
    exposure: { child: {}, adult: {} },
  });
  const [decoded, setDecoded] = useState<Decoded | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [tab, setTab] = useState<Tab>('summary');

  useEffect(() => {
    let cancelled = false;
    api
      .call('assessment.options', {})
      .then((o) => !cancelled && setOptions(o))
      .catch((e: unknown) => !cancelled && setError(e));
    return () => {
      cancelled = true;
    };
  }, [api]);

  // Default datasets: the first soil set, and the first crop set (the sample project pairs them).
  useEffect(() => {
    setForm((f) => ({
      ...f,
      datasetId: soilSets.some((d) => d.id === f.datasetId) ? f.datasetId : (soilSets[0]?.id ?? ''),
      cropDatasetId:
        f.cropDatasetId === '' && !f.datasetId
          ? (cropSets[0]?.id ?? '')
          : cropSets.some((d) => d.id === f.cropDatasetId)
            ? f.cropDatasetId
            : '',
    }));
  }, [soilSets, cropSets]);

  const run = () => {
    setBusy(true);
    setError(null);
    performance.mark('assessment:request');
    api
      .call('assessment.run', formParams(form))
      .then((result) => {
        setDecoded({
          result,
          samples: decodeTable(result.samples),
          crops: result.crops ? decodeTable(result.crops.samples) : null,
        });
        if (tab === 'crops' && !result.crops) setTab('summary');
      })
      .catch((e: unknown) => setError(e))
      .finally(() => setBusy(false));
  };

  if (soilSets.length === 0) {
    return (
      <div className="page" data-testid="page-assessment">
        <div className="placeholder">{tr('noSoil')}</div>
      </div>
    );
  }

  const result = decoded?.result ?? null;
  return (
    <div className="page" data-testid="page-assessment">
      <div className="page-header">
        <h1>{tr('title')}</h1>
        {result && (
          <span className="muted" data-testid="assessment-standard-used">
            {tr('standardUsed', {
              standard: `${result.standard.version} ${pick(result.standard.name, lang)}`,
              version: result.softwareVersion,
            })}
          </span>
        )}
      </div>
      {options ? (
        <OptionsPanel
          options={options}
          soilSets={soilSets}
          cropSets={cropSets}
          form={form}
          onChange={setForm}
          onRun={run}
          busy={busy}
        />
      ) : (
        error === null && <div className="placeholder">{tr('loading')}</div>
      )}
      {error !== null && <ErrorBox error={error} />}
      {!decoded && options && !busy && error === null && <div className="placeholder">{tr('hint')}</div>}
      {decoded && result && (
        <>
          <div className="tabs" role="tablist">
            {TABS.map((id) => (
              <button
                key={id}
                type="button"
                role="tab"
                className={id === tab ? 'tab active' : 'tab'}
                aria-selected={id === tab}
                data-testid={`assessment-tab-${id}`}
                disabled={id === 'crops' && !result.crops}
                onClick={() => setTab(id)}
              >
                {tr(`tab.${id}`)}
              </button>
            ))}
          </div>
          {tab === 'summary' && <SummaryPanel result={result} samples={decoded.samples} />}
          {tab === 'map' && <ClassMap result={result} samples={decoded.samples} />}
          {tab === 'distributions' && <DistributionPanel result={result} samples={decoded.samples} />}
          {tab === 'health' && <HealthPanel result={result} />}
          {tab === 'crops' && result.crops && decoded.crops && (
            <CropPanel crops={result.crops} cropTable={decoded.crops} samples={decoded.samples} />
          )}
        </>
      )}
    </div>
  );
}
