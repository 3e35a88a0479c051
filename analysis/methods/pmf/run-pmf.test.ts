import { describe, expect, it } from 'vitest';
import { preparePmfInput } from './prepare-input.ts';
import { type PmfProgress, runPmf } from './run-pmf.ts';

// 40 samples of a noisy 3-source mixture over 7 species (deterministic, no shared data needed).
function input() {
  const sources = [
    [5, 3, 0, 0, 1, 0, 2],
    [0, 1, 4, 6, 0, 1, 0],
    [1, 0, 0, 2, 3, 5, 4],
  ];
  const n = 40;
  const m = 7;
  const conc = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    const g = [1 + Math.sin(i), 1 + Math.cos(0.9 * i), 1 + Math.sin(1.7 * i + 2)];
    for (let j = 0; j < m; j++) {
      const x = sources.reduce((s, f, h) => s + g[h] * f[j], 0);
      conc[i * m + j] = x * (1 + 0.1 * Math.sin(3.1 * i + j));
    }
  }
  const unc = conc.map((x) => 0.1 * x + 0.02);
  return preparePmfInput({
    sampleIds: Array.from({ length: n }, (_, i) => `S${i + 1}`),
    species: ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
    conc,
    unc,
  });
}

describe('runPmf', () => {
  it('gives identical runs on worker threads and in this thread, and reports each finished run', async () => {
    const data = input();
    const events: PmfProgress[] = [];
    const inWorkers = await runPmf(data, {
      factors: 3,
      runs: 4,
      seed: 5,
      workers: 2,
      onProgress: (p) => events.push(p),
    });
    const inProcess = await runPmf(data, { factors: 3, runs: 4, seed: 5, workers: 'none' });
    expect(inWorkers.seeds).toEqual([5, 6, 7, 8]);
    expect(inWorkers.runs.map((r) => r.qTrue)).toEqual(inProcess.runs.map((r) => r.qTrue));
    expect(Array.from(inWorkers.runs[2].f)).toEqual(Array.from(inProcess.runs[2].f));
    const finished = events.filter((e) => e.finished);
    expect(finished.map((e) => e.runsDone)).toEqual([1, 2, 3, 4]);
    expect(finished.map((e) => e.seed).sort()).toEqual([5, 6, 7, 8]);
    expect(inWorkers.best).toBe(
      inWorkers.runs.reduce((b, r, i, all) => (r.qRobust < all[b].qRobust ? i : b), 0),
    );
    expect(inWorkers.softwareVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(inWorkers.parameters).toMatchObject({ factors: 3, runs: 4, seed: 5, extraUncertainty: 0 });
    expect(inWorkers.parameters.species).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });

  it('cancels through an AbortSignal', async () => {
    const controller = new AbortController();
    const job = runPmf(input(), { factors: 3, runs: 50, workers: 2, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(job).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects a factor count outside 1…min(m − 1, Q(expected) > 0)', async () => {
    // n = 40, m = 7: Q(expected) = 280 − 47k > 0 → k ≤ 5.
    await expect(runPmf(input(), { factors: 6, runs: 1 })).rejects.toThrow(/from 1 to 5/);
    await expect(runPmf(input(), { factors: 0, runs: 1 })).rejects.toThrow(/factors/);
  });
});
