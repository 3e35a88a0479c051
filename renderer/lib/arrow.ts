import { type Table, tableFromIPC } from 'apache-arrow';

// Tables arrive as Arrow IPC bytes. Decoding is zero-copy: numeric columns stay views over the
// received buffer; only a column with nulls is copied once, to turn nulls into NaN for plotting.

export function decodeTable(bytes: Uint8Array): Table {
  return tableFromIPC(bytes);
}

/** A numeric column as Float64Array, nulls as NaN; null when the column is absent. */
export function numberColumn(table: Table, name: string): Float64Array | null {
  const vector = table.getChild(name);
  if (!vector) return null;
  const values = vector.toArray() as ArrayLike<number | bigint>;
  if (values instanceof Float64Array && vector.nullCount === 0) return values;
  const out = new Float64Array(vector.length);
  for (let i = 0; i < out.length; i++) {
    const v = values[i];
    out[i] = vector.isValid(i) && v !== null && v !== undefined ? Number(v) : Number.NaN;
  }
  return out;
}

/** A column as display strings (null → ''). */
export function textColumn(table: Table, name: string): string[] | null {
  const vector = table.getChild(name);
  if (!vector) return null;
  const out = new Array<string>(vector.length);
  for (let i = 0; i < vector.length; i++) {
    const v: unknown = vector.get(i);
    out[i] = v === null || v === undefined ? '' : String(v);
  }
  return out;
}

export function isNumericColumn(table: Table, name: string): boolean {
  const field = table.schema.fields.find((f) => f.name === name);
  if (!field) return false;
  const typeName = String(field.type);
  return /^(Float|Int|Uint)/.test(typeName);
}
