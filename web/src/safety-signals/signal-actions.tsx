import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { ErrorAlert } from '../components/error-alert';
import { useSubmit } from '../hooks/use-submit';
import type { SafetySignal } from './signal-types';

type Action = 'acknowledge' | 'close';

/** An admin's acknowledging or closing of one signal, with an optional note of what was done. */
export function SignalActions({
  signal,
  title,
  onDone,
}: {
  signal: SafetySignal;
  title: string;
  onDone: (action: Action) => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const change = useSubmit(async (action: Action) => {
    const options = { params: { path: { id: signal.id } }, body: { note: note.trim() || null } };
    await call(
      action === 'acknowledge'
        ? api.POST('/api/safety-signals/{id}/acknowledge', options)
        : api.POST('/api/safety-signals/{id}/close', options),
    );
    return action;
  });
  const act = async (action: Action) => {
    const done = await change.submit(action);
    if (!done) return;
    setNote('');
    onDone(done);
  };

  return (
    <Stack gap="xs" component="form" aria-label={t('safetySignals.actionsLabel')} onSubmit={(e) => e.preventDefault()}>
      <Textarea
        label={t('safetySignals.actionNote')}
        description={t('safetySignals.actionNoteHelp')}
        value={note}
        maxLength={1000}
        autosize
        minRows={1}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      <Group gap="xs">
        {signal.status === 'open' && (
          <Button
            loading={change.pending}
            aria-label={t('safetySignals.acknowledgeOf', { title })}
            onClick={() => void act('acknowledge')}
          >
            {t('safetySignals.acknowledge')}
          </Button>
        )}
        <Button
          variant="default"
          loading={change.pending}
          aria-label={t('safetySignals.closeOf', { title })}
          onClick={() => void act('close')}
        >
          {t('safetySignals.close')}
        </Button>
      </Group>
      {change.error !== null && <ErrorAlert error={change.error} />}
    </Stack>
  );
}
