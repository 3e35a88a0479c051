import { describe, expect, it } from 'vitest';
import { SoilTraceError } from '../../errors.ts';
import { preparePmfInput } from './prepare-input.ts';
import { signalToNoise } from './signal-to-noise.ts';
import { concentrationsWithUncertainty, uncertaintyFromMdl } from './uncertainty.ts';

describe('uncertainty from MDL and error fraction (EPA PMF 5.0 guide eq. 5-1, 5-2)', () => {
  it('uses 5/6·MDL at or below the MDL and √((EF·x)² + (MDL/2)²) above it', () => {
    expect(uncertaintyFromMdl(0.05, 0.1, 0.1)).toBeCloseTo(0.0833333333, 9); // 5/6 × 0.1
    expect(uncertaintyFromMdl(0.1, 0.1, 0.1)).toBeCloseTo(0.0833333333, 9); // x = MDL → eq. 5-1
    // x = 2, EF = 0.1, MDL = 0.4: √(0.2² + 0.2²) = 0.282842712…
    expect(uncertaintyFromMdl(2, 0.4, 0.1)).toBeCloseTo(0.2828427125, 9);
  });

  it('replaces censored values by MDL/2 (5/6·MDL) and missing by the median (4 × median)', () => {
    // One species, four samples: 1, 3, <MDL, missing; MDL 0.5, EF 0.2.
    const { x, u } = concentrationsWithUncertainty({
      conc: Float64Array.of(1, 3, 0.2, Number.NaN),
      samples: 4,
      species: 1,
      mdl: Float64Array.of(0.5),
      errorFraction: Float64Array.of(0.2),
      censored: Uint8Array.of(0, 0, 1, 0),
    });
    expect(Array.from(x)).toEqual([1, 3, 0.25, 2]); // median of the measured 1 and 3 is 2
    expect(u[0]).toBeCloseTo(Math.sqrt(0.2 ** 2 + 0.25 ** 2), 12);
    expect(u[1]).toBeCloseTo(Math.sqrt(0.6 ** 2 + 0.25 ** 2), 12);
    expect(u[2]).toBeCloseTo((5 / 6) * 0.5, 12);
    expect(u[3]).toBe(8);
  });
});

describe('signal-to-noise (EPA PMF 5.0)', () => {
  it('averages (x − s)/s over samples, counting 0 where x ≤ s (hand example)', () => {
    // d = [1, 0, 0, 4] → S/N = 5/4.
    const sn = signalToNoise(Float64Array.of(2, 1, 0.5, 5), Float64Array.of(1, 1, 1, 1), 4, 1);
    expect(sn[0]).toBe(1.25);
  });

  it('matches a hand calculation on the first five St. Louis samples (Cd, Cu)', () => {
    // Cd: x = .00254 .00248 .00164 .00238 .00107, s = .001449 .000969 .000789 .000789 .000669
    //   d = 0.752933 1.559340 1.078580 2.016477 0.599402 → S/N = 1.201346
    // Cu: x = .00569 .00905 .00812 .00937 .00878, s = .000827 .000917 .000867 .000937 .000907
    //   d = 5.880290 8.869138 8.365629 9 8.680265 → S/N = 8.159064
    const x = Float64Array.of(
      0.00254,
      0.00569,
      0.00248,
      0.00905,
      0.00164,
      0.00812,
      0.00238,
      0.00937,
      0.00107,
      0.00878,
    );
    const s = Float64Array.of(
      0.001449,
      0.000827,
      0.000969,
      0.000917,
      0.000789,
      0.000867,
      0.000789,
      0.000937,
      0.000669,
      0.000907,
    );
    const sn = signalToNoise(x, s, 5, 2);
    expect(sn[0]).toBeCloseTo(1.201346, 6);
    expect(sn[1]).toBeCloseTo(8.159064, 6);
  });
});

describe('preparePmfInput', () => {
  const data = {
    sampleIds: ['a', 'b', 'c'],
    species: ['Cd', 'Pb', 'Zn', 'Mass'],
    conc: Float64Array.of(1, 2, 3, 10, 2, Number.NaN, 6, 20, 3, 6, 9, 30),
    unc: Float64Array.of(0.1, 0.2, 0.3, 1, 0.2, 0.4, 0.6, 2, 0.3, 0.6, 0.9, 3),
  };

  it('drops bad species, triples weak ones and the total variable, adds extra uncertainty in quadrature', () => {
    const prepared = preparePmfInput(data, {
      categories: { Pb: 'bad', Zn: 'weak' },
      totalVariable: 'Mass',
      extraUncertainty: 0.1,
    });
    expect(prepared.species).toEqual(['Cd', 'Zn', 'Mass']);
    expect(prepared.categories).toEqual(['strong', 'weak', 'weak']);
    const { x, u, samples, species } = prepared.problem;
    expect([samples, species]).toEqual([3, 3]);
    expect(Array.from(x)).toEqual([1, 3, 10, 2, 6, 20, 3, 9, 30]);
    // Cd, sample a: √(0.1² + (0.1·1)²); Zn, sample a: 3·√(0.3² + (0.1·3)²); Mass: 3·√(1² + 1²).
    expect(u[0]).toBeCloseTo(Math.sqrt(0.02), 12);
    expect(u[1]).toBeCloseTo(3 * Math.sqrt(0.18), 12);
    expect(u[2]).toBeCloseTo(3 * Math.sqrt(2), 12);
    // S/N is reported for every species, bad ones included: Cd d = 9, 9, 9 → 9.
    expect(prepared.summary.map((s) => s.species)).toEqual(data.species);
    expect(prepared.summary[0].signalToNoise).toBeCloseTo(9, 12);
  });

  it('replaces a missing value by the species median with 4 × median uncertainty', () => {
    const prepared = preparePmfInput(data);
    const { x, u } = prepared.problem;
    expect(x[5]).toBe(4); // Pb: median of 2 and 6
    expect(u[5]).toBe(16);
    expect(prepared.summary[1].missingPercent).toBeCloseTo(100 / 3, 12);
  });

  it('rejects a non-positive uncertainty naming the file, row and column', () => {
    const unc = data.unc.slice();
    unc[6] = 0;
    const error = (() => {
      try {
        preparePmfInput({ ...data, unc, uncFile: 'u.csv' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(SoilTraceError);
    expect((error as SoilTraceError).location).toMatchObject({ file: 'u.csv', row: 3, column: 'Zn' });
    expect(() => preparePmfInput(data, { extraUncertainty: 0.3 })).toThrow(/0–25/);
    expect(() => preparePmfInput(data, { categories: { Hg: 'weak' } })).toThrow(/Hg/);
  });
});
