// Exposure parameters and toxicity values for soil health-risk assessment (USEPA RAGS form as
// adopted in HJ 25.3), transcribed from shared/reference/soil-standards.md. Every set is named,
// and users edit a copy (withExposure / withToxicity in health-risk.ts), never these constants.

export type Population = 'child' | 'adult';

export interface ExposureParameters {
  /** Soil ingestion rate, mg/d. */
  ingestionRate: number;
  /** Exposure frequency, d/a. */
  exposureFrequency: number;
  /** Exposure duration, a. */
  exposureDuration: number;
  /** Body weight, kg. */
  bodyWeight: number;
  /** Averaging time for carcinogens, d (non-carcinogenic AT is ED × 365). */
  averagingTimeCancer: number;
  /** Inhalation rate, m³/d. */
  inhalationRate: number;
  /** Particle emission factor, m³/kg. */
  particleEmissionFactor: number;
  /** Exposed skin area, cm². */
  skinArea: number;
  /** Skin adherence factor, mg/cm². */
  adherenceFactor: number;
  /** Dermal absorption fraction, unitless. */
  dermalAbsorption: number;
}

export interface ExposureParameterSet {
  id: string;
  name: { zh: string; en: string };
  source: string;
  verify: boolean;
  child: ExposureParameters;
  adult: ExposureParameters;
}

const HJ_2014_CHILD: ExposureParameters = {
  ingestionRate: 200,
  exposureFrequency: 350,
  exposureDuration: 6,
  bodyWeight: 15.9,
  averagingTimeCancer: 26280,
  inhalationRate: 7.5,
  particleEmissionFactor: 1.36e9,
  skinArea: 2800,
  adherenceFactor: 0.2,
  dermalAbsorption: 0.001,
};

const HJ_2014_ADULT: ExposureParameters = {
  ingestionRate: 100,
  exposureFrequency: 350,
  exposureDuration: 25,
  bodyWeight: 56.8,
  averagingTimeCancer: 26280,
  inhalationRate: 14.5,
  particleEmissionFactor: 1.36e9,
  skinArea: 5700,
  adherenceFactor: 0.07,
  dermalAbsorption: 0.001,
};

export const HJ25_3_2014_PARAMETERS: ExposureParameterSet = {
  id: 'hj25.3-2014',
  name: { zh: 'HJ 25.3-2014 默认暴露参数', en: 'HJ 25.3-2014 default exposure parameters' },
  source: 'HJ 25.3-2014 era defaults as listed in shared/reference/soil-standards.md',
  verify: false,
  child: HJ_2014_CHILD,
  adult: HJ_2014_ADULT,
};

// HJ 25.3-2019 revised body weight (19.2 / 61.8 kg), carcinogenic AT (27740 d) and adult ED (24 a);
// the other parameters are carried over from the 2014 set. The reference marks these "verify".
export const HJ25_3_2019_PARAMETERS: ExposureParameterSet = {
  id: 'hj25.3-2019',
  name: { zh: 'HJ 25.3-2019 修订暴露参数', en: 'HJ 25.3-2019 revised exposure parameters' },
  source: 'HJ 25.3-2019 revisions (BW, AT cancer, adult ED) over the 2014 set (verify)',
  verify: true,
  child: { ...HJ_2014_CHILD, bodyWeight: 19.2, averagingTimeCancer: 27740 },
  adult: { ...HJ_2014_ADULT, bodyWeight: 61.8, averagingTimeCancer: 27740, exposureDuration: 24 },
};

export const EXPOSURE_PARAMETER_SETS: readonly ExposureParameterSet[] = [
  HJ25_3_2014_PARAMETERS,
  HJ25_3_2019_PARAMETERS,
];

export interface ToxicityValues {
  /** Reference doses, mg/kg/d. */
  rfdIngestion?: number;
  rfdInhalation?: number;
  rfdDermal?: number;
  /** Slope factors, (mg/kg/d)⁻¹. */
  sfIngestion?: number;
  sfInhalation?: number;
  /**
   * Dermal slope factor. Not in the reference table; left undefined so dermal cancer risk is not
   * computed unless the user supplies one (RAGS Part E: SF_ABS = SF_oral / ABS_GI).
   */
  sfDermal?: number;
  verify?: boolean;
}

export interface ToxicityTable {
  id: string;
  source: string;
  values: Readonly<Record<string, ToxicityValues>>;
}

export const DEFAULT_TOXICITY: ToxicityTable = {
  id: 'soiltrace-default-2026',
  source:
    'RfD/SF table in shared/reference/soil-standards.md (USEPA IRIS/RAIS values as cited in Chinese studies)',
  values: {
    Cd: { rfdIngestion: 1e-3, rfdInhalation: 1e-3, rfdDermal: 1e-5, sfInhalation: 6.3 },
    // The ingestion SF 0.5 is for Cr(VI); applied to total Cr it overstates risk (conservative).
    Cr: { rfdIngestion: 3e-3, rfdInhalation: 2.86e-2, rfdDermal: 6e-5, sfIngestion: 0.5, sfInhalation: 42 },
    Cu: { rfdIngestion: 4e-2, rfdInhalation: 4.02e-2, rfdDermal: 1.2e-2 },
    Hg: { rfdIngestion: 3e-4, rfdInhalation: 8.57e-5, rfdDermal: 2.1e-5 },
    Ni: { rfdIngestion: 2e-2, rfdInhalation: 2.06e-2, rfdDermal: 5.4e-3, sfInhalation: 0.84 },
    Pb: { rfdIngestion: 3.5e-3, rfdInhalation: 3.52e-3, rfdDermal: 5.25e-4, sfIngestion: 8.5e-3 },
    Zn: { rfdIngestion: 0.3, rfdInhalation: 0.3, rfdDermal: 0.06 },
    As: {
      rfdIngestion: 3e-4,
      rfdInhalation: 3.01e-4,
      rfdDermal: 1.23e-4,
      sfIngestion: 1.5,
      sfInhalation: 15.1,
      verify: true,
    },
  },
};
