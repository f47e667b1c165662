import { Button, Group, NumberInput, Select } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TreatmentSession } from '../api/api-types';
import { api, call } from '../api/client';
import { ErrorAlert } from '../components/error-alert';
import { useSubmit } from '../hooks/use-submit';
import { useFormat } from '../i18n/use-format';

/** The practitioner's rating of a held session (PUT keeps the patient's own rating). */
export function RateSessionForm({ sessions, onSaved }: { sessions: TreatmentSession[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [sessionId, setSessionId] = useState<string | null>(sessions[0]?.id ?? null);
  const [rating, setRating] = useState<number | ''>('');
  const { submit, pending, error } = useSubmit(async (id: string, practitionerRating: number) =>
    call(api.PUT('/api/sessions/{id}/outcome', { params: { path: { id } }, body: { practitionerRating } })),
  );

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (sessionId && rating !== '' && (await submit(sessionId, rating))) {
      setRating('');
      onSaved();
    }
  };

  return (
    <form onSubmit={onSubmit}>
      <Group align="flex-end" wrap="wrap" gap="sm">
        <Select
          label={t('records.sessionToRate')}
          data={sessions.map((s) => ({ value: s.id, label: format.dateTime(s.scheduledAt) }))}
          value={sessionId}
          onChange={setSessionId}
          allowDeselect={false}
        />
        <NumberInput
          label={t('records.practitionerRating')}
          min={1}
          max={10}
          allowDecimal={false}
          w={160}
          value={rating}
          onChange={(v) => setRating(v === '' ? '' : Number(v))}
        />
        <Button type="submit" variant="light" loading={pending} disabled={!sessionId || rating === ''}>
          {t('records.saveRating')}
        </Button>
      </Group>
      {error !== null && <ErrorAlert error={error} />}
    </form>
  );
}
