import { Badge, Button, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Ok } from '../../api/api-types';
import { api, call } from '../../api/client';
import { DataTable } from '../../components/data-table';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { useSubmit } from '../../hooks/use-submit';
import { useCodeLabel } from '../../i18n/use-code-label';
import { useFormat } from '../../i18n/use-format';

export type Invitation = Ok<'/api/invitations', 'get'>['invitations'][number];

/** Invitations not yet accepted: whom, as what, until when; each may be withdrawn (its link then stops working). */
export function InvitationList({ invitations, onChange }: { invitations: Invitation[]; onChange: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useCodeLabel();
  const { submit, pending, error } = useSubmit(async (id: string) => {
    await call(api.DELETE('/api/invitations/{id}', { params: { path: { id } } }));
    onChange();
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="invitations-heading">
      <Title order={2} size="h4" id="invitations-heading" mb="sm">
        {t('users.invitationsHeading')}
      </Title>
      {error !== null && <ErrorAlert error={error} />}
      {invitations.length === 0 ? (
        <EmptyState size="sm" text={t('users.noInvitations')} />
      ) : (
        <DataTable
          minWidth={560}
          data-testid="invitations"
          columns={[t('users.displayName'), t('users.email'), t('users.role'), t('users.status'), t('users.actions')]}
        >
          {invitations.map((invitation) => (
            <Table.Tr key={invitation.id}>
              <Table.Td>{invitation.displayName}</Table.Td>
              <Table.Td>{invitation.email}</Table.Td>
              <Table.Td>{label('role', invitation.role)}</Table.Td>
              <Table.Td>
                {invitation.status === 'expired' ? (
                  <Badge color="gray" variant="light">
                    {t('users.expired')}
                  </Badge>
                ) : (
                  <Text size="sm">{t('users.pendingUntil', { date: format.dateTime(invitation.expiresAt) })}</Text>
                )}
              </Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="default"
                  loading={pending}
                  aria-label={t('users.withdrawLabel', { name: invitation.displayName })}
                  onClick={() => void submit(invitation.id)}
                >
                  {t('users.withdraw')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </Paper>
  );
}
