import { Button, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../api/api-types';
import { api, call } from '../api/client';
import { Loaded } from '../components/loaded';
import { PageTitle } from '../components/page-title';
import { useLoad } from '../hooks/use-load';
import { useCodeLabel } from '../i18n/use-code-label';
import { useFormat } from '../i18n/use-format';

const pageSize = 100;
const actions = ['read', 'create', 'update', 'delete'] as const;
type Action = (typeof actions)[number];

/** The clinic's audit log for admins, filtered by record type, action or patient, a page (100) at a time. */
export function AuditPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useCodeLabel();
  const [entity, setEntity] = useState('');
  const [action, setAction] = useState<Action | null>(null);
  const [patientId, setPatientId] = useState('');
  const [offset, setOffset] = useState(0);
  const [filters] = useDebouncedValue({ entity: entity.trim(), patientId: patientId.trim(), action }, 300);
  // New filters start again at the newest entries.
  useEffect(() => setOffset(0), [filters.entity, filters.patientId, filters.action]);

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
            limit: pageSize,
            offset,
          },
        },
      }),
    );
    return entries;
  }, [filters.entity, filters.patientId, filters.action, offset]);

  return (
    <>
      <PageTitle>{t('records.auditTitle')}</PageTitle>
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
      </Group>
      <Loaded state={state}>
        {(entries: AuditEntry[]) =>
          entries.length === 0 ? (
            <Text>{t('records.auditNone')}</Text>
          ) : (
            <>
              <Table.ScrollContainer minWidth={720}>
                <Table striped data-testid="audit-log" fz="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('records.auditWhen')}</Table.Th>
                      <Table.Th>{t('records.auditWho')}</Table.Th>
                      <Table.Th>{t('records.auditAction')}</Table.Th>
                      <Table.Th>{t('records.auditEntity')}</Table.Th>
                      <Table.Th>{t('records.auditPatient')}</Table.Th>
                      <Table.Th>{t('records.auditRoute')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
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
                        <Table.Td>{label('auditAction', e.action)}</Table.Td>
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
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
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
