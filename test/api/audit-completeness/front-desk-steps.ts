import { expect } from 'vitest';
import { day, mondayAfter, type FlowContext, type Step } from './audit-flow.js';

/**
 * The front desk: the waiting list (a slot a cancelled session opened, the patient it suits, the
 * course booked from the list, an entry taken off), and checking the patient in for today's session.
 */
export function frontDeskSteps({ t, ids, id, paula, location }: FlowContext): Step[] {
  /** Made before the list is used: a session of today to check in, a course ready to book, and an opened slot. */
  const prepare = async () => {
    const first = await t.repos.courses.findById(id('course'));
    if (!first) throw new Error('no course to copy');
    const copy = () =>
      t.repos.courses.create({
        patientId: paula,
        assessmentId: first.assessmentId,
        indication: first.indication,
        area: first.area,
        plan: first.plan,
        createdBy: null,
      });
    const arriving = await copy();
    ids.arrival = (
      await t.repos.treatmentSessions.create({ courseId: arriving.id, scheduledAt: new Date().toISOString() })
    ).id;
    // Someone else's session far ahead, cancelled: its slot opens.
    const other = await t.repos.courses.create({
      patientId: t.fixture.otherPatient.id,
      assessmentId: null,
      indication: first.indication,
      area: first.area,
      plan: first.plan,
      createdBy: null,
    });
    const opened = await t.repos.treatmentSessions.create({
      courseId: other.id,
      scheduledAt: `${mondayAfter(150)}T09:00:00.000Z`,
      durationMinutes: 30,
      practitionerId: t.fixture.users.practitioner.id,
      locationId: location,
    });
    await t.repos.treatmentSessions.update(opened.id, { status: 'cancelled' });
    const [opening] = await t.repos.frontDesk.listSlotOpenings({
      clinicId: t.fixture.clinic.id,
      from: `${mondayAfter(150)}T00:00:00.000Z`,
      limit: 1,
    });
    ids.opening = opening?.id ?? '';
    ids.bookable = (await copy()).id;
    ids.indication = first.indication;
  };

  return [
    {
      route: 'POST /api/waiting-list',
      as: 'reception',
      url: () => '/api/waiting-list',
      status: 201,
      payload: () => ({ patientId: paula, indication: 'hair_loss', weekdays: [1, 2, 3, 4, 5] }),
      expected: (b) => [{ action: 'create', entity: 'waiting_list_entry', entityId: b.id, patientId: paula }],
      keep: async (b) => {
        ids.waiting = b.id;
        await prepare();
      },
    },
    {
      route: 'GET /api/waiting-list',
      as: 'reception',
      url: () => '/api/waiting-list',
      status: 200,
      expected: () => [{ action: 'read', entity: 'waiting_list_entry', entityId: id('waiting'), patientId: paula }],
    },
    {
      route: 'GET /api/waiting-list/openings/:id/candidates',
      as: 'reception',
      url: () => `/api/waiting-list/openings/${id('opening')}/candidates`,
      status: 200,
      expected: (b) => {
        const mine = b.candidates.find((c: { entry: { id: string } }) => c.entry.id === id('waiting'));
        expect(mine?.fit).toBe('fits');
        return [
          { action: 'read', entity: 'waiting_list_entry', entityId: id('waiting'), patientId: paula },
          { action: 'read', entity: 'course', entityId: id('bookable'), patientId: paula },
        ];
      },
      keep: (b) => {
        const mine = b.candidates.find((c: { entry: { id: string } }) => c.entry.id === id('waiting'));
        ids.offer = JSON.stringify(
          mine.course.sessions.map((s: { start: string; practitionerId: string; roomId: string }) => ({
            start: s.start,
            practitionerId: s.practitionerId,
            roomId: s.roomId,
          })),
        );
      },
    },
    {
      route: 'POST /api/waiting-list/:id/booking',
      as: 'reception',
      url: () => `/api/waiting-list/${id('waiting')}/booking`,
      status: 201,
      payload: () => ({ locationId: location, sessions: JSON.parse(id('offer')) as unknown }),
      expected: (b) => [
        ...b.sessions.map((s: { id: string }) => ({
          action: 'create',
          entity: 'treatment_session',
          entityId: s.id,
          patientId: paula,
        })),
        { action: 'update', entity: 'course', entityId: id('bookable'), patientId: paula },
        { action: 'update', entity: 'waiting_list_entry', entityId: id('waiting'), patientId: paula },
      ],
    },
    {
      route: 'POST /api/waiting-list',
      as: 'practitioner',
      url: () => '/api/waiting-list',
      status: 201,
      payload: () => ({ patientId: paula, indication: 'cellulite', note: 'Would rather wait for spring' }),
      expected: (b) => [{ action: 'create', entity: 'waiting_list_entry', entityId: b.id, patientId: paula }],
      keep: (b) => (ids.leaving = b.id),
    },
    {
      route: 'DELETE /api/waiting-list/:id',
      as: 'reception',
      url: () => `/api/waiting-list/${id('leaving')}`,
      status: 200,
      expected: () => [{ action: 'update', entity: 'waiting_list_entry', entityId: id('leaving'), patientId: paula }],
    },
    {
      route: 'POST /api/sessions/:id/check-in',
      as: 'reception',
      url: () => `/api/sessions/${id('arrival')}/check-in`,
      status: 201,
      expected: () => [{ action: 'create', entity: 'session_check_in', entityId: id('arrival'), patientId: paula }],
    },
    {
      route: 'GET /api/front-desk/arrivals',
      as: 'reception',
      url: () =>
        `/api/front-desk/arrivals?${new URLSearchParams({
          from: new Date(Date.now() - day / 2).toISOString(),
          to: new Date(Date.now() + day / 2).toISOString(),
        })}`,
      status: 200,
      expected: () => [
        { action: 'read', entity: 'treatment_session', entityId: id('arrival'), patientId: paula },
        { action: 'read', entity: 'session_check_in', entityId: id('arrival'), patientId: paula },
      ],
    },
    {
      route: 'DELETE /api/sessions/:id/check-in',
      as: 'reception',
      url: () => `/api/sessions/${id('arrival')}/check-in`,
      status: 204,
      expected: () => [{ action: 'delete', entity: 'session_check_in', entityId: id('arrival'), patientId: paula }],
    },
  ];
}
