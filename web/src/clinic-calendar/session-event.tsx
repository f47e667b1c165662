import { createContext, memo, useContext, useMemo } from 'react';
import type { EventProps } from 'react-big-calendar';
import { useTranslation } from 'react-i18next';
import { useCodeLabel } from '../i18n/use-code-label';
import type { CalendarEvent, CalendarSession } from './calendar-types';

/** The words a session's box uses, translated once for the grid rather than in each of its boxes. */
export interface SessionWords {
  sessionOf: (number: number, of: number) => string;
  status: (status: CalendarSession['status']) => string;
  flagged: string;
}

const SessionWordsContext = createContext<SessionWords | null>(null);
export const SessionWordsProvider = SessionWordsContext.Provider;

/** The grid's session words in the page language; "Session n of m" kept per pair, as few pairs recur. */
export function useSessionWords(): SessionWords {
  const { t } = useTranslation();
  const label = useCodeLabel();
  return useMemo(() => {
    const places = new Map<string, string>();
    return {
      sessionOf: (number, of) => {
        const key = `${number}/${of}`;
        let text = places.get(key);
        if (text === undefined) places.set(key, (text = t('clinicCalendar.sessionOf', { number, of })));
        return text;
      },
      status: (status) => label('sessionStatus', status),
      flagged: t('clinicCalendar.flagged'),
    };
  }, [t, label]);
}

/**
 * A session's words inside its box: the patient, its place in the course, and its status and flag
 * in words too, so that nothing is told by colour alone (the box is the button screen readers hear).
 * Drawn again only when its session changes: the calendar draws every box of the week again
 * whenever anything of it changes.
 */
export const SessionEvent = memo(
  function SessionEvent({ event }: EventProps<CalendarEvent>) {
    const words = useContext(SessionWordsContext);
    const { session } = event;
    const place = session.number !== null && words ? ` · ${words.sessionOf(session.number, session.of)}` : '';
    const status = session.status !== 'planned' && words ? ` · ${words.status(session.status)}` : '';
    return (
      <span className="cal-event-text">
        <strong>{event.title}</strong>
        {place}
        {status}
        {session.flagVerdict && words && <span className="cal-event-flag"> · {words.flagged}</span>}
      </span>
    );
  },
  (before, after) => before.event === after.event && before.title === after.title,
);
