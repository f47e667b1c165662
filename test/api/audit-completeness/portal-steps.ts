import { expect } from 'vitest';
import { healthyIntake } from '../../../src/test-support/intake-examples.js';
import { mondayAfter, inDays, type Body, type FlowContext, type Step } from './audit-flow.js';

/**
 * The patient's portal, last in the flow (its intake is the patient's newest): screened, offered and
 * booking a course, the whole plan, moving and cancelling a session, and a consultation request the
 * front desk handles.
 */
export function portalSteps({ ids, id, paula, location }: FlowContext): Step[] {
  const sessionIds = (b: Body) => (b.course.sessions as { id: string }[]).map((s) => s.id);
  return [
    {
      route: 'POST /api/portal/intakes',
      as: 'patient',
      url: () => '/api/portal/intakes',
      payload: () => healthyIntake('1990-04-12', inDays(2).slice(0, 10)),
      status: 201,
      expected: (b) => {
        expect(b.outcome).toBe('bookable');
        return [
          { action: 'create', entity: 'intake', entityId: b.intakeId, patientId: paula },
          { action: 'create', entity: 'assessment', entityId: b.assessmentId, patientId: paula },
        ];
      },
      keep: (b) => (ids.portalAssessment = b.assessmentId),
    },
    {
      route: 'POST /api/portal/course-proposals',
      as: 'patient',
      url: () => '/api/portal/course-proposals',
      payload: () => ({ assessmentId: id('portalAssessment'), locationId: location, earliestStart: mondayAfter(200) }),
      status: 200,
      expected: () => [{ action: 'read', entity: 'assessment', entityId: id('portalAssessment'), patientId: paula }],
      keep: (b) =>
        (ids.portalOffer = JSON.stringify(
          b.courses[0].sessions.map((x: { start: string; practitionerId: string; roomId: string }) => ({
            start: x.start,
            practitionerId: x.practitionerId,
            roomId: x.roomId,
          })),
        )),
    },
    {
      route: 'POST /api/portal/bookings',
      as: 'patient',
      url: () => '/api/portal/bookings',
      payload: () => ({
        assessmentId: id('portalAssessment'),
        locationId: location,
        sessions: JSON.parse(id('portalOffer')) as unknown,
      }),
      status: 201,
      expected: (b) => [
        { action: 'create', entity: 'course', entityId: b.course.id, patientId: paula },
        ...sessionIds(b).map((entityId) => ({
          action: 'create' as const,
          entity: 'treatment_session',
          entityId,
          patientId: paula,
        })),
      ],
      keep: (b) => {
        [ids.portalFirst, ids.portalSecond] = sessionIds(b) as [string, string];
        ids.portalCourse = b.course.id;
      },
    },
    {
      route: 'GET /api/portal/plan',
      as: 'patient',
      url: () => '/api/portal/plan',
      status: 200,
      expected: () => [
        { action: 'read', entity: 'course', entityId: id('portalCourse'), patientId: paula },
        { action: 'read', entity: 'treatment_session', entityId: id('portalSecond'), patientId: paula },
      ],
    },
    {
      route: 'GET /api/portal/sessions/:id/move-options',
      as: 'patient',
      url: () => `/api/portal/sessions/${id('portalSecond')}/move-options`,
      status: 200,
      expected: () => [{ action: 'read', entity: 'treatment_session', entityId: id('portalSecond'), patientId: paula }],
      keep: (b) => (ids.portalMoveTo = b.options[0].start),
    },
    {
      route: 'POST /api/portal/sessions/:id/reschedule',
      as: 'patient',
      url: () => `/api/portal/sessions/${id('portalSecond')}/reschedule`,
      payload: () => ({ start: id('portalMoveTo') }),
      status: 200,
      expected: () => [
        { action: 'update', entity: 'treatment_session', entityId: id('portalSecond'), patientId: paula },
      ],
    },
    {
      route: 'POST /api/portal/sessions/:id/cancel',
      as: 'patient',
      url: () => `/api/portal/sessions/${id('portalFirst')}/cancel`,
      status: 200,
      expected: () => [
        { action: 'update', entity: 'treatment_session', entityId: id('portalFirst'), patientId: paula },
      ],
    },
    {
      route: 'POST /api/portal/consultation-requests',
      as: 'patient',
      url: () => '/api/portal/consultation-requests',
      payload: () => ({ assessmentId: id('portalAssessment'), note: 'Please call in the afternoon.' }),
      status: 201,
      expected: (b) => [{ action: 'create', entity: 'consultation_request', entityId: b.id, patientId: paula }],
      keep: (b) => (ids.consultation = b.id),
    },
    {
      route: 'GET /api/portal/consultation-requests',
      as: 'patient',
      url: () => '/api/portal/consultation-requests',
      status: 200,
      expected: () => [
        { action: 'read', entity: 'consultation_request', entityId: id('consultation'), patientId: paula },
      ],
    },
    {
      route: 'GET /api/consultation-requests',
      as: 'reception',
      url: () => '/api/consultation-requests',
      status: 200,
      expected: () => [
        { action: 'read', entity: 'consultation_request', entityId: id('consultation'), patientId: paula },
      ],
    },
    {
      route: 'POST /api/consultation-requests/:id/handled',
      as: 'reception',
      url: () => `/api/consultation-requests/${id('consultation')}/handled`,
      status: 200,
      expected: () => [
        { action: 'update', entity: 'consultation_request', entityId: id('consultation'), patientId: paula },
      ],
    },
  ];
}
