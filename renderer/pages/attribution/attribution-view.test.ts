import { describe, expect, it } from 'vitest';
import { clusterVariables } from '../../../analysis/methods/correlation/index.ts';
import { columnLabel, correlationCell, dendrogramLines, fixed, pText } from './attribution-view.ts';

describe('attribution view helpers', () => {
  it('draws the dendrogram of three variables by hand', () => {
    // r(A,B) = 0.9 → d = 0.1 merges first; C joins at the average of d(A,C)=0.8 and d(B,C)=0.6 = 0.7.
    const r = [
      [1, 0.9, 0.2],
      [0.9, 1, -0.4],
      [0.2, -0.4, 1],
    ];
    const d = clusterVariables(['A', 'B', 'C'], r, 'average');
    const lines = dendrogramLines(d);
    // The last merge joins C (id 2) with the {A,B} cluster (id 3): leaves in that order.
    expect(lines.ticktext).toEqual(['C', 'A', 'B']);
    // First link: A (x 1) and B (x 2) from 0 up to 0.1.
    expect(lines.x.slice(0, 4)).toEqual([1, 1, 2, 2]);
    expect(lines.y.slice(0, 4).map((v) => Number(v?.toFixed(10)))).toEqual([0, 0.1, 0.1, 0]);
    // Second link: C at x 0 and the {A,B} cluster at x 1.5, height 0.1, joined at 0.7.
    expect(lines.x.slice(5, 9)).toEqual([0, 0, 1.5, 1.5]);
    expect(lines.y.slice(5, 9).map((v) => Number(v?.toFixed(10)))).toEqual([0, 0.7, 0.7, 0.1]);
  });

  it('formats cells, p values and column labels', () => {
    expect(correlationCell(0.7534, '**')).toBe('0.75**');
    expect(correlationCell(Number.NaN, '')).toBe('—');
    expect(pText(0.0004)).toBe('< 0.001');
    expect(pText(0.0456)).toBe('0.046');
    expect(fixed(0.12345)).toBe('0.123');
    expect(columnLabel('cd_mg_kg')).toBe('Cd');
    expect(columnLabel('ph')).toBe('ph');
  });
});
