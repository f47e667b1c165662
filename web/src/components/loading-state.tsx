import { Center, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A spinner that screen readers announce as "Loading…". */
export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader size="sm" mr="sm" aria-hidden />
      <Text size="sm">{label ?? t('common.loading')}</Text>
    </Center>
  );
}
