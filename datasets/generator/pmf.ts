// EPA PMF 5.0 input files (concentration + uncertainty, first column the sample id).
// Uncertainty by the EPA PMF 5.0 User Guide (Norris et al. 2014), §5.1:
//   eq 5-1, concentration ≤ MDL:  Unc = 5/6 · MDL, concentration reported as MDL/2;
//   eq 5-2, concentration > MDL:  Unc = sqrt((EF · c)² + (0.5 · MDL)²);
//   missing values: the species median, with uncertainty 4 × median.
// MDL is the detection limit of the laboratory that analysed the sample (soil.ts).

import { csvText } from './csv.ts';
import { DETECTION_LIMITS, formatReported, type SoilSample } from './soil.ts';
import { SPECIES, type SpeciesVector } from './species.ts';

/** Error fractions: 10 % for most species, more for Cd and Hg (low concentrations, digestion losses). */
export const PMF_ERROR_FRACTION: SpeciesVector = {
  Cd: 0.15,
  Hg: 0.2,
  As: 0.1,
  Pb: 0.1,
  Cr: 0.1,
  Cu: 0.1,
  Ni: 0.1,
  Zn: 0.1,
  Mn: 0.1,
  Co: 0.1,
  V: 0.1,
  Fe: 0.1,
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function sig4(value: number): string {
  return String(Number(value.toPrecision(4)));
}

export function pmfFiles(samples: SoilSample[]): { concentration: string; uncertainty: string } {
  const medians = {} as SpeciesVector;
  for (const s of SPECIES) {
    const values: number[] = [];
    for (const sample of samples) {
      const r = sample.reported[s];
      if (r.kind === 'value') values.push(r.value);
      else if (r.kind === 'censored') values.push(r.limit / 2);
    }
    medians[s] = median(values);
  }
  const conc: (string | number)[][] = [];
  const unc: (string | number)[][] = [];
  for (const sample of samples) {
    const c: (string | number)[] = [sample.id];
    const u: (string | number)[] = [sample.id];
    for (const s of SPECIES) {
      const r = sample.reported[s];
      const mdl = DETECTION_LIMITS[sample.laboratory][s];
      if (r.kind === 'value') {
        c.push(formatReported(s, r.value));
        u.push(sig4(Math.sqrt((PMF_ERROR_FRACTION[s] * r.value) ** 2 + (0.5 * mdl) ** 2)));
      } else if (r.kind === 'censored') {
        c.push(String(r.limit / 2));
        u.push(sig4((5 / 6) * r.limit));
      } else {
        c.push(sig4(medians[s]));
        u.push(sig4(4 * medians[s]));
      }
    }
    conc.push(c);
    unc.push(u);
  }
  const header = ['sample_id', ...SPECIES];
  return { concentration: csvText(header, conc), uncertainty: csvText(header, unc) };
}
