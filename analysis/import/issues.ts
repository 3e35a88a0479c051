import { SoilTraceError } from '../errors.ts';
import type { ImportIssue, MappedColumn } from './types.ts';

/** What an import had read when it failed: enough for a preview to offer a remapping. */
export interface ImportContext {
  headers: string[];
  mapping: MappedColumn[];
  encoding: string | null;
  sheet: string | null;
  sheets: string[];
  /** The canonical table or view built before the failure (in the failed import's database). */
  rowsTable?: string;
}

/** The context of any import failure (SoilTraceError or ImportError), keyed by the error. */
export const failureContexts = new WeakMap<Error, ImportContext>();

/** An import refused by validation; `issues` lists every problem found (errors and warnings). */
export class ImportError extends SoilTraceError {
  readonly issues: ImportIssue[];
  /** What was read before validation stopped the import (for a preview that lets users fix the mapping). */
  context?: ImportContext;

  constructor(issues: ImportIssue[]) {
    const errors = issues.filter((i) => i.severity === 'error');
    const first = errors[0] ?? issues[0];
    const more = errors.length - 1;
    const count = (first.count ?? 1) > 1 ? first.count : undefined;
    super(
      {
        zh: `${first.text.zh}${count ? `（共 ${count} 行）` : ''}${more > 0 ? `；另有 ${more} 类问题` : ''}；项目未作任何修改`,
        en: `${first.text.en}${count ? ` (${count} rows)` : ''}${more > 0 ? `; ${more} more kinds of problem` : ''}; the project was not changed`,
      },
      { file: first.file, row: first.row, column: first.column, value: first.value },
    );
    this.name = 'ImportError';
    this.issues = issues;
  }
}

export function issue(
  severity: ImportIssue['severity'],
  code: string,
  text: { zh: string; en: string },
  where: Omit<ImportIssue, 'severity' | 'code' | 'text'>,
): ImportIssue {
  const out: ImportIssue = { severity, code, text, file: where.file };
  if (where.row !== undefined) out.row = where.row;
  if (where.column !== undefined) out.column = where.column;
  if (where.value !== undefined) out.value = where.value;
  if (where.count !== undefined) out.count = where.count;
  return out;
}
