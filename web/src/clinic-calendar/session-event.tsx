import type { EventProps } from 'react-big-calendar';
import { useTranslation } from 'react-i18next';
import { useCodeLabel } from '../i18n/use-code-label';
import type { CalendarEvent } from './calendar-types';

/**
 * A session's words inside its box: the patient, its place in the course, and its status and flag
 * in words too, so that nothing is told by colour alone (the box is the button screen readers hear).
 */
export function SessionEvent({ event }: EventProps<CalendarEvent>) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const { session } = event;
  return (
    <span className="cal-event-text">
      <strong>{event.title}</strong>
      {session.number !== null && (
        <span> · {t('clinicCalendar.sessionOf', { number: session.number, of: session.of })}</span>
      )}
      {session.status !== 'planned' && <span> · {label('sessionStatus', session.status)}</span>}
      {session.flagVerdict && <span className="cal-event-flag"> · {t('clinicCalendar.flagged')}</span>}
    </span>
  );
}
