import { Alert, Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error';
import { api, call } from '../../api/client';
import { ErrorAlert } from '../../components/error-alert';
import { useSubmit } from '../../hooks/use-submit';
import type { UserRow } from './user-row';

/** An admin sets a new password for a user (checked for strength by the server); the user's sessions end. */
export function ResetPasswordForm({ user, onClose }: { user: UserRow; onClose: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const { submit, pending, error } = useSubmit(async () => {
    await call(api.PATCH('/api/users/{id}', { params: { path: { id: user.id } }, body: { password } }));
    setDone(true);
  });

  if (done)
    return (
      <Stack gap="sm">
        <Alert color="green" role="status">
          {t('users.passwordSet', { name: user.displayName })}
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('common.close')}</Button>
        </Group>
      </Stack>
    );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit();
  };
  return (
    <form onSubmit={onSubmit}>
      <Stack gap="sm">
        <Text size="sm">{t('users.resetHelp')}</Text>
        <PasswordInput
          label={t('users.newPassword')}
          description={t('users.passwordHelp')}
          autoComplete="new-password"
          required
          minLength={10}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={isApiError(error) ? error.problemFor('password') : undefined}
        />
        {error !== null && <ErrorAlert error={error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {t('users.setPassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
