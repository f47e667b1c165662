import { Button, Group, Paper, PasswordInput, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error';
import type { Patient } from '../api/api-types';
import { api, call } from '../api/client';
import { ErrorAlert } from '../components/error-alert';
import { Loaded } from '../components/loaded';
import { useLoad } from '../hooks/use-load';
import { useSubmit } from '../hooks/use-submit';
import { fullName } from './full-name';

/** Admins give a patient a portal sign-in (POST /api/users with the patient role). */
export function PortalAccount({ patient }: { patient: Patient }) {
  const { t } = useTranslation();
  const existing = useLoad(
    async () =>
      (await call(api.GET('/api/users', { params: { query: { role: 'patient' } } }))).users.find(
        (u) => u.patientId === patient.id,
      ) ?? null,
    [patient.id],
  );
  const [email, setEmail] = useState(patient.email ?? '');
  const [password, setPassword] = useState('');
  const { submit, pending, error } = useSubmit(async () =>
    call(
      api.POST('/api/users', {
        body: { email: email.trim(), password, displayName: fullName(patient), role: 'patient', patientId: patient.id },
      }),
    ),
  );
  const problem = (field: string) => (isApiError(error) ? error.problemFor(field) : undefined);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (await submit()) existing.reload();
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="portal-heading">
      <Title order={2} size="h4" id="portal-heading" mb={4}>
        {t('patients.portalAccount')}
      </Title>
      <Text size="sm" mb="sm">
        {t('patients.portalAccountHelp')}
      </Text>
      <Loaded state={existing}>
        {(user) =>
          user ? (
            <Text size="sm" role="status">
              {t('patients.portalCreated', { email: user.email })}
            </Text>
          ) : (
            <form onSubmit={onSubmit}>
              <Group align="flex-end" wrap="wrap">
                <TextInput
                  label={t('patients.email')}
                  type="email"
                  required
                  value={email}
                  onChange={(e) => setEmail(e.currentTarget.value)}
                  error={problem('email')}
                  autoComplete="off"
                />
                <PasswordInput
                  label={t('patients.portalPassword')}
                  required
                  minLength={10}
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  error={problem('password')}
                  autoComplete="new-password"
                />
                <Button type="submit" loading={pending}>
                  {t('patients.portalCreate')}
                </Button>
              </Group>
              {error !== null && <ErrorAlert error={error} />}
            </form>
          )
        }
      </Loaded>
    </Paper>
  );
}
