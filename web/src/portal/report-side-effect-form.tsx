import { Button, Select, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error';
import type { TreatmentSession } from '../api/api-types';
import { ErrorAlert } from '../components/error-alert';
import { useFormat } from '../i18n/use-format';
import { draftBody, draftReady, emptyDraft, latestOnsetDay } from '../side-effects/report-draft';
import { ReportFields } from '../side-effects/report-fields';
import type { NewSideEffectReport } from '../side-effects/side-effect-types';

interface Props {
  sessions: TreatmentSession[];
  pending: boolean;
  error: unknown;
  onSubmit: (sessionId: string, report: NewSideEffectReport) => void;
}

/** The patient ticks what they notice (the knowledge base's symptoms, in their words), adds their own words if they like, and says from which day. */
export function ReportSideEffectForm({ sessions, pending, error, onSubmit }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const [sessionId, setSessionId] = useState(sessions[0]?.id ?? '');
  const [draft, setDraft] = useState(emptyDraft);
  const problem = (field: string) => (isApiError(error) ? error.problemFor(field) : undefined);
  const session = sessions.find((s) => s.id === sessionId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(sessionId, draftBody(draft));
  };

  return (
    <Stack gap="md" component="form" onSubmit={submit} maw={760}>
      <Select
        label={t('portal.session')}
        data={sessions.map((s) => ({ value: s.id, label: format.dateTime(s.scheduledAt) }))}
        value={sessionId}
        onChange={(v) => setSessionId(v ?? sessionId)}
        allowDeselect={false}
        required
      />
      <ReportFields
        audience="patient"
        value={draft}
        onChange={setDraft}
        maxOnsetDays={session ? latestOnsetDay(session.scheduledAt, Date.now()) : 0}
        problem={problem}
      />
      {error !== null && <ErrorAlert error={error} />}
      <Button type="submit" loading={pending} disabled={!sessionId || !draftReady(draft)} w="fit-content">
        {pending ? t('portal.submitting') : t('portal.submit')}
      </Button>
    </Stack>
  );
}
