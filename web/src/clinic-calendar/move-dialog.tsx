import { Modal, NativeSelect, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalForm } from '../components/modal-form';
import { localDateOf } from '../dates/local-date';
import { patientName } from './calendar-events';
import type { CalendarData, CalendarSession, MoveRequest } from './calendar-types';

const pad = (n: number) => String(n).padStart(2, '0');

/** Moving a session without a mouse: a date, a time and a practitioner, then the re-flow preview. */
export function MoveDialog({
  session,
  practitioners,
  onClose,
  onPreview,
}: {
  session: CalendarSession;
  practitioners: CalendarData['practitioners'];
  onClose: () => void;
  onPreview: (request: MoveRequest) => void;
}) {
  const { t } = useTranslation();
  const current = new Date(session.scheduledAt);
  const [date, setDate] = useState(localDateOf(current));
  const [time, setTime] = useState(`${pad(current.getHours())}:${pad(current.getMinutes())}`);
  const [practitionerId, setPractitionerId] = useState(session.practitionerId ?? '');
  const options = practitioners.map((p) => ({ value: p.id, label: p.name }));
  if (session.practitionerId && !options.some((o) => o.value === session.practitionerId))
    options.push({ value: session.practitionerId, label: session.practitionerName ?? session.practitionerId });

  const start = () => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const [h, min] = time.split(':').map(Number) as [number, number];
    return new Date(y, m - 1, d, h, min);
  };
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date) && /^\d{2}:\d{2}$/.test(time);

  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      title={t('clinicCalendar.move.title', { patient: patientName(session) })}
    >
      <ModalForm
        done={null}
        onSubmit={() =>
          onPreview({
            session,
            start: start(),
            ...(practitionerId && practitionerId !== session.practitionerId ? { practitionerId } : {}),
          })
        }
        onClose={onClose}
        error={null}
        pending={false}
        submitLabel={t('clinicCalendar.move.preview')}
        submitDisabled={!valid}
      >
        <TextInput
          type="date"
          label={t('clinicCalendar.move.date')}
          required
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          data-autofocus
        />
        <TextInput
          type="time"
          label={t('clinicCalendar.move.time')}
          required
          step={300}
          value={time}
          onChange={(e) => setTime(e.currentTarget.value)}
        />
        {options.length > 0 && (
          <NativeSelect
            label={t('clinicCalendar.move.practitioner')}
            data={options}
            value={practitionerId}
            onChange={(e) => setPractitionerId(e.currentTarget.value)}
          />
        )}
        <Text size="sm" c="dimmed">
          {t('clinicCalendar.move.help')}
        </Text>
      </ModalForm>
    </Modal>
  );
}
