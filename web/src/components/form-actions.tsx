import { Button, Group, type MantineSpacing } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './error-alert';

/** A form's last lines: what went wrong, if anything, then the button that sends it and Cancel. */
export function FormActions({
  error,
  pending,
  submitLabel,
  onCancel,
  mt = 'sm',
}: {
  error: unknown;
  pending: boolean;
  submitLabel: string;
  onCancel: () => void;
  mt?: MantineSpacing;
}) {
  const { t } = useTranslation();
  return (
    <>
      {error !== null && <ErrorAlert error={error} />}
      <Group mt={mt}>
        <Button type="submit" loading={pending}>
          {submitLabel}
        </Button>
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </Group>
    </>
  );
}
