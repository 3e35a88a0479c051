// Index classes are bands over a number line. Each published scheme says whether a value equal to
// a threshold falls into the lower class ("Pi ≤ 1 clean": upper-inclusive) or the upper one
// ("Er < 40 low; 40 ≤ Er < 80 moderate": lower-inclusive); the scheme records which.

export interface ClassLabel {
  code: string;
  zh: string;
  en: string;
}

export interface BandScheme {
  id: string;
  /** Ascending thresholds; classes.length === thresholds.length + 1. */
  thresholds: readonly number[];
  classes: readonly ClassLabel[];
  /** True: a value equal to a threshold belongs to the lower class. */
  upperInclusive: boolean;
  source: string;
}

export interface IndexClass extends ClassLabel {
  /** 0 = least polluted / lowest risk. */
  level: number;
}

export function classify(value: number, scheme: BandScheme): IndexClass {
  let level = 0;
  const { thresholds, upperInclusive } = scheme;
  while (
    level < thresholds.length &&
    (upperInclusive ? value > thresholds[level] : value >= thresholds[level])
  ) {
    level++;
  }
  return { level, ...scheme.classes[level] };
}

/** The same scheme with new thresholds (e.g. RI bands rescaled for fewer metals); labels are kept. */
export function withThresholds(scheme: BandScheme, thresholds: readonly number[], id?: string): BandScheme {
  if (thresholds.length !== scheme.thresholds.length) {
    throw new RangeError(
      `${scheme.id}: expected ${scheme.thresholds.length} thresholds, got ${thresholds.length}`,
    );
  }
  for (let i = 1; i < thresholds.length; i++) {
    if (!(thresholds[i] > thresholds[i - 1])) throw new RangeError(`${scheme.id}: thresholds must ascend`);
  }
  return {
    ...scheme,
    id: id ?? `${scheme.id}-custom`,
    thresholds,
    source: `${scheme.source}; thresholds set by the user`,
  };
}
