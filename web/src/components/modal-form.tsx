import { Alert, Button, Group, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './error-alert';

/**
 * A form in a modal: its fields, what went wrong, Cancel and the button that sends it. Once `done`
 * says what was done, that message and a Close button stand in its place.
 */
export function ModalForm({
  done,
  onSubmit,
  onClose,
  error,
  pending,
  submitLabel,
  submitDisabled,
  children,
}: {
  done: string | null;
  onSubmit: () => void;
  onClose: () => void;
  error: unknown;
  pending: boolean;
  submitLabel: string;
  submitDisabled?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();

  if (done !== null)
    return (
      <Stack gap="sm">
        <Alert color="green" role="status">
          {done}
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('common.close')}</Button>
        </Group>
      </Stack>
    );

  const send = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={send}>
      <Stack gap="sm">
        {children}
        {error !== null && <ErrorAlert error={error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending} disabled={submitDisabled}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
