import { Badge, Button, CloseButton, Group, Select, Switch, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../api/api-types';
import { api, call } from '../api/client';
import { DataTable } from '../components/data-table';
import { EmptyState } from '../components/empty-state';
import { Loaded } from '../components/loaded';
import { useLoad } from '../hooks/use-load';
import { useCodeLabel } from '../i18n/use-code-label';
import { useFormat } from '../i18n/use-format';

const pageSize = 100;
const actions = ['read', 'create', 'update', 'delete'] as const;
type Action = (typeof actions)[number];

/** Filters that live in the page's address, so that the denied-attempts view can link to a user's refusals. */
export interface AuditLogFilters {
  userId: string;
  refused: boolean;
}

/**
 * The clinic's audit log for admins, filtered by record type, action, patient, user or refusals, a
 * page (100) at a time. Refused requests show why; reads by a calendar app show the feed.
 */
export function AuditLogView({
  userId,
  refused,
  onChange,
}: AuditLogFilters & { onChange: (filters: AuditLogFilters) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useCodeLabel();
  const [entity, setEntity] = useState('');
  const [action, setAction] = useState<Action | null>(null);
  const [patientId, setPatientId] = useState('');
  const [offset, setOffset] = useState(0);
  const [filters] = useDebouncedValue({ entity: entity.trim(), patientId: patientId.trim(), action }, 300);
  // New filters start again at the newest entries.
  useEffect(() => setOffset(0), [filters.entity, filters.patientId, filters.action, userId, refused]);

  // Names for user ids: the audit log is for admins, who may list the clinic's users.
  const users = useLoad(
    async () =>
      new Map((await call(api.GET('/api/users', { params: { query: {} } }))).users.map((u) => [u.id, u.displayName])),
    [],
  );
  const state = useLoad(async () => {
    const { entries } = await call(
      api.GET('/api/audit', {
        params: {
          query: {
            ...(filters.entity ? { entity: filters.entity } : {}),
            ...(filters.patientId ? { patientId: filters.patientId } : {}),
            ...(filters.action ? { action: filters.action } : {}),
            ...(userId ? { userId } : {}),
            ...(refused ? { refused: 'true' as const } : {}),
            limit: pageSize,
            offset,
          },
        },
      }),
    );
    return entries;
  }, [filters.entity, filters.patientId, filters.action, userId, refused, offset]);

  return (
    <>
      <Text size="sm" mb="md">
        {t('records.auditIntro')}
      </Text>
      <Group mb="md" align="flex-end" wrap="wrap">
        <TextInput
          label={t('records.auditEntity')}
          placeholder="patient"
          value={entity}
          onChange={(e) => setEntity(e.currentTarget.value)}
        />
        <Select
          label={t('records.auditAction')}
          placeholder={t('records.auditAny')}
          data={actions.map((a) => ({ value: a, label: label('auditAction', a) }))}
          value={action}
          onChange={(v) => setAction(v as Action | null)}
          clearable
        />
        <TextInput
          label={t('records.auditPatient')}
          value={patientId}
          onChange={(e) => setPatientId(e.currentTarget.value)}
        />
        <Switch
          label={t('records.auditRefusedOnly')}
          checked={refused}
          onChange={(e) => onChange({ userId, refused: e.currentTarget.checked })}
          mb={8}
        />
        {userId && (
          <Badge
            size="lg"
            variant="light"
            mb={6}
            rightSection={
              <CloseButton
                size="xs"
                aria-label={t('records.auditAnyUser')}
                onClick={() => onChange({ userId: '', refused })}
              />
            }
          >
            {users.data?.get(userId) ?? userId}
          </Badge>
        )}
      </Group>
      <Loaded state={state}>
        {(entries: AuditEntry[]) =>
          entries.length === 0 ? (
            <EmptyState text={t('empty.audit')} />
          ) : (
            <>
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
                      {(e.userId && users.data?.get(e.userId)) ?? '—'}
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
                    <Table.Td>
                      {e.entity}
                      {e.entityId && (
                        <Text span size="xs" c="dimmed">
                          {' '}
                          {e.entityId}
                        </Text>
                      )}
                      {e.records.length > 1 && (
                        <Text span size="xs" c="dimmed" title={e.records.map((r) => r.entityId ?? '—').join('\n')}>
                          {' '}
                          {t('records.auditRecords', { count: e.records.length })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{e.patientId ?? <PatientCount records={e.records} />}</Table.Td>
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

/** An entry naming several patients (a page of results): how many, with their ids on hover. */
function PatientCount({ records }: { records: readonly { patientId: string | null }[] }) {
  const { t } = useTranslation();
  const patients = [...new Set(records.flatMap((r) => (r.patientId ? [r.patientId] : [])))];
  if (patients.length === 0) return <>—</>;
  return (
    <Text span size="sm" title={patients.join('\n')}>
      {t('records.auditPatients', { count: patients.length })}
    </Text>
  );
}
