import {
  DEFAULT_TOXICITY,
  type ExposureParameterSet,
  type ExposureParameters,
  HJ25_3_2014_PARAMETERS,
  type Population,
  type ToxicityTable,
  type ToxicityValues,
} from './standards/health-risk-parameters.ts';

// Human health risk of soil metals by the USEPA RAGS dose equations as adopted in HJ 25.3
// (shared/reference/soil-standards.md, "Human health risk"), C in mg/kg:
//   ADD_ing  = C · IngR · EF · ED · 1e-6 / (BW · AT)
//   ADD_derm = C · SA · AF · ABS · EF · ED · 1e-6 / (BW · AT)
//   ADD_inh  = C · InhR · EF · ED / (PEF · BW · AT)
// HQ = ADD / RfD per pathway (AT = ED · 365), HI = Σ HQ; CR = ADD · SF (AT = AT_cancer).

export const POPULATIONS: readonly Population[] = ['child', 'adult'];

export interface PathwayValues {
  ingestion: number;
  dermal: number;
  inhalation: number;
}

/** Pathway values where a missing toxicity value leaves that pathway null. */
export interface PathwayRisks {
  ingestion: number | null;
  dermal: number | null;
  inhalation: number | null;
}

/** Average daily doses (mg/kg/d) by pathway for a given averaging time (d). */
export function averageDailyDoses(
  concentration: number,
  p: ExposureParameters,
  averagingTime: number,
): PathwayValues {
  const exposure = p.exposureFrequency * p.exposureDuration;
  const denom = p.bodyWeight * averagingTime;
  return {
    ingestion: (concentration * p.ingestionRate * exposure * 1e-6) / denom,
    dermal: (concentration * p.skinArea * p.adherenceFactor * p.dermalAbsorption * exposure * 1e-6) / denom,
    inhalation: (concentration * p.inhalationRate * exposure) / (p.particleEmissionFactor * denom),
  };
}

export interface MetalHealthRisk {
  metal: string;
  population: Population;
  /** Doses with the non-carcinogenic averaging time ED · 365. */
  dosesNonCancer: PathwayValues;
  /** Doses with the carcinogenic averaging time. */
  dosesCancer: PathwayValues;
  hq: PathwayRisks;
  /** Σ HQ over pathways with an RfD; null if the metal has none. */
  hi: number | null;
  cr: PathwayRisks;
  /** Σ CR over pathways with a slope factor; null if the metal has none. */
  crTotal: number | null;
  verify: boolean;
}

function sumPresent(values: PathwayRisks): number | null {
  const present = [values.ingestion, values.dermal, values.inhalation].filter((v): v is number => v !== null);
  return present.length === 0 ? null : present.reduce((a, b) => a + b, 0);
}

function ratio(dose: number, rfd: number | undefined): number | null {
  return rfd === undefined ? null : dose / rfd;
}

function product(dose: number, sf: number | undefined): number | null {
  return sf === undefined ? null : dose * sf;
}

export function metalHealthRisk(
  metal: string,
  concentration: number,
  population: Population,
  parameters: ExposureParameterSet = HJ25_3_2014_PARAMETERS,
  toxicity: ToxicityTable = DEFAULT_TOXICITY,
): MetalHealthRisk {
  const p = parameters[population];
  const t: ToxicityValues = toxicity.values[metal] ?? {};
  const dosesNonCancer = averageDailyDoses(concentration, p, p.exposureDuration * 365);
  const dosesCancer = averageDailyDoses(concentration, p, p.averagingTimeCancer);
  const hq = {
    ingestion: ratio(dosesNonCancer.ingestion, t.rfdIngestion),
    dermal: ratio(dosesNonCancer.dermal, t.rfdDermal),
    inhalation: ratio(dosesNonCancer.inhalation, t.rfdInhalation),
  };
  const cr = {
    ingestion: product(dosesCancer.ingestion, t.sfIngestion),
    dermal: product(dosesCancer.dermal, t.sfDermal),
    inhalation: product(dosesCancer.inhalation, t.sfInhalation),
  };
  return {
    metal,
    population,
    dosesNonCancer,
    dosesCancer,
    hq,
    hi: sumPresent(hq),
    cr,
    crTotal: sumPresent(cr),
    verify: Boolean(t.verify || parameters.verify),
  };
}

/** Commonly used acceptance levels (HJ 25.3): HI ≤ 1; CR ≤ 1e-6 per metal; total CR ≤ 1e-4. */
export const HEALTH_RISK_LIMITS = {
  hazardIndex: 1,
  cancerRiskPerMetal: 1e-6,
  cancerRiskTotal: 1e-4,
} as const;

export interface PopulationHealthRisk {
  population: Population;
  metals: MetalHealthRisk[];
  /** Σ over metals of each metal's HI. */
  hi: number;
  /** Σ over metals of each metal's total CR. */
  crTotal: number;
  hiAcceptable: boolean;
  crAcceptable: boolean;
}

export interface HealthRiskResult {
  parameterSet: { id: string; source: string; verify: boolean };
  toxicity: { id: string; source: string };
  child: PopulationHealthRisk;
  adult: PopulationHealthRisk;
}

/** Health risk of one soil sample's metals (mg/kg) for children and adults. */
export function healthRisk(
  concentrations: Readonly<Record<string, number>>,
  parameters: ExposureParameterSet = HJ25_3_2014_PARAMETERS,
  toxicity: ToxicityTable = DEFAULT_TOXICITY,
): HealthRiskResult {
  const forPopulation = (population: Population): PopulationHealthRisk => {
    const metals = Object.entries(concentrations)
      .filter(([metal, c]) => Number.isFinite(c) && toxicity.values[metal] !== undefined)
      .map(([metal, c]) => metalHealthRisk(metal, c, population, parameters, toxicity));
    const hi = metals.reduce((a, m) => a + (m.hi ?? 0), 0);
    const crTotal = metals.reduce((a, m) => a + (m.crTotal ?? 0), 0);
    return {
      population,
      metals,
      hi,
      crTotal,
      hiAcceptable: hi <= HEALTH_RISK_LIMITS.hazardIndex,
      crAcceptable: crTotal <= HEALTH_RISK_LIMITS.cancerRiskTotal,
    };
  };
  return {
    parameterSet: { id: parameters.id, source: parameters.source, verify: parameters.verify },
    toxicity: { id: toxicity.id, source: toxicity.source },
    child: forPopulation('child'),
    adult: forPopulation('adult'),
  };
}

/** An edited copy of a parameter set (the named defaults stay untouched); the id marks the edit. */
export function withExposure(
  set: ExposureParameterSet,
  population: Population,
  patch: Partial<ExposureParameters>,
): ExposureParameterSet {
  return {
    ...set,
    id: set.id.endsWith('+edited') ? set.id : `${set.id}+edited`,
    [population]: { ...set[population], ...patch },
  };
}

/** An edited copy of a toxicity table. */
export function withToxicity(table: ToxicityTable, metal: string, patch: ToxicityValues): ToxicityTable {
  return {
    ...table,
    id: table.id.endsWith('+edited') ? table.id : `${table.id}+edited`,
    values: { ...table.values, [metal]: { ...table.values[metal], ...patch } },
  };
}

export interface SampleHealthRisk {
  sampleId: string;
  child: { hi: number; cr: number };
  adult: { hi: number; cr: number };
}

export interface HealthRiskSummary {
  parameterSet: string;
  toxicity: string;
  samples: SampleHealthRisk[];
  /** Share of samples with HI > 1 and total CR > 1e-4, per population. */
  child: { maxHi: number; maxCr: number; shareHiAbove1: number; shareCrAbove1e4: number };
  adult: { maxHi: number; maxCr: number; shareHiAbove1: number; shareCrAbove1e4: number };
}

/** Health risk of many samples (mg/kg by metal), with the shares above the acceptance levels. */
export function healthRiskOfSamples(
  samples: readonly { sampleId: string; concentrations: Readonly<Record<string, number>> }[],
  parameters: ExposureParameterSet = HJ25_3_2014_PARAMETERS,
  toxicity: ToxicityTable = DEFAULT_TOXICITY,
): HealthRiskSummary {
  const rows = samples.map((s): SampleHealthRisk => {
    const r = healthRisk(s.concentrations, parameters, toxicity);
    return {
      sampleId: s.sampleId,
      child: { hi: r.child.hi, cr: r.child.crTotal },
      adult: { hi: r.adult.hi, cr: r.adult.crTotal },
    };
  });
  const stats = (population: Population) => {
    const n = rows.length || 1;
    return {
      maxHi: Math.max(0, ...rows.map((r) => r[population].hi)),
      maxCr: Math.max(0, ...rows.map((r) => r[population].cr)),
      shareHiAbove1: rows.filter((r) => r[population].hi > HEALTH_RISK_LIMITS.hazardIndex).length / n,
      shareCrAbove1e4: rows.filter((r) => r[population].cr > HEALTH_RISK_LIMITS.cancerRiskTotal).length / n,
    };
  };
  return {
    parameterSet: parameters.id,
    toxicity: toxicity.id,
    samples: rows,
    child: stats('child'),
    adult: stats('adult'),
  };
}
