import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { useOpenedOnce } from '../../hooks/use-opened-once';
import { useSubmit } from '../../hooks/use-submit';
import type { PortalSession } from '../portal-api';
import { PortalRefusal } from '../portal-refusal';
import { shortDate, useFormattingLocale } from '../session-words';

/** Cancel a session from the plan, after saying which one; the server checks the notice period again. */
export function CancelSessionButton({
  session,
  noticeHours,
  onCancelled,
}: {
  session: PortalSession;
  noticeHours: number;
  onCancelled: () => void;
}) {
  const { t } = useTranslation();
  const locale = useFormattingLocale();
  const [open, setOpen] = useState(false);
  const drawn = useOpenedOnce(open);
  const { submit, pending, error, clearError } = useSubmit(() =>
    call(api.POST('/api/portal/sessions/{id}/cancel', { params: { path: { id: session.id } } })),
  );
  const close = () => {
    clearError();
    setOpen(false);
  };
  return (
    <>
      <Button
        size="compact-sm"
        variant="subtle"
        color="red"
        onClick={() => setOpen(true)}
        aria-label={t('selfService.cancelSession', { number: session.number })}
      >
        {t('selfService.cancel')}
      </Button>
      {drawn && (
        <Modal opened={open} onClose={close} title={t('selfService.cancelConfirmTitle')}>
          <Stack gap="sm">
            <Text size="sm">
              {t('selfService.cancelConfirm', {
                number: session.number,
                date: shortDate(locale, session.localDate),
                time: session.localTime,
              })}
            </Text>
            {error !== null && <PortalRefusal error={error} noticeHours={noticeHours} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('selfService.cancelKeep')}
              </Button>
              <Button
                color="red"
                loading={pending}
                onClick={async () => {
                  if (await submit()) {
                    setOpen(false);
                    onCancelled();
                  }
                }}
              >
                {t('selfService.cancelDo')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </>
  );
}
