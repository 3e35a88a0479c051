import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createApiClient } from './api/client.ts';
import { App } from './app/App.tsx';
import { ApiProvider } from './app/api-context.tsx';
import { ProjectProvider } from './app/project-context.tsx';
import { loadPlotly } from './components/charts/plotly-loader.ts';
import { i18n } from './i18n/index.ts';
import './app/app.css';

const client = createApiClient(window);
document.documentElement.lang = i18n.language;

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <ApiProvider client={client}>
          <ProjectProvider>
            <App />
          </ProjectProvider>
        </ApiProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}

// Parse plotly.js (5 MB) while the user reads the project page, so the first chart opens fast.
setTimeout(() => void loadPlotly(), 1500);
