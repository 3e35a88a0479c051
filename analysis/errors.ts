// Errors a user can act on: every message exists in Chinese and English, and input errors
// name the file, row and column and what was expected (DEVELOPERS.md, "Standards").

export type Locale = 'zh' | 'en';

export interface LocalizedText {
  zh: string;
  en: string;
}

export interface InputLocation {
  file?: string;
  /** 1-based data row as the user sees it in a spreadsheet (header = row 1). */
  row?: number;
  column?: string;
  value?: string;
}

export class SoilTraceError extends Error {
  readonly text: LocalizedText;
  readonly location: InputLocation;

  constructor(text: LocalizedText, location: InputLocation = {}) {
    super(text.en);
    this.name = 'SoilTraceError';
    this.text = text;
    this.location = location;
  }
}

/** The user's language: SOILTRACE_LANG, else LANG/LC_ALL; Chinese unless English is asked for. */
export function userLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  const tag = (env.SOILTRACE_LANG ?? env.LC_ALL ?? env.LANG ?? '').toLowerCase();
  return tag.startsWith('en') ? 'en' : 'zh';
}

export function formatError(error: unknown, locale: Locale): string {
  if (error instanceof SoilTraceError) {
    const { file, row, column, value } = error.location;
    const where: string[] = [];
    if (locale === 'zh') {
      if (file) where.push(`文件 ${file}`);
      if (row !== undefined) where.push(`第 ${row} 行`);
      if (column) where.push(`列 “${column}”`);
      if (value !== undefined) where.push(`值 “${value}”`);
      return where.length ? `${where.join('，')}：${error.text.zh}` : error.text.zh;
    }
    if (file) where.push(`file ${file}`);
    if (row !== undefined) where.push(`row ${row}`);
    if (column) where.push(`column "${column}"`);
    if (value !== undefined) where.push(`value "${value}"`);
    return where.length ? `${where.join(', ')}: ${error.text.en}` : error.text.en;
  }
  return error instanceof Error ? error.message : String(error);
}
