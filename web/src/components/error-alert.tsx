import { Alert, Button, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error';
import { errorMessage } from './error-message';

/**
 * An error as an alert that screen readers announce. Field problems the server named are listed
 * too, so none is lost even if a field does not show its own.
 */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const problems = isApiError(error) ? error.problems : [];
  return (
    <Alert color="red" title={t('errors.title')} role="alert" my="sm">
      {errorMessage(t, error)}
      {problems.length > 0 && (
        <List size="sm" mt="xs">
          {problems.map((p) => (
            <List.Item key={`${p.field}:${p.message}`}>
              {p.field ? t('errors.fieldProblem', { field: p.field, message: p.message }) : p.message}
            </List.Item>
          ))}
        </List>
      )}
      {onRetry && (
        <Button variant="white" color="red" size="xs" mt="sm" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}
