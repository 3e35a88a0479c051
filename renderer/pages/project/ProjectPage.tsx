import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatasetInfo } from '../../../analysis/api/contract.ts';
import { locationText } from '../../app/ErrorBox.tsx';
import { useProject } from '../../app/project-context.tsx';
import { navigate, useHashRoute } from '../../app/use-hash-route.ts';
import { pick } from '../../i18n/index.ts';
import { formatDateTime, formatInteger } from '../../lib/format.ts';
import { ImportWizard } from './ImportWizard.tsx';
import { ProjectSwitcher } from './ProjectSwitcher.tsx';

function DatasetRow({ dataset }: { dataset: DatasetInfo }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const warnings = dataset.warnings.length;
  return (
    <>
      <tr data-testid={`dataset-${dataset.id}`}>
        <td className="mono">{dataset.id}</td>
        <td>{t(`kind.${dataset.kind}`, { defaultValue: dataset.kind })}</td>
        <td className="num">{formatInteger(dataset.rows, i18n.language)}</td>
        <td title={dataset.sourceFile}>{dataset.sourceFile}</td>
        <td>{formatDateTime(dataset.importedAt, i18n.language)}</td>
        <td>
          {warnings === 0 ? (
            <span className="muted">—</span>
          ) : (
            <button type="button" className="link warn" onClick={() => setOpen(!open)}>
              {t('project.warningCount', { count: warnings })}
            </button>
          )}
        </td>
        <td className="actions">
          <button type="button" className="link" onClick={() => navigate('data', { dataset: dataset.id })}>
            {t('project.viewData')}
          </button>
          {(dataset.kind === 'soil' || dataset.kind === 'crop' || dataset.kind === 'emission') && (
            <button type="button" className="link" onClick={() => navigate('map', { dataset: dataset.id })}>
              {t('project.viewMap')}
            </button>
          )}
        </td>
      </tr>
      {open && (
        <tr className="detail-row">
          <td colSpan={7}>
            <ul className="issues">
              {dataset.warnings.map((w, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: warnings have no identity beyond their order
                <li key={i} className={w.severity}>
                  {w.location && `${locationText({ ...w.location, file: undefined }, i18n.language, t)} — `}
                  {pick(w.message, i18n.language)}
                </li>
              ))}
            </ul>
          </td>
        </tr>
      )}
    </>
  );
}

export default function ProjectPage() {
  const { t } = useTranslation();
  const { project, datasets, refresh } = useProject();
  // File › Import in Electron arrives as #/project?import=<path chosen in the native dialog>.
  const importPath = useHashRoute().query.get('import');
  const [importing, setImporting] = useState(false);
  const [switching, setSwitching] = useState(false);
  const open = importing || importPath !== null;

  return (
    <div className="page" data-testid="page-project">
      <div className="page-header">
        <h1>{t('project.title')}</h1>
        <div className="page-actions">
          <button type="button" data-testid="switch-open" onClick={() => setSwitching(!switching)}>
            {t('project.switch')}
          </button>
          <button
            type="button"
            className="primary"
            data-testid="import-open"
            onClick={() => setImporting(true)}
          >
            {t('project.import')}
          </button>
        </div>
      </div>
      {project && (
        <dl className="facts">
          <dt>{t('project.name')}</dt>
          <dd>{project.name}</dd>
          <dt>{t('project.file')}</dt>
          <dd className="mono">{project.path}</dd>
          <dt>{t('project.datasets')}</dt>
          <dd>{datasets.length}</dd>
        </dl>
      )}
      {switching && <ProjectSwitcher onDone={() => setSwitching(false)} />}
      {switching && <ProjectSwitcher onDone={() => setSwitching(false)} />}
      {open && (
        <ImportWizard
          key={importPath ?? 'upload'}
          initialPath={importPath ?? undefined}
          onClose={() => {
            setImporting(false);
            if (importPath !== null) navigate('project');
          }}
          onImported={() => {
            void refresh();
          }}
        />
      )}
      <section className="panel">
        <h2>{t('project.datasetsTitle')}</h2>
        {datasets.length === 0 ? (
          <div className="placeholder">{t('project.empty')}</div>
        ) : (
          <table className="grid" data-testid="datasets">
            <thead>
              <tr>
                <th>{t('project.col.id')}</th>
                <th>{t('project.col.kind')}</th>
                <th className="num">{t('project.col.rows')}</th>
                <th>{t('project.col.source')}</th>
                <th>{t('project.col.imported')}</th>
                <th>{t('project.col.warnings')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {datasets.map((d) => (
                <DatasetRow key={d.id} dataset={d} />
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
