import type { TFunction } from 'i18next';
import { isApiError } from '../api/api-error';

/**
 * The user-facing text of an error: the translation of the server's error code when there is one,
 * else the server's own message (English), else a generic line. Field problems are listed apart.
 */
export function errorMessage(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t('errors.title');
  const known = t(`errors.${error.code}`, { returnObjects: false, defaultValue: '' }) as string;
  if (known) return known;
  return error.message || t('errors.title');
}
