import { type RefObject, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../app/api-context.tsx';
import { ErrorBox } from '../../app/ErrorBox.tsx';
import { csvBytes, type ExportColumn } from '../../lib/csv.ts';
import { formatInteger } from '../../lib/format.ts';
import { dataUrlBytes, exportPixels, safeFileName, scaleForDpi } from './chart-export.ts';
import { loadPlotly } from './plotly-loader.ts';

const DPI_CHOICES = [96, 150, 300, 600];
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface ExportMenuProps {
  /** The plot to export as an image; without it only the data exports are offered. */
  plotRoot?: RefObject<HTMLDivElement | null>;
  name: string;
  data: ExportColumn[];
  disabled: boolean;
}

export function ExportMenu({ plotRoot, name, data, disabled }: ExportMenuProps) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [open, setOpen] = useState<'menu' | 'png' | null>(null);
  const [width, setWidth] = useState(800);
  const [height, setHeight] = useState(500);
  const [dpi, setDpi] = useState(300);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const base = safeFileName(name);
  const container = useRef<HTMLDivElement>(null);

  // Closes like a native menu: a click elsewhere or Escape.
  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (container.current && !container.current.contains(e.target as Node)) setOpen(null);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(null);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  async function run(task: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await task();
      setOpen(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const image = (format: 'png' | 'svg') =>
    run(async () => {
      const element = plotRoot?.current;
      if (!element) return;
      const Plotly = await loadPlotly();
      // SVG is vector: the size sets the layout, the scale is irrelevant.
      const url = await Plotly.toImage(element, {
        format,
        width,
        height,
        scale: format === 'png' ? scaleForDpi(dpi) : 1,
      });
      await api.saveFile(
        `${base}.${format}`,
        dataUrlBytes(url),
        format === 'png' ? 'image/png' : 'image/svg+xml',
      );
    });

  const csv = () => run(async () => void (await api.saveFile(`${base}.csv`, csvBytes(data), 'text/csv')));

  const xlsx = () =>
    run(async () => {
      const columns = data.map((c) => ({
        name: c.name,
        values: Array.from(c.values, (v) => (typeof v === 'number' && Number.isNaN(v) ? null : v)),
      }));
      const bytes = await api.call('export.xlsx', { sheetName: base.slice(0, 31), columns });
      await api.saveFile(`${base}.xlsx`, bytes, XLSX_MIME);
    });

  const pixels = exportPixels(width, height, dpi);
  return (
    <div className="export-menu" ref={container}>
      <button
        type="button"
        className="small"
        data-testid="export-button"
        disabled={disabled}
        onClick={() => setOpen(open ? null : 'menu')}
      >
        {t('export.button')} ▾
      </button>
      {open === 'menu' && (
        <div className="menu" role="menu">
          {plotRoot && (
            <>
              <button type="button" role="menuitem" data-testid="export-png" onClick={() => setOpen('png')}>
                {t('export.png')}
              </button>
              <button
                type="button"
                role="menuitem"
                data-testid="export-svg"
                onClick={() => void image('svg')}
              >
                {t('export.svg')}
              </button>
            </>
          )}
          <button type="button" role="menuitem" data-testid="export-csv" onClick={() => void csv()}>
            {t('export.csv')}
          </button>
          <button type="button" role="menuitem" data-testid="export-xlsx" onClick={() => void xlsx()}>
            {t('export.xlsx')}
          </button>
        </div>
      )}
      {open === 'png' && (
        <div className="menu png-dialog" role="dialog" aria-label={t('export.pngTitle')}>
          <div className="menu-title">{t('export.pngTitle')}</div>
          <label>
            {t('export.width')}
            <input
              type="number"
              min={100}
              max={4000}
              value={width}
              data-testid="png-width"
              onChange={(e) => setWidth(Number(e.target.value))}
            />
          </label>
          <label>
            {t('export.height')}
            <input
              type="number"
              min={100}
              max={4000}
              value={height}
              data-testid="png-height"
              onChange={(e) => setHeight(Number(e.target.value))}
            />
          </label>
          <label>
            {t('export.dpi')}
            <select value={dpi} data-testid="png-dpi" onChange={(e) => setDpi(Number(e.target.value))}>
              {DPI_CHOICES.map((d) => (
                <option key={d} value={d}>
                  {d} dpi
                </option>
              ))}
            </select>
          </label>
          <div className="muted">
            {t('export.pixels', {
              width: formatInteger(pixels.width, i18n.language),
              height: formatInteger(pixels.height, i18n.language),
            })}
          </div>
          <div className="row-buttons">
            <button type="button" onClick={() => setOpen(null)}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="primary"
              data-testid="png-save"
              disabled={busy}
              onClick={() => void image('png')}
            >
              {t('export.save')}
            </button>
          </div>
        </div>
      )}
      {error !== null && <ErrorBox error={error} />}
    </div>
  );
}
