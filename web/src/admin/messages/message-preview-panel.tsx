import { Button, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { ErrorAlert } from '../../components/error-alert';
import { useSubmit } from '../../hooks/use-submit';
import { useFormat } from '../../i18n/use-format';
import type { MessageKind, MessagePreview, TemplateLanguage } from './message-types';
import { PatientPicker } from './patient-picker';

interface Props {
  clinicId: string;
  kind: MessageKind;
  language: TemplateLanguage;
  /** The text being edited, when it differs from the saved (or default) one. */
  draft: { subject: string; body: string } | null;
}

/** The message a named patient would get, written by the server exactly as it would be sent. */
export function MessagePreviewPanel({ clinicId, kind, language, draft }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const [patientId, setPatientId] = useState<string | null>(null);
  const [preview, setPreview] = useState<MessagePreview | null>(null);
  const { submit, pending, error } = useSubmit(async (id: string) =>
    call(
      api.POST('/api/clinics/{id}/message-preview', {
        params: { path: { id: clinicId } },
        body: { patientId: id, kind, language, ...(draft ?? {}) },
      }),
    ),
  );

  return (
    <Paper withBorder p="sm" bg="var(--mantine-color-gray-0)" aria-labelledby="preview-heading">
      <Title order={3} size="h5" id="preview-heading" mb={4}>
        {t('messageTemplates.previewHeading')}
      </Title>
      <Text size="sm" mb="xs">
        {t('messageTemplates.previewHelp')}
      </Text>
      <Group align="flex-end" gap="sm">
        <PatientPicker value={patientId} onChange={setPatientId} />
        <Button
          variant="light"
          loading={pending}
          disabled={!patientId}
          onClick={async () => patientId && setPreview((await submit(patientId)) ?? null)}
        >
          {t('messageTemplates.showPreview')}
        </Button>
      </Group>
      {error !== null && <ErrorAlert error={error} />}
      {preview && error === null && (
        <Stack gap={4} mt="sm" data-testid="message-preview" aria-live="polite">
          <Text size="xs" c="dimmed">
            {t(`messageTemplates.previewWording.${preview.wording}`)} ·{' '}
            {preview.recipient
              ? t('messageTemplates.previewTo', { recipient: preview.recipient, when: format.dateTime(preview.dueAt) })
              : t('messageTemplates.previewNoEmail')}
          </Text>
          <Text size="sm" fw={600}>
            {t('messageTemplates.previewSubject', { subject: preview.subject })}
          </Text>
          <Code block style={{ whiteSpace: 'pre-wrap' }}>
            {preview.body}
          </Code>
        </Stack>
      )}
    </Paper>
  );
}
