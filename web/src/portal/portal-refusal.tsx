import { Alert, Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error';
import { ErrorAlert } from '../components/error-alert';

/**
 * What the server refused and what to do instead, in the reader's language: a portal refusal
 * (notice period, interval window, a time just taken...) reads from its code and the dates it names;
 * anything else shows as any error.
 */
export function PortalRefusal({
  error,
  noticeHours,
  action,
}: {
  error: unknown;
  noticeHours?: number;
  action?: { label: string; onClick: () => void };
}) {
  const { t } = useTranslation();
  if (!isApiError(error) || error.status !== 409) return <ErrorAlert error={error} />;
  const details = error.extra;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const words = t(`selfService.refusal.${error.code}`, {
    defaultValue: '',
    hours: typeof details.noticeHours === 'number' ? details.noticeHours : (noticeHours ?? ''),
    from: text(details.from),
    to: text(details.to),
  });
  const extra: ReactNode = action && (
    <Group mt="sm">
      <Button size="xs" variant="white" color="orange" onClick={action.onClick}>
        {action.label}
      </Button>
    </Group>
  );
  return (
    <Alert color="orange" role="alert" my="sm" data-testid="portal-refusal" data-code={error.code}>
      {words || error.message}
      {extra}
    </Alert>
  );
}
