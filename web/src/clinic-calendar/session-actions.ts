import type { TFunction } from 'i18next';
import type { Role } from '../api/api-types';
import { isClinical } from '../auth/roles';
import type { CalendarSession } from './calendar-types';

/** What an action may use: the session, who is signed in, the time, and the calendar's dialogs and navigation. */
export interface SessionActionContext {
  session: CalendarSession;
  role: Role;
  now: Date;
  navigate(to: string): void;
  /** Opens one of the calendar's own dialogs for the session. */
  openDialog(dialog: 'move' | 'cancel' | 'no_show'): void;
  /** Reloads the calendar (after an action changed something). */
  reload(): void;
}

/**
 * One entry of a session's menu. To offer another action on sessions (checking a patient in, say),
 * add an entry to `sessionActions`: the menu lists every entry whose `available` says yes, in order.
 */
export interface SessionAction {
  key: string;
  label(t: TFunction, session: CalendarSession): string;
  available(context: SessionActionContext): boolean;
  run(context: SessionActionContext): void | Promise<void>;
  /** A change that ends the session's plan (shown in red). */
  destructive?: boolean;
}

const planned = ({ session }: SessionActionContext) => session.status === 'planned';
const started = ({ session, now }: SessionActionContext) => Date.parse(session.scheduledAt) <= now.getTime();

export const sessionActions: SessionAction[] = [
  {
    key: 'open-patient',
    label: (t) => t('clinicCalendar.menu.openPatient'),
    available: () => true,
    run: ({ navigate, session }) => navigate(`/patients/${session.patient.id}`),
  },
  {
    key: 'chart',
    label: (t, session) =>
      session.status === 'done' ? t('clinicCalendar.menu.viewChart') : t('clinicCalendar.menu.chart'),
    available: ({ role, session }) => isClinical(role) && (session.status === 'planned' || session.status === 'done'),
    run: ({ navigate, session }) => navigate(`/sessions/${session.id}/chart`),
  },
  {
    key: 'move',
    label: (t) => t('clinicCalendar.menu.move'),
    available: (context) => planned(context) && !started(context),
    run: ({ openDialog }) => openDialog('move'),
  },
  {
    key: 'cancel',
    label: (t) => t('clinicCalendar.menu.cancel'),
    available: planned,
    run: ({ openDialog }) => openDialog('cancel'),
    destructive: true,
  },
  {
    key: 'no-show',
    label: (t) => t('clinicCalendar.menu.noShow'),
    available: (context) => planned(context) && started(context),
    run: ({ openDialog }) => openDialog('no_show'),
    destructive: true,
  },
];
