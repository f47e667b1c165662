import { Alert, Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../api/client';
import { DataTable } from '../components/data-table';
import { EmptyState } from '../components/empty-state';
import { ErrorAlert } from '../components/error-alert';
import { Loaded } from '../components/loaded';
import { useLoad } from '../hooks/use-load';
import { useSubmit } from '../hooks/use-submit';
import { useCodeLabel } from '../i18n/use-code-label';
import { useFormat } from '../i18n/use-format';
import { OpeningsPanel } from './openings-panel';
import { WaitingEntryForm, type WaitingEntry } from './waiting-entry-form';
import { spanName } from './waiting-times';

/**
 * The waiting list per indication, the form that adds to it, and the slots that opened (with who
 * they suit). What happened last (added, removed, booked) is said in a status line.
 */
export function WaitingListView() {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const state = useLoad(async () => (await call(api.GET('/api/waiting-list', { params: { query: {} } }))).entries, []);
  const remove = useSubmit(async (entry: WaitingEntry) => {
    await call(api.DELETE('/api/waiting-list/{id}', { params: { path: { id: entry.id } } }));
    setNotice(t('frontDesk.removed', { name: nameOf(entry) }));
    state.reload();
  });
  const changed = (message: string) => {
    setNotice(message);
    state.reload();
  };

  return (
    <>
      <Group justify="space-between" align="flex-start" mb="md" wrap="nowrap">
        <Text size="sm" maw={760}>
          {t('frontDesk.waitingIntro')}
        </Text>
        {!adding && (
          <Button
            onClick={() => {
              setNotice(null);
              setAdding(true);
            }}
          >
            {t('frontDesk.addToList')}
          </Button>
        )}
      </Group>
      {notice && (
        <Alert color="green" role="status" mb="md" data-testid="waiting-notice">
          {notice}
        </Alert>
      )}
      {adding && (
        <WaitingEntryForm
          onCancel={() => setAdding(false)}
          onSaved={(entry) => {
            setAdding(false);
            changed(t('frontDesk.added', { name: nameOf(entry) }));
          }}
        />
      )}
      {remove.error !== null && <ErrorAlert error={remove.error} />}
      <OpeningsPanel onBooked={changed} />
      <Title order={2} size="h3" mt="xl" mb="sm">
        {t('frontDesk.tabs.waitingList')}
      </Title>
      <Loaded state={state}>
        {(entries) =>
          entries.length === 0 ? (
            <EmptyState text={t('frontDesk.emptyList')} />
          ) : (
            <Stack gap="lg" data-testid="waiting-list">
              {groupByIndication(entries).map(([indication, group]) => (
                <section key={indication} aria-labelledby={`waiting-${indication}`}>
                  <Title order={3} size="h5" mb="xs" id={`waiting-${indication}`}>
                    {label('indication', indication)}
                  </Title>
                  <WaitingTable
                    entries={group}
                    pending={remove.pending}
                    onRemove={(entry) => void remove.submit(entry)}
                  />
                </section>
              ))}
            </Stack>
          )
        }
      </Loaded>
    </>
  );
}

const nameOf = (entry: WaitingEntry) => `${entry.patient.firstName} ${entry.patient.lastName}`;

/** Entries per indication, in the order the first of each came (the list is longest waiting first). */
function groupByIndication(entries: readonly WaitingEntry[]): [string, WaitingEntry[]][] {
  const groups = new Map<string, WaitingEntry[]>();
  for (const entry of entries) groups.set(entry.indication, [...(groups.get(entry.indication) ?? []), entry]);
  return [...groups];
}

function WaitingTable({
  entries,
  pending,
  onRemove,
}: {
  entries: WaitingEntry[];
  pending: boolean;
  onRemove: (entry: WaitingEntry) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const dayNames = t('clinicSetup.weekdays', { returnObjects: true }) as string[];
  const days = (entry: WaitingEntry) =>
    entry.weekdays.length
      ? format.list(entry.weekdays.map((d) => dayNames[d - 1] ?? String(d)))
      : t('frontDesk.anyDay');
  const times = (entry: WaitingEntry) =>
    entry.timesOfDay.length
      ? format.list(
          entry.timesOfDay.map((s) => {
            const name = spanName(s);
            return name ? t(`frontDesk.timeSpans.${name}`) : `${s.start}–${s.end}`;
          }),
        )
      : t('frontDesk.anyTime');
  return (
    <DataTable
      minWidth={760}
      striped
      fz="sm"
      columns={[
        t('frontDesk.patient'),
        t('frontDesk.days'),
        t('frontDesk.times'),
        t('frontDesk.note'),
        t('frontDesk.since'),
        t('frontDesk.courseReady'),
        t('frontDesk.actions'),
      ]}
    >
      {entries.map((entry) => (
        <Table.Tr key={entry.id} data-testid="waiting-entry">
          <Table.Td>
            <Anchor component={Link} to={`/patients/${entry.patient.id}`}>
              {nameOf(entry)}
            </Anchor>
            {entry.patient.phone && (
              <Text size="xs" c="dimmed">
                {entry.patient.phone}
              </Text>
            )}
          </Table.Td>
          <Table.Td>{days(entry)}</Table.Td>
          <Table.Td>{times(entry)}</Table.Td>
          <Table.Td>{entry.note ?? '—'}</Table.Td>
          <Table.Td>
            {format.dateTime(entry.createdAt)}
            {entry.createdByName && (
              <Text size="xs" c="dimmed">
                {entry.createdByName}
              </Text>
            )}
          </Table.Td>
          <Table.Td>
            {entry.course ? (
              t('frontDesk.ready')
            ) : (
              <>
                <Text size="sm">{t('frontDesk.notReady')}</Text>
                <Text size="xs" c="dimmed">
                  {t('frontDesk.notReadyHelp')}
                </Text>
              </>
            )}
          </Table.Td>
          <Table.Td>
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              disabled={pending}
              onClick={() => onRemove(entry)}
              aria-label={t('frontDesk.removePatient', { name: nameOf(entry) })}
            >
              {t('frontDesk.remove')}
            </Button>
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
