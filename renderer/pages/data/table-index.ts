// Row order of the data table: filter, then sort, over column arrays (never row objects).
// Returns the surviving row numbers, so the table reads cells straight from the Arrow columns.

export type FilterOp = 'contains' | 'eq' | 'gt' | 'lt' | 'ge' | 'le';

export interface RowFilter {
  op: FilterOp;
  value: string;
}

export type ColumnValues = { kind: 'number'; values: Float64Array } | { kind: 'text'; values: string[] };

function matches(column: ColumnValues, row: number, filter: RowFilter, needle: number): boolean {
  if (column.kind === 'text' || filter.op === 'contains') {
    const cell = column.kind === 'text' ? column.values[row] : String(column.values[row]);
    if (filter.op === 'contains') return cell.toLowerCase().includes(filter.value.toLowerCase());
    return cell === filter.value;
  }
  const v = column.values[row];
  if (Number.isNaN(v)) return false;
  switch (filter.op) {
    case 'eq':
      return v === needle;
    case 'gt':
      return v > needle;
    case 'lt':
      return v < needle;
    case 'ge':
      return v >= needle;
    case 'le':
      return v <= needle;
  }
}

/**
 * Rows passing `filter` on `filterColumn`, ordered by `sortColumn` (missing values last, in both
 * directions; ties keep file order, so the sort is stable).
 */
export function tableIndex(
  rowCount: number,
  filterColumn: ColumnValues | null,
  filter: RowFilter | null,
  sortColumn: ColumnValues | null,
  descending: boolean,
): Uint32Array {
  let index: Uint32Array;
  if (filterColumn && filter && filter.value.trim() !== '') {
    const needle = Number(filter.value);
    const kept: number[] = [];
    for (let r = 0; r < rowCount; r++) if (matches(filterColumn, r, filter, needle)) kept.push(r);
    index = Uint32Array.from(kept);
  } else {
    index = new Uint32Array(rowCount);
    for (let r = 0; r < rowCount; r++) index[r] = r;
  }
  if (!sortColumn) return index;
  const sign = descending ? -1 : 1;
  if (sortColumn.kind === 'number') {
    const v = sortColumn.values;
    return index.sort((a, b) => {
      const x = v[a];
      const y = v[b];
      const xm = Number.isNaN(x);
      const ym = Number.isNaN(y);
      if (xm || ym) return xm === ym ? a - b : xm ? 1 : -1;
      return x === y ? a - b : sign * (x - y);
    });
  }
  const v = sortColumn.values;
  const collator = new Intl.Collator('zh-CN', { numeric: true });
  return index.sort((a, b) => {
    const x = v[a];
    const y = v[b];
    if (x === '' || y === '') return x === y ? a - b : x === '' ? 1 : -1;
    return sign * collator.compare(x, y) || a - b;
  });
}
