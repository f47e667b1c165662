import { Button, Group, Paper, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error';
import { api, call } from '../../api/client';
import { SaveOutcome, useSavedForm } from './saved-form';

/** The clinic's name, as messages and documents give it. */
export function ClinicNameForm({ clinic, onSaved }: { clinic: { id: string; name: string }; onSaved: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(clinic.name);
  const { onSubmit, pending, error, saved, edited } = useSavedForm(
    () => call(api.PATCH('/api/clinics/{id}', { params: { path: { id: clinic.id } }, body: { name } })),
    onSaved,
  );

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
            edited();
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
      <SaveOutcome error={error} saved={saved} />
    </Paper>
  );
}
