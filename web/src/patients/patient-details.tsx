import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Patient } from '../api/api-types';
import { useCodeLabel } from '../i18n/use-code-label';
import { useFormat } from '../i18n/use-format';
import { ageOn } from './age';

function Field({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </div>
  );
}

export function PatientDetails({ patient }: { patient: Patient }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useCodeLabel();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="details-heading">
      <Title order={2} size="h4" id="details-heading" mb="sm">
        {t('patients.details')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Field
          label={t('patients.birthDate')}
          value={`${format.date(patient.birthDate)} (${t('patients.age', { age: ageOn(patient.birthDate) })})`}
        />
        <Field label={t('patients.sex')} value={label('sex', patient.sex)} />
        <Field label={t('patients.phone')} value={patient.phone ?? '—'} />
        <Field label={t('patients.email')} value={patient.email ?? '—'} />
        <Field
          label={t('patients.preferredLanguage')}
          value={t(`common.languageNames.${patient.preferredLanguage}`, { defaultValue: patient.preferredLanguage })}
        />
      </SimpleGrid>
    </Paper>
  );
}
