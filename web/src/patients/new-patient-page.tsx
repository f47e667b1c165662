import { Button, Grid, Paper, Select, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../api/api-error';
import type { NewPatient } from '../api/api-types';
import { api, call } from '../api/client';
import { ErrorAlert } from '../components/error-alert';
import { PageTitle } from '../components/page-title';
import { useSubmit } from '../hooks/use-submit';
import { useCodeLabel } from '../i18n/use-code-label';

const sexes = ['female', 'male', 'other', 'unknown'] as const;
type Sex = (typeof sexes)[number];

interface Form {
  firstName: string;
  lastName: string;
  birthDate: string;
  sex: Sex;
  phone: string;
  email: string;
}

const empty: Form = { firstName: '', lastName: '', birthDate: '', sex: 'unknown', phone: '', email: '' };

/** Registers a patient, then opens the patient's page (where the intake starts). */
export function NewPatientPage() {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const navigate = useNavigate();
  const [form, setForm] = useState<Form>(empty);
  const { submit, pending, error } = useSubmit(async (body: NewPatient) => call(api.POST('/api/patients', { body })));
  const problem = (field: keyof Form) => (isApiError(error) ? error.problemFor(field) : undefined);
  const set = (field: keyof Form) => (value: string) => setForm((f) => ({ ...f, [field]: value }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const created = await submit({
      firstName: form.firstName,
      lastName: form.lastName,
      birthDate: form.birthDate,
      sex: form.sex,
      phone: form.phone.trim() || null,
      email: form.email.trim() || null,
    });
    if (created) navigate(`/patients/${created.id}`);
  };

  return (
    <>
      <PageTitle>{t('patients.newTitle')}</PageTitle>
      <Paper withBorder p="md" maw={720} component="form" onSubmit={onSubmit}>
        <Grid>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('patients.firstName')}
              required
              autoComplete="off"
              value={form.firstName}
              onChange={(e) => set('firstName')(e.currentTarget.value)}
              error={problem('firstName')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('patients.lastName')}
              required
              autoComplete="off"
              value={form.lastName}
              onChange={(e) => set('lastName')(e.currentTarget.value)}
              error={problem('lastName')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('patients.birthDate')}
              type="date"
              required
              max={new Date().toISOString().slice(0, 10)}
              value={form.birthDate}
              onChange={(e) => set('birthDate')(e.currentTarget.value)}
              error={problem('birthDate')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label={t('patients.sex')}
              data={sexes.map((s) => ({ value: s, label: label('sex', s) }))}
              value={form.sex}
              onChange={(value) => set('sex')(value ?? 'unknown')}
              allowDeselect={false}
              error={problem('sex')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('patients.phone')}
              type="tel"
              autoComplete="off"
              value={form.phone}
              onChange={(e) => set('phone')(e.currentTarget.value)}
              error={problem('phone')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('patients.email')}
              type="email"
              autoComplete="off"
              value={form.email}
              onChange={(e) => set('email')(e.currentTarget.value)}
              error={problem('email')}
            />
          </Grid.Col>
        </Grid>
        {error !== null && <ErrorAlert error={error} />}
        <Button type="submit" mt="md" loading={pending}>
          {pending ? t('patients.creating') : t('patients.create')}
        </Button>
      </Paper>
    </>
  );
}
