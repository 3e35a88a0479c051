import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './analysis/server/security.ts';

// The renderer build: renderer/ → dist/. Both transports serve this output — the browser-mode
// server over http://127.0.0.1, Electron over its custom protocol — so asset URLs are relative.

/** The built page carries the CSP itself too (Electron's protocol may serve it without headers). */
function cspMeta(): Plugin {
  // frame-ancestors is ignored in a <meta> policy; the HTTP header carries it.
  const policy = CONTENT_SECURITY_POLICY.split('; ')
    .filter((d) => !d.startsWith('frame-ancestors'))
    .join('; ');
  return {
    name: 'soiltrace-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: policy },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react(), cspMeta()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // plotly.js-strict-dist-min is one 5 MB chunk, loaded lazily with the first chart.
    chunkSizeWarningLimit: 6000,
    sourcemap: false,
    // Quiet builds: `soiltrace serve` builds on first run and should print only what matters.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  server: { host: '127.0.0.1' },
});
