import { Checkbox, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Patient } from '../api/api-types';
import { useFormat } from '../i18n/use-format';
import type { IntakeDraft } from './intake-draft';
import { Section } from './section';

/** Pregnancy and breastfeeding are asked only when they can apply (not for a patient recorded as male). */
export function PatientSection({
  patient,
  draft,
  onChange,
}: {
  patient: Patient;
  draft: IntakeDraft;
  onChange: (patch: Partial<IntakeDraft>) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Section legend={t('intake.aboutPatient')}>
      <Text size="sm" mb="sm">
        {t('intake.recordBirthDate', { date: format.date(patient.birthDate) })}
      </Text>
      <Stack gap="xs">
        {patient.sex !== 'male' && (
          <>
            <Checkbox
              label={t('intake.pregnant')}
              checked={draft.pregnant}
              onChange={(e) => onChange({ pregnant: e.currentTarget.checked })}
            />
            <Checkbox
              label={t('intake.breastfeeding')}
              checked={draft.breastfeeding}
              onChange={(e) => onChange({ breastfeeding: e.currentTarget.checked })}
            />
          </>
        )}
        <Checkbox
          label={t('intake.needleFear')}
          checked={draft.needleFear}
          onChange={(e) => onChange({ needleFear: e.currentTarget.checked })}
        />
      </Stack>
    </Section>
  );
}
