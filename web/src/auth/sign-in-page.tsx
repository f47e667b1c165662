import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../components/error-alert';
import { LoadingState } from '../components/loading-state';
import { useSubmit } from '../hooks/use-submit';
import { useAuth } from './auth-context';
import { homePath } from './roles';
import { SignedOutFrame } from './signed-out-frame';

/** Only paths of this app: an open redirect to another site would help phishing. */
function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

export function SignInPage() {
  const { t } = useTranslation();
  const { state, signIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { submit, pending, error } = useSubmit(signIn);

  if (state.status === 'checking') return <LoadingState label={t('auth.checking')} />;
  if (state.status === 'signed-in' && !pending)
    return <Navigate to={safeNext(params.get('next')) ?? homePath(state.user.role)} replace />;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const user = await submit(email.trim(), password);
    if (user) navigate(safeNext(params.get('next')) ?? homePath(user.role), { replace: true });
  };

  return (
    <SignedOutFrame title={t('auth.title')} maw={420}>
      <Text size="sm" mb="md">
        {t('auth.intro')}
      </Text>
      {state.status === 'signed-out' && state.expired && (
        <Alert color="yellow" mb="md" role="status">
          {t('errors.unauthenticated')}
        </Alert>
      )}
      <form onSubmit={onSubmit} noValidate={false}>
        <Stack gap="sm">
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <PasswordInput
            label={t('auth.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          {error !== null && <ErrorAlert error={error} />}
          <Button type="submit" loading={pending} fullWidth>
            {pending ? t('auth.signingIn') : t('auth.submit')}
          </Button>
        </Stack>
      </form>
    </SignedOutFrame>
  );
}
