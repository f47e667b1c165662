import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TreatmentSession } from '../api/api-types';
import { api, call } from '../api/client';
import { Loaded } from '../components/loaded';
import { useLoad } from '../hooks/use-load';
import { useFormat } from '../i18n/use-format';
import { ReportSummary } from '../side-effects/report-summary';
import { TriageBadge } from '../side-effects/triage-badge';
import { EmptyState } from '../components/empty-state';

/** The patient's own side-effect reports with the triage each got. */
export function MyReports({ sessions }: { sessions: TreatmentSession[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const ids = sessions.map((s) => s.id);
  const state = useLoad(async () => {
    const lists = await Promise.all(
      ids.map(
        async (id) => (await call(api.GET('/api/sessions/{id}/side-effects', { params: { path: { id } } }))).reports,
      ),
    );
    return lists.flat().sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }, [ids.join()]);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="reports-heading">
      <Title order={2} size="h4" id="reports-heading" mb="xs">
        {t('portal.myReports')}
      </Title>
      <Loaded state={state}>
        {(reports) =>
          reports.length === 0 ? (
            <EmptyState
              size="sm"
              text={t('empty.portalReports')}
              action={{ to: '/portal/side-effects/new', label: t('empty.reportSideEffect') }}
            />
          ) : (
            <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="my-reports">
              {reports.map((r) => (
                <Group key={r.id} component="li" gap="xs" wrap="wrap">
                  <TriageBadge triage={r.triage} />
                  <div>
                    <ReportSummary report={r} />
                  </div>
                  <Text size="xs" c="dimmed">
                    {t('portal.reportedOn', { date: format.dateTime(r.createdAt) })}
                  </Text>
                  {r.photos.length > 0 && (
                    <Text size="xs" c="dimmed">
                      {t('selfService.reportPhotoCount', { count: r.photos.length })}
                    </Text>
                  )}
                </Group>
              ))}
            </Stack>
          )
        }
      </Loaded>
    </Paper>
  );
}
