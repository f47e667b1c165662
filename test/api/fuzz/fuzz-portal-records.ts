import { healthyIntake } from '../../../src/test-support/intake-examples.js';
import { daysFromToday } from '../../../src/test-support/relative-dates.js';
import type { TestApp, TestClient } from '../../../src/test-support/test-app.js';
import { created, farDay } from './fuzz-record-helpers.js';

/**
 * The patient portal's records for the fuzzer, all the fixture patient's: a course booked online
 * (a session to move, one to cancel), a consultation request for the front desk to mark handled,
 * and bodies made when their route's turn comes, since each needs the patient's latest screening
 * (routes before it store newer intakes) or no request left open.
 */
export async function createFuzzPortalRecords(test: TestApp) {
  const { repos, fixture } = test;
  // Signed in afresh each time: routes fuzzed before (a password change, a sign-out) end older sessions.
  const patient = (): Promise<TestClient> => test.signIn('patient');
  const locationId = fixture.location.id;
  const intake = () => {
    const body = healthyIntake(fixture.patient.birthDate, daysFromToday(1));
    return { ...body, patient: { ...body.patient, pregnant: false, breastfeeding: false } };
  };
  /** A fresh bookable screening, and the first course offered from `earliestStart` on. */
  const offer = async (earliestStart: string) => {
    const client = await patient();
    const { assessmentId } = await created(client, 'POST', '/api/portal/intakes', intake());
    const offered = await created(client, 'POST', '/api/portal/course-proposals', {
      assessmentId,
      locationId,
      earliestStart,
    });
    const [first] = offered.courses as { sessions: { start: string; practitionerId: string; roomId: string }[] }[];
    if (!first) throw new Error('no portal offer for the fuzzer');
    const sessions = first.sessions.map(({ start, practitionerId, roomId }) => ({ start, practitionerId, roomId }));
    return { assessmentId: String(assessmentId), locationId, sessions };
  };

  const booked = await created(await patient(), 'POST', '/api/portal/bookings', await offer(farDay(80)));
  const [, toMove, , toCancel] = (booked.course as { sessions: { id: string }[] }).sessions;
  if (!toMove || !toCancel) throw new Error('the portal booking made fewer than four sessions');
  const request = await repos.portal.createConsultationRequest({
    clinicId: fixture.clinic.id,
    patientId: fixture.patient.id,
    assessmentId: null,
    reason: 'patient_choice',
    note: null,
    createdBy: null,
  });

  const bodies: Record<string, () => Promise<unknown>> = {
    'POST /api/portal/intakes': async () => intake(),
    'POST /api/portal/course-proposals': async () => {
      const { assessmentId } = await created(await patient(), 'POST', '/api/portal/intakes', intake());
      return { assessmentId, locationId, earliestStart: farDay(120) };
    },
    'POST /api/portal/bookings': () => offer(farDay(160)),
    'POST /api/portal/sessions/:id/reschedule': async () => {
      const options = await (
        await patient()
      ).inject({ method: 'GET', url: `/api/portal/sessions/${toMove.id}/move-options` });
      return { start: (options.json() as { options: { start: string }[] }).options[0]?.start };
    },
    'POST /api/portal/consultation-requests': async () => {
      for (const open of await repos.portal.listConsultationRequests(fixture.patient.id))
        if (open.status === 'open') await repos.portal.markConsultationHandled(open.id, fixture.users.reception.id);
      return { note: 'Please call after five.' };
    },
  };
  return {
    byRoute: {
      'GET /api/portal/sessions/:id/move-options': { id: toMove.id },
      'POST /api/portal/sessions/:id/reschedule': { id: toMove.id },
      'POST /api/portal/sessions/:id/cancel': { id: toCancel.id },
    } as Record<string, Record<string, string>>,
    byCollection: { 'consultation-requests': request.id } as Record<string, string>,
    /** Bodies made at their route's turn. */
    bodyFor: (key: string): Promise<unknown> | undefined => bodies[key]?.(),
  };
}
