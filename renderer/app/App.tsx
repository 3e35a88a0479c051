import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { type Language, setLanguage } from '../i18n/index.ts';
import { pages } from '../pages/registry.ts';
import { ErrorBox } from './ErrorBox.tsx';
import { useProject } from './project-context.tsx';
import { navigate, useHashRoute } from './use-hash-route.ts';
import { useMenuCommands } from './use-menu-commands.ts';

export function App() {
  const { t, i18n } = useTranslation();
  const { status, project, error, openSample } = useProject();
  const route = useHashRoute();
  useMenuCommands();
  const current = pages.find((p) => p.id === route.page) ?? pages[0];
  const Page = current.component;
  const blocked = current.needsProject && !project;

  return (
    <div className="shell">
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark">ST</span>
          <span className="brand-name">SoilTrace</span>
          <span className="brand-sub">{t('app.subtitle')}</span>
        </div>
        <div className="topbar-project" data-testid="project-name" title={project?.path}>
          {project ? (
            <>
              <span className="muted">{t('app.project')}</span> {project.name}
              {project.sample && <span className="tag">{t('app.sample')}</span>}
            </>
          ) : (
            <span className="muted">{t('app.noProject')}</span>
          )}
        </div>
        <label className="language-switch">
          <span className="visually-hidden">{t('app.language')}</span>
          <select
            data-testid="language"
            value={i18n.language}
            onChange={(e) => setLanguage(e.target.value as Language)}
          >
            <option value="zh-CN">中文</option>
            <option value="en">English</option>
          </select>
        </label>
      </header>
      <nav className="sidenav" aria-label={t('app.navigation')}>
        {pages.map((p) => (
          <button
            type="button"
            key={p.id}
            className={p.id === current.id ? 'nav-item active' : 'nav-item'}
            data-testid={`nav-${p.id}`}
            disabled={p.needsProject && !project}
            onClick={() => navigate(p.id)}
          >
            <span className="nav-icon" aria-hidden="true">
              {p.icon}
            </span>
            {t(p.titleKey)}
          </button>
        ))}
        <div className="nav-footer muted">{t('app.offline')}</div>
      </nav>
      <main className="content">
        {status === 'loading' && <div className="placeholder">{t('app.loadingProject')}</div>}
        {status === 'error' && error && (
          <div className="page">
            <ErrorBox error={error} />
            <button type="button" onClick={() => void openSample()}>
              {t('app.openSample')}
            </button>
          </div>
        )}
        {status === 'ready' && !blocked && (
          <Suspense fallback={<div className="placeholder">{t('app.loading')}</div>}>
            <Page key={current.id} />
          </Suspense>
        )}
      </main>
    </div>
  );
}
