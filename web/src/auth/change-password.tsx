import { Modal, NavLink, PasswordInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error';
import { api, call } from '../api/client';
import { ModalForm } from '../components/modal-form';
import { useOpenedOnce } from '../hooks/use-opened-once';
import { useSubmit } from '../hooks/use-submit';
import { NewPasswordInput, RepeatPasswordInput } from './new-password-input';

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

  return (
    <ModalForm
      done={changed ? t('auth.passwordChanged') : null}
      onSubmit={() => {
        if (!mismatch) void submit();
      }}
      onClose={onClose}
      error={error}
      pending={pending}
      submitLabel={t('auth.changePassword')}
      submitDisabled={mismatch}
    >
      <PasswordInput
        label={t('auth.currentPassword')}
        autoComplete="current-password"
        required
        value={currentPassword}
        onChange={(e) => setCurrentPassword(e.currentTarget.value)}
        error={problem('currentPassword')}
      />
      <NewPasswordInput
        label={t('auth.newPassword')}
        description={t('auth.newPasswordHelp')}
        value={newPassword}
        onChange={setNewPassword}
        error={problem('newPassword')}
      />
      <RepeatPasswordInput
        label={t('auth.repeatPassword')}
        value={repeated}
        onChange={setRepeated}
        error={mismatch ? t('auth.passwordsDiffer') : undefined}
      />
    </ModalForm>
  );
}

/**
 * "Change password" in the menu, for staff and patients alike: asks for the current password and a
 * new one (the server checks its strength); the user's other sessions end, this one stays.
 */
export function ChangePassword() {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const drawn = useOpenedOnce(opened);
  return (
    <>
      <NavLink component="button" type="button" label={t('auth.changePassword')} onClick={open} />
      {drawn && (
        <Modal
          opened={opened}
          onClose={close}
          title={t('auth.changePassword')}
          closeButtonProps={{ 'aria-label': t('common.close') }}
        >
          {opened && <ChangePasswordForm onClose={close} />}
        </Modal>
      )}
    </>
  );
}
