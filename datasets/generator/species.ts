// The elements the case study reports, in file order: the eight GB 15618 metals, then tracers
// (Fe is the usual reference element of enrichment factors; all values in mg/kg inside the generator).

export const SPECIES = ['Cd', 'Hg', 'As', 'Pb', 'Cr', 'Cu', 'Ni', 'Zn', 'Mn', 'Co', 'V', 'Fe'] as const;
export type Species = (typeof SPECIES)[number];

export const METALS = ['Cd', 'Hg', 'As', 'Pb', 'Cr', 'Cu', 'Ni', 'Zn'] as const;
export type Metal = (typeof METALS)[number];

export type SpeciesVector = Record<Species, number>;

export function speciesVector(values: readonly number[]): SpeciesVector {
  const out = {} as SpeciesVector;
  SPECIES.forEach((s, i) => {
    out[s] = values[i];
  });
  return out;
}
