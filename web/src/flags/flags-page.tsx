import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../api/client';
import { SourceRefs } from '../assessment/source-refs';
import { useUser } from '../auth/auth-context';
import { ErrorAlert } from '../components/error-alert';
import { Loaded } from '../components/loaded';
import { PageTitle } from '../components/page-title';
import { useLoad } from '../hooks/use-load';
import { useSubmit } from '../hooks/use-submit';
import { useCodeLabel } from '../i18n/use-code-label';
import { useFormat } from '../i18n/use-format';
import { EmptyState } from '../components/empty-state';

/** Upcoming sessions that re-screening flagged, with the reasons and their sources. */
export function FlagsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useCodeLabel();
  const user = useUser();
  const state = useLoad(
    async () => (await call(api.GET('/api/flags', { params: { query: { limit: 200, offset: 0 } } }))).flags,
    [],
  );
  const [summary, setSummary] = useState<{ sessions: number; patients: number; changed: number } | null>(null);
  const rescreen = useSubmit(async () => {
    const result = await call(api.POST('/api/flags/rescreen'));
    setSummary(result);
    return result;
  });

  return (
    <>
      <PageTitle
        actions={
          user.role === 'admin' && (
            <Button
              variant="light"
              loading={rescreen.pending}
              onClick={async () => (await rescreen.submit()) && state.reload()}
            >
              {rescreen.pending ? t('records.rescreening') : t('records.rescreen')}
            </Button>
          )
        }
      >
        {t('records.flagsTitle')}
      </PageTitle>
      <Text size="sm" mb="md">
        {t('records.flagsIntro')}
      </Text>
      {rescreen.error !== null && <ErrorAlert error={rescreen.error} />}
      {summary && (
        <Alert color="cyan" mb="md" role="status">
          {t('records.rescreened', {
            sessions: summary.sessions,
            patients: summary.patients,
            changed: summary.changed,
          })}
        </Alert>
      )}
      <Loaded state={state}>
        {(flags) =>
          flags.length === 0 ? (
            <EmptyState text={t('empty.flags')} action={{ to: '/patients', label: t('empty.findPatient') }} />
          ) : (
            <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="flags">
              {flags.map((flag) => (
                <Paper key={flag.session.id} withBorder p="sm" component="li">
                  <Group gap="xs" mb={4} wrap="wrap">
                    <Badge color="red">{label('verdict', flag.verdict)}</Badge>
                    <Anchor component={Link} to={`/patients/${flag.patient.id}`} fw={600}>
                      {flag.patient.firstName} {flag.patient.lastName}
                    </Anchor>
                    <Text size="sm">
                      {t('records.flagSession', { date: format.dateTime(flag.session.scheduledAt) })}
                    </Text>
                  </Group>
                  <Stack gap={4}>
                    {flag.reasons.map((reason) => (
                      <Group key={reason.code} gap="xs" wrap="nowrap" justify="space-between" align="flex-start">
                        <Text size="sm">
                          <strong>{label('reason', reason.code, reason.message)}</strong>: {reason.message}
                          {reason.until && ` (${t('assessment.until', { date: format.date(reason.until) })})`}
                        </Text>
                        <SourceRefs sourced={reason} what={label('reason', reason.code, reason.message)} />
                      </Group>
                    ))}
                  </Stack>
                </Paper>
              ))}
            </Stack>
          )
        }
      </Loaded>
    </>
  );
}
