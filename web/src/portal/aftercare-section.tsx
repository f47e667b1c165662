import { Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../api/assessment-types';
import { AftercareCountdown } from './aftercare-countdown';

/** The running aftercare of the patient's last session, or a word that there is none yet. */
export function AftercareSection({ last, plan }: { last?: { id: string; scheduledAt: string }; plan?: Plan }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="aftercare-heading">
      <Title order={2} size="h4" id="aftercare-heading" mb="xs">
        {t('portal.aftercare')}
      </Title>
      {last && plan ? (
        <AftercareCountdown plan={plan} sessionId={last.id} sessionAt={last.scheduledAt} />
      ) : (
        <Text size="sm">{t('portal.aftercareNone')}</Text>
      )}
    </Paper>
  );
}
