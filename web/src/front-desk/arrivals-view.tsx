import { Anchor, Badge, Button, Group, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Ok } from '../api/api-types';
import { api, call } from '../api/client';
import { DataTable } from '../components/data-table';
import { EmptyState } from '../components/empty-state';
import { ErrorAlert } from '../components/error-alert';
import { Loaded } from '../components/loaded';
import { localDayBounds, localToday } from '../dates/local-date';
import { useLoad } from '../hooks/use-load';
import { useSubmit } from '../hooks/use-submit';
import { useFormat } from '../i18n/use-format';
import { SessionStatusBadge } from '../sessions/session-status-badge';

type Arrival = Ok<'/api/front-desk/arrivals', 'get'>['entries'][number];

/** The clock the "waiting for" durations count from, moving on every half minute. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/**
 * Today's sessions with check-in: reception marks each patient arrived as they come in, and the
 * list shows who is waiting (checked in, not yet seen) and since when.
 */
export function ArrivalsView() {
  const { t } = useTranslation();
  const format = useFormat();
  const now = useNow();
  const state = useLoad(async () => {
    const { entries } = await call(
      api.GET('/api/front-desk/arrivals', { params: { query: localDayBounds(localToday()) } }),
    );
    return entries;
  }, []);
  const action = useSubmit(async (sessionId: string, undo: boolean) => {
    const path = { params: { path: { id: sessionId } } };
    if (undo) await call(api.DELETE('/api/sessions/{id}/check-in', path));
    else await call(api.POST('/api/sessions/{id}/check-in', path));
    state.reload();
  });

  return (
    <>
      <Text size="sm" mb="md">
        {t('frontDesk.arrivalsIntro')}
      </Text>
      {action.error !== null && <ErrorAlert error={action.error} />}
      <Loaded state={state}>
        {(entries) => {
          const waiting = entries.filter((e) => e.checkIn && e.session.status === 'planned');
          return entries.length === 0 ? (
            <EmptyState text={t('frontDesk.noSessionsToday')} />
          ) : (
            <>
              <Text fw={600} mb="xs" role="status" data-testid="waiting-count">
                {t('frontDesk.waitingCount', { count: waiting.length })}
              </Text>
              <DataTable
                minWidth={640}
                striped
                data-testid="arrivals"
                columns={[t('frontDesk.time'), t('frontDesk.patient'), t('frontDesk.status'), t('frontDesk.arrival')]}
              >
                {entries.map((entry) => (
                  <ArrivalRow
                    key={entry.session.id}
                    entry={entry}
                    now={now}
                    pending={action.pending}
                    onCheckIn={(undo) => void action.submit(entry.session.id, undo)}
                    time={format.time(entry.session.scheduledAt)}
                  />
                ))}
              </DataTable>
            </>
          );
        }}
      </Loaded>
    </>
  );
}

function ArrivalRow({
  entry,
  now,
  time,
  pending,
  onCheckIn,
}: {
  entry: Arrival;
  now: number;
  time: string;
  pending: boolean;
  onCheckIn: (undo: boolean) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { session, patient, checkIn } = entry;
  const name = `${patient.firstName} ${patient.lastName}`;
  const waiting = checkIn !== null && session.status === 'planned';
  return (
    <Table.Tr data-testid="arrival" data-waiting={waiting ? 'true' : 'false'}>
      <Table.Td>{time}</Table.Td>
      <Table.Td>
        <Anchor component={Link} to={`/patients/${patient.id}`}>
          {name}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <SessionStatusBadge status={session.status} />
      </Table.Td>
      <Table.Td>
        {checkIn ? (
          <Group gap="xs" wrap="wrap">
            {waiting ? (
              <Badge color="orange" variant="light" size="lg" style={{ textTransform: 'none' }}>
                {t('frontDesk.waitingSince', {
                  time: format.time(checkIn.checkedInAt),
                  duration: format.duration(now - Date.parse(checkIn.checkedInAt)),
                })}
              </Badge>
            ) : (
              <Text size="sm">{t('frontDesk.arrivedAt', { time: format.time(checkIn.checkedInAt) })}</Text>
            )}
            {checkIn.checkedInByName && (
              <Text size="xs" c="dimmed">
                {t('frontDesk.checkedInBy', { name: checkIn.checkedInByName })}
              </Text>
            )}
            {session.status === 'planned' && (
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={() => onCheckIn(true)}
                disabled={pending}
                aria-label={t('frontDesk.undoCheckInPatient', { name })}
              >
                {t('frontDesk.undoCheckIn')}
              </Button>
            )}
          </Group>
        ) : (
          session.status === 'planned' && (
            <Button
              size="xs"
              onClick={() => onCheckIn(false)}
              disabled={pending}
              aria-label={t('frontDesk.checkInPatient', { name })}
            >
              {t('frontDesk.checkIn')}
            </Button>
          )
        )}
      </Table.Td>
    </Table.Tr>
  );
}
