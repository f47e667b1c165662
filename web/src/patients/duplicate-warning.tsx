import { Alert, Anchor, Badge, Button, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Ok } from '../api/api-types';
import { useFormat } from '../i18n/use-format';

export type DuplicateCandidate = Ok<'/api/patients/duplicates', 'get'>['candidates'][number];

/**
 * Records that may be the person being registered, each linked to its page with why it matched;
 * registering goes on only by the button that says so.
 */
export function DuplicateWarning({
  candidates,
  onRegisterAnyway,
  pending,
}: {
  candidates: readonly DuplicateCandidate[];
  onRegisterAnyway: () => void;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Alert color="orange" title={t('patientRecords.duplicateTitle')} role="alert" mt="md" data-testid="duplicates">
      <Text size="sm" mb="xs">
        {t('patientRecords.duplicateIntro')}
      </Text>
      <List size="sm" spacing={4} mb="sm">
        {candidates.map(({ patient, reasons }) => (
          <List.Item key={patient.id}>
            <Anchor component={Link} to={`/patients/${patient.id}`}>
              {t('patientRecords.duplicateCandidate', {
                name: `${patient.firstName} ${patient.lastName}`,
                birthDate: format.date(patient.birthDate),
              })}
            </Anchor>{' '}
            ({reasons.map((r) => t(`patientRecords.duplicateReasons.${r}`)).join(', ')})
            {!patient.active && (
              <Badge ml="xs" color="gray" variant="light">
                {t('patientRecords.duplicateInactive')}
              </Badge>
            )}
          </List.Item>
        ))}
      </List>
      <Button variant="default" onClick={onRegisterAnyway} loading={pending}>
        {t('patientRecords.registerAnyway')}
      </Button>
    </Alert>
  );
}
