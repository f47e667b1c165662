import { Badge, Button, Group, Modal, NativeSelect, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../api/api-types';
import { api, call } from '../../api/client';
import { useUser } from '../../auth/auth-context';
import { DataTable } from '../../components/data-table';
import { ErrorAlert } from '../../components/error-alert';
import { useSubmit } from '../../hooks/use-submit';
import { useCodeLabel } from '../../i18n/use-code-label';
import { useFormat } from '../../i18n/use-format';
import { ResetPasswordForm } from './reset-password-form';
import type { UserRow } from './user-row';

const staffRoles: Role[] = ['admin', 'practitioner', 'reception'];

/** The status column: deactivated, locked after failed sign-ins (until when), or active. */
function UserStatus({ user }: { user: UserRow }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!user.active)
    return (
      <Badge color="gray" variant="light">
        {t('users.inactive')}
      </Badge>
    );
  if (user.lockedUntil)
    return (
      <Badge color="orange" variant="light">
        {t('users.lockedUntil', { date: format.dateTime(user.lockedUntil) })}
      </Badge>
    );
  return (
    <Badge color="teal" variant="light">
      {t('users.active')}
    </Badge>
  );
}

/**
 * The clinic's users with role and status, and what an admin does to each: change a staff role,
 * deactivate or reactivate, set a new password, lift a sign-in lockout. Admins cannot deactivate or
 * demote themselves (the server refuses it too).
 */
export function UserTable({ users, onChange }: { users: UserRow[]; onChange: () => void }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const me = useUser();
  const [resetting, setResetting] = useState<UserRow | null>(null);
  const { submit, pending, error } = useSubmit(async (request: Promise<unknown>) => {
    await request;
    onChange();
  });
  const patch = (user: UserRow, body: { role?: Role; active?: boolean }) =>
    void submit(call(api.PATCH('/api/users/{id}', { params: { path: { id: user.id } }, body })));
  const unlock = (user: UserRow) =>
    void submit(call(api.DELETE('/api/users/{id}/lockout', { params: { path: { id: user.id } } })));

  return (
    <>
      {error !== null && <ErrorAlert error={error} />}
      <DataTable
        minWidth={720}
        data-testid="users"
        columns={[t('users.displayName'), t('users.email'), t('users.role'), t('users.status'), t('users.actions')]}
      >
        {users.map((user) => {
          const self = user.id === me.id;
          return (
            <Table.Tr key={user.id}>
              <Table.Td>
                {user.displayName}{' '}
                {self && (
                  <Text span size="sm" c="dimmed">
                    {t('users.you')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{user.email}</Table.Td>
              <Table.Td>
                {user.role === 'patient' || self ? (
                  label('role', user.role)
                ) : (
                  <NativeSelect
                    size="xs"
                    aria-label={t('users.roleOf', { name: user.displayName })}
                    data={staffRoles.map((r) => ({ value: r, label: label('role', r) }))}
                    value={user.role}
                    disabled={pending}
                    onChange={(e) => patch(user, { role: e.currentTarget.value as Role })}
                  />
                )}
              </Table.Td>
              <Table.Td>
                <UserStatus user={user} />
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  {!self && (
                    <Button
                      size="xs"
                      variant="default"
                      disabled={pending}
                      onClick={() => patch(user, { active: !user.active })}
                    >
                      {user.active ? t('users.deactivate') : t('users.reactivate')}
                    </Button>
                  )}
                  <Button size="xs" variant="default" disabled={pending} onClick={() => setResetting(user)}>
                    {t('users.resetPassword')}
                  </Button>
                  {user.lockedUntil && (
                    <Button size="xs" variant="default" disabled={pending} onClick={() => unlock(user)}>
                      {t('users.unlock')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </DataTable>
      <Modal
        opened={resetting !== null}
        onClose={() => setResetting(null)}
        title={resetting ? t('users.resetHeading', { name: resetting.displayName }) : ''}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {resetting && <ResetPasswordForm user={resetting} onClose={() => setResetting(null)} />}
      </Modal>
    </>
  );
}
