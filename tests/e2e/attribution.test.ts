import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { numericColumn, readTableFile, textColumn } from '../../analysis/io/read-table-file.ts';
import { apcsMlr } from '../../analysis/methods/apcs-mlr/index.ts';
import { correlationMatrix, significanceMark } from '../../analysis/methods/correlation/index.ts';
import {
  distanceToNearestKm,
  encodeStrata,
  geoDetector,
  optimalDiscretization,
} from '../../analysis/methods/geodetector/index.ts';
import {
  fluxBalance,
  fluxRecordsFromTable,
  soilMassKgPerHa,
} from '../../analysis/methods/mass-balance/index.ts';
import { formatPercent, formatValue } from '../../renderer/lib/format.ts';
import { correlationCell, fixed } from '../../renderer/pages/attribution/attribution-view.ts';
import { repoRoot } from '../support/shared-data.ts';
import { exportPng, exportSvg, parseSvg, pngSize, screenshots } from './support/export-checks.ts';
import { startWorkbench, type Workbench } from './support/start-workbench.ts';

// The attribution page end to end on the sample project: correlation and GeoDetector shown and
// checked against the cores run directly on the case-study CSVs, APCS-MLR, isotopes and the flux
// balance drawn and spot-checked, the heat map exported as PNG and SVG, and the English switch.

const caseStudy = (file: string) => join(repoRoot, 'datasets/case-study', file);
const METALS = ['Cd', 'Hg', 'As', 'Pb', 'Cr', 'Cu', 'Ni', 'Zn'];

describe('attribution page in browser mode', () => {
  let workbench: Workbench;
  let page: Page;
  const soil = readTableFile(caseStudy('soil-samples-en.csv'));
  const metals = METALS.map((m) => numericColumn(soil, m));

  const { shot, element } = screenshots(() => page, 'attribution-', { fullPage: true });
  const cell = (row: string, key: string) =>
    page.locator(`[data-testid=${row}] [data-key="${key}"]`).first().textContent();

  beforeAll(async () => {
    workbench = await startWorkbench();
    page = workbench.page;
  });

  afterAll(async () => {
    await workbench?.close();
  });

  it('shows the Pearson matrix with significance marks equal to correlationMatrix()', async () => {
    await page.goto(workbench.url);
    await page.waitForSelector('[data-testid=datasets]');
    await page.click('[data-testid=nav-attribution]');
    await page.waitForSelector('[data-testid=attribution-options]');
    expect(await page.locator('[data-testid=nav-attribution]').textContent()).toContain('污染源解析');
    expect(await page.locator('[data-testid=attribution-dataset]').inputValue()).toBe('soil_1');
    await page.click('[data-testid=attribution-run-correlation]');
    await page.waitForSelector('[data-testid=correlation-heatmap][data-ready=true]');
    await page.waitForSelector('[data-testid=correlation-dendrogram][data-ready=true]');
    const direct = correlationMatrix(METALS, metals, { method: 'pearson' });
    for (const [a, b] of [
      ['Zn', 'Cd'],
      ['Pb', 'As'],
      ['Ni', 'Cr'],
      ['Cr', 'Cd'],
    ]) {
      const [i, j] = [METALS.indexOf(a), METALS.indexOf(b)];
      expect(await cell(`correlation-row-${a}`, b)).toBe(
        correlationCell(direct.r[i][j], significanceMark(direct.p[i][j])),
      );
    }
    // The heat map prints the same cells (plotly texttemplate).
    const texts = await page.locator('[data-testid=correlation-heatmap] svg text').allTextContents();
    expect(texts).toContain(correlationCell(direct.r[0][7], significanceMark(direct.p[0][7])));
    await shot('01-correlation');
    await element('attribution-correlation', '01b-correlation-charts');
  });

  it('exports the heat map as PNG and SVG', async () => {
    const chart = page.locator('[data-testid=correlation-heatmap]');
    const png = await exportPng(page, chart, { width: 800, height: 700, dpi: 300 });
    expect(png.suggestedFilename).toBe('correlation-pearson.png');
    expect(pngSize(png.bytes).width).toBe(2500);

    const svg = await exportSvg(page, chart);
    const parsed = await parseSvg(page, svg.text);
    expect(parsed.error).toBe(0);
    expect(parsed.root).toBe('svg');
    expect(parsed.text).toContain('Pearson 相关系数矩阵');
    expect(parsed.text).toContain('**');
  });

  it('runs GeoDetector on land use, pH and the distance to smelters, as geoDetector() computes', async () => {
    await page.click('[data-testid=attribution-tab-geodetector]');
    await page.waitForSelector('[data-testid=geo-factor-dist-emission_1-nonferrous_smelting]');
    expect(await page.locator('[data-testid=geo-factor-land_use]').isChecked()).toBe(true);
    expect(await page.locator('[data-testid=geo-factor-ph]').isChecked()).toBe(true);
    expect(
      await page.locator('[data-testid=geo-factor-dist-emission_1-nonferrous_smelting]').isChecked(),
    ).toBe(true);
    await page.click('[data-testid=attribution-run-geodetector]');
    await page.waitForSelector('[data-testid=geo-q-chart][data-ready=true]');
    await page.waitForSelector('[data-testid=geo-interaction-chart][data-ready=true]');

    const y = numericColumn(soil, 'Cd');
    const enterprises = readTableFile(caseStudy('enterprises.csv'));
    const distance = distanceToNearestKm(
      numericColumn(soil, 'lon'),
      numericColumn(soil, 'lat'),
      numericColumn(enterprises, '经度'),
      numericColumn(enterprises, '纬度'),
      textColumn(enterprises, '行业类别').map((v) => v === '有色金属冶炼'),
    );
    const direct = geoDetector(y, [
      { name: 'land_use', strata: encodeStrata(textColumn(soil, 'land_use')) },
      { name: 'ph', strata: optimalDiscretization(y, numericColumn(soil, 'pH')).strata },
      { name: 'dist_nonferrous_smelting_km', strata: optimalDiscretization(y, distance).strata },
    ]);
    for (const f of direct.factors) {
      expect(await cell(`geo-factor-row-${f.x}`, 'q')).toBe(fixed(f.q, 4));
    }
    const pair = direct.interactions.find((i) => i.b === 'dist_nonferrous_smelting_km' && i.a === 'land_use');
    expect(await cell('geo-interaction-land_use-dist_nonferrous_smelting_km', 'q')).toBe(fixed(pair?.q, 4));
    expect(await cell('geo-interaction-land_use-dist_nonferrous_smelting_km', 'kind')).toBe(
      ({ enhance_bi: '双因子增强', enhance_nonlinear: '非线性增强' } as Record<string, string>)[
        pair?.kind ?? ''
      ],
    );
    const riskRows = await page.locator('[data-testid=geo-risk-table] tbody tr').count();
    expect(riskRows).toBe(direct.risk[0].means.length);
    await shot('02-geodetector');
    await element('geo-q-chart', '02b-q-chart');
    await element('geo-interaction-chart', '02c-interaction-chart');
  });

  it('draws APCS-MLR shares equal to apcsMlr(), PCA, isotopes and the flux balance', async () => {
    await page.click('[data-testid=attribution-tab-apcs]');
    await page.click('[data-testid=attribution-run-apcs]');
    await page.waitForSelector('[data-testid=apcs-shares][data-ready=true]');
    const apcs = apcsMlr(METALS, metals);
    const pb = apcs.species[3];
    expect(await cell('apcs-row-Pb', 'r2')).toBe(fixed(pb.r2));
    expect(await cell('apcs-row-Pb', 'unexplained')).toBe(formatPercent(pb.unexplainedShare, 'zh-CN'));
    await shot('03-apcs');

    await page.click('[data-testid=attribution-tab-pca]');
    await page.click('[data-testid=attribution-run-pca]');
    await page.waitForSelector('[data-testid=pca-biplot][data-ready=true]');
    expect(await page.locator('[data-testid=pca-tests]').textContent()).toContain(
      `KMO = ${fixed(apcs.pca.kmo.overall)}`,
    );
    await shot('04-pca');

    await page.click('[data-testid=attribution-tab-isotopes]');
    await page.click('[data-testid=attribution-run-isotopes]');
    await page.waitForSelector('[data-testid=iso-plot][data-ready=true]');
    expect(await page.locator('[data-testid=iso-shares] tbody tr').count()).toBe(3);
    await shot('05-isotopes');

    await page.click('[data-testid=attribution-tab-massBalance]');
    await page.click('[data-testid=attribution-run-massBalance]');
    await page.waitForSelector('[data-testid=mass-chart][data-ready=true]');
    const balance = fluxBalance(
      fluxRecordsFromTable(readTableFile(caseStudy('input-fluxes.csv'))),
      soilMassKgPerHa(20, 1.3),
    );
    expect(await cell('mass-row-Cd', 'accumulation')).toBe(formatValue(balance[0].accumulation, 'zh-CN'));
    await shot('06-mass-balance');
  });

  it('switches to English', async () => {
    await page.selectOption('[data-testid=language]', 'en');
    await expect
      .poll(() => page.locator('[data-testid=nav-attribution]').textContent())
      .toContain('Attribution');
    // The page is drawn anew in the other language: run again and read the English tables.
    await page.click('[data-testid=attribution-tab-geodetector]');
    expect(await page.locator('[data-testid=attribution-tab-geodetector]').textContent()).toBe('GeoDetector');
    await page.click('[data-testid=attribution-run-geodetector]');
    await page.waitForSelector('[data-testid=geo-q-chart][data-ready=true]');
    expect(await page.locator('[data-testid=geo-factor-table] thead').textContent()).toContain('Factor');
    expect(await page.locator('[data-testid=geo-interaction-table]').textContent()).toMatch(
      /bivariate enhancement|nonlinear enhancement/,
    );
    await shot('07-geodetector-en');
    await page.click('[data-testid=attribution-tab-massBalance]');
    await page.click('[data-testid=attribution-run-massBalance]');
    await page.waitForSelector('[data-testid=mass-chart][data-ready=true]');
    expect(await page.locator('[data-testid=mass-table] thead').textContent()).toContain(
      'Years to screening',
    );
    await element('attribution-mass-balance', '08-mass-balance-en');
    await page.selectOption('[data-testid=language]', 'zh-CN');
  });

  it('ran without page errors', () => {
    expect(workbench.pageErrors).toEqual([]);
  });
});
