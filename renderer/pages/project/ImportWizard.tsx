import type { Table } from 'apache-arrow';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnMapping, ImportPreview, Issue, JobStatus } from '../../../analysis/api/contract.ts';
import { useApi } from '../../app/api-context.tsx';
import { ErrorBox, locationText } from '../../app/ErrorBox.tsx';
import { JobProgress } from '../../components/jobs/JobProgress.tsx';
import { useJob } from '../../components/jobs/use-job.ts';
import { pick } from '../../i18n/index.ts';
import { decodeTable } from '../../lib/arrow.ts';
import { columnLabel } from '../../lib/columns.ts';
import { formatInteger } from '../../lib/format.ts';

const KINDS = ['soil', 'crop', 'emission', 'flux'];
const IGNORE = '';

interface WizardProps {
  /** A file already on disk (Electron's native open dialog); otherwise the user picks one. */
  initialPath?: string;
  onClose(): void;
  onImported(): void;
}

function IssueList({ issues }: { issues: Issue[] }) {
  const { t, i18n } = useTranslation();
  if (issues.length === 0) return <div className="ok-box">{t('import.noIssues')}</div>;
  return (
    <ul className="issues" data-testid="import-issues">
      {issues.map((issue, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: issues have no identity beyond their order
        <li key={i} className={issue.severity}>
          <span className="severity">{t(`import.${issue.severity}`)}</span>
          {issue.location && ` ${locationText({ ...issue.location, file: undefined }, i18n.language, t)}`}
          {' — '}
          {pick(issue.message, i18n.language)}
        </li>
      ))}
    </ul>
  );
}

function PreviewTable({ table }: { table: Table }) {
  const { t } = useTranslation();
  const names = table.schema.fields.map((f) => f.name);
  const rows = Math.min(table.numRows, 20);
  const columns = names.map((n) => table.getChild(n));
  return (
    <div className="scroll-x">
      <table className="grid compact" data-testid="import-preview">
        <thead>
          <tr>
            {names.map((n) => (
              <th key={n} title={n}>
                {columnLabel(n, t)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, r) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: preview rows are positional
            <tr key={r}>
              {columns.map((c, i) => {
                const v: unknown = c?.get(r);
                return <td key={names[i]}>{v === null || v === undefined ? '' : String(v)}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ImportWizard({ initialPath, onClose, onImported }: WizardProps) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [path, setPath] = useState<string | null>(initialPath ?? null);
  const [fileName, setFileName] = useState(initialPath ? (initialPath.split(/[\\/]/).pop() ?? '') : '');
  const [kind, setKind] = useState('soil');
  const [sheet, setSheet] = useState<string | undefined>(undefined);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ status: JobStatus; rows?: number; warnings?: number } | null>(null);

  const loadPreview = useCallback(
    async (stagedPath: string, nextKind: string, nextSheet: string | undefined) => {
      setBusy(true);
      setError(null);
      try {
        const result = await api.call('import.preview', {
          path: stagedPath,
          kind: nextKind,
          sheet: nextSheet,
        });
        setPreview(result);
        setMapping(result.mapping);
        setSheet(result.sheet ?? undefined);
      } catch (e) {
        setPreview(null);
        setError(e);
      } finally {
        setBusy(false);
      }
    },
    [api],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: preview the given file once, on open
  useEffect(() => {
    if (initialPath) void loadPreview(initialPath, kind, undefined);
  }, [initialPath]);

  async function chooseFile(file: File | undefined) {
    if (!file) return;
    setFileName(file.name);
    setPreview(null);
    setDone(null);
    setBusy(true);
    setError(null);
    try {
      const staged = await api.stageFile(file);
      setPath(staged);
      setSheet(undefined);
      await loadPreview(staged, kind, undefined);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  const { jobId, start, finished } = useJob<{ dataset: { rows: number }; issues: Issue[] }>(
    'import',
    {
      onDone: (result) => {
        setDone({ status: 'done', rows: result.dataset.rows, warnings: result.issues.length });
        onImported();
      },
      onError: setError,
      onCancelled: () => setDone({ status: 'cancelled' }),
    },
    { holdUntilResult: true },
  );

  function commit() {
    if (!path || !preview) return;
    setError(null);
    void start({ path, kind, sheet, mapping });
  }

  const table = useMemo(() => (preview ? decodeTable(preview.preview) : null), [preview]);
  const errors = preview?.issues.filter((i) => i.severity === 'error').length ?? 0;
  const targets = preview?.targets ?? [];

  return (
    <section className="panel wizard" data-testid="import-wizard">
      <div className="panel-header">
        <h2>{t('import.title')}</h2>
        <button type="button" className="small" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      <div className="form-row">
        <label className="file-input">
          <span>{t('import.file')}</span>
          <input
            type="file"
            accept=".csv,.tsv,.txt,.xlsx"
            data-testid="import-file"
            onChange={(e) => void chooseFile(e.target.files?.[0])}
          />
        </label>
        <label>
          <span>{t('import.kind')}</span>
          <select
            value={kind}
            data-testid="import-kind"
            onChange={(e) => {
              setKind(e.target.value);
              if (path) void loadPreview(path, e.target.value, sheet);
            }}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        {preview && preview.sheets.length > 0 && (
          <label>
            <span>{t('import.sheet')}</span>
            <select
              value={sheet ?? ''}
              data-testid="import-sheet"
              onChange={(e) => {
                setSheet(e.target.value);
                if (path) void loadPreview(path, kind, e.target.value);
              }}
            >
              {!sheet && (
                <option value="" disabled>
                  {t('import.chooseSheet')}
                </option>
              )}
              {preview.sheets.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        )}
        {busy && <span className="muted">{t('import.reading')}</span>}
      </div>
      {error !== null && <ErrorBox error={error} />}
      {preview && mapping.length === 0 && (
        <div>
          <h3>{t('import.issues')}</h3>
          <IssueList issues={preview.issues} />
        </div>
      )}
      {preview && mapping.length > 0 && (
        <>
          <div className="muted summary-line" data-testid="import-summary">
            {t('import.summary', {
              file: fileName || preview.file,
              rows: formatInteger(preview.rowCount, i18n.language),
              encoding: preview.encoding ?? '—',
            })}
          </div>
          <div className="wizard-grid">
            <div>
              <h3>{t('import.mapping')}</h3>
              <table className="grid compact" data-testid="import-mapping">
                <thead>
                  <tr>
                    <th>{t('import.sourceColumn')}</th>
                    <th>{t('import.targetField')}</th>
                  </tr>
                </thead>
                <tbody>
                  {mapping.map((m, i) => (
                    <tr key={m.source}>
                      <td>{m.source}</td>
                      <td>
                        <select
                          value={m.target ?? IGNORE}
                          aria-label={m.source}
                          onChange={(e) => {
                            const next = [...mapping];
                            next[i] = {
                              source: m.source,
                              target: e.target.value === IGNORE ? null : e.target.value,
                            };
                            setMapping(next);
                          }}
                        >
                          <option value={IGNORE}>{t('import.ignore')}</option>
                          {targets.map((target) => (
                            <option key={target.id} value={target.id}>
                              {pick(target.label, i18n.language)}
                              {target.unit ? ` (${target.unit})` : ''}
                              {target.required ? ' *' : ''}
                            </option>
                          ))}
                          {m.target && !targets.some((x) => x.id === m.target) && (
                            <option value={m.target}>{m.target}</option>
                          )}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div>
              <h3>{t('import.issues')}</h3>
              <IssueList issues={preview.issues} />
            </div>
          </div>
          <h3>{t('import.preview')}</h3>
          {table && <PreviewTable table={table} />}
          <div className="row-buttons">
            {jobId ? (
              <JobProgress jobId={jobId} label={t('import.running')} onFinished={finished} />
            ) : (
              <button
                type="button"
                className="primary"
                data-testid="import-commit"
                disabled={errors > 0 || busy}
                title={errors > 0 ? t('import.fixErrors') : undefined}
                onClick={commit}
              >
                {t('import.commit')}
              </button>
            )}
          </div>
        </>
      )}
      {done && (
        <div className={done.status === 'done' ? 'ok-box' : 'warn-box'} data-testid="import-done">
          {done.status === 'done'
            ? t('import.done', {
                rows: formatInteger(done.rows ?? 0, i18n.language),
                warnings: done.warnings ?? 0,
              })
            : t(`import.${done.status}`)}
        </div>
      )}
    </section>
  );
}
