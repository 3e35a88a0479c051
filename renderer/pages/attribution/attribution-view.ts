import { elementOfColumn } from '../../../analysis/domain/elements.ts';
import type { Dendrogram } from '../../../analysis/methods/correlation/index.ts';

// Pure helpers behind the attribution charts (tested beside): dendrogram geometry, heat-map cell
// text and the fixed-decimal numbers these tables print.

export interface DendrogramLines {
  /** Polyline coordinates with null breaks between the ⊓-shaped links (plotly "lines"). */
  x: (number | null)[];
  y: (number | null)[];
  /** Leaf positions 0…k−1 in drawing order and their labels. */
  tickvals: number[];
  ticktext: string[];
}

/**
 * The ⊓ links of a dendrogram: leaves at x = their position in `order`, a cluster at the mean x of
 * its two children, each link drawn from the children's heights up to the merge height.
 */
export function dendrogramLines(d: Dendrogram): DendrogramLines {
  const k = d.labels.length;
  const pos = new Map<number, { x: number; h: number }>();
  d.order.forEach((leaf, i) => {
    pos.set(leaf, { x: i, h: 0 });
  });
  const x: (number | null)[] = [];
  const y: (number | null)[] = [];
  d.merges.forEach((m, i) => {
    const left = pos.get(m.left) ?? { x: 0, h: 0 };
    const right = pos.get(m.right) ?? { x: 0, h: 0 };
    x.push(left.x, left.x, right.x, right.x, null);
    y.push(left.h, m.height, m.height, right.h, null);
    pos.set(k + i, { x: (left.x + right.x) / 2, h: m.height });
  });
  return { x, y, tickvals: d.order.map((_, i) => i), ticktext: d.order.map((i) => d.labels[i]) };
}

/** Heat-map cell text: r with two decimals and its significance mark, e.g. "0.75**". */
export function correlationCell(r: number, mark: string): string {
  return Number.isFinite(r) ? `${r.toFixed(2)}${mark}` : '—';
}

/** A number with fixed decimals for tables of coefficients (q, r, loadings); '—' when missing. */
export function fixed(value: number | null | undefined, digits = 3): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits);
}

/** p printed as papers do: "< 0.001" below 0.001, else three decimals. */
export function pText(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '—';
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}

/** Parse a number typed in a table cell; NaN when it is not one. */
export function parseNumber(text: string): number {
  const t = text.trim().replace(',', '.');
  return t === '' ? Number.NaN : Number(t);
}

/** Element symbol of a canonical column (cd_mg_kg → Cd), or the column itself. */
export function columnLabel(column: string): string {
  return elementOfColumn(column) ?? column;
}

export const SOURCE_COLORS = [
  '#1f4e79',
  '#c0504d',
  '#9bbb59',
  '#8064a2',
  '#f79646',
  '#4bacc6',
  '#7f7f7f',
  '#b8860b',
];
