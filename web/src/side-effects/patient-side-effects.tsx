import { Paper, Spoiler, Stack, Text, Title, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { Loaded } from '../components/loaded';
import { useLoad } from '../hooks/use-load';
import { useFormat } from '../i18n/use-format';
import { TriageBadge } from './triage-badge';
import { TriageResult } from './triage-result';

/** Every side-effect report of the patient's sessions, with its triage, for the clinician. */
export function PatientSideEffects({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const state = useLoad(async () => {
    const { sessions } = await call(api.GET('/api/patients/{id}/sessions', { params: { path: { id: patientId } } }));
    const held = sessions.filter((s) => Date.parse(s.scheduledAt) <= Date.now() && s.status !== 'cancelled' && s.status !== 'no_show');
    const lists = await Promise.all(held.map(async (s) => (await call(api.GET('/api/sessions/{id}/side-effects', { params: { path: { id: s.id } } }))).reports.map((r) => ({ ...r, sessionAt: s.scheduledAt }))));
    return lists.flat().sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }, [patientId]);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="side-effects-heading">
      <Title order={2} size="h4" id="side-effects-heading" mb="sm">
        {t('sideEffects.patientReports')}
      </Title>
      <Loaded state={state}>
        {(reports) =>
          reports.length === 0 ? (
            <Text size="sm">{t('sideEffects.noPatientReports')}</Text>
          ) : (
            <Stack gap="md" data-testid="patient-side-effects">
              {reports.map((r) => (
                <div key={r.id}>
                  <Group gap="xs" mb={4} wrap="wrap">
                    <TriageBadge triage={r.triage} />
                    <Text size="sm" fw={600}>
                      “{r.symptom}”
                    </Text>
                  </Group>
                  <Text size="xs" c="dimmed">
                    {t('sideEffects.reported', { date: format.dateTime(r.createdAt), session: format.dateTime(r.sessionAt) })}
                    {r.severity && ` · ${t('sideEffects.severity', { severity: t(`portal.severities.${r.severity}`, { defaultValue: r.severity }) })}`}
                    {r.lots.length > 0 && ` · ${t('sideEffects.lots', { lots: r.lots.map((l) => `${l.productName} ${l.lotNumber}`).join(', ') })}`}
                  </Text>
                  {r.triage && (
                    <Spoiler maxHeight={0} showLabel={t('common.open')} hideLabel={t('common.close')} mt={4}>
                      <TriageResult triage={r.triage} audience="clinic" />
                    </Spoiler>
                  )}
                </div>
              ))}
            </Stack>
          )
        }
      </Loaded>
    </Paper>
  );
}
