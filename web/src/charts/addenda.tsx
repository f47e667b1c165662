import { Alert, Button, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { ErrorAlert } from '../components/error-alert';
import { useSubmit } from '../hooks/use-submit';
import { useFormat } from '../i18n/use-format';
import { readableError } from './readable-error';
import type { ChartAddendum } from './saved-chart-types';

const maxLength = 5000;

/**
 * A saved chart is never edited: corrections and later notes are signed addenda, oldest first, each
 * with who wrote it and when. A practitioner or admin adds one below.
 */
export function Addenda({
  sessionId,
  addenda,
  canAdd,
  names,
  onAdded,
}: {
  sessionId: string;
  addenda: ChartAddendum[];
  canAdd: boolean;
  names: ReadonlyMap<string, string>;
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [text, setText] = useState('');
  const [added, setAdded] = useState(false);
  const [blank, setBlank] = useState(false);
  const { submit, pending, error } = useSubmit(async (body: { text: string }) =>
    call(api.POST('/api/sessions/{id}/chart/addenda', { params: { path: { id: sessionId } }, body })),
  );

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    setBlank(!trimmed);
    if (!trimmed) return;
    if (await submit({ text: trimmed })) {
      setText('');
      setAdded(true);
      onAdded();
    }
  };

  return (
    <Paper withBorder p="md" mt="md" component="section" aria-labelledby="addenda-heading">
      <Title order={2} size="h4" id="addenda-heading" mb="xs">
        {t('chart.addenda.heading')}
      </Title>
      <Text size="sm" mb="sm">
        {t('chart.addenda.intro')}
      </Text>
      {addenda.length === 0 ? (
        <Text size="sm">{t('chart.addenda.none')}</Text>
      ) : (
        <Stack gap="xs" component="ol" p={0} m={0} style={{ listStyle: 'none' }} data-testid="addenda">
          {addenda.map((a) => (
            <Paper key={a.id} withBorder p="sm" component="li">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {a.text}
              </Text>
              <Text size="xs" c="dimmed" mt={4}>
                {t('chart.addenda.signed', {
                  name: a.createdByName ?? (a.createdBy ? names.get(a.createdBy) : undefined) ?? t('chart.unknownUser'),
                  date: format.dateTime(a.createdAt),
                })}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
      {canAdd && (
        <form onSubmit={send}>
          <Stack gap="xs" mt="md">
            <Textarea
              label={t('chart.addenda.label')}
              description={t('chart.addenda.description')}
              value={text}
              onChange={(e) => {
                setText(e.currentTarget.value);
                setAdded(false);
              }}
              error={blank ? t('chart.addenda.required') : undefined}
              styles={readableError}
              maxLength={maxLength}
              autosize
              minRows={2}
              withAsterisk
              aria-required
            />
            {error !== null && <ErrorAlert error={error} />}
            {added && (
              <Alert color="teal" variant="light" role="status">
                {t('chart.addenda.added')}
              </Alert>
            )}
            <Button type="submit" loading={pending} w="fit-content">
              {pending ? t('chart.addenda.submitting') : t('chart.addenda.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </Paper>
  );
}
