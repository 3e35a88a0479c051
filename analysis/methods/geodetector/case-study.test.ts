import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../tests/support/shared-data.ts';
import { numericColumn, readTableFile, textColumn } from '../../io/read-table-file.ts';
import { distanceToNearestKm } from './distance-to-nearest.ts';
import { geoDetector } from './geodetector.ts';
import { encodeStrata } from './strata.ts';

const dir = resolve(repoRoot, 'datasets/case-study');
const present = ['truth.json', 'soil-samples-en.csv', 'enterprises.csv'].every((f) =>
  existsSync(resolve(dir, f)),
);

// The case study's generator computed these q values independently (datasets/generator/geodetector-q.ts)
// from q = 1 − Σ N_h σ_h² / (N σ²), leaving out samples with a missing value per factor.
describe.skipIf(!present)('GeoDetector q on the case study equals the generator truth', () => {
  it('every species × factor within 1e-3', () => {
    const truth = JSON.parse(readFileSync(resolve(dir, 'truth.json'), 'utf8')) as {
      geodetectorReferenceQ: Record<string, Record<string, number>>;
    };
    const table = readTableFile(resolve(dir, 'soil-samples-en.csv'));
    const species = Object.keys(truth.geodetectorReferenceQ);
    const factorNames = Object.keys(truth.geodetectorReferenceQ[species[0]]);
    const factors = factorNames.map((name) => ({ name, strata: encodeStrata(textColumn(table, name)) }));
    let compared = 0;
    for (const s of species) {
      const result = geoDetector(numericColumn(table, s), factors);
      for (const f of result.factors) {
        expect(Math.abs(f.q - truth.geodetectorReferenceQ[s][f.x])).toBeLessThan(1e-3);
        compared++;
      }
    }
    expect(compared).toBe(species.length * factorNames.length);
  });

  it('the derived distance-to-smelter factor matches the generator column (local projection) within 0.1 km', () => {
    const samples = readTableFile(resolve(dir, 'soil-samples-en.csv'));
    const enterprises = readTableFile(resolve(dir, 'enterprises.csv'));
    const smelters = textColumn(enterprises, '企业编号').map((id) => id === 'QX-E01' || id === 'QX-E02');
    const d = distanceToNearestKm(
      numericColumn(samples, 'lon'),
      numericColumn(samples, 'lat'),
      numericColumn(enterprises, '经度'),
      numericColumn(enterprises, '纬度'),
      smelters,
    );
    const generator = numericColumn(samples, 'dist_smelter_km');
    for (let i = 0; i < d.length; i++) expect(Math.abs(d[i] - generator[i])).toBeLessThan(0.1);
  });
});
