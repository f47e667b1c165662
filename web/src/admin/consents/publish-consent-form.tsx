import { Alert, Autocomplete, Button, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error';
import type { Ok } from '../../api/api-types';
import { api, call } from '../../api/client';
import { ErrorAlert } from '../../components/error-alert';
import { useSubmit } from '../../hooks/use-submit';
import { currentLanguage, languages } from '../../i18n/i18n';

export type ConsentVersion = Ok<'/api/consent-text-versions', 'get'>['versions'][number];
type Published = Ok<'/api/consent-texts/{procedure}/versions', 'post'>;

/** The text as the patient reads it on the consent page: the same frame, and lines kept as typed. */
function ConsentPreview({ label, text }: { label: string; text: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="preview-heading" data-testid="consent-preview">
      <Title order={3} size="h5" id="preview-heading" mb={4}>
        {t('consentTexts.previewHeading')}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {text}
      </Text>
    </Paper>
  );
}

/**
 * Publishes a new version of a procedure's consent text in a language, after a preview of what the
 * patient will read. The text starts as the current version of that procedure and language, to edit.
 */
export function PublishConsentForm({
  versions,
  onPublished,
}: {
  versions: ConsentVersion[];
  onPublished: (published: Published) => void;
}) {
  const { t } = useTranslation();
  const procedures = [...new Set(['mesotherapy', ...versions.map((v) => v.procedure)])].sort();
  const [procedure, setProcedure] = useState('mesotherapy');
  const [language, setLanguage] = useState<string>(currentLanguage());
  const [typed, setTyped] = useState<string | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [published, setPublished] = useState<Published | null>(null);
  const current = versions.find((v) => v.procedure === procedure && v.language === language && v.active);
  const text = typed ?? current?.text ?? '';
  const nextVersion = Math.max(0, ...versions.filter((v) => v.procedure === procedure).map((v) => v.version)) + 1;
  const languageName = (code: string) => t(`consentTexts.languageNames.${code}`, { defaultValue: code });
  const { submit, pending, error } = useSubmit(async () =>
    call(
      api.POST('/api/consent-texts/{procedure}/versions', {
        params: { path: { procedure: procedure.trim() } },
        body: { text, language },
      }),
    ),
  );
  const problem = (field: string) => (isApiError(error) ? error.problemFor(field) : undefined);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await submit();
    if (!answer) return;
    setPublished(answer);
    setTyped(null);
    setPreviewing(false);
    onPublished(answer);
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="publish-heading">
      <Title order={2} size="h4" id="publish-heading" mb="sm">
        {t('consentTexts.publishHeading')}
      </Title>
      <form onSubmit={onSubmit}>
        <Stack gap="sm" maw={760}>
          <Group align="flex-start" wrap="wrap">
            <Autocomplete
              label={t('consentTexts.procedure')}
              description={t('consentTexts.procedureHelp')}
              required
              data={procedures}
              value={procedure}
              onChange={(value) => {
                setProcedure(value);
                setTyped(null);
              }}
              error={problem('procedure')}
            />
            <Select
              label={t('consentTexts.language')}
              data={languages.map((code) => ({ value: code, label: languageName(code) }))}
              value={language}
              onChange={(value) => {
                setLanguage(value ?? language);
                setTyped(null);
              }}
              allowDeselect={false}
              error={problem('language')}
            />
          </Group>
          {previewing ? (
            <ConsentPreview
              label={t('consentTexts.previewLabel', {
                procedure,
                version: nextVersion,
                language: languageName(language),
              })}
              text={text}
            />
          ) : (
            <Textarea
              label={t('consentTexts.text')}
              required
              autosize
              minRows={6}
              maxRows={20}
              value={text}
              onChange={(e) => setTyped(e.currentTarget.value)}
              error={problem('text')}
            />
          )}
          {error !== null && <ErrorAlert error={error} />}
          <Group>
            <Button variant="default" onClick={() => setPreviewing(!previewing)} disabled={!text.trim()}>
              {previewing ? t('consentTexts.editAgain') : t('consentTexts.preview')}
            </Button>
            <Button type="submit" loading={pending} disabled={!text.trim()}>
              {pending ? t('consentTexts.publishing') : t('consentTexts.publish', { version: nextVersion })}
            </Button>
          </Group>
          {published && (
            <Alert color="teal" role="status">
              {t('consentTexts.published', {
                version: published.version,
                procedure: published.procedure,
                language: languageName(published.language),
              })}
            </Alert>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
