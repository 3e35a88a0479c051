import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../app/api-context.tsx';
import { ErrorBox } from '../../app/ErrorBox.tsx';
import { useProject } from '../../app/project-context.tsx';

/**
 * Open or create a project file by path (browser mode has no native dialogs; in Electron the
 * File menu does this), or go back to the sample project.
 */
export function ProjectSwitcher({ onDone }: { onDone(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { refresh, openSample } = useProject();
  const [path, setPath] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function run(task: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await task();
      await refresh();
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const file = path.trim();
  return (
    <section className="panel" data-testid="project-switcher">
      <div className="panel-header">
        <h2>{t('project.switchTitle')}</h2>
        <button type="button" className="small" onClick={onDone}>
          {t('common.close')}
        </button>
      </div>
      <div className="form-row">
        <label className="grow">
          <span>{t('project.pathLabel')}</span>
          <input
            type="text"
            value={path}
            placeholder={t('project.pathPlaceholder')}
            data-testid="project-path"
            onChange={(e) => setPath(e.target.value)}
          />
        </label>
        <button
          type="button"
          data-testid="project-open"
          disabled={busy || !file}
          onClick={() => void run(() => api.call('project.open', { path: file }))}
        >
          {t('project.open')}
        </button>
        <button
          type="button"
          data-testid="project-create"
          disabled={busy || !file}
          onClick={() => void run(() => api.call('project.create', { path: file }))}
        >
          {t('project.create')}
        </button>
        <button
          type="button"
          data-testid="project-sample"
          disabled={busy}
          onClick={() => void run(openSample)}
        >
          {t('app.openSample')}
        </button>
      </div>
      {error !== null && <ErrorBox error={error} />}
    </section>
  );
}
