import {
  Bool,
  type DataType,
  Float64,
  makeData,
  makeVector,
  Table,
  tableToIPC,
  Utf8,
  type Vector,
  vectorFromArray,
} from 'apache-arrow';

// Column arrays → Arrow IPC stream bytes. Numbers go straight into a Float64Array with a
// validity bitmap (no per-value boxing through vectorFromArray), which keeps a 100,000-row map
// layer in the tens of milliseconds.

export type ColumnKind = 'number' | 'text' | 'boolean';

export interface ColumnData {
  name: string;
  kind: ColumnKind;
  values: readonly unknown[];
}

function numberVector(values: readonly unknown[]): Vector {
  const n = values.length;
  const data = new Float64Array(n);
  let nullCount = 0;
  let bitmap: Uint8Array | undefined;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || v === undefined) {
      if (!bitmap) bitmap = new Uint8Array((n + 7) >> 3).fill(0xff);
      bitmap[i >> 3] &= ~(1 << (i & 7));
      nullCount++;
      continue;
    }
    data[i] = typeof v === 'number' ? v : Number(v);
  }
  return makeVector(
    makeData({ type: new Float64(), length: n, nullCount, nullBitmap: bitmap ?? null, data }),
  );
}

const encoder = new TextEncoder();

/** Utf8 in one pass: offsets + one byte buffer (vectorFromArray's builder is ~20× slower here). */
function textVector(values: readonly unknown[]): Vector {
  const n = values.length;
  const offsets = new Int32Array(n + 1);
  let bitmap: Uint8Array | undefined;
  let nullCount = 0;
  // Worst case 3 bytes per UTF-16 unit; grown if a guess is short.
  let data = new Uint8Array(Math.max(64, n * 8));
  let at = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || v === undefined) {
      if (!bitmap) bitmap = new Uint8Array((n + 7) >> 3).fill(0xff);
      bitmap[i >> 3] &= ~(1 << (i & 7));
      nullCount++;
      offsets[i + 1] = at;
      continue;
    }
    const text = typeof v === 'string' ? v : String(v);
    const need = at + text.length * 3;
    if (need > data.length) {
      const grown = new Uint8Array(Math.max(need, data.length * 2));
      grown.set(data.subarray(0, at));
      data = grown;
    }
    at += encoder.encodeInto(text, data.subarray(at)).written;
    offsets[i + 1] = at;
  }
  return makeVector(
    makeData({
      type: new Utf8(),
      length: n,
      nullCount,
      nullBitmap: bitmap ?? null,
      valueOffsets: offsets,
      data: data.subarray(0, at),
    }),
  );
}

function vectorOf(column: ColumnData): Vector {
  if (column.kind === 'number') return numberVector(column.values);
  if (column.kind === 'text') return textVector(column.values);
  const type: DataType = column.kind === 'boolean' ? new Bool() : new Utf8();
  const values = column.values.map((v) =>
    v === null || v === undefined ? null : column.kind === 'boolean' ? Boolean(v) : String(v),
  );
  return vectorFromArray(values, type);
}

export function columnsToArrowIpc(columns: readonly ColumnData[]): Uint8Array {
  const vectors: Record<string, Vector> = {};
  for (const column of columns) vectors[column.name] = vectorOf(column);
  return tableToIPC(new Table(vectors), 'stream');
}
