import type { TFunction } from 'i18next';

// Canonical column names of the project tables (analysis/store/schema.ts) as the user reads them.
// Element columns follow `<symbol>_mg_kg`; others have a translated field name.

import { elementOfColumn } from '../../analysis/domain/elements.ts';

export { elementOfColumn };

export function elementColumnName(symbol: string): string {
  return `${symbol.toLowerCase()}_mg_kg`;
}

const BELOW_DL = /^([a-z]{1,2})_below_dl$/;
const DL = /^([a-z]{1,2})_dl_mg_kg$/;

const symbol = (stem: string) => stem.charAt(0).toUpperCase() + stem.slice(1);

export function columnLabel(column: string, t: TFunction): string {
  const element = elementOfColumn(column);
  if (element) return `${element} (mg/kg)`;
  const below = BELOW_DL.exec(column);
  if (below) return t('field.belowDl', { element: symbol(below[1]) });
  const dl = DL.exec(column);
  if (dl) return t('field.detectionLimit', { element: symbol(dl[1]) });
  return t(`field.${column}`, { defaultValue: column });
}
