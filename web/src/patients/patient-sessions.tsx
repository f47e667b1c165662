import { Paper, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { EmptyState } from '../components/empty-state';
import { Loaded } from '../components/loaded';
import { useLoad } from '../hooks/use-load';
import { SessionList } from '../sessions/session-list';

/** For reception, who book sessions but see no clinical records: the sessions alone. */
export function PatientSessions({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const state = useLoad(
    async () => (await call(api.GET('/api/patients/{id}/sessions', { params: { path: { id: patientId } } }))).sessions,
    [patientId],
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="sessions-heading">
      <Title order={2} size="h4" id="sessions-heading" mb="sm">
        {t('course.sessionsHeading')}
      </Title>
      <Loaded state={state}>
        {(sessions) =>
          sessions.length === 0 ? (
            <EmptyState size="sm" text={t('empty.sessions')} />
          ) : (
            <SessionList sessions={sessions} canChart={false} />
          )
        }
      </Loaded>
    </Paper>
  );
}
