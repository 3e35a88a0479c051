import type { ApiErrorShape } from '../analysis/api/contract.ts';
import type { MenuLocale } from './menu.ts';

/** An API error for a native message box: the text in the user's language, then where. */
export function formatApiError(error: ApiErrorShape, locale: MenuLocale): string {
  const { file, row, column, value } = error.location ?? {};
  const where: string[] = [];
  if (locale === 'zh') {
    if (file) where.push(`文件 ${file}`);
    if (row !== undefined) where.push(`第 ${row} 行`);
    if (column) where.push(`列 “${column}”`);
    if (value !== undefined) where.push(`值 “${value}”`);
    return where.length ? `${error.message.zh}（${where.join('，')}）` : error.message.zh;
  }
  if (file) where.push(`file ${file}`);
  if (row !== undefined) where.push(`row ${row}`);
  if (column) where.push(`column "${column}"`);
  if (value !== undefined) where.push(`value "${value}"`);
  return where.length ? `${error.message.en} (${where.join(', ')})` : error.message.en;
}
