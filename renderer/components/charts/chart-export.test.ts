import { describe, expect, it } from 'vitest';
import { dataUrlBytes, exportPixels, safeFileName, scaleForDpi } from './chart-export.ts';

describe('chart export helpers', () => {
  it('scales CSS pixels (96 per inch) to the print resolution', () => {
    expect(scaleForDpi(300)).toBe(3.125);
    expect(scaleForDpi(96)).toBe(1);
    // A 16 cm wide figure at 300 dpi: 16 / 2.54 in × 300 = 1890 px; the layout is 605 CSS px.
    expect(exportPixels(605, 378, 300)).toEqual({ width: 1891, height: 1181 });
    expect(exportPixels(800, 500, 300)).toEqual({ width: 2500, height: 1563 });
  });

  it('decodes base64 and percent-encoded data URLs', () => {
    expect(Array.from(dataUrlBytes('data:image/png;base64,iVBORw0KGgo='))).toEqual([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
    ]);
    const svg = new TextDecoder().decode(
      dataUrlBytes(`data:image/svg+xml,${encodeURIComponent('<svg>镉</svg>')}`),
    );
    expect(svg).toBe('<svg>镉</svg>');
  });

  it('makes file names from chart titles, keeping Chinese', () => {
    expect(safeFileName('Cd 含量/频数:分布')).toBe('Cd-含量-频数-分布');
    expect(safeFileName('???')).toBe('chart');
  });
});
