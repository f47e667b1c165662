import type { TestApp } from '../../../src/test-support/test-app.js';
import { createSampleCourse } from '../../../src/test-support/stored-records.js';
import { farDay } from './fuzz-record-helpers.js';

/**
 * The front desk's records for the fuzzer: a session of today to check in (and undo), waiting-list
 * entries (one to book from, one to take off the list), and a slot a cancelled session opened.
 */
export async function createFuzzFrontDeskRecords({ repos, fixture }: TestApp, { roomId }: { roomId: string }) {
  const practitionerId = fixture.users.practitioner.id;
  const course = await createSampleCourse(repos, fixture.otherPatient.id);
  const arriving = await repos.treatmentSessions.create({ courseId: course.id, scheduledAt: new Date().toISOString() });
  const cancelled = await repos.treatmentSessions.create({
    courseId: course.id,
    scheduledAt: `${farDay(84)}T09:00:00Z`,
    durationMinutes: 30,
    practitionerId,
    locationId: fixture.location.id,
  });
  await repos.treatmentSessions.update(cancelled.id, { status: 'cancelled' });
  const [opening] = await repos.frontDesk.listSlotOpenings({ clinicId: fixture.clinic.id, from: farDay(83), limit: 1 });
  if (!opening) throw new Error('the cancelled session opened no slot');
  const entry = (indication: string) =>
    repos.frontDesk.addToWaitingList({
      clinicId: fixture.clinic.id,
      patientId: fixture.otherPatient.id,
      indication,
      weekdays: [],
      timesOfDay: [],
      note: null,
      createdBy: null,
    });
  const [waiting, leaving] = [await entry('hair_loss'), await entry('cellulite')];
  return {
    byCollection: { 'waiting-list': waiting.id, openings: opening.id } as Record<string, string>,
    byRoute: {
      'POST /api/sessions/:id/check-in': { id: arriving.id },
      'DELETE /api/sessions/:id/check-in': { id: arriving.id },
      'DELETE /api/waiting-list/:id': { id: leaving.id },
    } as Record<string, Record<string, string>>,
    // Staff say how a report came in; a patient's comes through the portal and says nothing.
    hintsByRoute: { 'POST /api/sessions/:id/side-effects': { reportedVia: 'phone' } } as Record<
      string,
      Record<string, unknown>
    >,
    patientBodies: {
      'POST /api/sessions/:id/side-effects': { symptoms: ['redness'], onsetDays: 0, severity: 'mild', ongoing: true },
    } as Record<string, unknown>,
    bodies: {
      // A well-formed offer; whether it can still be booked when the route's turn comes does not matter here.
      'POST /api/waiting-list/:id/booking': {
        locationId: fixture.location.id,
        sessions: [91, 98, 105, 112].map((day) => ({ start: `${farDay(day)}T09:00:00Z`, practitionerId, roomId })),
      },
      'POST /api/waiting-list': {
        patientId: fixture.patient.id,
        indication: 'skin_rejuvenation',
        weekdays: [1, 2],
        timesOfDay: [{ start: '09:00', end: '12:00' }],
        note: 'Can come at short notice',
      },
    } as Record<string, unknown>,
  };
}
