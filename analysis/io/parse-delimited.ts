// RFC 4180 delimited text: quoted fields may hold delimiters, doubled quotes and line breaks.

export interface DelimitedTable {
  headers: string[];
  rows: string[][];
  /** The 1-based line of the file each row starts on (blank lines are skipped, not renumbered). */
  lineNumbers?: number[];
  delimiter: string;
}

export function guessDelimiter(firstLine: string): string {
  const counts = [',', '\t', ';', '|'].map((d) => [d, firstLine.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0][1] > 0 ? counts[0][0] : ',';
}

export function parseDelimited(text: string, delimiter?: string): DelimitedTable {
  const firstBreak = text.search(/\r?\n/);
  const sep = delimiter ?? guessDelimiter(firstBreak < 0 ? text : text.slice(0, firstBreak));
  const records: string[][] = [];
  const starts: number[] = [];
  let line = 1;
  let recordStart = 1;
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      starts.push(recordStart);
      line++;
      recordStart = line;
      record = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
    starts.push(recordStart);
  }
  const kept = records.flatMap((r, i) => (r.some((cell) => cell.trim() !== '') ? [i] : []));
  const [headerIndex, ...rowIndexes] = kept;
  const headers = headerIndex === undefined ? [] : records[headerIndex].map((h) => h.trim());
  return {
    headers,
    rows: rowIndexes.map((i) => records[i]),
    lineNumbers: rowIndexes.map((i) => starts[i]),
    delimiter: sep,
  };
}
