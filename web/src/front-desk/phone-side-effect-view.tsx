import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { PatientPicker } from '../admin/messages/patient-picker';
import { Loaded } from '../components/loaded';
import { useLoad } from '../hooks/use-load';
import { heldSessions } from '../portal/load-portal';
import { RecordSideEffectForm } from '../side-effects/record-side-effect-form';
import { triageColor, type SideEffectReport } from '../side-effects/side-effect-types';
import { TriageResult } from '../side-effects/triage-result';

/**
 * A side effect a patient reports by phone or at the desk: find the patient, choose the session,
 * tick what they say. The answer is the same triage the portal gives, shown with its advice and
 * what to tell the patient; an urgent one says so at once.
 */
export function PhoneSideEffectView() {
  const { t } = useTranslation();
  const [patientId, setPatientId] = useState<string | null>(null);
  const [saved, setSaved] = useState<SideEffectReport | null>(null);
  const [form, setForm] = useState(0);
  const state = useLoad(async () => {
    if (!patientId) return null;
    const path = { params: { path: { id: patientId } } };
    const [patient, { sessions }] = await Promise.all([
      call(api.GET('/api/patients/{id}', path)),
      call(api.GET('/api/patients/{id}/sessions', path)),
    ]);
    return { patient, held: heldSessions(sessions, Date.now()) };
  }, [patientId]);

  const choose = (id: string | null) => {
    setSaved(null);
    setPatientId(id);
  };

  return (
    <Stack gap="md" maw={900}>
      <Text size="sm">{t('frontDesk.sideEffectIntro')}</Text>
      <PatientPicker value={patientId} onChange={choose} />
      {!patientId ? (
        <Text size="sm" c="dimmed">
          {t('frontDesk.choosePatient')}
        </Text>
      ) : (
        <Loaded state={state}>
          {(data) =>
            data &&
            (saved?.triage ? (
              <Stack gap="sm" data-testid="desk-report-result">
                <Title order={2} size="h4">
                  {t('frontDesk.sideEffectSaved', { name: `${data.patient.firstName} ${data.patient.lastName}` })}
                </Title>
                <TriageResult triage={saved.triage} audience="clinic" />
                <Alert color={triageColor[saved.triage.level]} variant="light" title={t('frontDesk.tellPatient')}>
                  {t(`portal.triageHelp.${saved.triage.level}`)}
                </Alert>
                <div>
                  <Button
                    variant="default"
                    onClick={() => {
                      setSaved(null);
                      setForm((n) => n + 1);
                    }}
                  >
                    {t('frontDesk.anotherReport')}
                  </Button>
                </div>
              </Stack>
            ) : data.held.length === 0 ? (
              <Text size="sm">{t('sideEffects.noHeldSessions')}</Text>
            ) : (
              <RecordSideEffectForm
                key={`${patientId}-${form}`}
                sessions={data.held}
                onSaved={setSaved}
                onCancel={() => choose(null)}
              />
            ))
          }
        </Loaded>
      )}
    </Stack>
  );
}
