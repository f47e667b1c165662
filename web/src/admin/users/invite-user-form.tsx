import { Alert, Button, CopyButton, Group, Paper, Select, Stack, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error';
import type { Ok, Role } from '../../api/api-types';
import { api, call } from '../../api/client';
import { ErrorAlert } from '../../components/error-alert';
import { useSubmit } from '../../hooks/use-submit';
import { useCodeLabel } from '../../i18n/use-code-label';

type Invited = Ok<'/api/invitations', 'post'>;

/** Staff roles an admin invites here; patients get their account from their own page. */
const invitableRoles: Role[] = ['practitioner', 'reception', 'admin'];

/**
 * Invites someone by email. The answer's one-time link is shown once, with a copy button: the clinic
 * hands it over itself when it sends no email.
 */
export function InviteUserForm({ onInvited }: { onInvited: () => void }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('practitioner');
  const [invited, setInvited] = useState<Invited | null>(null);
  const { submit, pending, error } = useSubmit(async () =>
    call(api.POST('/api/invitations', { body: { email: email.trim(), displayName: displayName.trim(), role } })),
  );
  const problem = (field: string) => (isApiError(error) ? error.problemFor(field) : undefined);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await submit();
    if (!answer) return;
    setInvited(answer);
    setEmail('');
    setDisplayName('');
    onInvited();
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="invite-heading">
      <Title order={2} size="h4" id="invite-heading" mb="sm">
        {t('users.inviteHeading')}
      </Title>
      <form onSubmit={onSubmit}>
        <Group align="flex-start" wrap="wrap">
          <TextInput
            label={t('users.email')}
            type="email"
            required
            autoComplete="off"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={problem('email')}
          />
          <TextInput
            label={t('users.displayName')}
            required
            autoComplete="off"
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            error={problem('displayName')}
          />
          <Select
            label={t('users.role')}
            data={invitableRoles.map((r) => ({ value: r, label: label('role', r) }))}
            value={role}
            onChange={(value) => setRole((value as Role | null) ?? role)}
            allowDeselect={false}
            error={problem('role')}
          />
          <Button type="submit" loading={pending} mt={25}>
            {pending ? t('users.inviting') : t('users.invite')}
          </Button>
        </Group>
      </form>
      {error !== null && <ErrorAlert error={error} />}
      {invited && (
        <Alert color="teal" role="status" mt="md">
          <Stack gap="xs">
            {invited.emailed
              ? t('users.invitedEmailed', { email: invited.invitation.email })
              : t('users.invitedNotEmailed', { email: invited.invitation.email })}
            <Group align="flex-end" wrap="nowrap">
              <TextInput
                label={t('users.link')}
                value={invited.link}
                readOnly
                style={{ flex: 1 }}
                onFocus={(e) => e.currentTarget.select()}
                data-testid="invitation-link"
              />
              <CopyButton value={invited.link}>
                {({ copied, copy }) => (
                  <Button variant="default" onClick={copy}>
                    {copied ? t('users.copied') : t('users.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Stack>
        </Alert>
      )}
    </Paper>
  );
}
