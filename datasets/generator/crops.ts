// Rice grain sampled at paddy soil points (协同采样). Grain Cd follows a soil–plant transfer
// function of the Freundlich type used for Chinese paddies (log grain Cd linear in log soil Cd
// and pH; cf. Römkens et al. 2009, Environ Pollut 157:2435): more acid → more uptake. The
// coefficients are this case study's, chosen so that soil Cd 0.3 mg/kg at pH 5.5 gives grain
// Cd ≈ 0.10 mg/kg (median).

import type { Random } from './random.ts';
import type { SoilSample } from './soil.ts';

export const RICE_SAMPLE_COUNT = 120;

/** log10(grain Cd) = a + b·log10(soil Cd) + c·pH + ε, ε ~ N(0, sd²). */
export const GRAIN_CD_MODEL = { a: 0.85, b: 0.9, c: -0.25, sd: 0.18 } as const;

export interface RiceSample {
  id: string;
  soilId: string;
  lon: number;
  lat: number;
  Cd: number;
  Pb: number;
  As: number;
  Hg: number;
  Cr: number;
}

function sig(value: number, decimals: number): number {
  return Number(value.toFixed(decimals));
}

export function generateRiceSamples(
  random: Random,
  soils: SoilSample[],
  toLonLat: (s: SoilSample) => { lon: number; lat: number },
): RiceSample[] {
  const paddies = soils.filter((s) => s.landUse === 'paddy');
  // Choose without replacement, then keep survey order.
  const pool = [...paddies];
  const chosen: SoilSample[] = [];
  while (chosen.length < Math.min(RICE_SAMPLE_COUNT, paddies.length)) {
    chosen.push(pool.splice(random.integer(pool.length), 1)[0]);
  }
  chosen.sort((a, b) => soils.indexOf(a) - soils.indexOf(b));
  return chosen.map((soil, i) => {
    const m = GRAIN_CD_MODEL;
    const cd = 10 ** (m.a + m.b * Math.log10(soil.actual.Cd) + m.c * soil.pH + m.sd * random.normal());
    // Other metals: small transfer, near typical Chinese rice levels (Pb 0.02–0.1, total As ~0.1,
    // Hg a few µg/kg, Cr ~0.1 mg/kg), with a mild dependence on soil content.
    const pb = (0.015 + 0.0008 * soil.actual.Pb) * Math.exp(0.35 * random.normal());
    const as = (0.04 + 0.005 * soil.actual.As) * Math.exp(0.25 * random.normal());
    const hg = (0.0015 + 0.01 * soil.actual.Hg) * Math.exp(0.3 * random.normal());
    const cr = (0.05 + 0.0008 * soil.actual.Cr) * Math.exp(0.4 * random.normal());
    const { lon, lat } = toLonLat(soil);
    return {
      id: `QX-R${String(i + 1).padStart(3, '0')}`,
      soilId: soil.id,
      lon,
      lat,
      Cd: sig(cd, 3),
      Pb: sig(pb, 3),
      As: sig(as, 3),
      Hg: sig(hg, 4),
      Cr: sig(cr, 3),
    };
  });
}
