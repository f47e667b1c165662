import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeniedUser } from '../api/api-types';
import { api, call } from '../api/client';
import { DataTable } from '../components/data-table';
import { Loaded } from '../components/loaded';
import { useLoad } from '../hooks/use-load';
import { useCodeLabel } from '../i18n/use-code-label';
import { useFormat } from '../i18n/use-format';

/**
 * Refused requests per user, latest first: how many, why, when last, and whether a burst of them
 * alerted the admins. A user's row opens their refused requests in the log.
 */
export function DeniedAttemptsView({ onShowUser }: { onShowUser: (userId: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useCodeLabel();
  const state = useLoad(async () => call(api.GET('/api/audit/denied', { params: { query: {} } })), []);

  return (
    <Loaded state={state}>
      {({ users, threshold, windowMinutes }) => (
        <>
          <Text size="sm" mb="md">
            {t('records.deniedIntro', { threshold, minutes: windowMinutes })}
          </Text>
          {users.length === 0 ? (
            <Text>{t('records.deniedNone')}</Text>
          ) : (
            <DataTable
              minWidth={720}
              striped
              data-testid="denied-attempts"
              fz="sm"
              columns={[
                t('records.auditWho'),
                t('records.deniedCount'),
                t('records.deniedWhy'),
                t('records.deniedLast'),
                t('records.deniedAlerted'),
              ]}
            >
              {users.map((u: DeniedUser) => (
                <Table.Tr key={u.userId}>
                  <Table.Td>
                    <Anchor component="button" type="button" size="sm" onClick={() => onShowUser(u.userId)}>
                      {u.displayName ?? u.userId}
                    </Anchor>
                    {u.role && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        ({label('role', u.role)})
                      </Text>
                    )}
                    {u.email && (
                      <Text size="xs" c="dimmed">
                        {u.email}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{u.count}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {u.reasons.map((r) => (
                        <Badge key={r.reason} size="sm" variant="light" color="red">
                          {label('refusalReason', r.reason)} × {r.count}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>{format.dateTime(u.lastAt)}</Table.Td>
                  <Table.Td>
                    {u.alertedAt ? (
                      <Badge color="orange">{format.dateTime(u.alertedAt)}</Badge>
                    ) : (
                      <Text span c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          )}
        </>
      )}
    </Loaded>
  );
}
