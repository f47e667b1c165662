import { Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error';
import { api, call } from '../../api/client';
import { NewPasswordInput } from '../../auth/new-password-input';
import { ModalForm } from '../../components/modal-form';
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

  return (
    <ModalForm
      done={done ? t('users.passwordSet', { name: user.displayName }) : null}
      onSubmit={() => void submit()}
      onClose={onClose}
      error={error}
      pending={pending}
      submitLabel={t('users.setPassword')}
    >
      <Text size="sm">{t('users.resetHelp')}</Text>
      <NewPasswordInput
        label={t('users.newPassword')}
        description={t('users.passwordHelp')}
        value={password}
        onChange={setPassword}
        error={isApiError(error) ? error.problemFor('password') : undefined}
      />
    </ModalForm>
  );
}
