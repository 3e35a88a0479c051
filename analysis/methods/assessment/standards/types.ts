// The shape every soil standard shares, so GB 15618 (pH-banded farmland values), GB 36600
// (flat construction-land values) and a user's local table go through one lookup.

export interface Bilingual {
  zh: string;
  en: string;
}

/**
 * The land-type column a value applies to. GB 15618-2018 Table 1 splits paddy from other
 * farmland, gives orchard its own Cu value, and one value for any land (Ni, Zn).
 */
export type StandardLand = 'paddy' | 'other' | 'orchard' | 'any';

export interface StandardEntry {
  /** Column symbol: Cd, Hg, As, Pb, Cr, Cu, Ni, Zn, or CrVI for hexavalent chromium. */
  metal: string;
  land: StandardLand;
  /** mg/kg, one value per pH band (see SoilStandard.phBreaks); a single value for flat tables. */
  values: readonly number[];
  /** True where the reference marks the value as not checked against the official text. */
  verify?: boolean;
  note?: string;
}

export type StandardKind = 'farmland' | 'construction';

export interface SoilStandard {
  /** Stable id used by the CLI and in results: gb15618, gb36600-1, gb36600-2, or the user's. */
  id: string;
  name: Bilingual;
  /** Edition, e.g. "GB 15618-2018". */
  version: string;
  /** Where the values come from (publisher, date, table). */
  source: string;
  kind: StandardKind;
  /**
   * Upper limits of the pH bands, ascending. A pH equal to a break belongs to the lower band
   * (GB 15618-2018 Table 1: pH ≤ 5.5, 5.5 < pH ≤ 6.5, 6.5 < pH ≤ 7.5, pH > 7.5). Empty: one band.
   */
  phBreaks: readonly number[];
  screening: readonly StandardEntry[];
  /** Intervention values; a metal without one (GB 15618: Cu, Ni, Zn) can never reach the top class. */
  intervention: readonly StandardEntry[];
  verify?: boolean;
}

/** A value looked up for one sample: the number, and whether it still needs checking. */
export interface AppliedValue {
  value: number;
  verify: boolean;
}
