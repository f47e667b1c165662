import { Alert, Button, Group, Modal, NavLink, PasswordInput, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error';
import { api, call } from '../api/client';
import { ErrorAlert } from '../components/error-alert';
import { useSubmit } from '../hooks/use-submit';

function ChangePasswordForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [changed, setChanged] = useState(false);
  const { submit, pending, error } = useSubmit(async () => {
    await call(api.POST('/api/auth/password', { body: { currentPassword, newPassword } }));
    setChanged(true);
  });
  const mismatch = repeated !== '' && repeated !== newPassword;
  const problem = (field: string) => (isApiError(error) ? error.problemFor(field) : undefined);

  if (changed)
    return (
      <Stack gap="sm">
        <Alert color="green" role="status">
          {t('auth.passwordChanged')}
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('common.close')}</Button>
        </Group>
      </Stack>
    );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!mismatch) void submit();
  };
  return (
    <form onSubmit={onSubmit}>
      <Stack gap="sm">
        <PasswordInput
          label={t('auth.currentPassword')}
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(e) => setCurrentPassword(e.currentTarget.value)}
          error={problem('currentPassword')}
        />
        <PasswordInput
          label={t('auth.newPassword')}
          description={t('auth.newPasswordHelp')}
          autoComplete="new-password"
          required
          minLength={10}
          value={newPassword}
          onChange={(e) => setNewPassword(e.currentTarget.value)}
          error={problem('newPassword')}
        />
        <PasswordInput
          label={t('auth.repeatPassword')}
          autoComplete="new-password"
          required
          value={repeated}
          onChange={(e) => setRepeated(e.currentTarget.value)}
          error={mismatch ? t('auth.passwordsDiffer') : undefined}
        />
        {error !== null && <ErrorAlert error={error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending} disabled={mismatch}>
            {t('auth.changePassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * "Change password" in the menu, for staff and patients alike: asks for the current password and a
 * new one (the server checks its strength); the user's other sessions end, this one stays.
 */
export function ChangePassword() {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <NavLink component="button" type="button" label={t('auth.changePassword')} onClick={open} />
      <Modal
        opened={opened}
        onClose={close}
        title={t('auth.changePassword')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {opened && <ChangePasswordForm onClose={close} />}
      </Modal>
    </>
  );
}
