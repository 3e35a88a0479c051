import { useTranslation } from 'react-i18next';
import type { ApiErrorShape } from '../../analysis/api/contract.ts';
import { ApiCallError } from '../api/client.ts';
import { pick } from '../i18n/index.ts';

/** An error as the user should read it: what went wrong and where (file, row, column, value). */
export function describeError(error: ApiErrorShape, language: string, t: (key: string) => string): string {
  const message = pick(error.message, language);
  const location = error.location;
  if (!location) return message;
  const parts: string[] = [];
  if (location.file) parts.push(`${t('error.file')} ${location.file}`);
  if (location.row !== undefined) parts.push(`${t('error.row')} ${location.row}`);
  if (location.column) parts.push(`${t('error.column')} “${location.column}”`);
  if (location.value !== undefined) parts.push(`${t('error.value')} “${location.value}”`);
  return parts.length ? `${parts.join(language.startsWith('en') ? ', ' : '，')}: ${message}` : message;
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
