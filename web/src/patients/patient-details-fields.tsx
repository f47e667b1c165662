import { Grid, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { languages } from '../i18n/i18n';
import { useCodeLabel } from '../i18n/use-code-label';
import { sexes, type DetailsForm } from './details-form';

export { detailsBody, emptyDetails, sexes, type DetailsForm, type Sex } from './details-form';

/** The fields of a patient's details, shared by registering and editing. */
export function PatientDetailsFields({
  form,
  onChange,
  problem,
}: {
  form: DetailsForm;
  onChange: (field: keyof DetailsForm, value: string) => void;
  problem: (field: keyof DetailsForm) => string | undefined;
}) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const text = (field: keyof DetailsForm) => ({
    value: form[field],
    onChange: (e: { currentTarget: { value: string } }) => onChange(field, e.currentTarget.value),
    error: problem(field),
    autoComplete: 'off',
  });
  return (
    <Grid>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <TextInput label={t('patients.firstName')} required {...text('firstName')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <TextInput label={t('patients.lastName')} required {...text('lastName')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <TextInput
          label={t('patients.birthDate')}
          type="date"
          required
          max={new Date().toISOString().slice(0, 10)}
          {...text('birthDate')}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <Select
          label={t('patients.sex')}
          data={sexes.map((s) => ({ value: s, label: label('sex', s) }))}
          value={form.sex}
          onChange={(value) => onChange('sex', value ?? 'unknown')}
          allowDeselect={false}
          error={problem('sex')}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <TextInput label={t('patients.phone')} type="tel" {...text('phone')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <TextInput label={t('patients.email')} type="email" {...text('email')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <Select
          label={t('patients.preferredLanguage')}
          description={t('patients.preferredLanguageHint')}
          placeholder={t('patients.clinicLanguage')}
          data={languages.map((l) => ({ value: l, label: t(`common.languageNames.${l}`) }))}
          value={form.preferredLanguage || null}
          onChange={(value) => onChange('preferredLanguage', value ?? '')}
          error={problem('preferredLanguage')}
        />
      </Grid.Col>
    </Grid>
  );
}
