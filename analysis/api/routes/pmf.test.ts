import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../tests/support/shared-data.ts';
import { numericColumn, readTableFile } from '../../io/read-table-file.ts';
import { bootstrapPmf } from '../../methods/pmf/error-estimation/bootstrap.ts';
import { bsDispPmf } from '../../methods/pmf/error-estimation/bs-disp.ts';
import { constrainPmf } from '../../methods/pmf/error-estimation/constraints.ts';
import { displacePmf } from '../../methods/pmf/error-estimation/disp.ts';
import { fpeakPmf } from '../../methods/pmf/error-estimation/fpeak.ts';
import { preparePmfInput } from '../../methods/pmf/prepare-input.ts';
import { readPmfFiles } from '../../methods/pmf/read-pmf-files.ts';
import { runPmf } from '../../methods/pmf/run-pmf.ts';
import type { ApiEvent, ApiMethods } from '../contract.ts';
import { type ApiHandler, createApiHandler } from '../handler.ts';

const caseStudy = (file: string) => join(repoRoot, 'datasets/case-study', file);
const species = ['Cd', 'Pb', 'Zn', 'Cu', 'Cr', 'Ni'];

describe('PMF routes and job on a temporary sample project', () => {
  let home: string;
  let api: ApiHandler;
  const events: ApiEvent[] = [];
  const call = <M extends keyof ApiMethods>(method: M, params: ApiMethods[M]['params']) =>
    api.call(method, params) as Promise<ApiMethods[M]['result']>;

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'soiltrace-pmf-'));
    api = createApiHandler({ homeDir: home });
    await call('project.openSample', {});
    api.onEvent((e) => events.push(e));
  });
  afterAll(async () => {
    await api.close();
    await rm(home, { recursive: true, force: true });
  });

  it('computes S/N from eq. 5-2 uncertainties of the survey file (hand check on Pb)', async () => {
    const table = await call('pmf.species', { source: { type: 'dataset', datasetId: 'soil_1', species } });
    const pb = table.species.find((s) => s.species === 'Pb');
    // By hand from the CSV: u = √((0.1·x)² + (MDL/2)²), d = (x − u)/u where x > u, S/N = mean d.
    const pbValues = numericColumn(readTableFile(caseStudy('soil-samples.csv')), '铅Pb(mg/kg)');
    const mdl = pb?.mdl ?? Number.NaN;
    const measured = [...pbValues].filter((v) => !Number.isNaN(v));
    expect(table.sampleIds.length).toBe(pbValues.length);
    let sum = 0;
    for (const x of measured) {
      const u = x <= mdl ? (5 / 6) * mdl : Math.sqrt((0.1 * x) ** 2 + (0.5 * mdl) ** 2);
      if (x > u) sum += (x - u) / u;
    }
    expect(pb?.censoredPercent).toBe(0);
    // One empty Pb cell of 491, eight "<0.05" Cd cells and one empty one (counted by hand in the CSV).
    expect(pb?.missingPercent).toBeCloseTo(100 / 491, 12);
    const cd = table.species.find((s) => s.species === 'Cd');
    expect(cd?.censoredPercent).toBeCloseTo(800 / 491, 12);
    expect(cd?.missingPercent).toBeCloseTo(100 / 491, 12);
    expect(cd?.mdl).toBe(0.05);
    expect(cd?.mdlFromData).toBe(true);
    expect(pb?.signalToNoise).toBeCloseTo(sum / pbValues.length, 10);
    expect(pb?.suggested).toBe('strong');
    expect(table.available).toEqual(expect.arrayContaining(species));
  });

  it('runs the pmf job with progress, stores the run, and matches runPmf with the same seed', async () => {
    const params = {
      source: { type: 'dataset' as const, datasetId: 'soil_1', species },
      options: { categories: { Ni: 'weak' as const } },
      factors: 3,
      runs: 3,
      seed: 7,
      workers: 'none' as const,
    };
    const { jobId } = await call('jobs.start', { kind: 'pmf', params });
    let status = await call('jobs.result', { jobId });
    while (status.status === 'running') {
      await new Promise((r) => setTimeout(r, 50));
      status = await call('jobs.result', { jobId });
    }
    expect(status.status).toBe('done');
    const progress = events.flatMap((e) =>
      e.type === 'job.progress' && e.data.jobId === jobId ? [e.data] : [],
    );
    expect(progress.at(-1)?.progress).toBe(1);
    expect(progress.some((p) => p.message?.en === '1/3 runs done' || p.message?.en === '2/3 runs done')).toBe(
      true,
    );
    const viaJob = status.result as ApiMethods['pmf.run']['result'];
    // The same problem through the core directly.
    const table = await call('pmf.species', { source: params.source });
    expect(table.species.map((s) => s.species)).toEqual(species);
    const direct = await call('pmf.run', params);
    expect(direct.qTrue).toBe(viaJob.qTrue);
    expect(direct.runs.map((r) => r.seed)).toEqual([7, 8, 9]);
    expect(viaJob.categories).toEqual(['strong', 'strong', 'strong', 'strong', 'strong', 'weak']);
    expect(viaJob.qExpected).toBe(viaJob.sampleIds.length * 6 - 3 * (viaJob.sampleIds.length + 6));
    const runs = await call('pmf.runs', {});
    expect(runs.map((r) => r.runId)).toContain(viaJob.runId);
    const reopened = await call('pmf.result', { runId: viaJob.runId });
    expect(reopened.profiles).toEqual(viaJob.profiles);
    expect(reopened.runs).toEqual(viaJob.runs);
    const named = await call('pmf.nameFactors', { runId: viaJob.runId, names: ['冶炼', '母质', '农业'] });
    expect(named.factorNames).toEqual(['冶炼', '母质', '农业']);
    expect((await call('pmf.result', { runId: viaJob.runId })).factorNames).toEqual(['冶炼', '母质', '农业']);
  });

  it('cancels a running pmf job and stores nothing for it', async () => {
    const before = (await call('pmf.runs', {})).length;
    const { jobId } = await call('jobs.start', {
      kind: 'pmf',
      params: {
        source: { type: 'dataset', datasetId: 'soil_1' },
        factors: 5,
        runs: 200,
        seed: 1,
        workers: 1,
      },
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(await call('jobs.cancel', { jobId })).toEqual({ cancelled: true });
    let status = await call('jobs.result', { jobId });
    while (status.status === 'running') {
      await new Promise((r) => setTimeout(r, 50));
      status = await call('jobs.result', { jobId });
    }
    expect(status.status).toBe('cancelled');
    expect((await call('pmf.runs', {})).length).toBe(before);
  });

  it('reproduces the core on EPA PMF 5 files: same seed, same Q(true)', async () => {
    const concPath = caseStudy('pmf-conc.csv');
    const uncPath = caseStudy('pmf-unc.csv');
    const viaApi = await call('pmf.run', {
      source: { type: 'files', concPath, uncPath },
      factors: 3,
      runs: 2,
      seed: 11,
      workers: 'none',
    });
    const { conc, unc } = readPmfFiles(concPath, uncPath);
    const input = preparePmfInput({
      sampleIds: conc.sampleIds,
      species: conc.species,
      conc: conc.values,
      unc: unc.values,
    });
    const core = await runPmf(input, { factors: 3, runs: 2, seed: 11, workers: 'none' });
    expect(viaApi.qTrue).toBe(core.runs[core.best].qTrue);
    expect(viaApi.runs.map((r) => r.qRobust)).toEqual(core.runs.map((r) => r.qRobust));
    // contributions × profiles reproduce the predicted matrix the residual view plots.
    const i = 0;
    const j = 1;
    const fit = viaApi.contributions[i].reduce((s, g, h) => s + g * viaApi.profiles[h][j], 0);
    expect(viaApi.predicted[i][j]).toBeCloseTo(fit, 10);
  });

  it('adds bootstrap and DISP tables to a stored run, equal to the engine run directly', async () => {
    // The first 60 samples and 6 species keep DISP's hundreds of re-fits to a second or two.
    const cut = async (file: string) => {
      const lines = readFileSync(caseStudy(file), 'utf8').trim().split(/\r?\n/).slice(0, 61);
      const path = join(home, `small-${file}`);
      await writeFile(path, lines.map((l) => l.split(',').slice(0, 7).join(',')).join('\n'));
      return path;
    };
    const concPath = await cut('pmf-conc.csv');
    const uncPath = await cut('pmf-unc.csv');
    const base = await call('pmf.run', {
      source: { type: 'files', concPath, uncPath },
      factors: 3,
      runs: 2,
      seed: 5,
      workers: 'none',
    });
    const withErrors = await call('pmf.errors', {
      runId: base.runId,
      bootstrapRuns: 4,
      seed: 9,
      workers: 'none',
    });
    const { conc, unc } = readPmfFiles(concPath, uncPath);
    const { problem } = preparePmfInput({
      sampleIds: conc.sampleIds,
      species: conc.species,
      conc: conc.values,
      unc: unc.values,
    });
    const factors = {
      g: Float64Array.from(base.contributions.flat()),
      f: Float64Array.from(base.profiles.flat()),
      factors: 3,
    };
    const bs = await bootstrapPmf(problem, factors, { runs: 4, seed: 9, workers: 'none' });
    expect(withErrors.errors?.bootstrap?.mappingCounts).toEqual(bs.mappingCounts);
    expect(withErrors.errors?.bootstrap?.blockSize).toBe(bs.blockSize);
    const disp = displacePmf(problem, factors);
    expect(withErrors.errors?.disp?.swaps).toEqual(disp.swaps);
    expect(withErrors.errors?.disp?.qBase).toBeCloseTo(disp.qBase, 6);
    expect((await call('pmf.result', { runId: base.runId })).errors?.disp?.levels).toEqual([4, 8, 16, 32]);
  });

  it('adds Fpeak, BS-DISP and a constrained run on worker threads, equal to the core functions directly', async () => {
    const cut = async (file: string) => {
      const lines = readFileSync(caseStudy(file), 'utf8').trim().split(/\r?\n/).slice(0, 61);
      const path = join(home, `fpeak-${file}`);
      await writeFile(path, lines.map((l) => l.split(',').slice(0, 7).join(',')).join('\n'));
      return path;
    };
    const concPath = await cut('pmf-conc.csv');
    const uncPath = await cut('pmf-unc.csv');
    const base = await call('pmf.run', {
      source: { type: 'files', concPath, uncPath },
      factors: 3,
      runs: 2,
      seed: 5,
      workers: 'none',
    });
    const first = await call('pmf.errors', {
      runId: base.runId,
      bootstrapRuns: 3,
      disp: false,
      workers: 'none',
    });
    const constraints = [
      { kind: 'pullDown' as const, element: { matrix: 'F' as const, factor: 0, species: 1 } },
      { kind: 'zero' as const, element: { matrix: 'G' as const, factor: 1, sample: 0 } },
    ];
    const withRotations = await call('pmf.errors', {
      runId: base.runId,
      bootstrapRuns: 0,
      disp: false,
      fpeak: [-0.5, 0.5],
      bsDisp: { runs: 3, displacedRuns: 1 },
      constraints,
      dQLimit: 2,
    });
    const { conc, unc } = readPmfFiles(concPath, uncPath);
    const { problem } = preparePmfInput({
      sampleIds: conc.sampleIds,
      species: conc.species,
      conc: conc.values,
      unc: unc.values,
    });
    const factors = {
      g: Float64Array.from(base.contributions.flat()),
      f: Float64Array.from(base.profiles.flat()),
      factors: 3,
    };
    const fpeak = fpeakPmf(problem, factors, [-0.5, 0.5]);
    const stored = withRotations.errors?.fpeak ?? [];
    expect(stored.map((r) => r.strength)).toEqual([-0.5, 0.5]);
    expect(stored.map((r) => r.dQ)).toEqual(fpeak.map((r) => r.dQ));
    expect(stored.map((r) => r.qTrue)).toEqual(fpeak.map((r) => r.qTrue));
    expect(stored[1].profiles).toEqual(fpeak[1].profiles);
    expect(stored[1].contributions.flat()).toEqual(Array.from(fpeak[1].contributions));
    const direct = constrainPmf(problem, factors, constraints, { dQLimit: 2 });
    const run = withRotations.errors?.constraints;
    expect(run?.dQ).toBe(direct.dQ);
    expect(run?.dQ).toBeLessThanOrEqual(2);
    expect(run?.elements.map((e) => [e.before, e.after])).toEqual(
      direct.elements.map((e) => [e.before, e.after]),
    );
    // The zeroed contribution is exactly zero; the pulled-down profile element went down.
    expect(run?.elements[1].after).toBe(0);
    expect(run?.elements[0].after).toBeLessThan(run?.elements[0].before ?? 0);
    expect(run?.profiles.flat()).toEqual(Array.from(direct.solution.f));
    const bsDisp = await bsDispPmf(problem, factors, {
      runs: 3,
      seed: 42,
      displacedRuns: 1,
      workers: 'none',
    });
    expect(withRotations.errors?.bsDisp?.swaps).toEqual(bsDisp.swaps);
    expect(withRotations.errors?.bsDisp?.high).toEqual(bsDisp.high);
    expect(withRotations.errors?.bsDisp?.displacedRuns).toBe(1);
    // The bootstrap of the first call is kept, and everything is saved with the run.
    expect(withRotations.errors?.bootstrap).toEqual(first.errors?.bootstrap);
    const reopened = await call('pmf.result', { runId: base.runId });
    expect(reopened.errors?.fpeak?.[0].dQ).toBe(fpeak[0].dQ);
    expect(reopened.errors?.constraints?.strength).toBe(direct.strength);
  });
});
