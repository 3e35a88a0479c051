// The part of plotly.js this app uses (the package ships no types).
declare module 'plotly.js-strict-dist-min' {
  export type PlotDatum = Record<string, unknown>;
  export type PlotLayout = Record<string, unknown>;
  export interface PlotConfig {
    responsive?: boolean;
    displaylogo?: boolean;
    displayModeBar?: boolean | 'hover';
    modeBarButtonsToRemove?: string[];
    scrollZoom?: boolean;
    locale?: string;
    toImageButtonOptions?: Record<string, unknown>;
  }
  export interface ToImageOptions {
    format: 'png' | 'svg' | 'jpeg' | 'webp';
    width: number;
    height: number;
    scale?: number;
  }
  export interface PlotlyStatic {
    react(
      root: HTMLElement,
      data: PlotDatum[],
      layout?: PlotLayout,
      config?: PlotConfig,
    ): Promise<HTMLElement>;
    purge(root: HTMLElement): void;
    toImage(root: HTMLElement, options: ToImageOptions): Promise<string>;
    Plots: { resize(root: HTMLElement): void };
  }
  const Plotly: PlotlyStatic;
  export default Plotly;
}
