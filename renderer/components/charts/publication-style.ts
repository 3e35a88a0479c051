import type { PlotLayout } from 'plotly.js-strict-dist-min';

// One publication style for every chart: black axes with outside ticks, no chart junk, fonts
// that render Chinese on Linux (Noto Sans CJK SC), Windows (Microsoft YaHei) and macOS (PingFang SC).
export const CHART_FONT_FAMILY =
  "'Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', 'PingFang SC', 'Source Han Sans SC', Arial, sans-serif";

export const CHART_COLORS = [
  '#1f4e79',
  '#c0504d',
  '#4f7f3a',
  '#8064a2',
  '#d08a2b',
  '#2c8c99',
  '#7f7f7f',
  '#a0522d',
];

const axis = {
  showline: true,
  linecolor: '#222',
  linewidth: 1,
  mirror: true,
  ticks: 'outside',
  tickcolor: '#222',
  ticklen: 4,
  showgrid: false,
  zeroline: false,
  automargin: true,
  title: { font: { size: 13 } },
};

export function publicationLayout(overrides: PlotLayout = {}): PlotLayout {
  const { xaxis, yaxis, ...rest } = overrides as { xaxis?: object; yaxis?: object } & PlotLayout;
  return {
    font: { family: CHART_FONT_FAMILY, size: 12, color: '#222' },
    paper_bgcolor: '#fff',
    plot_bgcolor: '#fff',
    colorway: CHART_COLORS,
    margin: { l: 64, r: 24, t: 36, b: 56 },
    hoverlabel: { font: { family: CHART_FONT_FAMILY } },
    legend: { bgcolor: 'rgba(255,255,255,0.8)', bordercolor: '#ccc', borderwidth: 1 },
    ...rest,
    xaxis: { ...axis, ...xaxis },
    yaxis: { ...axis, ...yaxis },
  };
}
