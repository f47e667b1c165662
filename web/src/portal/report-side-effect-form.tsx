import { Button, Checkbox, Group, Radio, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error';
import type { TreatmentSession } from '../api/api-types';
import { ErrorAlert } from '../components/error-alert';
import { useCodeLabel } from '../i18n/use-code-label';
import { useFormat } from '../i18n/use-format';
import { catalogue } from '../knowledge/catalogue';
import type { NewSideEffectReport } from '../side-effects/side-effect-types';

const severities = ['mild', 'moderate', 'severe'] as const;

/** Now, as a datetime-local value (local time, minutes). */
function localNow(): string {
  const now = new Date();
  now.setMinutes(now.getMinutes() - now.getTimezoneOffset());
  return now.toISOString().slice(0, 16);
}

interface Props {
  sessions: TreatmentSession[];
  pending: boolean;
  error: unknown;
  onSubmit: (sessionId: string, report: NewSideEffectReport) => void;
}

/** The patient's words first (the triage reads them), known effects as optional ticks. */
export function ReportSideEffectForm({ sessions, pending, error, onSubmit }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useCodeLabel();
  const [sessionId, setSessionId] = useState(sessions[0]?.id ?? '');
  const [symptom, setSymptom] = useState('');
  const [codes, setCodes] = useState<string[]>([]);
  const [onset, setOnset] = useState(localNow());
  const [severity, setSeverity] = useState<(typeof severities)[number]>('mild');
  const [ongoing, setOngoing] = useState(true);
  const problem = (field: string) => (isApiError(error) ? error.problemFor(field) : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(sessionId, { symptom, codes, onset: new Date(onset).toISOString(), severity, ongoing });
  };

  return (
    <Stack gap="md" component="form" onSubmit={submit} maw={720}>
      <Select
        label={t('portal.session')}
        data={sessions.map((s) => ({ value: s.id, label: format.dateTime(s.scheduledAt) }))}
        value={sessionId}
        onChange={(v) => setSessionId(v ?? sessionId)}
        allowDeselect={false}
        required
      />
      <Textarea label={t('portal.symptom')} description={t('portal.symptomHelp')} required minRows={3} autosize value={symptom} onChange={(e) => setSymptom(e.currentTarget.value)} error={problem('symptom')} />
      <Checkbox.Group label={t('portal.codes')} value={codes} onChange={setCodes}>
        <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }} mt={4} spacing={6}>
          {catalogue.sideEffects.map((e) => (
            <Checkbox key={e.code} value={e.code} label={label('sideEffect', e.code, e.name)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <Group align="flex-start" wrap="wrap">
        <TextInput label={t('portal.onset')} type="datetime-local" required value={onset} max={localNow()} onChange={(e) => setOnset(e.currentTarget.value)} error={problem('onset')} />
        <Radio.Group label={t('portal.severity')} value={severity} onChange={(v) => setSeverity(v as typeof severity)} required>
          <Group mt={6}>
            {severities.map((s) => (
              <Radio key={s} value={s} label={t(`portal.severities.${s}`)} />
            ))}
          </Group>
        </Radio.Group>
      </Group>
      <Checkbox label={t('portal.ongoing')} checked={ongoing} onChange={(e) => setOngoing(e.currentTarget.checked)} />
      {error !== null && <ErrorAlert error={error} />}
      <Button type="submit" loading={pending} disabled={!sessionId || !symptom.trim()} w="fit-content">
        {pending ? t('portal.submitting') : t('portal.submit')}
      </Button>
    </Stack>
  );
}
