import type { PlotlyStatic } from 'plotly.js-strict-dist-min';

// plotly.js is 5 MB: it loads with the first chart, once. The strict bundle draws WebGL traces
// without eval, so it runs under our CSP (no 'unsafe-eval').
let loading: Promise<PlotlyStatic> | null = null;

export function loadPlotly(): Promise<PlotlyStatic> {
  loading ??= import('plotly.js-strict-dist-min').then((m) => m.default);
  return loading;
}

let webgl: boolean | null = null;

/** Whether WebGL is available (scattergl); otherwise charts fall back to SVG `scatter`. */
export function hasWebGL(): boolean {
  if (webgl === null) {
    try {
      webgl = document.createElement('canvas').getContext('webgl') !== null;
    } catch {
      webgl = false;
    }
  }
  return webgl;
}
