// The five sources whose sum makes every soil concentration, and their raw spatial intensity.
// Concentration of species j at sample i (noise-free): x_ij = Σ_k g_ik · f_kj, the bilinear model
// that PMF and APCS-MLR assume. Profiles f are given here per raw unit; case-study.ts rescales
// every source so that its contributions g average 1 over the samples (EPA PMF 5's normalisation),
// which turns f into the mean contribution in mg/kg.

import type { LandUse } from '../../analysis/domain/land-use.ts';
import { type Enterprise, MINE_ID, SMELTER_EMISSION_RATIO } from './enterprises.ts';
import { type Geography, type Lithology, TOWN } from './geography.ts';
import { distance, type Point } from './geometry.ts';
import { plumeKernel, plumeKernelArea } from './plume.ts';
import type { Random } from './random.ts';
import { smoothField } from './smooth-field.ts';
import { type SpeciesVector, speciesVector } from './species.ts';

export const SOURCES = [
  'parent_material',
  'agriculture',
  'industrial_deposition',
  'mining',
  'traffic',
] as const;
export type SourceId = (typeof SOURCES)[number];

export const SOURCE_LABELS: Record<SourceId, { zh: string; en: string }> = {
  parent_material: { zh: '成土母质', en: 'parent material' },
  agriculture: { zh: '农业投入（化肥、畜禽粪便）', en: 'agriculture (fertilizer, manure)' },
  industrial_deposition: { zh: '冶炼大气沉降（含燃煤）', en: 'smelting and coal-combustion deposition' },
  mining: { zh: '采矿（废石、尾矿水灌溉）', en: 'mining (waste rock, tailings in irrigation water)' },
  traffic: { zh: '交通', en: 'traffic' },
};

//                                       Cd     Hg     As    Pb   Cr    Cu   Ni    Zn   Mn   Co    V    Fe
/** Parent material at lithology multiplier 1: near the Zhejiang A-horizon background. */
const PARENT_MATERIAL = speciesVector([0.075, 0.045, 7.0, 24, 55, 15, 22, 58, 380, 10.5, 78, 31000]);
/** Agriculture on a typical paddy: phosphate-fertilizer Cd, feed-additive Cu and Zn in manure. */
const AGRICULTURE = speciesVector([0.105, 0.012, 1.0, 2.0, 2.5, 9, 1.5, 24, 15, 0.2, 0.8, 300]);
/** Mining at the mine itself (Pb–Zn ore with arsenopyrite and pyrite, Mn-rich gangue). */
const MINING = speciesVector([0.9, 0.05, 60, 130, 1, 22, 1, 200, 180, 0.6, 1, 6000]);
/** Traffic at the highway verge: legacy leaded petrol, tyre Zn, brake Cu and Fe. */
const TRAFFIC = speciesVector([0.08, 0.006, 0.8, 55, 8, 25, 4, 100, 25, 0.4, 2, 1500]);

export const LITHOLOGY_MULTIPLIER: Record<Lithology, number> = {
  alluvium: 1.05,
  red_sandstone: 0.8,
  volcanic: 0.85,
  basalt: 1.9,
};

export const AGRICULTURE_INTENSITY: Record<LandUse, number> = {
  paddy: 1,
  vegetable: 1.5,
  orchard: 1.3,
  dryland: 0.7,
  forest: 0.03,
  grassland: 0.1,
  construction_1: 0,
  construction_2: 0,
  other: 0,
};

/** Soil mass of the plough layer per area: 0.2 m × 1300 kg/m³ (soil-standards.md, mass balance). */
export const PLOUGH_LAYER_KG_PER_M2 = 260;

export interface SourceModel {
  /** Profiles per raw unit (mg/kg). */
  rawProfiles: Record<SourceId, SpeciesVector>;
  /** Raw unit contributions at a point, with the per-enterprise split of the industrial one. */
  rawContributions(
    p: Point,
    landUse: LandUse,
    farmNoise: number,
  ): {
    g: Record<SourceId, number>;
    byEnterprise: Record<string, number>;
  };
  /** Cd (mg/kg) deposited at p by each plume enterprise over its life. */
  plumeCd(p: Point): Record<string, number>;
  /** ∫ kernel dA (km²) per plume enterprise. */
  kernelAreas: Record<string, number>;
}

export function createSourceModel(
  random: Random,
  geography: Geography,
  enterprises: Enterprise[],
): SourceModel {
  const parentField = smoothField(random.fork('parent-field'), 5, 15);
  const farmField = smoothField(random.fork('farm-field'), 3, 10);
  const emitters = enterprises.filter((e) => e.plume);
  const kernelAreas: Record<string, number> = {};
  for (const e of emitters) if (e.plume) kernelAreas[e.id] = plumeKernelArea(e.plume.shape);
  const mine = enterprises.find((e) => e.id === MINE_ID);
  if (!mine) throw new Error('the case study needs its mine QX-E03');

  const r = SMELTER_EMISSION_RATIO;
  // Deposited dust keeps the stack's composition: Cd-normalised emission ratios per mg/kg Cd.
  const industrial = speciesVector([r.Cd, r.Hg, r.As, r.Pb, r.Cr, r.Cu, r.Ni, r.Zn, 0, 0, 0, 0]);

  const plumeCd = (p: Point): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const e of emitters) {
      const plume = e.plume;
      if (!plume) continue;
      // Deposited mass spread over the footprint, mixed into the plough layer:
      // C [mg/kg] = f_dep · E · T [kg] · K(p) / (∫K dA [km²] · 260 kg/m²)  (the 1e6 of kg→mg and km²→m² cancel).
      const mass = plume.depositedFraction * plume.historicalCdAirKgPerYear * plume.years;
      out[e.id] =
        (mass * plumeKernel(plume.shape, e.point, p)) / (kernelAreas[e.id] * PLOUGH_LAYER_KG_PER_M2);
    }
    return out;
  };

  return {
    rawProfiles: {
      parent_material: PARENT_MATERIAL,
      agriculture: AGRICULTURE,
      industrial_deposition: industrial,
      mining: MINING,
      traffic: TRAFFIC,
    },
    kernelAreas,
    plumeCd,
    rawContributions: (p, landUse, farmNoise) => {
      const weights = geography.lithologyWeights(p);
      let lith = 0;
      for (const [l, w] of Object.entries(weights) as [Lithology, number][])
        lith += w * LITHOLOGY_MULTIPLIER[l];
      const parent = lith * Math.exp(0.1 * parentField(p));
      const agriculture = AGRICULTURE_INTENSITY[landUse] * Math.exp(0.3 * farmField(p) + farmNoise);
      const byEnterprise = plumeCd(p);
      const industrialG = Object.values(byEnterprise).reduce((s, v) => s + v, 0);
      const stream = geography.mineStream(p);
      const mining =
        Math.exp(-distance(p, mine.point) / 0.9) +
        0.8 * Math.exp(-stream.distance / 0.35) * Math.exp(-stream.downstream / 12);
      // The highway verge, plus the town's street network.
      const traffic =
        Math.exp(-geography.distanceToHighway(p) / 0.35) + 0.4 * Math.exp(-distance(p, TOWN) / 3);
      return {
        g: { parent_material: parent, agriculture, industrial_deposition: industrialG, mining, traffic },
        byEnterprise,
      };
    },
  };
}
