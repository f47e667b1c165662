import { Alert, Button, Group, Paper, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error';
import { api, call } from '../../api/client';
import { ErrorAlert } from '../../components/error-alert';
import { useSubmit } from '../../hooks/use-submit';

/** The clinic's name, as messages and documents give it. */
export function ClinicNameForm({ clinic, onSaved }: { clinic: { id: string; name: string }; onSaved: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(clinic.name);
  const [saved, setSaved] = useState(false);
  const { submit, pending, error } = useSubmit(async () =>
    call(api.PATCH('/api/clinics/{id}', { params: { path: { id: clinic.id } }, body: { name } })),
  );
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (await submit()) {
      setSaved(true);
      onSaved();
    }
  };

  return (
    <Paper withBorder p="md" component="form" onSubmit={onSubmit} aria-labelledby="clinic-heading">
      <Title order={2} size="h3" id="clinic-heading" mb="sm">
        {t('clinicSetup.clinicHeading')}
      </Title>
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('clinicSetup.clinicName')}
          value={name}
          maxLength={200}
          onChange={(e) => {
            setSaved(false);
            setName(e.currentTarget.value);
          }}
          error={isApiError(error) ? error.problemFor('name') : undefined}
          required
          w={320}
        />
        <Button type="submit" loading={pending} disabled={!name.trim()}>
          {t('clinicSetup.save')}
        </Button>
      </Group>
      {error !== null && <ErrorAlert error={error} />}
      {saved && (
        <Alert color="green" mt="sm" role="status">
          {t('clinicSetup.saved')}
        </Alert>
      )}
    </Paper>
  );
}
