import { Paper, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { Loaded } from '../components/loaded';
import { LoadingState } from '../components/loading-state';
import { useLoad } from '../hooks/use-load';
import { useFormat } from '../i18n/use-format';
import { RateSessionForm } from './rate-session-form';
import { EmptyState } from '../components/empty-state';

const OutcomeChart = lazy(async () => ({ default: (await import('./outcome-chart')).OutcomeChart }));

/** The course's outcomes over its sessions: a chart, the same numbers as a table, and a rating form. */
export function PatientOutcomes({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const state = useLoad(async () => {
    const path = { params: { path: { id: patientId } } };
    const [{ outcomes }, { sessions }] = await Promise.all([
      call(api.GET('/api/patients/{id}/outcomes', path)),
      call(api.GET('/api/patients/{id}/sessions', path)),
    ]);
    const held = sessions.filter(
      (s) => Date.parse(s.scheduledAt) <= Date.now() && (s.status === 'planned' || s.status === 'done'),
    );
    return { outcomes, held };
  }, [patientId]);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="outcomes-heading">
      <Title order={2} size="h4" id="outcomes-heading" mb={4}>
        {t('records.outcomes')}
      </Title>
      <Text size="sm" mb="sm">
        {t('records.outcomesHelp')}
      </Text>
      <Loaded state={state}>
        {({ outcomes, held }) => (
          <>
            {outcomes.length === 0 ? (
              <EmptyState size="sm" text={t('empty.outcomes')} />
            ) : (
              <>
                <Suspense fallback={<LoadingState />}>
                  <OutcomeChart
                    points={outcomes.map((o) => ({
                      label: format.date(o.scheduledAt.slice(0, 10)),
                      patient: o.patientRating,
                      practitioner: o.practitionerRating ?? null,
                    }))}
                    patientLabel={t('records.patientRating')}
                    practitionerLabel={t('records.practitionerRating')}
                  />
                </Suspense>
                <Table mt="sm" striped data-testid="outcomes-table">
                  <Table.Caption>{t('records.outcomeTable')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('records.sessionToRate')}</Table.Th>
                      <Table.Th>{t('records.patientRating')}</Table.Th>
                      <Table.Th>{t('records.practitionerRating')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {outcomes.map((o) => (
                      <Table.Tr key={o.id}>
                        <Table.Td>{format.dateTime(o.scheduledAt)}</Table.Td>
                        <Table.Td>{o.patientRating ?? '—'}</Table.Td>
                        <Table.Td>{o.practitionerRating ?? '—'}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </>
            )}
            {held.length > 0 && (
              <div style={{ marginTop: 12 }}>
                <RateSessionForm sessions={held} onSaved={state.reload} />
              </div>
            )}
          </>
        )}
      </Loaded>
    </Paper>
  );
}
