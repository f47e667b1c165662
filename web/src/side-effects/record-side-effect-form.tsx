import { Button, Group, Paper, Radio, Select, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error';
import type { TreatmentSession } from '../api/api-types';
import { api, call } from '../api/client';
import { ErrorAlert } from '../components/error-alert';
import { useSubmit } from '../hooks/use-submit';
import { useFormat } from '../i18n/use-format';
import { draftBody, draftReady, emptyDraft, latestOnsetDay } from './report-draft';
import { ReportFields } from './report-fields';
import type { NewSideEffectReport, SideEffectReport } from './side-effect-types';

/** How staff got the report: the patient's own portal reports never come through this form. */
const channels = ['phone', 'in_person'] as const;
type Channel = (typeof channels)[number];

interface Props {
  /** Sessions that took place, latest first. */
  sessions: TreatmentSession[];
  onSaved: (report: SideEffectReport) => void;
  onCancel: () => void;
}

/**
 * Staff record a side effect the patient reports by phone or in person, saying which; the server marks it
 * as recorded by staff and triages it as it triages the patient's own report.
 */
export function RecordSideEffectForm({ sessions, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const [sessionId, setSessionId] = useState(sessions[0]?.id ?? '');
  const [draft, setDraft] = useState(emptyDraft);
  const [via, setVia] = useState<Channel | null>(null);
  const { submit, pending, error } = useSubmit(async (id: string, body: NewSideEffectReport) =>
    call(api.POST('/api/sessions/{id}/side-effects', { params: { path: { id } }, body })),
  );
  const problem = (field: string) => (isApiError(error) ? error.problemFor(field) : undefined);
  const session = sessions.find((s) => s.id === sessionId);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!via) return;
    const report = await submit(sessionId, { ...draftBody(draft), reportedVia: via });
    if (report) onSaved(report);
  };

  return (
    <Paper
      withBorder
      p="sm"
      bg="gray.0"
      component="form"
      onSubmit={save}
      aria-label={t('sideEffects.record')}
      data-testid="record-side-effect"
    >
      <Stack gap="md">
        <Text size="sm">{t('sideEffects.recordIntro')}</Text>
        <Select
          label={t('sideEffects.recordSession')}
          data={sessions.map((s) => ({ value: s.id, label: format.dateTime(s.scheduledAt) }))}
          value={sessionId}
          onChange={(v) => setSessionId(v ?? sessionId)}
          allowDeselect={false}
          required
          maw={320}
        />
        <Radio.Group
          label={t('sideEffects.via')}
          value={via ?? ''}
          onChange={(v) => setVia(v as Channel)}
          error={problem('reportedVia')}
          required
        >
          <Group mt={4}>
            {channels.map((c) => (
              <Radio key={c} value={c} label={t(`sideEffects.viaChoice.${c}`)} />
            ))}
          </Group>
        </Radio.Group>
        <ReportFields
          audience="staff"
          value={draft}
          onChange={setDraft}
          maxOnsetDays={session ? latestOnsetDay(session.scheduledAt, Date.now()) : 0}
          problem={problem}
        />
        {error !== null && <ErrorAlert error={error} />}
        <Group>
          <Button type="submit" loading={pending} disabled={!sessionId || !via || !draftReady(draft)}>
            {t('sideEffects.recordSubmit')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('sideEffects.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
