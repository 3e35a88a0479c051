import { useTranslation } from 'react-i18next';
import type { ApiErrorShape } from '../../analysis/api/contract.ts';
import { ApiCallError } from '../api/client.ts';
import { pick } from '../i18n/index.ts';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** "文件 a.csv，第 3 行，列 “Cd”，值 “abc”" / "file a.csv, row 3, column "Cd", value "abc"". */
export function locationText(location: ApiErrorShape['location'], language: string, t: Translate): string {
  if (!location) return '';
  const parts: string[] = [];
  if (location.file) parts.push(t('error.file', { file: location.file }));
  if (location.row !== undefined) parts.push(t('error.row', { row: location.row }));
  if (location.column) parts.push(t('error.column', { column: location.column }));
  if (location.value !== undefined) parts.push(t('error.value', { value: location.value }));
  return parts.join(language.startsWith('en') ? ', ' : '，');
}

/** An error as the user should read it: where (file, row, column, value), then what went wrong. */
export function describeError(error: ApiErrorShape, language: string, t: Translate): string {
  const message = pick(error.message, language);
  const where = locationText(error.location, language, t);
  return where ? `${where}${language.startsWith('en') ? ': ' : '：'}${message}` : message;
}

export function ErrorBox({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  const shape: ApiErrorShape =
    error instanceof ApiCallError
      ? error.shape
      : {
          code: 'internal',
          message: {
            zh: String((error as Error)?.message ?? error),
            en: String((error as Error)?.message ?? error),
          },
        };
  return (
    <div className="error-box" role="alert" data-testid="error">
      <strong>{t('error.title')}</strong> {describeError(shape, i18n.language, t)}
    </div>
  );
}
