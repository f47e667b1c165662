import { Anchor, Box, Button, Group, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, call } from '../api/client';
import { useUser } from '../auth/auth-context';
import { isClinical } from '../auth/roles';
import { CalendarSubscription } from '../calendars/calendar-subscription';
import { Loaded } from '../components/loaded';
import { PageTitle } from '../components/page-title';
import { addDays, localDayBounds, localToday } from '../dates/local-date';
import { useLoad } from '../hooks/use-load';
import { useFormat } from '../i18n/use-format';
import { SessionFlagBadge } from '../flags/session-flag-badge';
import { SessionStatusBadge } from '../sessions/session-status-badge';
import { EmptyState } from '../components/empty-state';

/** The clinic's sessions of one day (today unless ?date= says otherwise), in time order. */
export function TodayPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const day = params.get('date') ?? localToday();
  const setDay = (date: string) => setParams(date === localToday() ? {} : { date });

  const state = useLoad(async () => {
    const { from, to } = localDayBounds(day);
    const { entries } = await call(
      api.GET('/api/sessions', { params: { query: { from, to, limit: 200, offset: 0 } } }),
    );
    return entries;
  }, [day]);

  return (
    <>
      <PageTitle>{t('schedule.title')}</PageTitle>
      <Group mb="md" align="flex-end" wrap="wrap" gap="xs">
        <Button variant="default" onClick={() => setDay(addDays(day, -1))}>
          {t('schedule.previousDay')}
        </Button>
        <TextInput
          label={t('schedule.dateLabel')}
          type="date"
          value={day}
          onChange={(e) => e.currentTarget.value && setDay(e.currentTarget.value)}
        />
        <Button variant="default" onClick={() => setDay(addDays(day, 1))}>
          {t('schedule.nextDay')}
        </Button>
        <Button variant="subtle" onClick={() => setDay(localToday())}>
          {t('schedule.today')}
        </Button>
      </Group>
      <Text fw={600} mb="xs">
        {format.longDate(day)}
      </Text>
      <Loaded state={state}>
        {(entries) =>
          entries.length === 0 ? (
            <EmptyState text={t('empty.schedule')} action={{ to: '/patients', label: t('empty.findPatient') }} />
          ) : (
            <Table.ScrollContainer minWidth={520}>
              <Table striped data-testid="schedule">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('schedule.time')}</Table.Th>
                    <Table.Th>{t('schedule.patient')}</Table.Th>
                    <Table.Th>{t('schedule.duration')}</Table.Th>
                    <Table.Th>{t('schedule.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {entries.map(({ session, patient }) => (
                    <Table.Tr key={session.id}>
                      <Table.Td>{format.time(session.scheduledAt)}</Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/patients/${patient.id}`}>
                          {patient.firstName} {patient.lastName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        {session.durationMinutes ? t('common.minutes', { count: session.durationMinutes }) : '—'}
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs">
                          <SessionStatusBadge status={session.status} />
                          {session.flag && <SessionFlagBadge flag={session.flag} />}
                          {isClinical(user.role) && (session.status === 'planned' || session.status === 'done') && (
                            <Anchor component={Link} to={`/sessions/${session.id}/chart`} size="sm">
                              {session.status === 'planned' ? t('schedule.chart') : t('schedule.viewChart')}
                            </Anchor>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </Loaded>
      {isClinical(user.role) && (
        <Box mt="xl" maw={900}>
          <CalendarSubscription />
        </Box>
      )}
    </>
  );
}
