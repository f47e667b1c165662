import { expect } from 'vitest';
import { inDays, mondayAfter, day, type FlowContext, type Step } from './audit-flow.js';

/** Documents and exports, closing the course, and a second course booked whole and moved. */
export function closingSteps({ t, ids, id, paula, location }: FlowContext): Step[] {
  return [
    // Documents and exports of the record.
    {
      route: 'GET /api/courses/:id/summary.pdf',
      as: 'patient',
      url: () => `/api/courses/${id('course')}/summary.pdf`,
      status: 200,
      expected: () => [{ action: 'read', entity: 'treatment_summary', entityId: id('course'), patientId: paula }],
    },
    {
      route: 'GET /api/patients/:id/fhir',
      as: 'practitioner',
      url: () => `/api/patients/${paula}/fhir`,
      status: 200,
      expected: () => [{ action: 'read', entity: 'fhir_export', entityId: paula, patientId: paula }],
    },
    {
      route: 'GET /api/fhir/export',
      as: 'admin',
      url: () => '/api/fhir/export',
      status: 200,
      expected: () => [{ action: 'read', entity: 'fhir_export', entityId: paula, patientId: paula }],
    },
    {
      route: 'GET /api/reports/:table.csv',
      as: 'admin',
      url: () => '/api/reports/sessions.csv',
      status: 200,
      expected: () => [{ action: 'read', entity: 'clinic_report', entityId: 'sessions', patientId: paula }],
    },

    // Closing the course: a missed session, cancellations, calendars, the maintenance recall.
    {
      route: 'POST /api/courses/:id/sessions',
      as: 'reception',
      url: () => `/api/courses/${id('course')}/sessions`,
      status: 201,
      payload: () => ({ scheduledAt: inDays(-1), locationId: location }),
      expected: (b) => [{ action: 'create', entity: 'treatment_session', entityId: b.id, patientId: paula }],
      keep: (b) => (ids.missed = b.id),
    },
    {
      route: 'POST /api/sessions/:id/no-show',
      as: 'reception',
      url: () => `/api/sessions/${id('missed')}/no-show`,
      status: 200,
      expected: () => [{ action: 'update', entity: 'treatment_session', entityId: id('missed'), patientId: paula }],
    },
    ...['session', 'unscreened'].map((name): Step => ({
      route: 'POST /api/sessions/:id/cancel',
      as: 'reception',
      url: () => `/api/sessions/${id(name)}/cancel`,
      status: 200,
      expected: () => [{ action: 'update', entity: 'treatment_session', entityId: id(name), patientId: paula }],
    })),
    {
      route: 'GET /api/courses/:id/calendar.ics',
      as: 'patient',
      url: () => `/api/courses/${id('course')}/calendar.ics`,
      status: 200,
      expected: () => [
        { action: 'read', entity: 'course', entityId: id('course'), patientId: paula },
        { action: 'read', entity: 'treatment_session', entityId: id('pastSession'), patientId: paula },
      ],
    },
    {
      // A subscription address for the next step: it opens the patient's sessions, so making it is audited.
      route: 'POST /api/calendar-feed',
      as: 'patient',
      url: () => '/api/calendar-feed',
      status: 201,
      expected: () => [{ action: 'create', entity: 'calendar_feed', patientId: paula }],
      keep: (b) => (ids.feed = b.url),
    },
    {
      // Fetched by a calendar app with no sign-in: the owner's records, read through the feed.
      route: 'GET /api/calendar-feeds/:token.ics',
      as: 'patient',
      url: () => id('feed'),
      status: 200,
      expected: () => [{ action: 'read', entity: 'treatment_session', entityId: id('pastSession'), patientId: paula }],
    },
    {
      route: 'GET /api/practitioners/:id/calendar.ics',
      as: 'reception',
      url: () => `/api/practitioners/${t.fixture.users.practitioner.id}/calendar.ics`,
      status: 200,
      expected: () => [{ action: 'read', entity: 'treatment_session', entityId: id('pastSession'), patientId: paula }],
    },
    {
      route: 'POST /api/courses/:id/maintenance-recall',
      as: 'practitioner',
      url: () => `/api/courses/${id('course')}/maintenance-recall`,
      status: 201,
      expected: (b) => [
        { action: 'create', entity: 'maintenance_recall', entityId: b.recall.id, patientId: paula },
        { action: 'update', entity: 'course', entityId: id('course'), patientId: paula },
      ],
      keep: (b) => (ids.recall = b.recall.id),
    },
    {
      route: 'GET /api/patients/:id/maintenance-recalls',
      as: 'patient',
      url: () => `/api/patients/${paula}/maintenance-recalls`,
      status: 200,
      expected: () => [{ action: 'read', entity: 'maintenance_recall', entityId: id('recall'), patientId: paula }],
    },
    {
      route: 'GET /api/maintenance-recalls',
      as: 'reception',
      url: () => '/api/maintenance-recalls',
      status: 200,
      expected: () => [{ action: 'read', entity: 'maintenance_recall', entityId: id('recall'), patientId: paula }],
    },
    {
      route: 'PATCH /api/courses/:id',
      as: 'practitioner',
      url: () => `/api/courses/${id('course')}`,
      status: 200,
      payload: () => ({ status: 'completed' }),
      expected: () => [{ action: 'update', entity: 'course', entityId: id('course'), patientId: paula }],
    },

    // A second course, found and booked whole by the course finder, then moved.
    {
      route: 'POST /api/patients/:id/courses',
      as: 'practitioner',
      url: () => `/api/patients/${paula}/courses`,
      status: 201,
      payload: () => ({ assessmentId: id('assessment') }),
      expected: (b) => [{ action: 'create', entity: 'course', entityId: b.id, patientId: paula }],
      keep: (b) => (ids.secondCourse = b.id),
    },
    {
      route: 'POST /api/courses/:id/course-proposals',
      as: 'reception',
      url: () => `/api/courses/${id('secondCourse')}/course-proposals`,
      status: 200,
      payload: () => ({ locationId: location, earliestStart: mondayAfter(60) }),
      expected: (b) => {
        expect(b.status).toBe('found');
        return [{ action: 'read', entity: 'course', entityId: id('secondCourse'), patientId: paula }];
      },
      keep: (b) =>
        (ids.proposal = JSON.stringify(
          b.course.sessions.map((x: { start: string; practitionerId: string; roomId: string }) => ({
            start: x.start,
            practitionerId: x.practitionerId,
            roomId: x.roomId,
          })),
        )),
    },
    {
      route: 'POST /api/courses/:id/bookings',
      as: 'reception',
      url: () => `/api/courses/${id('secondCourse')}/bookings`,
      status: 201,
      payload: () => ({ locationId: location, sessions: JSON.parse(id('proposal')) as unknown }),
      expected: (b) => [
        ...b.sessions.map((x: { id: string }) => ({
          action: 'create',
          entity: 'treatment_session',
          entityId: x.id,
          patientId: paula,
        })),
        { action: 'update', entity: 'course', entityId: id('secondCourse'), patientId: paula },
      ],
      keep: (b) => {
        ids.booked = b.sessions[0].id;
        ids.bookedStart = b.sessions[0].scheduledAt;
      },
    },
    // The calendar's week around the booked session, and what moving it would do.
    {
      route: 'GET /api/calendar',
      as: 'reception',
      url: () => {
        const at = Date.parse(id('bookedStart'));
        const window = { from: new Date(at - 3 * day).toISOString(), to: new Date(at + 4 * day).toISOString() };
        return `/api/calendar?${new URLSearchParams({ ...window, locationId: location })}`;
      },
      status: 200,
      expected: () => [{ action: 'read', entity: 'treatment_session', entityId: id('booked'), patientId: paula }],
    },
    {
      route: 'GET /api/sessions/:id/reschedule-preview',
      as: 'reception',
      url: () =>
        `/api/sessions/${id('booked')}/reschedule-preview?start=${encodeURIComponent(new Date(Date.parse(id('bookedStart')) + day).toISOString())}`,
      status: 200,
      expected: (b) =>
        b.sessions.map((x: { id: string }) => ({
          action: 'read',
          entity: 'treatment_session',
          entityId: x.id,
          patientId: paula,
        })),
    },
    {
      route: 'POST /api/sessions/:id/reschedule',
      as: 'reception',
      url: () => `/api/sessions/${id('booked')}/reschedule`,
      status: 200,
      payload: () => ({ start: new Date(Date.parse(id('bookedStart')) + day).toISOString() }),
      expected: (b) =>
        b.moved.map((sessionId: string) => ({
          action: 'update',
          entity: 'treatment_session',
          entityId: sessionId,
          patientId: paula,
        })),
    },
  ];
}
