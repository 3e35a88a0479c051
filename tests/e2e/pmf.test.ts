import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiMethods } from '../../analysis/api/contract.ts';
import { suggestedCategory } from '../../analysis/api/pmf-input.ts';
import { readTableFile } from '../../analysis/io/read-table-file.ts';
import { bootstrapPmf } from '../../analysis/methods/pmf/error-estimation/bootstrap.ts';
import { fpeakPmf } from '../../analysis/methods/pmf/error-estimation/fpeak.ts';
import { preparePmfInput, type SpeciesCategory } from '../../analysis/methods/pmf/prepare-input.ts';
import { runPmf } from '../../analysis/methods/pmf/run-pmf.ts';
import { concentrationsWithUncertainty } from '../../analysis/methods/pmf/uncertainty.ts';
import { repoRoot } from '../support/shared-data.ts';
import { screenshotDir } from './browser-mode.ts';
import { exportPng, exportSvg, screenshots } from './support/export-checks.ts';
import { startWorkbench, type Workbench } from './support/start-workbench.ts';

// The PMF page end to end on the sample project: K = 4, 4 runs from seed 42 on every element of
// the survey, Q(true) shown checked against runPmf on matrices built here from the survey CSV
// (censored "<DL" → MDL/2 with 5/6·MDL, empty → median with 4 × median, EF 10 %, eq. 5-1/5-2),
// a profile chart exported as PNG and SVG, factor naming, and the English switch.

const SPECIES = ['Cd', 'Hg', 'As', 'Pb', 'Cr', 'Cu', 'Ni', 'Zn', 'Mn', 'Co', 'V', 'Fe'];

/** The survey's matrices as the page should build them, straight from the CSV. */
function surveyInput() {
  const table = readTableFile(join(repoRoot, 'datasets/case-study/soil-samples.csv'));
  const n = table.rows.length;
  const m = SPECIES.length;
  const conc = new Float64Array(n * m);
  const censored = new Uint8Array(n * m);
  const mdl = new Float64Array(m);
  SPECIES.forEach((s, j) => {
    const c = table.headers.findIndex(
      (h) => h.includes(s) && (s.length === 2 || !/[a-z]/.test(h[h.indexOf(s) + 1] ?? '')),
    );
    // Fe is reported in % (1 % = 10,000 mg/kg); the store keeps mg/kg.
    const scale = table.headers[c].includes('%') ? 10_000 : 1;
    const measured: number[] = [];
    const limits: number[] = [];
    table.rows.forEach((row, i) => {
      const cell = row[c].trim();
      if (cell.startsWith('<')) {
        censored[i * m + j] = 1;
        conc[i * m + j] = Number.NaN;
        limits.push(Number(cell.slice(1)) * scale);
      } else if (cell === '') conc[i * m + j] = Number.NaN;
      else {
        conc[i * m + j] = Number(cell) * scale;
        measured.push(conc[i * m + j]);
      }
    });
    // The lab's DL where it gave one, else the smallest measured value (the page's rule).
    mdl[j] = limits.length ? limits[0] : Math.min(...measured);
  });
  const { x, u } = concentrationsWithUncertainty({
    conc,
    samples: n,
    species: m,
    mdl,
    errorFraction: new Float64Array(m).fill(0.1),
    censored,
  });
  const data = { sampleIds: table.rows.map((r) => r[0]), species: SPECIES, conc: x, unc: u };
  const summary = preparePmfInput(data).summary;
  const categories: Record<string, SpeciesCategory> = Object.fromEntries(
    summary.map((s) => [s.species, suggestedCategory(s.signalToNoise)]),
  );
  return preparePmfInput(data, { categories });
}

describe('PMF page in browser mode', () => {
  let workbench: Workbench;
  let page: Page;
  const call = <M extends keyof ApiMethods>(method: M, params: ApiMethods[M]['params']) =>
    workbench.handler.call(method, params) as Promise<ApiMethods[M]['result']>;
  const { shot, element } = screenshots(() => page, 'pmf-', { fullPage: true });

  beforeAll(async () => {
    workbench = await startWorkbench();
    page = workbench.page;
  });
  afterAll(async () => {
    await workbench?.close();
  });

  it('runs K = 4 × 4 runs and shows the Q(true) runPmf gives for the same input and seed', async () => {
    await page.goto(workbench.url);
    await page.waitForSelector('[data-testid=datasets]');
    await page.click('[data-testid=nav-pmf]');
    await page.waitForSelector('[data-testid=pmf-sn-table] tbody tr');
    expect(await page.locator('[data-testid=nav-pmf]').textContent()).toContain('PMF 源解析');
    expect(await page.locator('[data-testid=pmf-sn-table] tbody tr').count()).toBe(SPECIES.length);
    await page.fill('[data-testid=pmf-factors]', '4');
    await page.fill('[data-testid=pmf-runs]', '4');
    await page.fill('[data-testid=pmf-seed]', '42');
    await page.click('[data-testid=pmf-run]');
    await page.waitForSelector('[data-testid=pmf-results]', { timeout: 60_000 });
    await page.waitForSelector('[data-testid=pmf-profile-3][data-ready=true]');
    const shown = Number(await page.locator('[data-testid=pmf-qtrue]').textContent());

    const core = await runPmf(surveyInput(), { factors: 4, runs: 4, seed: 42 });
    expect(shown).toBe(Number(core.runs[core.best].qTrue.toFixed(2)));
    expect(await page.locator('[data-testid=pmf-run-table] tbody tr').count()).toBe(4);
    expect(await page.locator('[data-testid=pmf-run-table] tr[data-best=true] td').nth(1).textContent()).toBe(
      String(core.runs[core.best].seed),
    );
    await shot('results-zh');
    // Each results panel on its own (the page scrolls inside its frame, so full-page shots stop at the fold).
    for (const [testId, name] of [
      ['pmf-run-table', 'runs'],
      ['pmf-profile-0', 'profile'],
      ['pmf-contributions', 'contributions'],
      ['pmf-map', 'map'],
      ['pmf-pie', 'pie'],
      ['pmf-obs-pred', 'observed-predicted'],
      ['pmf-q-table', 'q-table'],
    ]) {
      const panel = page
        .locator(`[data-testid=${testId}]`)
        .locator('xpath=ancestor::div[contains(@class,"panel")][1]');
      await panel.scrollIntoViewIfNeeded();
      await panel.screenshot({ path: join(screenshotDir, `pmf-${name}-zh.png`) });
    }
  });

  it('exports a profile chart as PNG and SVG', async () => {
    const chart = page.locator('[data-testid=pmf-profile-0]').locator('..');
    const png = await exportPng(page, chart);
    expect(png.suggestedFilename).toBe('pmf-profile-1.png');
    expect(png.bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
    const { text } = await exportSvg(page, chart);
    expect(text).toContain('<svg');
    // The log-scale bars carry every species as a tick label.
    for (const s of ['Cd', 'Pb', 'Fe']) expect(text).toContain(`>${s}<`);
  });

  it('shows the bootstrap mapping table bootstrapPmf gives for the stored base run', async () => {
    await page.fill('[data-testid=pmf-bs-runs]', '5');
    await page.locator('[data-testid=pmf-errors] input[type=checkbox]').uncheck();
    await page.click('[data-testid=pmf-errors-run]');
    await page.waitForSelector('[data-testid=pmf-bs-table]', { timeout: 60_000 });
    const [stored] = await call('pmf.runs', {});
    const result = await call('pmf.result', { runId: stored.runId });
    const base = {
      g: Float64Array.from(result.contributions.flat()),
      f: Float64Array.from(result.profiles.flat()),
      factors: 4,
    };
    const bs = await bootstrapPmf(surveyInput().problem, base, { runs: 5, seed: 42 });
    const shown = await page
      .locator('[data-testid=pmf-bs-table] tbody tr')
      .evaluateAll((rows) =>
        rows
          .slice(0, 4)
          .map((r) => [...r.querySelectorAll('td')].slice(1, 5).map((td) => Number(td.textContent))),
      );
    expect(shown).toEqual(bs.mappingCounts);
    await page.locator('[data-testid=pmf-errors]').scrollIntoViewIfNeeded();
    await element('pmf-errors', 'errors-zh');
  });

  it('shows the Fpeak dQ at φ = 0.5 that fpeakPmf gives for the stored base run', async () => {
    await page.fill('[data-testid=pmf-fpeak-strengths]', '0.5');
    await page.click('[data-testid=pmf-fpeak-run]');
    await page.waitForSelector('[data-testid=pmf-fpeak-table]', { timeout: 60_000 });
    await page.waitForSelector('[data-testid=pmf-fpeak-profile-3][data-ready=true]');
    const [stored] = await call('pmf.runs', {});
    const result = await call('pmf.result', { runId: stored.runId });
    const base = {
      g: Float64Array.from(result.contributions.flat()),
      f: Float64Array.from(result.profiles.flat()),
      factors: 4,
    };
    const [core] = fpeakPmf(surveyInput().problem, base, [0.5]);
    expect(Number(await page.locator('[data-testid=pmf-fpeak-dq-0]').textContent())).toBe(
      Number(core.dQ.toFixed(2)),
    );
    // The bootstrap table of the step before is still there.
    expect(await page.locator('[data-testid=pmf-bs-table]').count()).toBe(1);
    await page.locator('[data-testid=pmf-fpeak]').scrollIntoViewIfNeeded();
    await element('pmf-fpeak', 'fpeak-zh');
  });

  it('names a factor, keeps it in the stored run, and switches to English', async () => {
    await page.fill('[data-testid=pmf-name-0]', '成土母质');
    await page.click('[data-testid=pmf-save-names]');
    await expect.poll(async () => (await call('pmf.runs', {})).length).toBe(1);
    const [stored] = await call('pmf.runs', {});
    await expect
      .poll(async () => (await call('pmf.result', { runId: stored.runId })).factorNames[0])
      .toBe('成土母质');
    await page.selectOption('[data-testid=language]', 'en');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=page-pmf] h1')?.textContent?.includes('PMF positive'),
    );
    expect(await page.locator('[data-testid=nav-pmf]').textContent()).toContain('PMF');
    expect(await page.locator('[data-testid=pmf-run-table] th').first().textContent()).toBe('Run');
    await shot('results-en');
    await element('pmf-sn-table', 'sn-table-en');
    await page.selectOption('[data-testid=language]', 'zh-CN');
    expect(workbench.pageErrors).toEqual([]);
  });
});
