import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPng, exportSvg, parseSvg, pngSize, screenshots } from './support/export-checks.ts';
import { startWorkbench, type Workbench } from './support/start-workbench.ts';

// The workbench end to end in browser mode: sample project, import wizard (good and bad file),
// data and map views, chart export to PNG and SVG, and the language switch.

describe('workbench in browser mode', () => {
  let workbench: Workbench;
  let page: Page;
  const { shot } = screenshots(() => page, '', { fullPage: false });

  beforeAll(async () => {
    workbench = await startWorkbench();
    page = workbench.page;
  });

  afterAll(async () => {
    await workbench?.close();
  });

  it('opens the sample project in Chinese when started without a project', async () => {
    await page.goto(workbench.url);
    await page.waitForSelector('[data-testid=datasets]');
    const rows = page.locator('[data-testid=datasets] tbody tr');
    await expect.poll(() => rows.count()).toBe(4);
    await expect.poll(() => page.locator('[data-testid=nav-data]').textContent()).toContain('数据');
    expect(await page.locator('[data-testid=project-name]').textContent()).toContain('sample-project');
    expect(await page.locator('[data-testid=dataset-soil_1] td').nth(2).textContent()).toBe('491');
    await shot('01-project-zh');
  });

  it('imports a CSV through the wizard: detected mapping, preview, commit', async () => {
    const file = join(workbench.home, '补充采样.csv');
    writeFileSync(
      file,
      '样品编号,经度,纬度,土地利用类型,pH,镉Cd(mg/kg),铅Pb(mg/kg)\n' +
        'N-01,120.05,29.15,水田,5.2,0.45,40.1\nN-02,120.06,29.16,旱地,6.8,0.21,35.2\n' +
        'N-03,120.07,29.17,水田,7.9,<0.05,28.0\nN-04,120.08,29.18,果园,6.1,0.33,52.4\n',
    );
    await page.click('[data-testid=import-open]');
    await page.setInputFiles('[data-testid=import-file]', file);
    await page.waitForSelector('[data-testid=import-mapping]');
    expect(
      await page.locator('[data-testid=import-mapping] select[aria-label="镉Cd(mg/kg)"]').inputValue(),
    ).toBe('Cd');
    expect(await page.locator('[data-testid=import-preview] tbody tr').count()).toBe(4);
    expect(await page.locator('[data-testid=import-summary]').textContent()).toContain('4 行');
    await shot('02-import-wizard');
    await page.click('[data-testid=import-commit]');
    await page.waitForSelector('[data-testid=import-done]');
    expect(await page.locator('[data-testid=import-done]').textContent()).toContain('已导入 4 行');
    await expect.poll(() => page.locator('[data-testid=datasets] tbody tr').count()).toBe(5);
    expect(await page.locator('[data-testid=dataset-soil_2]').textContent()).toContain('补充采样.csv');
  });

  it('shows the error for a bad file with its row and column, and blocks the import', async () => {
    const bad = join(workbench.home, 'bad-values.csv');
    writeFileSync(bad, '样品编号,经度,纬度,镉Cd(mg/kg)\nB-01,120.1,29.1,0.3\nB-02,120.2,29.2,未知值\n');
    await page.setInputFiles('[data-testid=import-file]', bad);
    const error = page.locator('[data-testid=import-issues] li.error').first();
    await error.waitFor();
    const text = (await error.textContent()) ?? '';
    expect(text).toContain('第 3 行');
    expect(text).toContain('列 “镉Cd(mg/kg)”');
    expect(text).toContain('值 “未知值”');
    // Nothing to commit: the import button is absent or disabled.
    const commit = page.locator('[data-testid=import-commit]');
    expect((await commit.count()) === 0 || (await commit.isDisabled())).toBe(true);
    await shot('03-import-error');
    await expect.poll(() => page.locator('[data-testid=datasets] tbody tr').count()).toBe(5);
  });

  it('offers the sheets of a workbook and previews the chosen one', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('说明').addRow(['2024 年补充调查，单位 mg/kg']);
    const sheet = workbook.addWorksheet('土壤样品');
    sheet.addRow(['样品编号', '经度', '纬度', '镉Cd(mg/kg)']);
    sheet.addRow(['X-01', 120.11, 29.12, 0.27]);
    sheet.addRow(['X-02', 120.12, 29.13, 0.44]);
    sheet.addRow(['X-03', 120.13, 29.14, 0.19]);
    const file = join(workbench.home, '补充调查.xlsx');
    await workbook.xlsx.writeFile(file);
    await page.setInputFiles('[data-testid=import-file]', file);
    const picker = page.locator('[data-testid=import-sheet]');
    await picker.waitFor();
    expect(await picker.locator('option:not([disabled])').allTextContents()).toEqual(['说明', '土壤样品']);
    await picker.selectOption('土壤样品');
    await page.waitForSelector('[data-testid=import-mapping]');
    expect(await page.locator('[data-testid=import-summary]').textContent()).toContain('3 行');
    expect(
      await page.locator('[data-testid=import-mapping] select[aria-label="镉Cd(mg/kg)"]').inputValue(),
    ).toBe('Cd');
    await shot('03b-import-xlsx-sheet');
  });

  it('shows the data table with sort and filter, the statistics and the distribution charts', async () => {
    await page.click('[data-testid=nav-data]');
    await page.waitForSelector('[data-testid=data-table]');
    expect(await page.locator('[data-testid=table-count]').textContent()).toContain('491 / 491');
    await page.fill('[data-testid=table-filter]', 'QX-S000');
    // QX-S0001 … QX-S0009 contain the text.
    await expect.poll(() => page.locator('[data-testid=table-count]').textContent()).toContain('9 / 491');
    await page.fill('[data-testid=table-filter]', '');
    await shot('04-data-table');
    await page.click('[data-testid=tab-summary]');
    await page.waitForSelector('[data-testid=summary-Cd]');
    expect(await page.locator('[data-testid=summary-Cd] td').first().textContent()).toMatch(/^4\d\d$/);
    await shot('05-data-summary');
    await page.click('[data-testid=tab-charts]');
    await page.waitForSelector('[data-testid=histogram][data-ready=true]');
    await page.waitForSelector('[data-testid=boxplot][data-ready=true]');
    await shot('06-data-charts');
  });

  it('exports a chart as a 300 dpi PNG and as an SVG that parses', async () => {
    const histogram = page.locator('[data-testid=histogram]');
    const png = await exportPng(page, histogram, { width: 800, height: 500, dpi: 300 });
    expect(png.suggestedFilename).toBe('Cd-histogram.png');
    // 800 × 500 CSS px at 300/96 = 3.125 → 2500 × 1562.5 px (the canvas rounds the half).
    const size = pngSize(png.bytes);
    expect(size.width).toBe(2500);
    expect(Math.abs(size.height - 1562.5)).toBeLessThanOrEqual(0.5);

    const svg = await exportSvg(page, histogram);
    const parsed = await parseSvg(page, svg.text);
    expect(parsed.error).toBe(0);
    expect(parsed.root).toBe('svg');
    expect(parsed.width).toBe('800');
    expect(parsed.bars).toBeGreaterThan(5);
    expect(parsed.text).toContain('Cd 含量（mg/kg）');
  });

  it('draws the map: samples coloured by Cd, enterprises by industry', async () => {
    await page.click('[data-testid=nav-map]');
    await page.waitForSelector('[data-testid=map][data-ready=true]');
    expect(await page.locator('[data-testid=map] .legendtext').allTextContents()).toEqual(
      expect.arrayContaining(['有色金属冶炼', '未检出或缺测']),
    );
    expect(await page.locator('[data-testid=map] .colorbar').count()).toBe(1);
    await shot('07-map-cd');
    // The WebGL map exports too: a 150 dpi PNG and an SVG (points embedded as an image layer).
    const map = page.locator('[data-testid=map]');
    const png = await exportPng(page, map, { dpi: 150 });
    // Default 800 × 500 CSS px at 150/96 = 1.5625 → 1250 × 781.25 px.
    expect(pngSize(png.bytes).width).toBe(1250);
    const svgText = (await exportSvg(page, map)).text;
    expect(svgText.startsWith('<svg')).toBe(true);
    expect(svgText).toContain('经度');
    await page.selectOption('[data-testid=map-color]', 'land_use');
    await expect
      .poll(() => page.locator('[data-testid=map] .legendtext').allTextContents())
      .toContain('水田');
    await page.waitForSelector('[data-testid=map][data-ready=true]');
    await shot('08-map-land-use');
  });

  it('switches to English and back', async () => {
    await page.selectOption('[data-testid=language]', 'en');
    await expect.poll(() => page.locator('[data-testid=nav-data]').textContent()).toContain('Data');
    await expect
      .poll(() => page.locator('[data-testid=map] .legendtext').allTextContents())
      .toContain('paddy');
    await shot('09-map-en');
    await page.click('[data-testid=nav-project]');
    await page.waitForSelector('[data-testid=datasets]');
    expect(await page.locator('[data-testid=datasets] thead').textContent()).toContain('Source file');
    await shot('10-project-en');
    await page.click('[data-testid=nav-data]');
    await page.click('[data-testid=tab-summary]');
    await page.waitForSelector('[data-testid=summary-Cd]');
    expect(await page.locator('[data-testid=summary-table] thead').textContent()).toContain(
      'Above screening',
    );
    await shot('11-summary-en');
    await page.selectOption('[data-testid=language]', 'zh-CN');
    await expect.poll(() => page.locator('[data-testid=nav-data]').textContent()).toContain('数据');
    expect(await page.locator('[data-testid=summary-table] thead').textContent()).toContain('超筛选值比例');
  });

  it('creates an empty project by path, then returns to the sample project', async () => {
    await page.click('[data-testid=nav-project]');
    await page.click('[data-testid=switch-open]');
    const file = join(workbench.home, '新项目.duckdb');
    await page.fill('[data-testid=project-path]', file);
    await page.click('[data-testid=project-create]');
    await expect.poll(() => page.locator('[data-testid=project-name]').textContent()).toContain('新项目');
    expect(await page.locator('[data-testid=datasets]').count()).toBe(0);
    await page.click('[data-testid=switch-open]');
    await page.fill('[data-testid=project-path]', join(workbench.home, 'missing.duckdb'));
    await page.click('[data-testid=project-open]');
    await expect
      .poll(() => page.locator('[data-testid=project-switcher] [data-testid=error]').textContent())
      .toContain('项目文件不存在');
    await page.click('[data-testid=project-sample]');
    await expect.poll(() => page.locator('[data-testid=datasets] tbody tr').count()).toBe(5);
  });

  it('ran without CSP violations or page errors', () => {
    expect(workbench.cspViolations).toEqual([]);
    expect(workbench.pageErrors).toEqual([]);
  });
});
