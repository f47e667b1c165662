import {
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Tabs,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error';
import { api, call } from '../../api/client';
import { ErrorAlert } from '../../components/error-alert';
import { useSubmit } from '../../hooks/use-submit';
import { MessagePreviewPanel } from './message-preview-panel';
import type { MessageKind, MessageTemplate, Messaging, TemplateLanguage } from './message-types';

interface Props {
  clinicId: string;
  messaging: Messaging;
  onSaved: () => void;
}

/** The text of each kind of message, per language: the clinic's own or the default, with a preview. */
export function TemplateEditor({ clinicId, messaging, onSaved }: Props) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<MessageKind>(messaging.kinds[0] ?? 'booking_confirmation');
  const [language, setLanguage] = useState<TemplateLanguage>(messaging.language);
  const template = messaging.templates.find((m) => m.kind === kind && m.language === language);

  return (
    <Paper withBorder p="md" aria-labelledby="texts-heading">
      <Title order={2} size="h3" id="texts-heading" mb="sm">
        {t('messageTemplates.textsHeading')}
      </Title>
      <Stack gap="sm">
        <div>
          <Text size="sm" fw={500} id="text-language-label" mb={4}>
            {t('messageTemplates.textLanguage')}
          </Text>
          <SegmentedControl
            aria-labelledby="text-language-label"
            data={messaging.languages.map((l) => ({ value: l, label: t(`messageTemplates.languages.${l}`) }))}
            value={language}
            onChange={(v) => setLanguage(v as TemplateLanguage)}
          />
        </div>
        <Tabs value={kind} onChange={(v) => v && setKind(v as MessageKind)} keepMounted={false}>
          <Tabs.List mb="sm">
            {messaging.kinds.map((k) => (
              <Tabs.Tab key={k} value={k}>
                {t(`messageTemplates.kinds.${k}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {messaging.kinds.map((k) => (
            <Tabs.Panel key={k} value={k}>
              {template && k === kind && (
                <TemplateText
                  key={`${kind}-${language}-${template.updatedAt ?? 'default'}`}
                  clinicId={clinicId}
                  template={template}
                  placeholders={messaging.placeholders}
                  onSaved={onSaved}
                />
              )}
            </Tabs.Panel>
          ))}
        </Tabs>
      </Stack>
    </Paper>
  );
}

function TemplateText({
  clinicId,
  template,
  placeholders,
  onSaved,
}: {
  clinicId: string;
  template: MessageTemplate;
  placeholders: Messaging['placeholders'];
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const path = { params: { path: { id: clinicId, kind: template.kind, language: template.language } } };
  const save = useSubmit(async () =>
    call(api.PUT('/api/clinics/{id}/message-templates/{kind}/{language}', { ...path, body: { subject, body } })),
  );
  const restore = useSubmit(async () =>
    call(api.DELETE('/api/clinics/{id}/message-templates/{kind}/{language}', path)),
  );
  const problem = (field: 'subject' | 'body') => (isApiError(save.error) ? save.error.problemFor(field) : undefined);
  const edited = subject !== template.subject || body !== template.body;

  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Badge variant="light" color={template.custom ? 'teal' : 'gray'}>
          {template.custom ? t('messageTemplates.customText') : t('messageTemplates.defaultText')}
        </Badge>
      </Group>
      <TextInput
        label={t('messageTemplates.subject')}
        value={subject}
        maxLength={200}
        onChange={(e) => setSubject(e.currentTarget.value)}
        error={problem('subject')}
        required
      />
      <Textarea
        label={t('messageTemplates.body')}
        value={body}
        maxLength={5000}
        autosize
        minRows={8}
        onChange={(e) => setBody(e.currentTarget.value)}
        error={problem('body')}
        required
        styles={{ input: { fontFamily: 'monospace' } }}
      />
      <div>
        <Text size="sm" fw={600}>
          {t('messageTemplates.placeholdersHeading')}
        </Text>
        <Stack gap={0} component="dl" m={0}>
          {placeholders.map((p) => (
            <Text key={p} size="sm" component="div">
              <Text span ff="monospace" fw={500} component="dt" display="inline">{`{${p}}`}</Text>{' '}
              <Text span component="dd" display="inline" m={0}>
                {t(`messageTemplates.placeholders.${p}`)}
              </Text>
            </Text>
          ))}
        </Stack>
      </div>
      {save.error !== null && <ErrorAlert error={save.error} />}
      {restore.error !== null && <ErrorAlert error={restore.error} />}
      <Group gap="sm">
        <Button
          loading={save.pending}
          disabled={!subject.trim() || !body.trim()}
          onClick={async () => {
            if (await save.submit()) onSaved();
          }}
        >
          {t('messageTemplates.saveText')}
        </Button>
        {template.custom && (
          <Button
            variant="default"
            loading={restore.pending}
            onClick={async () => {
              await restore.submit();
              onSaved();
            }}
          >
            {t('messageTemplates.restoreDefault')}
          </Button>
        )}
      </Group>
      <MessagePreviewPanel
        clinicId={clinicId}
        kind={template.kind}
        language={template.language}
        draft={edited ? { subject, body } : null}
      />
    </Stack>
  );
}
