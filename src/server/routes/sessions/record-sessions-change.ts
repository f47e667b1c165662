import type { FastifyRequest } from 'fastify';
import type { CourseRecord, TreatmentSessionRecord } from '../../../core/records/index.js';
import type { KnownRecords } from '../../../services/messaging/message-sources.js';
import type { AuditEvent } from '../../../storage/repositories/audit-entries.js';
import type { Repositories } from '../../../storage/repositories/repositories.js';
import {
  afterSessionsChanged,
  type SessionFollowUp,
  type SessionsChange,
} from '../../../services/scheduling/after-sessions-changed.js';

/**
 * Every handler that books, moves or closes sessions ends the same way, in its transaction: audit
 * what it wrote, then bring the sessions' messages in line (and re-screen) and audit that too.
 */
export async function recordSessionsChange(
  request: FastifyRequest,
  tx: Repositories,
  followUp: SessionFollowUp,
  written: AuditEvent | readonly AuditEvent[],
  change: SessionsChange,
): Promise<void> {
  await request.audit(written, tx);
  await request.audit(await afterSessionsChanged(tx, followUp, change), tx);
}

const sessionEvent = (action: 'create' | 'update', session: { id: string; patientId: string }): AuditEvent => ({
  action,
  entity: 'treatment_session',
  entityId: session.id,
  patientId: session.patientId,
});

/**
 * A whole course booked in one go (by staff, from the waiting list, in the portal): each session
 * created, the course's own events around them as `events` places them, the patient re-screened, and
 * one confirmation for the course.
 */
export async function recordCourseBooked(
  request: FastifyRequest,
  tx: Repositories,
  followUp: SessionFollowUp,
  booked: Pick<Required<KnownRecords>, 'course' | 'patient' | 'location'> & {
    sessions: readonly TreatmentSessionRecord[];
  },
  events: (sessionsCreated: AuditEvent[]) => AuditEvent[],
): Promise<void> {
  const { course, patient, location, sessions } = booked;
  await recordSessionsChange(request, tx, followUp, events(sessions.map((s) => sessionEvent('create', s))), {
    patientId: course.patientId,
    sessions,
    known: { course, patient, location },
    rescreen: true,
    confirmation: 'course',
  });
}

/**
 * Sessions closed (cancelled or a no-show; by staff, in the portal, or with their course): each one
 * updated. Closing brings no session into a waiting period, so nobody is re-screened.
 */
export async function recordSessionsClosed(
  request: FastifyRequest,
  tx: Repositories,
  followUp: SessionFollowUp,
  patientId: string,
  closed: readonly TreatmentSessionRecord[],
): Promise<void> {
  const events = closed.map((s) => sessionEvent('update', s));
  await recordSessionsChange(request, tx, followUp, events, { patientId, sessions: closed, rescreen: false });
}

/**
 * A move (by staff or in the portal) in one transaction with what it re-flowed: each session moved
 * updated, the patient re-screened.
 */
export function moveRecorded<
  D extends { course: CourseRecord; moved: readonly string[]; sessions: readonly TreatmentSessionRecord[] },
>(request: FastifyRequest, repos: Repositories, followUp: SessionFollowUp, move: (tx: Repositories) => Promise<D>) {
  return repos.transaction(async (tx) => {
    const done = await move(tx);
    const { patientId } = done.course;
    const sessions = done.sessions.filter((s) => done.moved.includes(s.id));
    await recordSessionsChange(
      request,
      tx,
      followUp,
      done.moved.map((id) => sessionEvent('update', { id, patientId })),
      { patientId, sessions, known: { course: done.course }, rescreen: true },
    );
    return done;
  });
}
