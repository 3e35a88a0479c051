import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTableFile } from '../../analysis/io/read-table-file.ts';
import {
  type AssessmentResult,
  assessCropSamples,
  assessSamples,
  backgroundFromUserTable,
  cropSamplesFromTable,
  GB15618_2018,
  GB36600_2018_CLASS_2,
  HJ25_3_2014_PARAMETERS,
  healthRiskOfSamples,
  soilSamplesFromTable,
  standardFromUserTable,
  withExposure,
} from '../../analysis/methods/assessment/index.ts';
import { mean } from '../../analysis/stats/mean.ts';
import { formatInteger, formatPercent, formatValue } from '../../renderer/lib/format.ts';
import { formatRisk } from '../../renderer/pages/assessment/HealthPanel.tsx';
import { repoRoot } from '../support/shared-data.ts';
import { exportPng, exportSvg, parseSvg, pngSize, screenshots } from './support/export-checks.ts';
import { startWorkbench, type Workbench } from './support/start-workbench.ts';

// The assessment page end to end: sample project, GB 15618 run with the crop dataset, the numbers
// shown against the core functions run directly on the case-study CSVs, chart export to PNG and
// SVG, and the English switch.

const caseStudy = (file: string) => join(repoRoot, 'datasets/case-study', file);

describe('assessment page in browser mode', () => {
  let workbench: Workbench;
  let page: Page;
  let direct: AssessmentResult;
  let soil: ReturnType<typeof soilSamplesFromTable>['samples'];

  const { shot, element } = screenshots(() => page, 'assessment-', { fullPage: true });
  const cell = (row: Locator, key: string) => row.locator(`[data-key="${key}"]`).textContent();

  beforeAll(async () => {
    // Oracle: the core run directly on the source CSV (the CLI's reader, not the project store).
    soil = soilSamplesFromTable(readTableFile(caseStudy('soil-samples.csv')), {
      requirePh: false,
      requireLandUse: false,
    }).samples;
    direct = assessSamples(soil, { standard: GB15618_2018 });
    workbench = await startWorkbench();
    page = workbench.page;
  });

  afterAll(async () => {
    await workbench?.close();
  });

  it('runs GB 15618 on the sample project and shows the summary the core computes', async () => {
    await page.goto(workbench.url);
    await page.waitForSelector('[data-testid=datasets]');
    await page.click('[data-testid=nav-assessment]');
    await page.waitForSelector('[data-testid=assessment-options]');
    expect(await page.locator('[data-testid=nav-assessment]').textContent()).toContain('污染评价');
    expect(await page.locator('[data-testid=assessment-dataset]').inputValue()).toBe('soil_1');
    expect(await page.locator('[data-testid=assessment-crop-dataset]').inputValue()).toBe('crop_1');
    await page.click('[data-testid=assessment-run]');
    await page.waitForSelector('[data-testid=assessment-summary-table]');
    expect(await page.locator('[data-testid=assessment-standard-used]').textContent()).toContain(
      'GB 15618-2018',
    );

    const counts = direct.summary.classCounts;
    for (const c of ['priority_protection', 'safe_utilization', 'strict_control']) {
      expect(await page.locator(`[data-testid=class-count-${c}]`).textContent()).toContain(
        ` ${formatInteger(counts[c], 'zh-CN')} (`,
      );
    }
    expect(counts.strict_control).toBeGreaterThan(0);
    for (const metal of ['Cd', 'Pb', 'Zn']) {
      const expected = direct.summary.metals.find((m) => m.metal === metal);
      const row = page.locator(`[data-testid=assessment-summary-${metal}]`);
      expect(await cell(row, 'mean')).toBe(formatValue(expected?.mean, 'zh-CN'));
      expect(await cell(row, 'sd')).toBe(formatValue(expected?.sd, 'zh-CN'));
      expect(await cell(row, 'exceedance')).toBe(formatPercent(expected?.exceedanceRate, 'zh-CN'));
      expect(await cell(row, 'safe_utilization')).toBe(
        formatPercent(expected?.classShares.safe_utilization, 'zh-CN'),
      );
    }
    await shot('01-summary-zh');
  });

  it('maps the samples by class', async () => {
    await page.click('[data-testid=assessment-tab-map]');
    await page.waitForSelector('[data-testid=assessment-map][data-ready=true]');
    const legend = await page.locator('[data-testid=assessment-map] .legendtext').allTextContents();
    expect(legend).toContain(`严格管控类 (${direct.summary.classCounts.strict_control})`);
    expect(legend).toContain(`优先保护类 (${direct.summary.classCounts.priority_protection})`);
    await shot('02-map');
  });

  it('draws box plots against thresholds, Igeo and RI, and exports one as PNG and SVG', async () => {
    await page.click('[data-testid=assessment-tab-distributions]');
    for (const id of [
      'assessment-ratio-box',
      'assessment-threshold-box',
      'assessment-igeo',
      'assessment-ri',
    ]) {
      await page.waitForSelector(`[data-testid=${id}][data-ready=true]`);
    }
    // Cd's threshold groups: every distinct (screening, intervention) pair the core applied.
    const pairs = new Set(
      direct.samples
        .map((s) => s.metals.Cd)
        .filter((m) => m?.screening !== null && m !== undefined)
        .map((m) => `${m.screening}|${m.intervention}`),
    );
    const ticks = await page.locator('[data-testid=assessment-threshold-box] .xtick text').count();
    expect(ticks).toBe(pairs.size);
    await shot('03-distributions');
    await element('assessment-distributions', '03b-distribution-charts');

    const box = page.locator('[data-testid=assessment-threshold-box]');
    const png = await exportPng(page, box, { width: 800, height: 500, dpi: 300 });
    expect(png.suggestedFilename).toBe('Cd-thresholds-boxplot.png');
    expect(pngSize(png.bytes).width).toBe(2500);

    const svg = await exportSvg(page, box);
    const parsed = await parseSvg(page, svg.text);
    expect(parsed.error).toBe(0);
    expect(parsed.root).toBe('svg');
    expect(parsed.text).toContain('Cd 含量与适用限值');
    expect(parsed.text).toContain('风险管制值');
  });

  it('shows health risk equal to healthRiskOfSamples()', async () => {
    await page.click('[data-testid=assessment-tab-health]');
    await page.waitForSelector('[data-testid=assessment-health-chart][data-ready=true]');
    const risk = healthRiskOfSamples(soil);
    const childHi = mean(risk.samples.map((s) => s.child.hi));
    const adultCr = Math.max(...risk.samples.map((s) => s.adult.cr));
    const child = page.locator('[data-testid=health-child-total]');
    const adult = page.locator('[data-testid=health-adult-total]');
    expect(await cell(child, 'hiMean')).toBe(formatRisk(childHi, 'zh-CN'));
    expect(await cell(adult, 'crMax')).toBe(formatRisk(adultCr, 'zh-CN'));
    await shot('04-health');
    await element('assessment-health-chart', '04b-health-chart');
  });

  it('checks crops against GB 2762 and draws the joint soil–crop view', async () => {
    await page.click('[data-testid=assessment-tab-crops]');
    await page.waitForSelector('[data-testid=assessment-crop-scatter][data-ready=true]');
    const crops = assessCropSamples(
      cropSamplesFromTable(readTableFile(caseStudy('crop-samples.csv'))).samples,
      direct.samples,
    );
    const riceCd = crops.summary.find((r) => r.crop === 'rice' && r.metal === 'Cd');
    const row = page.locator('[data-testid=crop-rice-Cd]');
    expect(await cell(row, 'exceedances')).toBe(formatInteger(riceCd?.exceedances ?? -1, 'zh-CN'));
    expect(await cell(row, 'bcf')).toBe(formatValue(riceCd?.meanBcf, 'zh-CN'));
    for (const c of ['priority_protection', 'safe_utilization', 'strict_control']) {
      expect(await page.locator(`[data-testid=joint-count-${c}]`).textContent()).toContain(
        formatInteger(crops.jointCounts[c], 'zh-CN'),
      );
    }
    const annotations = await page
      .locator('[data-testid=assessment-crop-scatter] .annotation-text')
      .allTextContents();
    expect(annotations).toContain('食品限量 0.200');
    await shot('05-crops');
    await element('assessment-crop-scatter', '05b-soil-crop-scatter');
  });

  it('switches to English', async () => {
    await page.selectOption('[data-testid=language]', 'en');
    await expect
      .poll(() => page.locator('[data-testid=nav-assessment]').textContent())
      .toContain('Assessment');
    expect(await page.locator('[data-testid=assessment-crops] h2').first().textContent()).toContain(
      'Crop safety',
    );
    await shot('06-crops-en');
    await page.click('[data-testid=assessment-tab-summary]');
    await page.waitForSelector('[data-testid=assessment-summary-table]');
    expect(await page.locator('[data-testid=assessment-summary-table] thead').textContent()).toContain(
      'Exceedance rate',
    );
    expect(await page.locator('[data-testid=class-count-strict_control]').textContent()).toContain(
      'Strict control',
    );
    await shot('07-summary-en');
    await page.click('[data-testid=assessment-tab-distributions]');
    await page.waitForSelector('[data-testid=assessment-igeo][data-ready=true]');
    await element('assessment-distributions', '08-distributions-en');
    await page.selectOption('[data-testid=language]', 'zh-CN');
  });

  it('reruns with GB 36600 class 2 and an edited child body weight', async () => {
    await page.click('[data-testid=assessment-tab-summary]');
    await page.selectOption('[data-testid=assessment-standard]', 'gb36600-2');
    await page.click('[data-testid=assessment-exposure] summary');
    await page.fill('[data-testid=exposure-child-bodyWeight]', '31.8');
    await page.click('[data-testid=assessment-run]');
    await expect
      .poll(() => page.locator('[data-testid=assessment-standard-used]').textContent(), { timeout: 20_000 })
      .toContain('GB 36600-2018');
    const expected = assessSamples(soil, { standard: GB36600_2018_CLASS_2 }).summary.classCounts;
    for (const c of ['below_screening', 'above_screening', 'above_intervention']) {
      expect(await page.locator(`[data-testid=class-count-${c}]`).textContent()).toContain(
        ` ${formatInteger(expected[c], 'zh-CN')} (`,
      );
    }
    expect(expected.above_screening).toBe(3);
    await shot('09-gb36600');
    await page.click('[data-testid=assessment-tab-health]');
    const edited = healthRiskOfSamples(
      soil,
      withExposure(HJ25_3_2014_PARAMETERS, 'child', { bodyWeight: 31.8 }),
    );
    const childHi = mean(edited.samples.map((x) => x.child.hi));
    expect(await cell(page.locator('[data-testid=health-child-total]'), 'hiMean')).toBe(
      formatRisk(childHi, 'zh-CN'),
    );
    expect(await page.locator('[data-testid=assessment-health]').textContent()).toContain(
      'hj25.3-2014+edited',
    );
  });

  it('loads a user standard and a user background from JSON files', async () => {
    const standardTable = {
      id: 'local-cd',
      name: { zh: '本地镉标准', en: 'Local Cd standard' },
      version: 'Local 2024',
      source: 'e2e',
      kind: 'farmland',
      screening: [{ metal: 'Cd', land: 'any', values: [0.2] }],
      intervention: [{ metal: 'Cd', land: 'any', values: [1.0] }],
    };
    const backgroundTable = { id: 'zj', name: '浙江省背景值', source: 'e2e', values: { Cd: 0.07, Pb: 23.7 } };
    const standardFile = join(workbench.home, 'local-standard.json');
    const backgroundFile = join(workbench.home, 'local-background.json');
    writeFileSync(standardFile, JSON.stringify(standardTable));
    writeFileSync(backgroundFile, JSON.stringify(backgroundTable));
    await page.click('[data-testid=assessment-tab-summary]');
    await page.selectOption('[data-testid=assessment-standard]', 'user');
    await page.setInputFiles('[data-testid=assessment-standard-file]', standardFile);
    await page.selectOption('[data-testid=assessment-background]', 'user');
    await page.setInputFiles('[data-testid=assessment-background-file]', backgroundFile);
    await expect.poll(() => page.locator('[data-testid=assessment-run]').isEnabled()).toBe(true);
    await page.click('[data-testid=assessment-run]');
    await expect
      .poll(() => page.locator('[data-testid=assessment-standard-used]').textContent(), { timeout: 20_000 })
      .toContain('Local 2024');
    const expected = assessSamples(soil, {
      standard: standardFromUserTable(standardTable),
      background: backgroundFromUserTable(backgroundTable),
    }).summary;
    for (const c of ['priority_protection', 'safe_utilization', 'strict_control']) {
      expect(await page.locator(`[data-testid=class-count-${c}]`).textContent()).toContain(
        ` ${formatInteger(expected.classCounts[c], 'zh-CN')} (`,
      );
    }
    const row = page.locator('[data-testid=assessment-summary-Cd]');
    expect(await cell(row, 'exceedance')).toBe(formatPercent(expected.metals[0].exceedanceRate, 'zh-CN'));
    await shot('10-user-standard');
  });

  it('ran without page errors', () => {
    expect(workbench.pageErrors).toEqual([]);
  });
});
