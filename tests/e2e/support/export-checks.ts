import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { outputDir, screenshotDir } from '../browser-mode.ts';

// The chart export menu (renderer/components/charts/ExportMenu.tsx) driven as a user does, the
// files saved under test-output/exports/ for a look, and the checks every export gets.

export const exportDir = join(outputDir, 'exports');

export interface PngSettings {
  width?: number;
  height?: number;
  dpi?: number;
}

export interface ExportedFile {
  suggestedFilename: string;
  path: string;
}

async function download(page: Page, trigger: Locator): Promise<ExportedFile> {
  const [file] = await Promise.all([page.waitForEvent('download'), trigger.click()]);
  mkdirSync(exportDir, { recursive: true });
  const path = join(exportDir, file.suggestedFilename());
  await file.saveAs(path);
  return { suggestedFilename: file.suggestedFilename(), path };
}

/** Opens the chart's export menu, sets the PNG size and resolution, saves the PNG. */
export async function exportPng(
  page: Page,
  chart: Locator,
  settings: PngSettings = {},
): Promise<ExportedFile & { bytes: Buffer }> {
  await chart.locator('[data-testid=export-button]').first().click();
  await chart.locator('[data-testid=export-png]').click();
  if (settings.width !== undefined) {
    await chart.locator('[data-testid=png-width]').fill(String(settings.width));
  }
  if (settings.height !== undefined) {
    await chart.locator('[data-testid=png-height]').fill(String(settings.height));
  }
  if (settings.dpi !== undefined)
    await chart.locator('[data-testid=png-dpi]').selectOption(String(settings.dpi));
  const file = await download(page, chart.locator('[data-testid=png-save]'));
  return { ...file, bytes: readFileSync(file.path) };
}

/** Opens the chart's export menu and saves the SVG. */
export async function exportSvg(page: Page, chart: Locator): Promise<ExportedFile & { text: string }> {
  await chart.locator('[data-testid=export-button]').first().click();
  const file = await download(page, chart.locator('[data-testid=export-svg]'));
  return { ...file, text: readFileSync(file.path, 'utf8') };
}

/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian), after its signature. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

export interface ParsedSvg {
  /** parsererror elements: 0 when the browser's XML parser accepts the file. */
  error: number;
  root: string;
  width: string | null;
  /** Plotly's bar and point marks. */
  bars: number;
  text: string;
}

/** The SVG as the browser's own XML parser reads it. */
export function parseSvg(page: Page, svg: string): Promise<ParsedSvg> {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.getElementsByTagName('parsererror').length,
      root: root.nodeName,
      width: root.getAttribute('width'),
      bars: doc.querySelectorAll('.bars path, .point path').length,
      text: root.textContent ?? '',
    };
  }, svg);
}

/** Screenshots under test-output/screenshots/, named `${prefix}${name}.png`. */
export function screenshots(page: () => Page, prefix: string, options: { fullPage: boolean }) {
  const path = (name: string) => join(screenshotDir, `${prefix}${name}.png`);
  return {
    /** The page (the whole scrollable page when fullPage). */
    shot: (name: string) => page().screenshot({ path: path(name), fullPage: options.fullPage }),
    /** One element, by its data-testid. */
    element: (testId: string, name: string) =>
      page()
        .locator(`[data-testid=${testId}]`)
        .screenshot({ path: path(name) }),
  };
}
