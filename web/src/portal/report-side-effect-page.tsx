import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../api/client';
import { useUser } from '../auth/auth-context';
import { Loaded } from '../components/loaded';
import { PageTitle } from '../components/page-title';
import { useLoad } from '../hooks/use-load';
import { useSubmit } from '../hooks/use-submit';
import type { NewSideEffectReport, SideEffectReport } from '../side-effects/side-effect-types';
import { TriageResult } from '../side-effects/triage-result';
import { heldSessions } from './load-portal';
import { ReportPhotos } from './report-photos';
import { ReportSideEffectForm } from './report-side-effect-form';

/** The patient reports a side effect and sees the triage advice straight away. */
export function ReportSideEffectPage() {
  const { t } = useTranslation();
  const user = useUser();
  const patientId = user.patientId ?? '';
  const state = useLoad(
    async () =>
      heldSessions(
        (await call(api.GET('/api/patients/{id}/sessions', { params: { path: { id: patientId } } }))).sessions,
        Date.now(),
      ),
    [patientId],
  );
  const [report, setReport] = useState<SideEffectReport | null>(null);
  const { submit, pending, error } = useSubmit(async (sessionId: string, body: NewSideEffectReport) =>
    call(api.POST('/api/sessions/{id}/side-effects', { params: { path: { id: sessionId } }, body })),
  );

  return (
    <>
      <PageTitle>{t('portal.reportTitle')}</PageTitle>
      {report ? (
        <Stack gap="md" maw={720}>
          {report.triage && <TriageResult triage={report.triage} audience="patient" />}
          <ReportPhotos reportId={report.id} />
          <Group>
            <Button variant="default" onClick={() => setReport(null)}>
              {t('portal.reportAgain')}
            </Button>
            <Button component={Link} to="/portal">
              {t('nav.portalHome')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <>
          <Text size="sm" mb="md">
            {t('portal.reportIntro')}
          </Text>
          <Loaded state={state}>
            {(sessions) =>
              sessions.length === 0 ? (
                <Text>{t('portal.noHeldSessions')}</Text>
              ) : (
                <ReportSideEffectForm
                  sessions={sessions}
                  pending={pending}
                  error={error}
                  onSubmit={async (sessionId, body) => {
                    const saved = await submit(sessionId, body);
                    if (saved) setReport(saved);
                  }}
                />
              )
            }
          </Loaded>
        </>
      )}
    </>
  );
}
