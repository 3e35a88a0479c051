import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ComparisonResult,
  compareScenarioFile,
  compareScenarios,
  parseScenarioFile,
  prepareInputs,
} from '../../analysis/methods/scenarios/index.ts';
import { formatInteger, formatPercent, formatValue } from '../../renderer/lib/format.ts';
import { repoRoot } from '../support/shared-data.ts';
import { exportPng, exportSvg, parseSvg, pngSize, screenshots } from './support/export-checks.ts';
import { startWorkbench, type Workbench } from './support/start-workbench.ts';

// The scenario planner end to end: the case-study scenario file run with few draws from the page,
// the table against compareScenarioFile run directly, a chart exported as PNG and SVG, an edit in
// the editor (discount rate) rerun against the core on the same edited JSON, and the English switch.

const exampleDir = join(repoRoot, 'datasets/scenarios');
const example = join(exampleDir, 'case-study-scenarios.json');
const DRAWS = 200;
const SEED = 3;

describe('scenario planner page in browser mode', () => {
  let workbench: Workbench;
  let page: Page;
  let direct: ComparisonResult;

  const { shot, element } = screenshots(() => page, 'scenarios-', { fullPage: true });
  const cell = (row: Locator, key: string) => row.locator(`[data-key="${key}"]`).textContent();

  async function runFromPage() {
    await page.fill('[data-testid=scenarios-draws]', String(DRAWS));
    await page.fill('[data-testid=scenarios-seed]', String(SEED));
    await expect.poll(() => page.locator('[data-testid=scenarios-run]').isEnabled()).toBe(true);
    await page.click('[data-testid=scenarios-run]');
    await page.waitForSelector('[data-testid=scenarios-table]', { timeout: 30_000 });
  }

  async function expectTable(expected: ComparisonResult, lang: string) {
    for (const s of expected.scenarios) {
      const row = page.locator(`[data-testid=scenarios-row-${s.id}]`);
      expect(await cell(row, 'rank')).toBe(formatInteger(s.rank, lang));
      expect(await cell(row, 'npv')).toBe(formatValue(s.npv / 1e4, lang));
      expect(await cell(row, 'costP50')).toBe(formatValue(s.cost.p50 / 1e4, lang));
      expect(await cell(row, 'costP95')).toBe(formatValue(s.cost.p95 / 1e4, lang));
      expect(await cell(row, 'targetProbability')).toBe(formatPercent(s.targetProbability, lang));
      expect(await cell(row, 'exceedanceAfter')).toBe(formatValue(s.exceedanceAreaHa.after, lang));
      expect(await cell(row, 'carbon')).toBe(formatValue(s.carbonTCO2e, lang));
    }
    // Rows in rank order, as the core ranks them.
    const ids = await page
      .locator('[data-testid=scenarios-table] tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')?.replace('scenarios-row-', '')));
    expect(ids).toEqual([...expected.scenarios].sort((a, b) => a.rank - b.rank).map((s) => s.id));
  }

  beforeAll(async () => {
    direct = compareScenarioFile(example, { draws: DRAWS, seed: SEED, sensitivity: true });
    workbench = await startWorkbench();
    page = workbench.page;
  });

  afterAll(async () => {
    await workbench?.close();
  });

  it('loads the example, validates it with the AHP consistency ratio the core computes', async () => {
    await page.goto(workbench.url);
    await page.waitForSelector('[data-testid=nav-scenarios]');
    expect(await page.locator('[data-testid=nav-scenarios]').textContent()).toContain('情景规划');
    await page.click('[data-testid=nav-scenarios]');
    await page.waitForSelector('[data-testid=scenarios-editor]');
    await expect
      .poll(() => page.locator('[data-testid=scenarios-validation]').textContent())
      .toContain(`${direct.scenarios.length} 个情景`);
    expect(await page.locator('[data-testid=scenarios-list] li').count()).toBe(direct.scenarios.length);
    expect(await page.locator('[data-testid=scenarios-ahp-cr]').textContent()).toContain(
      `CR = ${formatValue(direct.ranking.ahp?.consistencyRatio, 'zh-CN')}`,
    );
    await page.click('[data-testid=scenarios-item-2]');
    await shot('01-editor');
    await page.click('[data-testid=scenarios-tab-measures]');
    await page.waitForSelector('[data-testid=measure-lime]');
    expect(await page.locator('[data-testid=measure-lime] .tag').first().textContent()).toBe(
      '已修改（估算）',
    );
    // Side effects come from the core in Chinese too (measure-library.ts secondaryEffectsZh).
    expect(
      await page.locator('[data-testid=measure-lime] [data-testid=measure-side-effects]').textContent(),
    ).toBe('土壤 pH 升高 0.85、增产 12.9%（Liao 2021）；石灰过量施用会导致土壤板结');
    await shot('02-measures');
    await page.click('[data-testid=scenarios-tab-editor]');
  });

  it('runs the example with few draws and shows the ranks and numbers of compareScenarioFile', async () => {
    await runFromPage();
    await expectTable(direct, 'zh-CN');
    for (const id of ['scenarios-pareto', 'scenarios-projection', 'scenarios-radar', 'scenarios-tornado']) {
      await page.waitForSelector(`[data-testid=${id}][data-ready=true]`);
    }
    const legend = await page.locator('[data-testid=scenarios-pareto] .legendtext').allTextContents();
    expect(legend).toContain('帕累托前沿');
    const screening = direct.screeningValues.Cd ?? Number.NaN;
    const notes = await page.locator('[data-testid=scenarios-projection] .annotation-text').allTextContents();
    expect(notes).toContain(`筛选值（面积加权）${screening.toPrecision(3)} mg/kg`);
    // The tornado shows the best-ranked scenario's NPV drivers, labelled in Chinese (labelZh).
    const best = direct.scenarios
      .filter((s) => (s.sensitivity?.npv.bars.length ?? 0) > 0)
      .sort((a, b) => a.rank - b.rank)[0];
    const expected = (best?.sensitivity?.npv.bars ?? []).filter((b) => b.swing > 0).map((b) => b.labelZh);
    expect(expected.length).toBeGreaterThan(0);
    const ticks = await page.locator('[data-testid=scenarios-tornado] .ytick text').allTextContents();
    expect([...ticks].sort()).toEqual([...expected].sort());
    await shot('03-results');
    await element('scenarios-pareto', '04-pareto');
    await element('scenarios-projection', '05-projection');
    await element('scenarios-radar', '06-radar');
    await element('scenarios-tornado', '07-tornado');
  });

  it('exports the Pareto chart as PNG and SVG', async () => {
    const chart = page.locator('[data-testid=scenarios-pareto]');
    const png = await exportPng(page, chart, { width: 800, height: 500, dpi: 300 });
    expect(png.suggestedFilename).toBe('scenarios-cost-vs-risk-reduction.png');
    expect(pngSize(png.bytes).width).toBe(2500);

    const svg = await exportSvg(page, chart);
    const parsed = await parseSvg(page, svg.text);
    expect(parsed.error).toBe(0);
    expect(parsed.root).toBe('svg');
    expect(parsed.text).toContain('费用与风险削减');
    expect(parsed.text).toContain('帕累托前沿');
  });

  it('reruns an edit (discount rate 4 %) and matches the core on the same edited file', async () => {
    await page.click('[data-testid=scenarios-tab-editor]');
    await page.fill('[data-testid=scenarios-discount]', '4');
    await expect
      .poll(() => page.locator('[data-testid=scenarios-validation]').textContent())
      .toContain('个情景');
    await runFromPage();
    const edited = parseScenarioFile({ ...JSON.parse(readFileSync(example, 'utf8')), discountRate: 0.04 });
    const expected = compareScenarios(edited, prepareInputs(edited, exampleDir), {
      draws: DRAWS,
      seed: SEED,
      sensitivity: true,
    });
    await expect
      .poll(() =>
        page.locator(`[data-testid=scenarios-row-${expected.scenarios[1].id}] [data-key=npv]`).textContent(),
      )
      .toBe(formatValue(expected.scenarios[1].npv / 1e4, 'zh-CN'));
    expect(expected.scenarios[1].npv).not.toBe(direct.scenarios[1].npv);
    await expectTable(expected, 'zh-CN');
  });

  it('switches to English', async () => {
    await page.selectOption('[data-testid=language]', 'en');
    await expect.poll(() => page.locator('[data-testid=nav-scenarios]').textContent()).toContain('Scenarios');
    expect(await page.locator('[data-testid=scenarios-table] thead').textContent()).toContain(
      'Total cost (10⁴ yuan)',
    );
    await page.waitForSelector('[data-testid=scenarios-pareto][data-ready=true]');
    const legend = await page.locator('[data-testid=scenarios-pareto] .legendtext').allTextContents();
    expect(legend).toContain('Pareto front');
    await shot('08-results-en');
    await page.click('[data-testid=scenarios-tab-editor]');
    await shot('09-editor-en');
    await page.selectOption('[data-testid=language]', 'zh-CN');
    expect(workbench.pageErrors).toEqual([]);
  });
});
