import { Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { EmptyState } from '../../components/empty-state';
import { Loaded } from '../../components/loaded';
import { PageTitle } from '../../components/page-title';
import { useLoad } from '../../hooks/use-load';
import { InvitationList } from './invitation-list';
import { InviteUserForm } from './invite-user-form';
import { UserTable } from './user-table';

type Shown = 'staff' | 'patients';

/** The admin's users page: invite someone, the invitations waiting, and everyone with access. */
export function UsersPage() {
  const { t } = useTranslation();
  const [shown, setShown] = useState<Shown>('staff');
  const state = useLoad(async () => {
    const [{ users }, { invitations }] = await Promise.all([
      call(api.GET('/api/users')),
      call(api.GET('/api/invitations')),
    ]);
    return { users, invitations };
  }, []);

  return (
    <>
      <PageTitle>{t('users.title')}</PageTitle>
      <Text size="sm" mb="md" maw={760}>
        {t('users.intro')}
      </Text>
      <Stack gap="md">
        <InviteUserForm onInvited={state.reload} />
        <Loaded state={state}>
          {({ users, invitations }) => {
            const listed = users.filter((u) => (shown === 'patients') === (u.role === 'patient'));
            return (
              <>
                <InvitationList invitations={invitations} onChange={state.reload} />
                <Paper withBorder p="md" component="section" aria-labelledby="users-heading">
                  <Group justify="space-between" mb="sm" wrap="wrap">
                    <Title order={2} size="h4" id="users-heading">
                      {t('users.usersHeading')}
                    </Title>
                    <SegmentedControl
                      size="xs"
                      value={shown}
                      onChange={(value) => setShown(value as Shown)}
                      data={[
                        { value: 'staff', label: t('users.staff') },
                        { value: 'patients', label: t('users.patientAccounts') },
                      ]}
                    />
                  </Group>
                  {listed.length === 0 ? (
                    <EmptyState
                      size="sm"
                      text={t('users.noPatientAccounts')}
                      action={{ to: '/patients', label: t('users.findPatient') }}
                    />
                  ) : (
                    <UserTable users={listed} onChange={state.reload} />
                  )}
                </Paper>
              </>
            );
          }}
        </Loaded>
      </Stack>
    </>
  );
}
