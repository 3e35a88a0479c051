import type { Table } from 'apache-arrow';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../../../analysis/api/contract.ts';
import { useApi } from '../../app/api-context.tsx';
import { ErrorBox } from '../../app/ErrorBox.tsx';
import { useProject } from '../../app/project-context.tsx';
import { navigate, useHashRoute } from '../../app/use-hash-route.ts';
import { DatasetPicker } from '../../components/DatasetPicker.tsx';
import { decodeTable } from '../../lib/arrow.ts';
import { columnLabel } from '../../lib/columns.ts';
import { DataTable } from './DataTable.tsx';
import { DistributionCharts } from './DistributionCharts.tsx';
import { SummaryTable } from './SummaryTable.tsx';

type Tab = 'table' | 'summary' | 'charts';
type Summary = ApiResult<'data.summary'>;

export default function DataPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { datasets } = useProject();
  const route = useHashRoute();
  const datasetId = route.query.get('dataset') ?? datasets[0]?.id ?? null;
  const tab = (route.query.get('tab') as Tab | null) ?? 'table';
  const dataset = datasets.find((d) => d.id === datasetId) ?? null;
  const [table, setTable] = useState<Table | null>(null);
  const [loadedSummary, setSummary] = useState<Summary | null>(null);
  const summary = loadedSummary?.datasetId === datasetId ? loadedSummary : null;
  const [error, setError] = useState<unknown>(null);
  const hasElements = dataset?.kind === 'soil' || dataset?.kind === 'crop';

  useEffect(() => {
    if (!datasetId) return;
    let cancelled = false;
    setTable(null);
    setError(null);
    performance.mark('table:request');
    api
      .call('data.table', { datasetId })
      .then((bytes) => {
        performance.mark('table:response');
        if (!cancelled) setTable(decodeTable(bytes));
      })
      .catch((e: unknown) => !cancelled && setError(e));
    return () => {
      cancelled = true;
    };
  }, [api, datasetId]);

  // Statistics only when a tab shows them, so opening the table is not slowed by them.
  const needsSummary = hasElements && tab !== 'table';
  useEffect(() => {
    if (!datasetId || !needsSummary || summary?.datasetId === datasetId) return;
    let cancelled = false;
    api
      .call('data.summary', { datasetId })
      .then((s) => !cancelled && setSummary(s))
      .catch((e: unknown) => !cancelled && setError(e));
    return () => {
      cancelled = true;
    };
  }, [api, datasetId, needsSummary, summary]);

  const go = (next: { dataset?: string; tab?: Tab }) =>
    navigate('data', { dataset: next.dataset ?? datasetId ?? '', tab: next.tab ?? tab });
  const label = useCallback((c: string) => columnLabel(c, t), [t]);
  const drawn = useCallback(() => performance.mark('table:drawn'), []);
  const tabs = useMemo<Tab[]>(
    () => (hasElements ? ['table', 'summary', 'charts'] : ['table']),
    [hasElements],
  );

  return (
    <div className="page" data-testid="page-data">
      <div className="page-header">
        <h1>{t('data.title')}</h1>
        <div className="page-actions">
          <DatasetPicker
            datasets={datasets}
            value={datasetId}
            label={t('data.dataset')}
            testId="data-dataset"
            onChange={(id) => go({ dataset: id, tab: 'table' })}
          />
        </div>
      </div>
      <div className="tabs" role="tablist">
        {tabs.map((name) => (
          <button
            type="button"
            role="tab"
            key={name}
            aria-selected={tab === name}
            data-testid={`tab-${name}`}
            className={tab === name ? 'tab active' : 'tab'}
            onClick={() => go({ tab: name })}
          >
            {t(`data.tab.${name}`)}
          </button>
        ))}
      </div>
      {error !== null && <ErrorBox error={error} />}
      {!table && error === null && <div className="placeholder">{t('app.loading')}</div>}
      {table && tab === 'table' && <DataTable table={table} label={label} onDrawn={drawn} />}
      {table && tab !== 'table' && !summary && error === null && (
        <div className="placeholder">{t('app.loading')}</div>
      )}
      {table && tab === 'summary' && summary && <SummaryTable summary={summary} />}
      {table && tab === 'charts' && summary && <DistributionCharts table={table} summary={summary} />}
    </div>
  );
}
