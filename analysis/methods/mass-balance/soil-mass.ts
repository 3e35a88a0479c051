/**
 * Plough-layer soil mass per hectare, M [kg/ha] = 1e4 m² × depth [m] × bulk density [kg/m³]
 * (reference/soil-standards.md, "Input/output mass balance"): 20 cm at 1.3 g/cm³ → 2.6e6 kg/ha.
 */
export function soilMassKgPerHa(depthCm: number, bulkDensityGPerCm3: number): number {
  return 1e4 * (depthCm / 100) * (bulkDensityGPerCm3 * 1000);
}

/** Default plough-layer depth, cm (the 0–20 cm layer sampled under HJ/T 166-2004). */
export const DEFAULT_DEPTH_CM = 20;
/** Default bulk density, g/cm³ (reference/soil-standards.md worked example). */
export const DEFAULT_BULK_DENSITY = 1.3;

/**
 * Concentration change of the plough layer from a flux, ΔC [mg/kg/a] = flux [g/ha/a] × 1000 / M
 * [kg/ha] (reference/soil-standards.md).
 */
export function concentrationRate(fluxGPerHaYear: number, soilMass: number): number {
  return (fluxGPerHaYear * 1000) / soilMass;
}
