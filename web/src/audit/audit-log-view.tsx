import { Button, Group, Table, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error';
import type { AuditEntry } from '../api/api-types';
import { api, call } from '../api/client';
import { DataTable } from '../components/data-table';
import { EmptyState } from '../components/empty-state';
import { ErrorAlert } from '../components/error-alert';
import { Loaded } from '../components/loaded';
import { localDayBounds } from '../dates/local-date';
import { useLoad } from '../hooks/use-load';
import { useSubmit } from '../hooks/use-submit';
import { useCodeLabel } from '../i18n/use-code-label';
import { useFormat } from '../i18n/use-format';
import { downloadAuditCsv, type AuditQuery } from './audit-export';
import { AuditFilters, type AuditFilterValues } from './audit-filters';

const pageSize = 100;
/** The most entries one export holds (the server's limit, src/services/audit-log/audit-export.ts). */
const exportLimit = 50_000;

/** Filters that live in the page's address, so that the denied-attempts view can link to a user's refusals. */
export interface AuditLogFilters {
  userId: string;
  refused: boolean;
}

type Names = { users: Record<string, string>; patients: Record<string, string> };
/** The filters kept on the page (the user and refusals live in the address). */
type LocalFilters = Omit<AuditFilterValues, 'userId' | 'refused'>;

/** The request's query for `filters`: local days become the instants that bound them. */
function queryOf(filters: AuditFilterValues): AuditQuery {
  return {
    ...(filters.entity.trim() ? { entity: filters.entity.trim() } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.patientId ? { patientId: filters.patientId } : {}),
    ...(filters.userId ? { userId: filters.userId } : {}),
    ...(filters.fromDate ? { from: localDayBounds(filters.fromDate).from } : {}),
    ...(filters.toDate ? { to: localDayBounds(filters.toDate).to } : {}),
    ...(filters.refused ? { refused: 'true' as const } : {}),
  };
}

/**
 * The clinic's audit log for admins, naming users and patients, filtered by patient (found by name),
 * user, days, action, record type or refusals, a page (100) at a time; the filtered entries export
 * as CSV. Refused requests show why; reads by a calendar app show the feed.
 */
export function AuditLogView({
  userId,
  refused,
  onChange,
}: AuditLogFilters & { onChange: (filters: AuditLogFilters) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [local, setLocal] = useState<LocalFilters>({
    entity: '',
    action: null,
    patientId: null,
    fromDate: '',
    toDate: '',
  });
  const [offset, setOffset] = useState(0);
  const [entity] = useDebouncedValue(local.entity.trim(), 300);
  const filters: AuditFilterValues = { ...local, entity, userId, refused };
  const query = queryOf(filters);
  const key = JSON.stringify(query);
  // New filters start again at the newest entries.
  useEffect(() => setOffset(0), [key]);

  // The clinic's users for the user filter: the audit log is for admins, who may list them.
  const users = useLoad(
    async () =>
      new Map((await call(api.GET('/api/users', { params: { query: {} } }))).users.map((u) => [u.id, u.displayName])),
    [],
  );
  const state = useLoad(
    async () => call(api.GET('/api/audit', { params: { query: { ...query, limit: pageSize, offset } } })),
    [key, offset],
  );
  const exporting = useSubmit(() => downloadAuditCsv(query));
  const tooMany = isApiError(exporting.error) && exporting.error.problemFor('from') !== undefined;

  const change = (patch: Partial<AuditFilterValues>) => {
    const { userId: nextUser = userId, refused: nextRefused = refused, ...rest } = patch;
    setLocal((current) => ({ ...current, ...rest }));
    if (nextUser !== userId || nextRefused !== refused) onChange({ userId: nextUser, refused: nextRefused });
  };

  return (
    <>
      <Text size="sm" mb="md">
        {t('records.auditIntro')}
      </Text>
      <AuditFilters value={{ ...filters, entity: local.entity }} users={users.data} onChange={change} />
      <Group mb="md" gap="sm">
        <Button variant="light" onClick={() => void exporting.submit()} loading={exporting.pending}>
          {t('records.auditExport')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('records.auditExportHelp', { limit: format.number(exportLimit) })}
        </Text>
      </Group>
      {exporting.error !== null &&
        (tooMany ? (
          <ExportRefused text={t('records.auditExportTooMany', { limit: format.number(exportLimit) })} />
        ) : (
          <ErrorAlert error={exporting.error} />
        ))}
      <Loaded state={state}>
        {({ entries, names }) =>
          entries.length === 0 ? (
            <EmptyState text={t('empty.audit')} />
          ) : (
            <>
              <AuditTable entries={entries} names={names} users={users.data} />
              <Group mt="sm">
                <Button
                  variant="default"
                  disabled={offset === 0}
                  onClick={() => setOffset((o) => Math.max(0, o - pageSize))}
                >
                  {t('records.auditNewer')}
                </Button>
                <Button
                  variant="default"
                  disabled={entries.length < pageSize}
                  onClick={() => setOffset((o) => o + pageSize)}
                >
                  {t('records.auditOlder')}
                </Button>
              </Group>
            </>
          )
        }
      </Loaded>
    </>
  );
}

/** A refusal the page explains itself (in the reader's language), as an alert. */
function ExportRefused({ text }: { text: string }) {
  const { t } = useTranslation();
  return (
    <Text role="alert" c="red.9" fw={600} my="sm" data-testid="audit-export-refused">
      {t('errors.title')}: {text}
    </Text>
  );
}

function AuditTable({
  entries,
  names,
  users,
}: {
  entries: AuditEntry[];
  names: Names;
  users: ReadonlyMap<string, string> | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useCodeLabel();
  const userName = (id: string | null) => (id ? (names.users[id] ?? users?.get(id) ?? id) : '—');
  return (
    <DataTable
      minWidth={720}
      striped
      data-testid="audit-log"
      fz="sm"
      columns={[
        t('records.auditWhen'),
        t('records.auditWho'),
        t('records.auditAction'),
        t('records.auditEntity'),
        t('records.auditPatient'),
        t('records.auditRoute'),
      ]}
    >
      {entries.map((e) => (
        <Table.Tr key={e.id}>
          <Table.Td>{format.dateTime(e.at)}</Table.Td>
          <Table.Td>
            {userName(e.userId)}
            {e.role && (
              <Text span size="xs" c="dimmed">
                {' '}
                ({label('role', e.role)})
              </Text>
            )}
          </Table.Td>
          <Table.Td>
            {label('auditAction', e.action)}
            {e.reason && (
              <Text size="xs" c="red.9" fw={600}>
                {t('records.auditRefused', { reason: label('refusalReason', e.reason) })}
              </Text>
            )}
          </Table.Td>
          <Table.Td title={e.entityId ?? undefined}>
            {e.entity}
            {e.records.length > 1 && (
              <Text span size="xs" c="dimmed" title={e.records.map((r) => r.entityId ?? '—').join('\n')}>
                {' '}
                {t('records.auditRecords', { count: e.records.length })}
              </Text>
            )}
          </Table.Td>
          <Table.Td>
            <PatientNames records={e.records} names={names.patients} mergedFrom={e.mergedFrom ?? []} />
          </Table.Td>
          <Table.Td>
            <Text span size="xs" ff="monospace">
              {e.route ?? '—'}
            </Text>
            {(e.via || e.clientAddress) && (
              <Text size="xs" c="dimmed">
                {e.via?.startsWith('calendar_feed:') && t('records.auditViaFeed')}{' '}
                {e.clientAddress && t('records.auditFrom', { address: e.clientAddress })}
              </Text>
            )}
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

/**
 * The patients an entry names, by name (a patient no longer on record by a short id); several as a
 * count. A record since merged into the patient filtered for says so: the entry was written about it.
 */
function PatientNames({
  records,
  names,
  mergedFrom,
}: {
  records: readonly { patientId: string | null }[];
  names: Record<string, string>;
  mergedFrom: readonly string[];
}) {
  const { t } = useTranslation();
  const patients = [...new Set(records.flatMap((r) => (r.patientId ? [r.patientId] : [])))];
  const name = (id: string) =>
    (names[id] ?? t('records.auditUnknownPatient', { id: id.slice(0, 8) })) +
    (mergedFrom.includes(id) ? ` ${t('records.auditMergedRecord')}` : '');
  if (patients.length === 0) return <>—</>;
  if (patients.length === 1) return <>{name(patients[0] ?? '')}</>;
  return (
    <Text span size="sm" title={patients.map(name).join('\n')}>
      {t('records.auditPatients', { count: patients.length })}
    </Text>
  );
}
