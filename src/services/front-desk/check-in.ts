import { localDate } from '../../core/dates/local-date.js';
import type { CheckInRecord, TreatmentSessionRecord, UserRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { loadAccessibleSession, loadSessionForChange } from '../access/session-access.js';
import { clinicTimeZone } from '../documents/clinic-zone.js';
import { conflict, notFound } from '../domain-errors.js';

export interface CheckedIn {
  checkIn: CheckInRecord;
  session: TreatmentSessionRecord;
}

/**
 * Marks the patient arrived for a planned session of today (the clinic's day, where the session
 * takes place); call inside a transaction. The session is held while it is checked, so two desks
 * checking in at once give one check-in and one 409.
 */
export async function checkIn(
  tx: Repositories,
  input: { user: UserRecord; sessionId: string; now: string },
): Promise<CheckedIn> {
  const { user, now } = input;
  const session = await loadSessionForChange(tx, user, input.sessionId);
  if (session.status !== 'planned')
    throw conflict('session_closed', `the session is ${session.status}: only a planned session is checked in`);
  const timeZone = await clinicTimeZone(tx, user.clinicId, session.locationId);
  const day = localDate(session.scheduledAt, timeZone);
  if (day !== localDate(now, timeZone))
    throw conflict('not_today', `the session is on ${day}: patients are checked in on the day of their session`, {
      sessionDate: day,
    });
  const existing = await tx.frontDesk.findCheckIn(session.id);
  if (existing)
    throw conflict('already_checked_in', 'the patient is already checked in for this session', {
      checkedInAt: existing.checkedInAt,
    });
  return { checkIn: await tx.frontDesk.checkIn({ sessionId: session.id, by: user.id }), session };
}

/** Undoes a check-in made by mistake (a wrong patient, say); call inside a transaction. */
export async function undoCheckIn(
  tx: Repositories,
  input: { user: UserRecord; sessionId: string },
): Promise<TreatmentSessionRecord> {
  const session = await loadSessionForChange(tx, input.user, input.sessionId);
  if (!(await tx.frontDesk.undoCheckIn(session.id))) throw notFound('check-in');
  return session;
}

/** The session's check-in, if the user may see the session. */
export async function findCheckIn(
  repos: Repositories,
  input: { user: UserRecord; sessionId: string },
): Promise<CheckedIn | undefined> {
  const session = await loadAccessibleSession(repos, input.user, input.sessionId);
  const checkIn = await repos.frontDesk.findCheckIn(session.id);
  return checkIn && { checkIn, session };
}
