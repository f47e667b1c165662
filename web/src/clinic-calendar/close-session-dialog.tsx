import { Modal, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error';
import { ModalForm } from '../components/modal-form';
import { closeSession } from './calendar-api';
import { patientName } from './calendar-events';
import type { CalendarSession } from './calendar-types';

/** Cancelling a session or recording a no-show, with the reason, which is stored with it. */
export function CloseSessionDialog({
  session,
  how,
  onClose,
  onDone,
  onStale,
}: {
  session: CalendarSession;
  how: 'cancel' | 'no_show';
  onClose: () => void;
  onDone: (message: string) => void;
  /** Someone else changed the session meanwhile. */
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const patient = patientName(session);
  const cancel = how === 'cancel';

  const submit = async () => {
    setPending(true);
    setError(null);
    try {
      await closeSession(session, how, reason.trim());
      onDone(cancel ? t('clinicCalendar.cancelledDone', { patient }) : t('clinicCalendar.noShowDone', { patient }));
    } catch (failure) {
      if (isApiError(failure) && failure.code === 'session_changed') onStale();
      else setError(failure);
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      title={
        cancel ? t('clinicCalendar.close.cancelTitle', { patient }) : t('clinicCalendar.close.noShowTitle', { patient })
      }
    >
      <ModalForm
        done={null}
        onSubmit={() => void submit()}
        onClose={onClose}
        error={error}
        pending={pending}
        submitLabel={cancel ? t('clinicCalendar.close.submitCancel') : t('clinicCalendar.close.submitNoShow')}
        submitDisabled={reason.trim() === ''}
      >
        <Textarea
          label={t('clinicCalendar.close.reason')}
          description={t('clinicCalendar.close.reasonHelp')}
          required
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={isApiError(error) ? error.problemFor('reason') : undefined}
          data-autofocus
        />
      </ModalForm>
    </Modal>
  );
}
