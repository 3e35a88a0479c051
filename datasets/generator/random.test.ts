import { describe, expect, it } from 'vitest';
import { createRandom } from './random.ts';
import { smoothField } from './smooth-field.ts';

describe('seeded random streams', () => {
  it('repeat for the same seed and differ between seeds and forks', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createRandom(seed).uniform);
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    const a = createRandom(7).fork('a');
    const b = createRandom(7).fork('b');
    expect(a.uniform()).not.toBe(b.uniform());
  });

  it('draw standard normals (mean 0, variance 1 within sampling error for n = 20000)', () => {
    const random = createRandom(1);
    const n = 20000;
    const xs = Array.from({ length: n }, random.normal);
    const mean = xs.reduce((s, x) => s + x, 0) / n;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
    expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(variance - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
  });
});

describe('smoothField', () => {
  it('has mean ≈ 0 and variance ≈ 1 over a large area', () => {
    // Average over many independent fields at one point: E = 0, Var = (2/N)·Σ E[cos²] = 1.
    const values = Array.from({ length: 4000 }, (_, i) =>
      smoothField(createRandom(i), 3, 10)({ x: 5, y: 5 }),
    );
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1);
    expect(Math.abs(mean)).toBeLessThan(0.07);
    expect(Math.abs(variance - 1)).toBeLessThan(0.08);
  });
});
