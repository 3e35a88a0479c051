import { describe, expect, it } from 'vitest';
import { type ColumnValues, tableIndex } from './table-index.ts';

const cd: ColumnValues = { kind: 'number', values: Float64Array.from([0.3, Number.NaN, 0.12, 0.3, 1.5]) };
const land: ColumnValues = { kind: 'text', values: ['paddy', 'dryland', '', 'paddy', 'orchard'] };

describe('tableIndex', () => {
  it('sorts numbers ascending and descending, missing last, ties in file order', () => {
    expect(Array.from(tableIndex(5, null, null, cd, false))).toEqual([2, 0, 3, 4, 1]);
    expect(Array.from(tableIndex(5, null, null, cd, true))).toEqual([4, 0, 3, 2, 1]);
  });

  it('sorts text with empty cells last', () => {
    expect(Array.from(tableIndex(5, null, null, land, false))).toEqual([1, 4, 0, 3, 2]);
  });

  it('filters by comparison and by substring, then sorts the survivors', () => {
    expect(Array.from(tableIndex(5, cd, { op: 'ge', value: '0.3' }, null, false))).toEqual([0, 3, 4]);
    expect(Array.from(tableIndex(5, cd, { op: 'gt', value: '0.3' }, null, false))).toEqual([4]);
    expect(Array.from(tableIndex(5, land, { op: 'contains', value: 'PAD' }, cd, true))).toEqual([0, 3]);
    expect(Array.from(tableIndex(5, land, { op: 'eq', value: 'orchard' }, null, false))).toEqual([4]);
    // An empty filter keeps every row.
    expect(tableIndex(5, cd, { op: 'gt', value: ' ' }, null, false).length).toBe(5);
  });
});
