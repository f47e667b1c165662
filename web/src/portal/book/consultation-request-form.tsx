import { Alert, Button, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { useSubmit } from '../../hooks/use-submit';
import { PortalRefusal } from '../portal-refusal';

/** The patient asks the clinic to call: what the portal offers instead of a booking (never a booking). */
export function ConsultationRequestForm({
  assessmentId,
  reason,
}: {
  assessmentId?: string;
  reason?: 'no_suitable_time' | 'patient_choice';
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [sent, setSent] = useState(false);
  const { submit, pending, error } = useSubmit(() =>
    call(
      api.POST('/api/portal/consultation-requests', {
        body: {
          ...(assessmentId ? { assessmentId } : {}),
          ...(reason ? { reason } : {}),
          note: note.trim() || null,
        },
      }),
    ),
  );
  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (await submit()) setSent(true);
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="consultation-heading">
      <Title order={2} size="h4" id="consultation-heading" mb={4}>
        {t('selfService.consultationTitle')}
      </Title>
      {sent ? (
        <Alert color="green" role="status" data-testid="consultation-sent">
          {t('selfService.consultationSent')}
        </Alert>
      ) : (
        <Stack gap="sm" component="form" onSubmit={send}>
          <Text size="sm">{t('selfService.consultationHelp')}</Text>
          <Textarea
            label={t('selfService.consultationNote')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            maxLength={1000}
            autosize
            minRows={2}
          />
          {error !== null && <PortalRefusal error={error} />}
          <Button type="submit" loading={pending} w="fit-content">
            {pending ? t('selfService.consultationSending') : t('selfService.consultationSend')}
          </Button>
        </Stack>
      )}
    </Paper>
  );
}
