import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { columnsToArrowIpc } from './arrow-ipc.ts';

describe('columnsToArrowIpc', () => {
  it('round-trips numbers with nulls, text and booleans', () => {
    const bytes = columnsToArrowIpc([
      { name: 'cd_mg_kg', kind: 'number', values: [0.12, null, 3.5, 8, null, 1, 2, 3, 4] },
      { name: 'sample_id', kind: 'text', values: ['S1', 'S2', null, '土壤4', 'S5', 'S6', 'S7', 'S8', 'S9'] },
      {
        name: 'below_dl',
        kind: 'boolean',
        values: [false, true, null, false, false, false, false, false, true],
      },
    ]);
    const table = tableFromIPC(bytes);
    expect(table.numRows).toBe(9);
    const cd = table.getChild('cd_mg_kg');
    expect(cd?.nullCount).toBe(2);
    expect(cd?.get(0)).toBe(0.12);
    expect(cd?.get(1)).toBeNull();
    expect(cd?.get(4)).toBeNull();
    expect(cd?.get(8)).toBe(4);
    expect(table.getChild('sample_id')?.get(3)).toBe('土壤4');
    expect(table.getChild('sample_id')?.get(2)).toBeNull();
    expect(table.getChild('below_dl')?.get(1)).toBe(true);
  });

  it('grows the text buffer for long multi-byte strings', () => {
    const long = '青溪县重金属污染土壤'.repeat(30);
    const table = tableFromIPC(
      columnsToArrowIpc([{ name: 't', kind: 'text', values: ['a', long, null, 'é'] }]),
    );
    expect(table.getChild('t')?.toArray()).toEqual(['a', long, null, 'é']);
  });
});
