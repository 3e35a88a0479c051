import type { RegulatedMetal } from '../../domain/elements.ts';
import type { LandUse } from '../../domain/land-use.ts';
import { cropLimit } from '../assessment/crop-safety.ts';
import {
  applicableValues,
  CONSTRUCTION_CLASSES,
  classLevel,
  FARMLAND_CLASSES,
  SOIL_CLASS_LABELS,
  type SoilClass,
} from '../assessment/screening-class.ts';
import { GB2762_2022, parseCropType } from '../assessment/standards/gb2762-2022.ts';
import { GB15618_2018 } from '../assessment/standards/gb15618-2018.ts';
import { GB36600_2018_CLASS_1, GB36600_2018_CLASS_2 } from '../assessment/standards/gb36600-2018.ts';
import { GB15618_PH_BREAKS, phBandIndex } from '../assessment/standards/ph-band.ts';

// The zoning's view of the standards: screening and intervention values per cell, read from the
// assessment module's tables (GB 15618-2018 for farmland, GB 36600-2018 for construction land) so both
// modules always agree. NaN marks "no value" so the hot loops stay numeric.

export { SOIL_CLASS_LABELS, type SoilClass };
export const SOIL_CLASSES = [...FARMLAND_CLASSES, ...CONSTRUCTION_CLASSES] as const;

export const STANDARDS_VERSION = `${GB15618_2018.version} / ${GB36600_2018_CLASS_1.version} / ${GB2762_2022.version}`;

/** GB 15618-2018 pH band 0–3: ≤5.5, 5.5–6.5, 6.5–7.5, >7.5 (upper bounds inclusive). */
export function pHBand(pH: number): number {
  return phBandIndex(pH, GB15618_PH_BREAKS);
}

export const PH_BAND_LABELS = ['pH≤5.5', '5.5<pH≤6.5', '6.5<pH≤7.5', 'pH>7.5'] as const;

export function isConstruction(landUse: LandUse): boolean {
  return landUse === 'construction_1' || landUse === 'construction_2';
}

function standardFor(landUse: LandUse) {
  if (landUse === 'construction_1') return GB36600_2018_CLASS_1;
  if (landUse === 'construction_2') return GB36600_2018_CLASS_2;
  return GB15618_2018;
}

function values(metal: RegulatedMetal, landUse: LandUse, pH: number) {
  return applicableValues(standardFor(landUse), metal, { pH, landUse });
}

/** Risk screening value (mg/kg) for a metal on a land use at a pH; NaN where the standard has none. */
export function screeningValue(metal: RegulatedMetal, landUse: LandUse, pH: number): number {
  return values(metal, landUse, pH).screening ?? Number.NaN;
}

/** Risk intervention value (mg/kg); NaN where the standard has none (Cu, Ni, Zn on farmland). */
export function interventionValue(metal: RegulatedMetal, landUse: LandUse, pH: number): number {
  return values(metal, landUse, pH).intervention ?? Number.NaN;
}

/** Class of one metal at one point (GB 15618 §5–6 / GB 36600 §5); a value equal to a limit complies. */
export function metalClass(
  concentration: number,
  screening: number,
  intervention: number,
  landUse: LandUse,
): SoilClass {
  const [low, mid, high] = isConstruction(landUse) ? CONSTRUCTION_CLASSES : FARMLAND_CLASSES;
  if (!(concentration > screening)) return low;
  if (Number.isNaN(intervention) || concentration <= intervention) return mid;
  return high;
}

export function lowestClass(landUse: LandUse): SoilClass {
  return isConstruction(landUse) ? 'below_screening' : 'priority_protection';
}

export function worseClass(a: SoilClass, b: SoilClass): SoilClass {
  return classLevel(a) >= classLevel(b) ? a : b;
}

/** GB 2762-2022 limit (mg/kg) for a crop (code or name, e.g. "rice", "水稻") and metal; NaN where none. */
export function grainLimit(crop: string, metal: RegulatedMetal): number {
  const type = parseCropType(crop);
  return type ? (cropLimit(type, metal)?.value ?? Number.NaN) : Number.NaN;
}
