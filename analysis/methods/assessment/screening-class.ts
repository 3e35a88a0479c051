import type { LandUse } from '../../domain/land-use.ts';
import { phBandIndex } from './standards/ph-band.ts';
import type { SoilStandard, StandardEntry, StandardKind, StandardLand } from './standards/types.ts';

// Soil quality classes against risk screening and intervention values.
// Farmland, GB 15618-2018 §5–6 and the 2019 technical guide for classifying farmland
// (农用地土壤环境质量类别划分技术指南): C ≤ screening → priority protection; screening < C ≤
// intervention → safe utilization; C > intervention → strict control. Cu, Ni and Zn have no
// intervention value, so above screening they are at most safe utilization.
// Construction land, GB 36600-2018 §5: ≤ screening, above screening, above intervention.

export const FARMLAND_CLASSES = ['priority_protection', 'safe_utilization', 'strict_control'] as const;
export const CONSTRUCTION_CLASSES = ['below_screening', 'above_screening', 'above_intervention'] as const;
export type FarmlandClass = (typeof FARMLAND_CLASSES)[number];
export type ConstructionClass = (typeof CONSTRUCTION_CLASSES)[number];
export type SoilClass = FarmlandClass | ConstructionClass;

export const SOIL_CLASS_LABELS: Record<SoilClass, { zh: string; en: string }> = {
  priority_protection: { zh: '优先保护类', en: 'priority protection' },
  safe_utilization: { zh: '安全利用类', en: 'safe utilization' },
  strict_control: { zh: '严格管控类', en: 'strict control' },
  below_screening: { zh: '未超筛选值', en: 'below screening value' },
  above_screening: { zh: '超筛选值', en: 'above screening value' },
  above_intervention: { zh: '超管制值', en: 'above intervention value' },
};

/** The classes of a standard kind, in order of severity. */
export function classesOf(kind: StandardKind): readonly SoilClass[] {
  return kind === 'farmland' ? FARMLAND_CLASSES : CONSTRUCTION_CLASSES;
}

/** 0, 1 or 2: position of a class in its severity order. */
export function classLevel(soilClass: SoilClass): number {
  const farm = (FARMLAND_CLASSES as readonly string[]).indexOf(soilClass);
  return farm >= 0 ? farm : (CONSTRUCTION_CLASSES as readonly string[]).indexOf(soilClass);
}

/**
 * The GB 15618 column a farmland land use reads: paddy → paddy (Cu, which has no paddy row, falls
 * back to "other"); orchard → orchard (for Cu; other metals fall back to "other"); dryland,
 * vegetable, grassland, forest and other → other.
 * GB 15618 Table 1 note: paddy–dryland rotation uses paddy values — code such fields as paddy.
 * Construction land has no GB 15618 column: undefined.
 */
export function farmlandColumn(landUse: LandUse): StandardLand | undefined {
  if (landUse === 'construction_1' || landUse === 'construction_2') return undefined;
  if (landUse === 'paddy' || landUse === 'orchard') return landUse;
  return 'other';
}

export interface ApplicableValues {
  metal: string;
  /** mg/kg; null where the standard sets no screening value for the metal. */
  screening: number | null;
  /** mg/kg; null where the standard sets no intervention value (GB 15618: Cu, Ni, Zn). */
  intervention: number | null;
  /** pH band index used (0 for standards without pH bands). */
  band: number;
  /** Land column the screening value came from. */
  land: StandardLand | null;
  verify: boolean;
}

function pick(entries: readonly StandardEntry[], metal: string, columns: readonly StandardLand[]) {
  for (const column of columns) {
    const hit = entries.find((e) => e.metal === metal && e.land === column);
    if (hit) return hit;
  }
  return undefined;
}

export interface SampleSite {
  /** Required for standards with pH bands. */
  pH?: number;
  /** Required for farmland standards. */
  landUse?: LandUse;
}

/**
 * The screening and intervention values that apply to one metal at one sample. Throws RangeError
 * when the standard needs a pH or land use the sample lacks (callers turn that into a user error).
 */
export function applicableValues(standard: SoilStandard, metal: string, site: SampleSite): ApplicableValues {
  let band = 0;
  if (standard.phBreaks.length > 0) {
    if (site.pH === undefined || !Number.isFinite(site.pH)) throw new RangeError(`${standard.id} needs a pH`);
    band = phBandIndex(site.pH, standard.phBreaks);
  }
  let columns: StandardLand[] = ['any'];
  if (standard.kind === 'farmland') {
    if (site.landUse === undefined) throw new RangeError(`${standard.id} needs a land use`);
    const column = farmlandColumn(site.landUse);
    if (column === undefined) throw new RangeError(`${standard.id} does not apply to ${site.landUse}`);
    // A metal without its own paddy or orchard row (Cu on paddy; Cd on orchard) reads "other".
    columns = column === 'other' ? ['other', 'any'] : [column, 'other', 'any'];
  }
  const s = pick(standard.screening, metal, columns);
  const i = pick(standard.intervention, metal, columns);
  return {
    metal,
    screening: s ? s.values[band] : null,
    intervention: i ? i.values[band] : null,
    band,
    land: s ? s.land : null,
    verify: Boolean(s?.verify || i?.verify || standard.verify),
  };
}

/**
 * Class of one concentration against applicable values; null where there is no screening value.
 * A value equal to a limit does not exceed it ("超过" = strictly greater).
 */
export function classifyConcentration(
  concentration: number,
  values: Pick<ApplicableValues, 'screening' | 'intervention'>,
  kind: StandardKind,
): SoilClass | null {
  if (values.screening === null) return null;
  const [low, mid, high] = classesOf(kind);
  if (concentration <= values.screening) return low;
  if (values.intervention !== null && concentration > values.intervention) return high;
  return mid;
}

/** The worst class among a sample's metals ("the worst metal decides"); null if none is classed. */
export function worstClass(classes: Iterable<SoilClass | null>): SoilClass | null {
  let worst: SoilClass | null = null;
  for (const c of classes) {
    if (c !== null && (worst === null || classLevel(c) > classLevel(worst))) worst = c;
  }
  return worst;
}
