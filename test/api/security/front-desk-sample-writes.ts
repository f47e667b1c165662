import { januaryMonday } from '../../../src/test-support/relative-dates.js';
import type { SampleWrite } from './sample-request.js';
import { expectStatus, type SampleRecords } from './sample-records.js';

/**
 * Sample writes of the front desk (as reception): checking a patient in for today's session and
 * undoing it, and the waiting list (adding, taking off, booking an offered course).
 */
export function frontDeskSampleWrites({
  repos,
  clinicId,
  adminClient,
  newPatient,
  newCourse,
  newSession,
  newSchedulingPlace,
}: SampleRecords): Record<string, SampleWrite> {
  const waiting = async (patientId: string, indication = 'hair_loss') =>
    repos.frontDesk.addToWaitingList({
      clinicId,
      patientId,
      indication,
      weekdays: [],
      timesOfDay: [],
      note: null,
      createdBy: null,
    });
  return {
    'POST /api/sessions/:id/check-in': {
      role: 'reception',
      stores: true,
      make: async () => ({ url: `/api/sessions/${await newSession(new Date().toISOString())}/check-in` }),
    },
    'DELETE /api/sessions/:id/check-in': {
      role: 'reception',
      stores: true,
      make: async () => {
        const session = await newSession(new Date().toISOString());
        expectStatus(
          await (await adminClient()).inject({ method: 'POST', url: `/api/sessions/${session}/check-in` }),
          201,
          'check-in',
        );
        return { url: `/api/sessions/${session}/check-in` };
      },
    },
    'POST /api/waiting-list': {
      role: 'reception',
      stores: true,
      make: async () => ({
        url: '/api/waiting-list',
        payload: {
          patientId: (await newPatient()).id,
          indication: 'hair_loss',
          weekdays: [1, 3],
          timesOfDay: [{ start: '09:00', end: '12:00' }],
          note: 'Mornings only; can come at short notice',
        },
      }),
    },
    'DELETE /api/waiting-list/:id': {
      role: 'reception',
      stores: true,
      make: async () => ({ url: `/api/waiting-list/${(await waiting((await newPatient()).id)).id}` }),
    },
    'POST /api/waiting-list/:id/booking': {
      role: 'reception',
      stores: true,
      make: async () => {
        const patient = await newPatient();
        const course = await newCourse(patient.id);
        const place = await newSchedulingPlace();
        const found = await (
          await adminClient()
        ).inject({
          method: 'POST',
          url: `/api/courses/${course.id}/course-proposals`,
          payload: { locationId: place.locationId, earliestStart: januaryMonday(3) },
        });
        expectStatus(found, 200, 'waiting-list proposal');
        const sessions = (
          found.json().course.sessions as { start: string; practitionerId: string; roomId: string }[]
        ).map(({ start, practitionerId, roomId }) => ({ start, practitionerId, roomId }));
        const entry = await waiting(patient.id, course.indication);
        return { url: `/api/waiting-list/${entry.id}/booking`, payload: { locationId: place.locationId, sessions } };
      },
    },
  };
}
