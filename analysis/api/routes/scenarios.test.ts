import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../tests/support/shared-data.ts';
import { type ComparisonResult, compareScenarioFile } from '../../methods/scenarios/index.ts';
import type { ApiEvent, ApiMethods } from '../contract.ts';
import { type ApiHandler, createApiHandler } from '../handler.ts';

// The scenario routes and the `scenarios` job against the core run directly on the example file:
// the same numbers, whether the file is named by path or sent as the editor's JSON object.

const example = join(repoRoot, 'datasets/scenarios/case-study-scenarios.json');
const DRAWS = 200;
const SEED = 7;

describe('scenario planner API', () => {
  let home: string;
  let api: ApiHandler;
  let direct: ComparisonResult;
  const events: ApiEvent[] = [];
  const call = <M extends keyof ApiMethods>(method: M, params: ApiMethods[M]['params']) =>
    api.call(method, params) as Promise<ApiMethods[M]['result']>;

  const settled = async (jobId: string) => {
    let status = 'running';
    while (status === 'running') {
      await new Promise((r) => setTimeout(r, 20));
      status = (await call('jobs.result', { jobId })).status;
    }
  };

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'soiltrace-scenarios-'));
    api = createApiHandler({ homeDir: home });
    api.onEvent((e) => events.push(e));
    direct = compareScenarioFile(example, { draws: DRAWS, seed: SEED, sensitivity: true });
  });
  afterAll(async () => {
    await api.close();
    await rm(home, { recursive: true, force: true });
  });

  it('serves the example file as written and the library with a source or an estimate flag per figure', async () => {
    const ex = await call('scenarios.example', {});
    expect(ex.path).toBe(example);
    expect(ex.scenario).toEqual(JSON.parse(readFileSync(example, 'utf8')));
    const { measures } = await call('scenarios.measures', {});
    expect(measures.map((m) => m.id)).toContain('phytoextraction-sedum-alfredii');
    for (const m of measures) {
      for (const f of [m.cost, m.carbon, m.duration]) {
        expect(f.source !== undefined || f.estimate === true).toBe(true);
        expect(f.range[0]).toBeLessThanOrEqual(f.range[1]);
        expect(f.range[1]).toBeLessThanOrEqual(f.range[2]);
      }
    }
  });

  it('validates an edited file: AHP consistency of the example, JSON paths of errors', async () => {
    const ex = await call('scenarios.example', {});
    const ok = await call('scenarios.validate', { scenario: ex.scenario });
    expect(ok.valid).toBe(true);
    expect(ok.scenarioCount).toBe(direct.scenarios.length);
    expect(ok.ranking?.weights).toEqual(direct.ranking.weights);
    expect(ok.ranking?.ahp?.consistencyRatio).toBeCloseTo(
      direct.ranking.ahp?.consistencyRatio ?? Number.NaN,
      12,
    );

    const broken = structuredClone(ex.scenario) as { scenarios: { actions: { measure: unknown }[] }[] };
    broken.scenarios[1].actions[0].measure = 42;
    const bad = await call('scenarios.validate', { scenario: broken });
    expect(bad.valid).toBe(false);
    expect(bad.error?.message.en).toContain('scenarios[1].actions[0].measure');
    expect(bad.error?.message.zh).toContain('scenarios[1].actions[0].measure');

    const unknownMeasure = structuredClone(ex.scenario) as { measures: unknown[] };
    unknownMeasure.measures.push({ id: 'my-new-measure', name: { zh: '新', en: 'new' } });
    const incomplete = await call('scenarios.validate', { scenario: unknownMeasure });
    expect(incomplete.valid).toBe(false);
    expect(incomplete.error?.message.en).toContain('my-new-measure');
  });

  it('compares in the call exactly as compareScenarioFile does, from the JSON object too', async () => {
    const ex = await call('scenarios.example', {});
    const viaObject = await call('scenarios.compare', { scenario: ex.scenario, draws: DRAWS, seed: SEED });
    // Ignore the (identical) software version; every number must match to the bit.
    expect(viaObject.scenarios).toEqual(direct.scenarios);
    expect(viaObject.paretoFront).toEqual(direct.paretoFront);
  });

  it('runs the example as a job on a worker thread with progress, giving the core numbers', async () => {
    const { jobId } = await call('jobs.start', {
      kind: 'scenarios',
      params: { file: example, draws: DRAWS, seed: SEED },
    });
    await settled(jobId);
    const job = await call('jobs.result', { jobId });
    expect(job.status).toBe('done');
    const result = job.result as ComparisonResult;
    expect(result.draws).toBe(DRAWS);
    expect(result.scenarios.map((s) => [s.id, s.rank])).toEqual(direct.scenarios.map((s) => [s.id, s.rank]));
    result.scenarios.forEach((s, i) => {
      const d = direct.scenarios[i];
      expect(s.cost).toEqual(d.cost);
      expect(s.npv).toBe(d.npv);
      expect(s.targetProbability).toBe(d.targetProbability);
      expect(s.score).toBe(d.score);
      expect(s.sensitivity?.npv.bars).toEqual(d.sensitivity?.npv.bars);
    });
    const progress = events.filter((e) => e.type === 'job.progress' && e.data.jobId === jobId);
    expect(progress.length).toBeGreaterThan(1);
  });

  it('cancels a long run', async () => {
    const { jobId } = await call('jobs.start', { kind: 'scenarios', params: { draws: 100_000, seed: 1 } });
    await new Promise((r) => setTimeout(r, 300));
    expect((await call('jobs.cancel', { jobId })).cancelled).toBe(true);
    await settled(jobId);
    expect((await call('jobs.result', { jobId })).status).toBe('cancelled');
  });
});
