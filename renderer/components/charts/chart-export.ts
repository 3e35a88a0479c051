// Image export arithmetic and decoding of plotly's data URLs.

/** Plotly's `scale` for a target print resolution: the layout is in CSS pixels (96 per inch). */
export function scaleForDpi(dpi: number): number {
  return dpi / 96;
}

/** Pixel size of the exported PNG. */
export function exportPixels(width: number, height: number, dpi: number): { width: number; height: number } {
  const scale = scaleForDpi(dpi);
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

/** Bytes of a data: URL, base64 or percent-encoded (plotly returns SVG percent-encoded). */
export function dataUrlBytes(url: string): Uint8Array {
  const comma = url.indexOf(',');
  const header = url.slice(0, comma);
  const body = url.slice(comma + 1);
  if (header.endsWith(';base64')) {
    const binary = atob(body);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  }
  return new TextEncoder().encode(decodeURIComponent(body));
}

/** A file name from a chart title: keeps letters (including 中文), digits, - and _. */
export function safeFileName(name: string): string {
  const cleaned = name.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '');
  return cleaned || 'chart';
}
