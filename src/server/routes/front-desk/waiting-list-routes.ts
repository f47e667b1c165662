import { z } from 'zod';
import type { App } from '../../app-types.js';
import { staff } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { idParams } from '../../validation/fields.js';
import { orPatientMerged, patientWriteConflict } from '../../validation/merged-patient-response.js';
import { readOf } from '../../../services/audit-reads.js';
import { bookFromWaitingList } from '../../../services/front-desk/book-from-waiting-list.js';
import { candidatesFor, listOpenSlots, loadOpenSlot } from '../../../services/front-desk/slot-openings.js';
import {
  addToWaitingList,
  listWaitingList,
  removeFromWaitingList,
  type WaitingLine,
} from '../../../services/front-desk/waiting-list.js';
import type { AuditEvent } from '../../../storage/repositories/audit-entries.js';
import { recordCourseBooked } from '../sessions/record-sessions-change.js';
import { sessionFor } from '../sessions/session-view.js';
import { bookingConflictView } from '../scheduling/scheduling-schemas.js';
import {
  candidateFor,
  candidateView,
  newWaitingListEntryBody,
  openingFor,
  openingView,
  waitingEntryFor,
  waitingEntryView,
  waitingListBookedView,
  waitingListBookingBody,
  waitingListQuery,
} from './front-desk-schemas.js';
import { answers, answersWith, routeSpec } from '../route-spec.js';

/** Openings shown: those of the coming days. */
const openingDays = 90;

const entryRead = (line: WaitingLine): AuditEvent => readOf('waiting_list_entry', line.entry, line.entry.patientId);

/**
 * The waiting list per indication, and the slots that opened when sessions were cancelled or moved:
 * for each, who on the list it suits and the course the course finder offers them. Booking from the
 * list books the offered course and closes the entry; nothing is booked by itself.
 */
export async function waitingListRoutes(app: App): Promise<void> {
  const spec = routeSpec(['front desk']);
  const now = () => app.now().toISOString();

  app.get(
    '/api/waiting-list',
    spec(
      staff,
      'Patients waiting for a course, longest waiting first, each with the course they would be booked into',
      { querystring: waitingListQuery, response: answers(z.object({ entries: z.array(waitingEntryView) }), 400) },
    ),
    async (request) => {
      const { user } = requireAuth(request);
      const lines = await listWaitingList(app.repos, {
        user,
        ...(request.query.indication ? { indication: request.query.indication } : {}),
      });
      await request.audit(lines.map(entryRead));
      return { entries: lines.map((line) => waitingEntryFor(line.entry, line)) };
    },
  );

  app.post(
    '/api/waiting-list',
    spec(staff, 'Put a patient on the waiting list for an indication, with the days and times they can come', {
      description: 'Once per patient and indication while they wait: a second answers 409 `already_waiting`.',
      body: newWaitingListEntryBody,
      response: { ...answersWith(201, waitingEntryView, 400, 404), 409: patientWriteConflict },
    }),
    async (request, reply) => {
      const { user } = requireAuth(request);
      const { patientId, indication, weekdays, timesOfDay, note } = request.body;
      const line = await app.repos.transaction(async (tx) => {
        const added = await addToWaitingList(tx, {
          user,
          entry: { patientId, indication, weekdays: weekdays ?? [], timesOfDay: timesOfDay ?? [], note: note ?? null },
          knowledgeBase: app.knowledgeBase,
        });
        await request.audit(
          {
            action: 'create',
            entity: 'waiting_list_entry',
            entityId: added.entry.id,
            patientId: added.entry.patientId,
          },
          tx,
        );
        return added;
      });
      return reply.code(201).send(waitingEntryFor(line.entry, line));
    },
  );

  app.delete(
    '/api/waiting-list/:id',
    spec(staff, 'Take a patient off the waiting list without booking; the entry is kept, closed as removed', {
      params: idParams,
      response: { ...answers(waitingEntryView, 404), 409: patientWriteConflict },
    }),
    async (request) => {
      const { user } = requireAuth(request);
      return app.repos.transaction(async (tx) => {
        const entry = await removeFromWaitingList(tx, { user, entryId: request.params.id });
        await request.audit(
          { action: 'update', entity: 'waiting_list_entry', entityId: entry.id, patientId: entry.patientId },
          tx,
        );
        const patient = await tx.patients.findById(entry.patientId);
        if (!patient) throw new Error('the entry names no patient');
        return waitingEntryFor(entry, { patient, createdByName: null, course: null });
      });
    },
  );

  app.get(
    '/api/waiting-list/openings',
    spec(
      staff,
      `Slots that opened when planned sessions were cancelled or moved, still free, soonest first (the next ${openingDays} days)`,
      { response: answers(z.object({ openings: z.array(openingView) })) },
    ),
    async (request) => {
      const { user } = requireAuth(request);
      const slots = await listOpenSlots(app.repos, { user, now: now(), days: openingDays });
      return { openings: slots.map(openingFor) };
    },
  );

  app.get(
    '/api/waiting-list/openings/:id/candidates',
    spec(
      staff,
      'Who on the waiting list an opened slot suits, with the whole course the course finder offers each from that day',
      {
        description:
          'Nothing is booked: book an offer with POST /api/waiting-list/{id}/booking. Those who fit come first, then by how long they waited.',
        params: idParams,
        response: answers(z.object({ opening: openingView, candidates: z.array(candidateView) }), 404),
      },
    ),
    async (request) => {
      const { user } = requireAuth(request);
      const slot = await loadOpenSlot(app.repos, user, request.params.id);
      const candidates = await candidatesFor(app.repos, { user, slot, now: now() });
      await request.audit([
        ...candidates.map((c) => entryRead(c.line)),
        ...candidates.flatMap((c) => (c.line.course && c.course ? [readOf('course', c.line.course)] : [])),
      ]);
      return { opening: openingFor(slot), candidates: candidates.map(candidateFor) };
    },
  );

  app.post(
    '/api/waiting-list/:id/booking',
    spec(staff, "Book a waiting patient's course as offered (all sessions or none) and close their entry as booked", {
      description:
        "Send the offered course's sessions back. Booked like any course: a slot taken meanwhile, or a second desk booking " +
        'the same entry, answers 409 and books nothing.',
      params: idParams,
      body: waitingListBookingBody,
      response: { ...answersWith(201, waitingListBookedView, 400, 404), 409: orPatientMerged(bookingConflictView) },
    }),
    async (request, reply) => {
      const { user } = requireAuth(request);
      const followUp = { messaging: app.appConfig.messaging, knowledge: app.knowledgeLibrary };
      const result = await app.repos.transaction(async (tx) => {
        const done = await bookFromWaitingList(tx, {
          user,
          entryId: request.params.id,
          booking: request.body,
          now: now(),
        });
        const { course, patient } = done.booked;
        await recordCourseBooked(request, tx, followUp, done.booked, (created) => [
          ...created,
          { action: 'update', entity: 'course', entityId: course.id, patientId: course.patientId },
          { action: 'update', entity: 'waiting_list_entry', entityId: done.entry.id, patientId: course.patientId },
        ]);
        return { ...done, patient };
      });
      return reply.code(201).send({
        sessions: result.booked.sessions.map((s) => sessionFor(user.role, s)),
        entry: waitingEntryFor(result.entry, { patient: result.patient, createdByName: null, course: null }),
      });
    },
  );
}
