import type { PlotDatum, PlotLayout } from 'plotly.js-strict-dist-min';
import type { ExportColumn } from '../../lib/csv.ts';

// One factor profile as PMF 5.0 draws it: concentration bars on a log axis, % of species as
// squares on a second axis. Used for the base run, the Fpeak rotations and constrained runs.

export interface ProfileChartInput {
  species: readonly string[];
  conc: readonly number[];
  pctSpecies: readonly number[];
  /** Optional: % of the factor's total, exported only. */
  pctTotal?: readonly number[];
  title: string;
  showLegend: boolean;
  /** Lowest value of the log axis (shared by the charts of one run). */
  floor: number;
  tr(key: string): string;
}

export function profileChart(p: ProfileChartInput): {
  data: PlotDatum[];
  layout: PlotLayout;
  exportData: ExportColumn[];
} {
  const { species, conc, pctSpecies, tr } = p;
  const data = [
    {
      type: 'bar',
      name: tr('conc'),
      x: species,
      y: conc,
      marker: { color: '#7fa7d0', line: { color: '#2b5d8a', width: 0.5 } },
      base: undefined,
    },
    {
      type: 'scatter',
      mode: 'markers',
      name: tr('pctSpecies'),
      x: species,
      y: pctSpecies,
      yaxis: 'y2',
      marker: { color: '#c0392b', size: 8, symbol: 'square' },
    },
  ] as unknown as PlotDatum[];
  const layout = {
    title: { text: p.title },
    showlegend: p.showLegend,
    legend: { orientation: 'h', y: 1.15 },
    xaxis: { type: 'category', tickmode: 'array', tickvals: species, ticktext: species },
    yaxis: {
      title: { text: tr('concAxis') },
      type: 'log',
      range: [Math.log10(p.floor), Math.log10(Math.max(...conc.filter((v) => v > 0), p.floor * 10)) + 0.3],
    },
    yaxis2: { title: { text: tr('pctAxis') }, overlaying: 'y', side: 'right', range: [0, 105] },
    margin: { l: 70, r: 70, t: 50, b: 50 },
  } as unknown as PlotLayout;
  const exportData: ExportColumn[] = [
    { name: tr('col.species'), values: [...species] },
    { name: tr('concExport'), values: [...conc] },
    { name: tr('pctSpecies'), values: [...pctSpecies] },
    ...(p.pctTotal ? [{ name: tr('pctTotal'), values: [...p.pctTotal] }] : []),
  ];
  return { data, layout, exportData };
}
