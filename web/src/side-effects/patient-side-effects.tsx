import { Button, Group, Paper, Spoiler, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { Loaded } from '../components/loaded';
import { useLoad } from '../hooks/use-load';
import { useFormat } from '../i18n/use-format';
import { heldSessions } from '../portal/load-portal';
import { RecordSideEffectForm } from './record-side-effect-form';
import { ReportSummary } from './report-summary';
import type { SideEffectReport } from './side-effect-types';
import { TriageBadge } from './triage-badge';
import { TriageResult } from './triage-result';
import { EmptyState } from '../components/empty-state';

/**
 * Every side-effect report of the patient's sessions, with its triage, for the clinician; and a form
 * to record one for the patient (a call, a visit), with the same choices as the patient's own form.
 */
export function PatientSideEffects({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [recording, setRecording] = useState(false);
  const [saved, setSaved] = useState<SideEffectReport | null>(null);
  const state = useLoad(async () => {
    const { sessions } = await call(api.GET('/api/patients/{id}/sessions', { params: { path: { id: patientId } } }));
    const held = heldSessions(sessions, Date.now());
    const lists = await Promise.all(
      held.map(async (s) =>
        (await call(api.GET('/api/sessions/{id}/side-effects', { params: { path: { id: s.id } } }))).reports.map(
          (r) => ({ ...r, sessionAt: s.scheduledAt }),
        ),
      ),
    );
    return { held, reports: lists.flat().sort((a, b) => b.createdAt.localeCompare(a.createdAt)) };
  }, [patientId]);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="side-effects-heading">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h4" id="side-effects-heading">
          {t('sideEffects.patientReports')}
        </Title>
        {!recording && (
          <Button
            size="xs"
            variant="light"
            onClick={() => {
              setSaved(null);
              setRecording(true);
            }}
          >
            {t('sideEffects.record')}
          </Button>
        )}
      </Group>
      <Loaded state={state}>
        {({ held, reports }) => (
          <Stack gap="md">
            {recording &&
              (held.length === 0 ? (
                <Text size="sm">{t('sideEffects.noHeldSessions')}</Text>
              ) : (
                <RecordSideEffectForm
                  sessions={held}
                  onCancel={() => setRecording(false)}
                  onSaved={(report) => {
                    setRecording(false);
                    setSaved(report);
                    state.reload();
                  }}
                />
              ))}
            {saved?.triage && (
              <Stack gap="xs" data-testid="recorded-report">
                <Text size="sm" fw={600}>
                  {t('sideEffects.recordSaved')}
                </Text>
                <TriageResult triage={saved.triage} audience="clinic" />
              </Stack>
            )}
            {reports.length === 0 ? (
              <EmptyState size="sm" text={t('empty.patientSideEffects')} />
            ) : (
              <Stack gap="md" data-testid="patient-side-effects">
                {reports.map((r) => (
                  <div key={r.id}>
                    <Group gap="xs" mb={4} wrap="nowrap" align="flex-start">
                      <TriageBadge triage={r.triage} />
                      <div>
                        <ReportSummary report={r} />
                      </div>
                    </Group>
                    <Text size="xs" c="dimmed">
                      {t('sideEffects.reported', {
                        date: format.dateTime(r.createdAt),
                        session: format.dateTime(r.sessionAt),
                      })}
                      {r.severity &&
                        ` · ${t('sideEffects.severity', { severity: t(`portal.severities.${r.severity}`, { defaultValue: r.severity }) })}`}
                      {r.lots.length > 0 &&
                        ` · ${t('sideEffects.lots', { lots: r.lots.map((l) => `${l.productName} ${l.lotNumber}`).join(', ') })}`}
                    </Text>
                    {r.triage && (
                      <Spoiler maxHeight={0} showLabel={t('common.open')} hideLabel={t('common.close')} mt={4}>
                        <TriageResult triage={r.triage} audience="clinic" />
                      </Spoiler>
                    )}
                  </div>
                ))}
              </Stack>
            )}
          </Stack>
        )}
      </Loaded>
    </Paper>
  );
}
