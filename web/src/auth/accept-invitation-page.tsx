import { Anchor, Button, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../api/api-error';
import { api, call } from '../api/client';
import { ErrorAlert } from '../components/error-alert';
import { Loaded } from '../components/loaded';
import { useLoad } from '../hooks/use-load';
import { useSubmit } from '../hooks/use-submit';
import { useCodeLabel } from '../i18n/use-code-label';
import { useFormat } from '../i18n/use-format';
import { useAuth } from './auth-context';
import { NewPasswordInput, RepeatPasswordInput } from './new-password-input';
import { homePath } from './roles';
import { SignedOutFrame } from './signed-out-frame';

/**
 * `/invite/<token>`: the page an invitation link opens. The invitee sees whom the link is for,
 * chooses a password (the server judges its strength) and is signed in. A link used, withdrawn or
 * expired says so, with the way to the sign-in page.
 */
export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useCodeLabel();
  const navigate = useNavigate();
  const { signedIn } = useAuth();
  const { token = '' } = useParams();
  const invitation = useLoad(
    async () => call(api.GET('/api/invite/{token}', { params: { path: { token } } })),
    [token],
  );
  const [password, setPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const { submit, pending, error } = useSubmit(async () =>
    call(api.POST('/api/invite/{token}/accept', { params: { path: { token } }, body: { password } })),
  );
  const mismatch = repeated !== '' && repeated !== password;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (mismatch) return;
    const accepted = await submit();
    if (!accepted) return;
    signedIn(accepted.user);
    navigate(homePath(accepted.user.role), { replace: true });
  };

  return (
    <SignedOutFrame title={t('users.acceptTitle')} maw={460}>
      <Loaded state={invitation}>
        {(invited) => (
          <form onSubmit={onSubmit}>
            <Stack gap="sm">
              <Text size="sm">
                {t('users.acceptIntro', {
                  name: invited.displayName,
                  clinic: invited.clinicName,
                  role: label('role', invited.role),
                })}
              </Text>
              <Text size="sm" c="dimmed">
                {t('users.acceptExpires', { date: format.dateTime(invited.expiresAt) })}
              </Text>
              {/* For password managers: the account the new password belongs to. */}
              <input type="email" name="email" autoComplete="username" value={invited.email} readOnly hidden />
              <NewPasswordInput
                label={t('users.password')}
                description={t('users.passwordHelp')}
                value={password}
                onChange={setPassword}
                error={isApiError(error) ? error.problemFor('password') : undefined}
              />
              <RepeatPasswordInput
                label={t('users.repeatPassword')}
                value={repeated}
                onChange={setRepeated}
                error={mismatch ? t('users.passwordsDiffer') : undefined}
              />
              {error !== null && <ErrorAlert error={error} />}
              <Button type="submit" loading={pending} disabled={mismatch}>
                {pending ? t('users.accepting') : t('users.accept')}
              </Button>
            </Stack>
          </form>
        )}
      </Loaded>
      {invitation.status === 'error' && (
        <Anchor component={Link} to="/sign-in" size="sm">
          {t('users.toSignIn')}
        </Anchor>
      )}
    </SignedOutFrame>
  );
}
