import type { PlotDatum, PlotLayout } from 'plotly.js-strict-dist-min';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportColumn } from '../../lib/csv.ts';
import { ExportMenu } from './ExportMenu.tsx';
import { loadPlotly } from './plotly-loader.ts';
import { publicationLayout } from './publication-style.ts';

export interface ChartProps {
  data: PlotDatum[];
  layout: PlotLayout;
  /** Base name of exported files, e.g. "Cd-histogram". */
  exportName: string;
  /** The numbers behind the chart, for CSV/XLSX export. */
  exportData: ExportColumn[];
  height?: number;
  testId?: string;
  /** Called after every draw (benchmarks mark the time here). */
  onDrawn?: () => void;
}

/** A plotly chart in the publication style, with an export menu (PNG, SVG, CSV, XLSX). */
export function Chart({ data, layout, exportName, exportData, height = 360, testId, onDrawn }: ChartProps) {
  const { t } = useTranslation();
  const root = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const element = root.current;
    if (!element) return;
    loadPlotly()
      .then((Plotly) => {
        if (cancelled) return undefined;
        return Plotly.react(element, data, publicationLayout({ height, ...layout }), {
          responsive: true,
          displaylogo: false,
          modeBarButtonsToRemove: ['toImage', 'sendDataToCloud', 'select2d', 'lasso2d'],
          scrollZoom: true,
        });
      })
      .then((drawn) => {
        if (cancelled || !drawn) return;
        setReady(true);
        onDrawn?.();
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    return () => {
      cancelled = true;
    };
  }, [data, layout, height, onDrawn]);

  useEffect(() => {
    const element = root.current;
    return () => {
      if (element) void loadPlotly().then((Plotly) => Plotly.purge(element));
    };
  }, []);

  return (
    <div className="chart" data-testid={testId} data-ready={ready ? 'true' : 'false'}>
      <div className="chart-toolbar">
        <ExportMenu plotRoot={root} name={exportName} data={exportData} disabled={!ready} />
      </div>
      {error && <div className="error-box">{t('chart.failed', { message: error })}</div>}
      <div ref={root} className="chart-plot" style={{ height }} />
    </div>
  );
}
