import { Grid, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCodeLabel } from '../i18n/use-code-label';

export const sexes = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof sexes)[number];

/** A patient's details as the forms hold them: text as typed, an empty phone or email as ''. */
export interface DetailsForm {
  firstName: string;
  lastName: string;
  birthDate: string;
  sex: Sex;
  phone: string;
  email: string;
}

export const emptyDetails: DetailsForm = {
  firstName: '',
  lastName: '',
  birthDate: '',
  sex: 'unknown',
  phone: '',
  email: '',
};

/** The details as the API takes them: an empty phone or email is none. */
export function detailsBody(form: DetailsForm) {
  return {
    firstName: form.firstName,
    lastName: form.lastName,
    birthDate: form.birthDate,
    sex: form.sex,
    phone: form.phone.trim() || null,
    email: form.email.trim() || null,
  };
}

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
    </Grid>
  );
}
