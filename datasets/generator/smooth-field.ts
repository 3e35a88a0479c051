import type { Point } from './geometry.ts';
import type { Random } from './random.ts';

/**
 * A stationary, smooth random field with mean 0 and variance 1: a sum of random cosine waves
 * (random Fourier features). Wavelengths between minKm and maxKm set how fast it varies.
 */
export function smoothField(random: Random, minKm: number, maxKm: number, waves = 16): (p: Point) => number {
  const kx: number[] = [];
  const ky: number[] = [];
  const phase: number[] = [];
  for (let i = 0; i < waves; i++) {
    const wavelength = random.between(minKm, maxKm);
    const angle = random.between(0, Math.PI);
    const k = (2 * Math.PI) / wavelength;
    kx.push(k * Math.cos(angle));
    ky.push(k * Math.sin(angle));
    phase.push(random.between(0, 2 * Math.PI));
  }
  const scale = Math.sqrt(2 / waves);
  return (p) => {
    let sum = 0;
    for (let i = 0; i < waves; i++) sum += Math.cos(kx[i] * p.x + ky[i] * p.y + phase[i]);
    return scale * sum;
  };
}
