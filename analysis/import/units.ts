// Units found in survey headers and the factor to each canonical unit. Canonical units: mg/kg
// for concentrations, g/kg for organic matter, cm for depth, kg/a for emissions, g/ha/a for fluxes.
// 1 mg/(m²·a) = 10⁴ mg/(ha·a) = 10 g/(ha·a).

export type UnitQuantity = 'concentration' | 'organic_matter' | 'depth' | 'emission' | 'flux' | 'length';

/** Lower-cases and strips a unit to a comparable key: "mg·kg-1" → "mg/kg", "μg/kg" → "ug/kg". */
export function normalizeUnit(unit: string): string {
  let u = unit
    .trim()
    .toLowerCase()
    .replace(/[μµ]/g, 'u')
    .replace(/[（(]/g, '(')
    .replace(/[）)]/g, ')')
    .replace(/\s+/g, '')
    .replace(/⁻¹/g, '-1')
    .replace(/²/g, '2')
    .replace(/hm2/g, 'ha')
    .replace(/公顷/g, 'ha')
    .replace(/千克|公斤/g, 'kg')
    .replace(/毫克/g, 'mg')
    .replace(/微克/g, 'ug')
    .replace(/克/g, 'g')
    .replace(/吨/g, 't')
    .replace(/年|yr|y(?![a-z])/g, 'a')
    .replace(/厘米/g, 'cm')
    .replace(/米/g, 'm');
  // "mg·kg-1", "mg kg-1", "g·ha-1·a-1" → slash form.
  u = u.replace(/[·•.*]?([a-z0-9]+)-1/g, '/$1').replace(/[·•*]/g, '/');
  u = u.replace(/[()]/g, '').replace(/\/+/g, '/').replace(/^\//, '');
  return u;
}

const FACTORS: Record<UnitQuantity, Record<string, number>> = {
  concentration: {
    'mg/kg': 1,
    ppm: 1,
    'ug/g': 1,
    'ug/kg': 1e-3,
    ppb: 1e-3,
    'ng/g': 1e-3,
    'ng/kg': 1e-6,
    'g/kg': 1e3,
    '%': 1e4,
    '‰': 1e3,
  },
  organic_matter: { 'g/kg': 1, '%': 10, 'mg/kg': 1e-3, '‰': 1 },
  depth: { cm: 1, m: 100, mm: 0.1 },
  emission: { 'kg/a': 1, 't/a': 1e3, 'g/a': 1e-3, 'mg/a': 1e-6 },
  flux: {
    'g/ha/a': 1,
    'g/ha': 1,
    'kg/ha/a': 1e3,
    'mg/ha/a': 1e-3,
    'mg/m2/a': 10,
    'ug/m2/a': 1e-2,
    'g/m2/a': 1e4,
  },
  length: { m: 1, cm: 0.01 },
};

export const CANONICAL_UNITS: Record<UnitQuantity, string> = {
  concentration: 'mg/kg',
  organic_matter: 'g/kg',
  depth: 'cm',
  emission: 'kg/a',
  flux: 'g/ha/a',
  length: 'm',
};

/** Factor from `unit` to the canonical unit of `quantity`, or undefined when unknown. */
export function unitFactor(unit: string, quantity: UnitQuantity): number | undefined {
  return FACTORS[quantity][normalizeUnit(unit)];
}
