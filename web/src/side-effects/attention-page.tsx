import { Anchor, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../api/client';
import { Loaded } from '../components/loaded';
import { PageTitle } from '../components/page-title';
import { useLoad } from '../hooks/use-load';
import { useFormat } from '../i18n/use-format';
import { ReportSummary } from './report-summary';
import { TriageBadge } from './triage-badge';
import { EmptyState } from '../components/empty-state';

type Filter = 'all' | 'urgent' | 'review';

/** The clinic's side-effect reports a clinician must look at, as triaged when they were made. */
export function AttentionPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [filter, setFilter] = useState<Filter>('all');
  const state = useLoad(
    async () =>
      (
        await call(
          api.GET('/api/side-effects', {
            params: { query: { ...(filter === 'all' ? {} : { level: filter }), limit: 100, offset: 0 } },
          }),
        )
      ).reports,
    [filter],
  );

  return (
    <>
      <PageTitle>{t('sideEffects.title')}</PageTitle>
      <Text size="sm" mb="sm">
        {t('sideEffects.intro')}
      </Text>
      <SegmentedControl
        mb="md"
        aria-label={t('sideEffects.filter')}
        value={filter}
        onChange={(v) => setFilter(v as Filter)}
        data={[
          { value: 'all', label: t('sideEffects.all') },
          { value: 'urgent', label: t('sideEffects.level.urgent') },
          { value: 'review', label: t('sideEffects.level.review') },
        ]}
      />
      <Loaded state={state}>
        {(reports) =>
          reports.length === 0 ? (
            <EmptyState text={t('empty.sideEffects')} action={{ to: '/patients', label: t('empty.findPatient') }} />
          ) : (
            <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="attention-list">
              {reports.map((r) => (
                <Paper key={r.id} withBorder p="sm" component="li">
                  <Group gap="xs" wrap="wrap" mb={4}>
                    <TriageBadge triage={r.triage} />
                    <Anchor component={Link} to={`/patients/${r.patient.id}`} fw={600}>
                      {r.patient.firstName} {r.patient.lastName}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {t('sideEffects.reported', {
                        date: format.dateTime(r.createdAt),
                        session: format.dateTime(r.sessionAt),
                      })}
                    </Text>
                  </Group>
                  <ReportSummary report={r} />
                  {r.triage && r.triage.why.length > 0 && (
                    <Text size="xs" mt={4}>
                      {r.triage.why.join(' · ')}
                    </Text>
                  )}
                </Paper>
              ))}
            </Stack>
          )
        }
      </Loaded>
    </>
  );
}
