import { Anchor, Badge, Button, Group, NativeSelect, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Ok } from '../api/api-types';
import { api, call } from '../api/client';
import { useUser } from '../auth/auth-context';
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

const deskLocationKey = 'mesodesk.frontDesk.location';

/** The location this desk chose last: a desk serves one site of a chain day after day. */
function rememberedLocation(): string {
  try {
    return window.localStorage.getItem(deskLocationKey) ?? '';
  } catch {
    return '';
  }
}

function rememberLocation(locationId: string): void {
  try {
    if (locationId) window.localStorage.setItem(deskLocationKey, locationId);
    else window.localStorage.removeItem(deskLocationKey);
  } catch {
    // Storage may be off (private browsing): the choice then lasts as long as the address.
  }
}

/**
 * Today's sessions with check-in: reception marks each patient arrived as they come in, and the
 * list shows who is waiting (checked in, not yet seen) and since when. A clinic with several
 * locations picks one (kept in the address and on the device); "all locations" lists every one.
 */
export function ArrivalsView() {
  const { t } = useTranslation();
  const format = useFormat();
  const now = useNow();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const locations = useLoad(
    async () =>
      (await call(api.GET('/api/clinics/{id}/locations', { params: { path: { id: user.clinicId } } }))).locations,
    [user.clinicId],
  );
  const known = locations.data ?? [];
  const asked = params.get('location') ?? rememberedLocation();
  // A remembered location that no longer exists (or another clinic's) falls back to all of them.
  const locationId = locations.status === 'ready' && known.some((l) => l.id === asked) ? asked : '';
  const chooseLocation = (id: string) => {
    rememberLocation(id);
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (id) next.set('location', id);
      else next.delete('location');
      return next;
    });
  };
  const state = useLoad(async () => {
    if (locations.status === 'loading') return null;
    const query = { ...localDayBounds(localToday()), ...(locationId ? { locationId } : {}) };
    const { entries } = await call(api.GET('/api/front-desk/arrivals', { params: { query } }));
    return entries;
  }, [locations.status, locationId]);
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
      {known.length > 1 && (
        <NativeSelect
          mb="md"
          maw={360}
          label={t('frontDesk.location')}
          description={t('frontDesk.locationHelp')}
          data={[
            { value: '', label: t('frontDesk.allLocations') },
            ...known.map((l) => ({ value: l.id, label: l.name })),
          ]}
          value={locationId}
          onChange={(e) => chooseLocation(e.currentTarget.value)}
          data-testid="arrivals-location"
        />
      )}
      {action.error !== null && <ErrorAlert error={action.error} />}
      <Loaded state={state}>
        {(entries) => {
          // Nothing asked yet: the locations are still loading.
          if (entries === null) return null;
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
