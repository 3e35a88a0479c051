import { describe, expect, it } from 'vitest';
import { CHINA_PB_END_MEMBERS } from './end-members.ts';
import { mixSamples } from './mix-samples.ts';
import { binaryMixing, clampShares, ternaryMixing } from './mixing.ts';
import { mixingMonteCarlo } from './monte-carlo.ts';
import { ratioPlotData } from './ratio-plot.ts';

describe('lead isotope mixing by hand', () => {
  it('binary: coal 1.18, ore 1.16, sample 1.175 → 75 % coal', () => {
    const r = binaryMixing(1.175, 1.18, 1.16);
    expect(r.shares[0]).toBeCloseTo(0.75, 12);
    expect(r.shares[1]).toBeCloseTo(0.25, 12);
    expect(r.feasible).toBe(true);
    expect(binaryMixing(1.19, 1.18, 1.16).feasible).toBe(false);
  });
  it('ternary: the sample 0.2·A + 0.3·B + 0.5·C is split back into 0.2, 0.3, 0.5', () => {
    const A = [1.2, 2.5] as const;
    const B = [1.15, 2.42] as const;
    const Cs = [1.17, 2.49] as const; // off the A–B line, so the triangle is not degenerate
    const x = 0.2 * A[0] + 0.3 * B[0] + 0.5 * Cs[0];
    const y = 0.2 * A[1] + 0.3 * B[1] + 0.5 * Cs[1];
    const r = ternaryMixing([x, y], [A, B, Cs]);
    expect(r.shares[0]).toBeCloseTo(0.2, 12);
    expect(r.shares[1]).toBeCloseTo(0.3, 12);
    expect(r.shares[2]).toBeCloseTo(0.5, 12);
    expect(r.feasible).toBe(true);
    expect(ternaryMixing([1.3, 2.7], [A, B, Cs]).feasible).toBe(false);
  });
  it('clamping keeps shares in [0, 1] summing to 1', () => {
    expect(clampShares([1.2, -0.2])).toEqual([1, 0]);
    expect(clampShares([0.6, 0.6, -0.2])).toEqual([0.5, 0.5, 0]);
  });
});

describe('Monte Carlo over end-member ranges', () => {
  const ends = [
    { name: 'coal', ranges: [[1.17, 1.19]] as [number, number][] },
    { name: 'ore', ranges: [[1.15, 1.17]] as [number, number][] },
  ];
  it('is reproducible by seed and centred on the point estimate', () => {
    const a = mixingMonteCarlo({ sample: [1.17], endMembers: ends, draws: 4000, seed: 42 });
    const b = mixingMonteCarlo({ sample: [1.17], endMembers: ends, draws: 4000, seed: 42 });
    const c = mixingMonteCarlo({ sample: [1.17], endMembers: ends, draws: 4000, seed: 43 });
    expect(a).toEqual(b);
    expect(c.shares[0].mean).not.toBe(a.shares[0].mean);
    // Symmetric ranges around 1.18 and 1.16 with the sample in the middle: the median share is ½.
    expect(a.shares[0].p50).toBeCloseTo(0.5, 1);
    expect(a.shares[0].mean + a.shares[1].mean).toBeCloseTo(1, 12);
    expect(a.shares[0].p2_5).toBeLessThan(a.shares[0].p97_5);
  });
  it('counts infeasible draws; reject mode drops them', () => {
    // Sample at the edge of the coal range: some draws put it beyond the coal end-member.
    const clamp = mixingMonteCarlo({ sample: [1.185], endMembers: ends, draws: 2000, seed: 7 });
    const reject = mixingMonteCarlo({
      sample: [1.185],
      endMembers: ends,
      draws: 2000,
      seed: 7,
      mode: 'reject',
    });
    expect(clamp.infeasible).toBeGreaterThan(0);
    expect(clamp.used).toBe(2000);
    expect(reject.used).toBe(2000 - reject.infeasible);
    expect(clamp.shares[0].p97_5).toBeLessThanOrEqual(1);
  });
  it('plot data has end-member boxes and the Chinese defaults are cited', () => {
    const plot = ratioPlotData([{ id: 's1', x: 1.17, y: 2.46 }], CHINA_PB_END_MEMBERS);
    expect(plot.endMembers[0].x).toEqual([1.114, 1.383]);
    expect(plot.mixingOutline).toHaveLength(2);
  });
});

describe('mixing every sample', () => {
  it('point shares from the range centres; each sample its own seed', () => {
    const ends = [
      {
        name: 'A',
        ranges: [
          [1.19, 1.21],
          [2.49, 2.51],
        ] as [number, number][],
      },
      {
        name: 'B',
        ranges: [
          [1.14, 1.16],
          [2.41, 2.43],
        ] as [number, number][],
      },
      {
        name: 'C',
        ranges: [
          [1.16, 1.18],
          [2.48, 2.5],
        ] as [number, number][],
      },
    ];
    // Centres A (1.2, 2.5), B (1.15, 2.42), C (1.17, 2.49); the sample 0.2·A + 0.3·B + 0.5·C.
    const x = 0.2 * 1.2 + 0.3 * 1.15 + 0.5 * 1.17;
    const y = 0.2 * 2.5 + 0.3 * 2.42 + 0.5 * 2.49;
    const [r, r2] = mixSamples(
      [
        { id: 's1', ratios: [x, y] },
        { id: 's2', ratios: [x, y] },
      ],
      ends,
      { draws: 500, seed: 9 },
    );
    expect(r.point.shares[0]).toBeCloseTo(0.2, 10);
    expect(r.point.shares[1]).toBeCloseTo(0.3, 10);
    expect(r.point.shares[2]).toBeCloseTo(0.5, 10);
    expect(r.uncertainty.seed).toBe(9);
    expect(r2.uncertainty.seed).toBe(10);
  });
});
