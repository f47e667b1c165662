import { Alert, Button, Checkbox, NumberInput, Paper, Select, SimpleGrid, Stack, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error';
import { api, call } from '../../api/client';
import { ErrorAlert } from '../../components/error-alert';
import { useSubmit } from '../../hooks/use-submit';
import type { Messaging, TemplateLanguage } from './message-types';

type Timing = Messaging['timing'];

/** The language messages go out in, and when each goes out (defaults where the clinic keeps them). */
export function MessageSettingsForm({
  clinicId,
  messaging,
  onSaved,
}: {
  clinicId: string;
  messaging: Messaging;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [language, setLanguage] = useState<TemplateLanguage>(messaging.language);
  const [timing, setTiming] = useState<Timing>(messaging.timing);
  const [rewritten, setRewritten] = useState<number | null>(null);
  const { submit, pending, error } = useSubmit(async () =>
    call(
      api.PUT('/api/clinics/{id}/message-settings', {
        params: { path: { id: clinicId } },
        body: { language, ...timing },
      }),
    ),
  );
  const problem = (field: string) => (isApiError(error) ? error.problemFor(field) : undefined);
  const set = (patch: Partial<Timing>) => {
    setRewritten(null);
    setTiming((current) => ({ ...current, ...patch }));
  };
  const hoursInput = (field: keyof Timing, label: string, description?: string) => (
    <NumberInput
      label={label}
      description={description}
      min={messaging.limits[field]?.min}
      max={messaging.limits[field]?.max}
      allowDecimal={false}
      value={timing[field] ?? ''}
      onChange={(n) => set({ [field]: typeof n === 'number' ? n : null })}
      error={problem(field)}
      required
    />
  );

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await submit();
    if (saved) {
      setRewritten(saved.rewrittenSessions);
      onSaved();
    }
  };

  return (
    <Paper withBorder p="md" component="form" onSubmit={onSubmit} aria-labelledby="message-settings-heading">
      <Title order={2} size="h3" id="message-settings-heading" mb="sm">
        {t('messageTemplates.settingsHeading')}
      </Title>
      <Stack gap="sm">
        <Select
          label={t('messageTemplates.language')}
          data={messaging.languages.map((l) => ({ value: l, label: t(`messageTemplates.languages.${l}`) }))}
          value={language}
          onChange={(v) => v && setLanguage(v as TemplateLanguage)}
          allowDeselect={false}
          error={problem('language')}
          maw={320}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Stack gap={6}>
            <Checkbox
              label={t('messageTemplates.preparationDefault')}
              checked={timing.preparationHoursBefore === null}
              onChange={(e) => set({ preparationHoursBefore: e.currentTarget.checked ? null : 168 })}
            />
            {timing.preparationHoursBefore !== null &&
              hoursInput(
                'preparationHoursBefore',
                t('messageTemplates.preparationHours'),
                t('messageTemplates.preparationHelp'),
              )}
          </Stack>
          <Stack gap={6}>
            <Checkbox
              label={t('messageTemplates.reminderDefault')}
              checked={timing.reminderHoursBefore === null}
              onChange={(e) => set({ reminderHoursBefore: e.currentTarget.checked ? null : 24 })}
            />
            {timing.reminderHoursBefore !== null &&
              hoursInput('reminderHoursBefore', t('messageTemplates.reminderHours'))}
          </Stack>
          {hoursInput('aftercareHoursAfter', t('messageTemplates.aftercareHours'))}
          {hoursInput('checkInHoursAfter', t('messageTemplates.checkInHours'))}
        </SimpleGrid>
      </Stack>
      {error !== null && <ErrorAlert error={error} />}
      {rewritten !== null && (
        <Alert color="green" mt="sm" role="status">
          {t('messageTemplates.rewritten', { count: rewritten })}
        </Alert>
      )}
      <Button type="submit" mt="md" loading={pending}>
        {pending ? t('messageTemplates.saving') : t('messageTemplates.saveSettings')}
      </Button>
    </Paper>
  );
}
