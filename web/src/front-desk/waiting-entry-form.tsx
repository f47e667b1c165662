import { Button, Checkbox, Group, Paper, Select, Stack, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error';
import type { Ok } from '../api/api-types';
import { api, call } from '../api/client';
import { PatientPicker } from '../admin/messages/patient-picker';
import { ErrorAlert } from '../components/error-alert';
import { useSubmit } from '../hooks/use-submit';
import { useCodeLabel } from '../i18n/use-code-label';
import { useCatalogue } from '../knowledge/catalogue';
import { timeSpanNames, timeSpans, type TimeSpanName } from './waiting-times';

export type WaitingEntry = Ok<'/api/waiting-list', 'get'>['entries'][number];

/** Puts a patient on the waiting list: what for, the days and times they can come, and a note. */
export function WaitingEntryForm({
  onSaved,
  onCancel,
}: {
  onSaved: (entry: WaitingEntry) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const catalogue = useCatalogue();
  const [patientId, setPatientId] = useState<string | null>(null);
  const [indication, setIndication] = useState<string | null>(null);
  const [weekdays, setWeekdays] = useState<string[]>([]);
  const [spans, setSpans] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const dayNames = t('clinicSetup.weekdays', { returnObjects: true }) as string[];
  const { submit, pending, error } = useSubmit(async () => {
    if (!patientId || !indication) return undefined;
    return call(
      api.POST('/api/waiting-list', {
        body: {
          patientId,
          indication,
          weekdays: weekdays.map(Number).sort(),
          timesOfDay: timeSpanNames.filter((name) => spans.includes(name)).map((name) => ({ ...timeSpans[name] })),
          ...(note.trim() ? { note: note.trim() } : {}),
        },
      }),
    );
  });
  const problem = (field: string) => (isApiError(error) ? error.problemFor(field) : undefined);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const entry = await submit();
    if (entry) onSaved(entry);
  };

  return (
    <Paper withBorder p="md" component="form" onSubmit={save} aria-labelledby="waiting-entry-title" mb="lg">
      <Stack gap="md">
        <Title order={2} size="h4" id="waiting-entry-title">
          {t('frontDesk.addTitle')}
        </Title>
        <PatientPicker value={patientId} onChange={setPatientId} />
        <Select
          label={t('frontDesk.indication')}
          data={catalogue.indications.map((i) => ({ value: i.id, label: label('indication', i.id, i.name) }))}
          value={indication}
          onChange={setIndication}
          error={problem('indication')}
          required
          maw={380}
        />
        <Checkbox.Group
          label={t('frontDesk.days')}
          description={t('frontDesk.anyDayHelp')}
          value={weekdays}
          onChange={setWeekdays}
          error={problem('weekdays')}
        >
          <Group mt={4} gap="sm">
            {dayNames.map((day, i) => (
              <Checkbox key={day} value={String(i + 1)} label={day} />
            ))}
          </Group>
        </Checkbox.Group>
        <Checkbox.Group
          label={t('frontDesk.times')}
          description={t('frontDesk.anyTimeHelp')}
          value={spans}
          onChange={setSpans}
          error={problem('timesOfDay')}
        >
          <Group mt={4} gap="sm">
            {timeSpanNames.map((name: TimeSpanName) => (
              <Checkbox key={name} value={name} label={t(`frontDesk.timeSpans.${name}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Textarea
          label={t('frontDesk.note')}
          description={t('frontDesk.noteHelp')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={500}
          autosize
          minRows={2}
          maw={600}
        />
        {error !== null && <ErrorAlert error={error} />}
        <Group>
          <Button type="submit" loading={pending} disabled={!patientId || !indication}>
            {t('frontDesk.add')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('frontDesk.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
