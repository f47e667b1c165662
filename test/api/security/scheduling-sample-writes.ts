import { weekdaysNineToFive } from '../../../src/test-support/scheduling-test-setup.js';
import { januaryMonday } from '../../../src/test-support/relative-dates.js';
import type { SampleWrite } from './sample-request.js';
import { hour, hoursAgo, expectStatus, type SampleRecords } from './sample-records.js';

/**
 * Sample writes of scheduling: opening hours, practitioners' hours, time off, course proposals, bookings,
 * rescheduling, cancelling, no-shows, recalls.
 */
export function schedulingSampleWrites({
  repos,
  fixture,
  adminClient,
  newPractitioner,
  plannedCourse,
  newCourse,
  newSession,
  future,
  newSchedulingPlace,
  bookedCourse,
}: SampleRecords): Record<string, SampleWrite> {
  return {
    'PUT /api/locations/:id/practitioners/:practitionerId/hours': {
      role: 'admin',
      stores: true,
      make: async () => ({
        url: `/api/locations/${fixture.location.id}/practitioners/${(await newPractitioner()).id}/hours`,
        payload: { weeklyHours: { 1: [{ start: '09:00', end: '13:00' }] } },
      }),
    },
    // On a location of its own: opening hours at the fixture's would turn other samples' bookings away.
    'PUT /api/locations/:id/opening-hours': {
      role: 'admin',
      stores: true,
      make: async () => ({
        url: `/api/locations/${(await newSchedulingPlace()).locationId}/opening-hours`,
        payload: { weeklyHours: { 1: [{ start: '08:00', end: '18:00' }], 6: [{ start: '09:00', end: '13:00' }] } },
      }),
    },
    'DELETE /api/locations/:id/practitioners/:practitionerId/hours': {
      role: 'admin',
      stores: true,
      make: async () => {
        const practitioner = await newPractitioner();
        await repos.availability.setPractitionerHours({
          practitionerId: practitioner.id,
          locationId: fixture.location.id,
          weeklyHours: weekdaysNineToFive,
        });
        return { url: `/api/locations/${fixture.location.id}/practitioners/${practitioner.id}/hours` };
      },
    },
    'POST /api/locations/:id/exceptions': {
      role: 'admin',
      stores: true,
      make: async () => ({
        url: `/api/locations/${fixture.location.id}/exceptions`,
        payload: {
          kind: 'days',
          from: januaryMonday(4, 50),
          to: januaryMonday(4, 51),
          practitionerId: (await newPractitioner()).id,
          reason: 'Conference',
        },
      }),
    },
    'DELETE /api/availability-exceptions/:id': {
      role: 'admin',
      stores: true,
      make: async () => {
        const exception = await repos.availability.addException({
          locationId: fixture.location.id,
          practitionerId: (await newPractitioner()).id,
          kind: 'days',
          from: januaryMonday(4, 80),
          to: januaryMonday(4, 80),
        });
        return { url: `/api/availability-exceptions/${exception.id}` };
      },
    },
    'POST /api/courses/:id/course-proposals': {
      role: 'reception',
      stores: false,
      make: async () => {
        const place = await newSchedulingPlace();
        return {
          url: `/api/courses/${(await newCourse()).id}/course-proposals`,
          payload: { locationId: place.locationId, earliestStart: januaryMonday(3) },
        };
      },
    },
    'POST /api/scheduling/course-proposals': {
      role: 'reception',
      stores: false,
      make: async () => {
        const place = await newSchedulingPlace();
        const { plan } = await plannedCourse();
        return {
          url: '/api/scheduling/course-proposals',
          payload: { locationId: place.locationId, earliestStart: januaryMonday(3), plan },
        };
      },
    },
    'POST /api/courses/:id/bookings': {
      role: 'reception',
      stores: true,
      make: async () => {
        const { course, place, sessions } = await bookedCourse();
        return { url: `/api/courses/${course.id}/bookings`, payload: { locationId: place.locationId, sessions } };
      },
    },
    'POST /api/sessions/:id/reschedule': {
      role: 'reception',
      stores: true,
      make: async () => {
        const { course, place, sessions } = await bookedCourse();
        const booked = await (
          await adminClient()
        ).inject({
          method: 'POST',
          url: `/api/courses/${course.id}/bookings`,
          payload: { locationId: place.locationId, sessions },
        });
        expectStatus(booked, 201, 'booking to reschedule');
        const first = (booked.json().sessions as { id: string; scheduledAt: string }[])[0];
        if (!first) throw new Error('the booking has no sessions');
        // An hour later on the same day: the place is this course's alone, so the slot is free.
        return {
          url: `/api/sessions/${first.id}/reschedule`,
          payload: { start: new Date(Date.parse(first.scheduledAt) + hour).toISOString() },
        };
      },
    },
    'POST /api/sessions/:id/cancel': {
      role: 'reception',
      stores: true,
      make: async () => ({
        url: `/api/sessions/${await newSession(future())}/cancel`,
        payload: { reason: 'The patient called to cancel' },
      }),
    },
    'POST /api/sessions/:id/no-show': {
      role: 'reception',
      stores: true,
      make: async () => ({
        url: `/api/sessions/${await newSession(hoursAgo(3))}/no-show`,
        payload: { reason: 'The patient did not come' },
      }),
    },
    'POST /api/courses/:id/maintenance-recall': {
      role: 'practitioner',
      stores: true,
      make: async () => {
        const course = await newCourse();
        const session = await repos.treatmentSessions.create({ courseId: course.id, scheduledAt: hoursAgo(24) });
        await repos.treatmentSessions.update(session.id, { status: 'done' });
        return { url: `/api/courses/${course.id}/maintenance-recall` };
      },
    },
  };
}
