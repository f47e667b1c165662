import { beforeAll, expect, it } from 'vitest';
import type { CourseRecord } from '../../../core/records/index.js';
import { januaryMonday } from '../../../test-support/relative-dates.js';
import {
  asBooking,
  prepareLocation,
  startCourse,
  type ProposedSessionJson,
} from '../../../test-support/scheduling-test-setup.js';
import { createSampleCourse } from '../../../test-support/stored-records.js';
import { forEachApp, signInRoles, type TestClient } from '../../../test-support/test-app.js';

interface Candidate {
  entry: { id: string; patient: { id: string } };
  fit: string;
  course?: { firstDate: string; sessions: ProposedSessionJson[] };
  reason?: string;
}

/**
 * The waiting list per indication: a cancelled or moved session opens a slot, the list shows who it
 * suits with the course the finder offers each (keeping the plan's intervals), and booking an offer
 * books the whole course and closes the entry. Nothing is booked by itself.
 */
forEachApp('waiting list', (get) => {
  let clients: Record<'admin' | 'practitioner' | 'reception' | 'patient', TestClient>;
  let course: CourseRecord;
  let location: string;
  /** A Monday next year, when nothing else is booked; the cancelled session was at 10:00 there (Berlin, winter). */
  const monday = januaryMonday(1);
  const ids = { cancelled: '', moved: '', newcomer: '', waiting: '', elsewhere: '', notReady: '' };

  beforeAll(async () => {
    const test = get();
    const { repos, fixture } = test;
    clients = await signInRoles(test, ['admin', 'practitioner', 'reception', 'patient']);
    const place = await prepareLocation(test);
    location = place.location.id;
    course = await startCourse(test, clients.practitioner);
    // Another patient's sessions, booked that Monday and the next day with the fixture practitioner.
    const theirs = await createSampleCourse(repos, fixture.otherPatient.id);
    const session = (scheduledAt: string) =>
      repos.treatmentSessions.create({
        courseId: theirs.id,
        scheduledAt,
        durationMinutes: 45,
        practitionerId: fixture.users.practitioner.id,
        locationId: location,
        roomId: place.rooms[0]?.id ?? null,
      });
    ids.cancelled = (await session(`${monday}T09:00:00.000Z`)).id;
    ids.moved = (await session(`${januaryMonday(1, 1)}T13:00:00.000Z`)).id;
    const newcomer = await clients.reception.inject({
      method: 'POST',
      url: '/api/patients',
      payload: { firstName: 'Nora', lastName: 'Newcomer', birthDate: '1991-05-05' },
    });
    ids.newcomer = newcomer.json().id;
  });

  const add = (client: TestClient, payload: object) =>
    client.inject({ method: 'POST', url: '/api/waiting-list', payload });
  const entries = async () =>
    (await clients.reception.inject({ method: 'GET', url: '/api/waiting-list' })).json().entries as {
      id: string;
      status: string;
      patient: { id: string };
      course: { id: string } | null;
    }[];

  it('adds patients per indication with their days, times and a note, once while they wait', async () => {
    const { fixture } = get();
    const waiting = await add(clients.reception, {
      patientId: fixture.patient.id,
      indication: 'hair_loss',
      weekdays: [1],
      timesOfDay: [{ start: '09:00', end: '12:00' }],
      note: 'Can come at short notice',
    });
    expect(waiting.statusCode, waiting.body).toBe(201);
    expect(waiting.json()).toMatchObject({
      indication: 'hair_loss',
      weekdays: [1],
      timesOfDay: [{ start: '09:00', end: '12:00' }],
      note: 'Can come at short notice',
      status: 'waiting',
      createdByName: fixture.users.reception.displayName,
      course: { id: course.id, area: 'scalp' },
    });
    ids.waiting = waiting.json().id;
    ids.elsewhere = (
      await add(clients.reception, { patientId: fixture.otherPatient.id, indication: 'hair_loss', weekdays: [3] })
    ).json().id;
    ids.notReady = (await add(clients.practitioner, { patientId: ids.newcomer, indication: 'hair_loss' })).json().id;

    const twice = await add(clients.admin, { patientId: fixture.patient.id, indication: 'hair_loss' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toBe('already_waiting');
    const bad = [
      [{ patientId: fixture.patient.id, indication: 'telepathy' }, 'indication'],
      [{ patientId: fixture.patient.id, indication: 'cellulite', weekdays: [8] }, 'weekdays.0'],
      [
        { patientId: fixture.patient.id, indication: 'cellulite', timesOfDay: [{ start: '12:00', end: '09:00' }] },
        'timesOfDay.0.end',
      ],
    ] as const;
    for (const [payload, field] of bad) {
      const response = await add(clients.reception, payload);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().problems[0].field.replace(/\[(\d+)\]/g, '.$1')).toBe(field);
    }
    const outsider = await get().signInElsewhere('reception');
    expect((await add(outsider, { patientId: fixture.patient.id, indication: 'cellulite' })).statusCode).toBe(404);
    expect((await add(clients.patient, { patientId: fixture.patient.id, indication: 'cellulite' })).statusCode).toBe(
      403,
    );

    const list = await entries();
    expect(list.map((e) => e.id)).toEqual([ids.waiting, ids.elsewhere, ids.notReady]);
    expect(list.find((e) => e.id === ids.notReady)?.course).toBeNull();
    // Outsiders see none of it.
    expect((await outsider.inject({ method: 'GET', url: '/api/waiting-list' })).json().entries).toEqual([]);
  });

  it('lists the slots cancelled or moved sessions gave up, and who they suit, booking nothing', async () => {
    const cancel = await clients.reception.inject({ method: 'POST', url: `/api/sessions/${ids.cancelled}/cancel` });
    expect(cancel.statusCode, cancel.body).toBe(200);
    const move = await clients.reception.inject({
      method: 'PATCH',
      url: `/api/sessions/${ids.moved}`,
      payload: { scheduledAt: `${januaryMonday(1, 2)}T13:00:00.000Z` },
    });
    expect(move.statusCode, move.body).toBe(200);

    const openings = (await clients.reception.inject({ method: 'GET', url: '/api/waiting-list/openings' })).json()
      .openings as { id: string; reason: string; localDate: string; localStart: string; localEnd: string }[];
    expect(openings.map((o) => [o.reason, o.localDate, o.localStart, o.localEnd])).toEqual([
      ['cancelled', monday, '10:00', '10:45'],
      ['moved', januaryMonday(1, 1), '14:00', '14:45'],
    ]);
    const [cancelled] = openings;

    const answer = await clients.reception.inject({
      method: 'GET',
      url: `/api/waiting-list/openings/${cancelled?.id}/candidates`,
    });
    expect(answer.statusCode, answer.body).toBe(200);
    const candidates = answer.json().candidates as Candidate[];
    expect(candidates.map((c) => [c.entry.id, c.fit])).toEqual([
      [ids.waiting, 'fits'],
      [ids.notReady, 'not_ready'],
      [ids.elsewhere, 'outside_preferences'],
    ]);
    const offer = candidates[0]?.course;
    expect(offer?.firstDate).toBe(monday);
    // The offer keeps the plan's intervals and the patient's days and times.
    const { min, max } = course.plan.intervalDays;
    for (const s of offer?.sessions.slice(1) ?? []) {
      expect(s.daysAfterPrevious).toBeGreaterThanOrEqual(min);
      expect(s.daysAfterPrevious).toBeLessThanOrEqual(max);
    }
    for (const s of offer?.sessions ?? []) expect(s.localStart >= '09:00' && s.localStart < '12:00').toBe(true);
    expect(await get().repos.treatmentSessions.listByCourse(course.id)).toEqual([]);
    expect((await entries()).map((e) => e.status)).toEqual(['waiting', 'waiting', 'waiting']);

    // The slot of the moved session is on a Tuesday: no one waiting for Mondays and Wednesdays fits it.
    const tuesday = (
      await clients.reception.inject({ method: 'GET', url: `/api/waiting-list/openings/${openings[1]?.id}/candidates` })
    ).json().candidates as Candidate[];
    expect(tuesday.find((c) => c.entry.id === ids.waiting)?.fit).toBe('outside_preferences');
    // Another clinic's desk cannot look at this clinic's openings.
    const outsider = await get().signInElsewhere('reception');
    expect(
      (await outsider.inject({ method: 'GET', url: `/api/waiting-list/openings/${cancelled?.id}/candidates` }))
        .statusCode,
    ).toBe(404);
  });

  it('books the offered course from the list, closing the entry, and books it once only', async () => {
    const opening = (await clients.reception.inject({ method: 'GET', url: '/api/waiting-list/openings' })).json()
      .openings[0];
    const candidates = (
      await clients.reception.inject({ method: 'GET', url: `/api/waiting-list/openings/${opening.id}/candidates` })
    ).json().candidates as Candidate[];
    const offer = candidates.find((c) => c.entry.id === ids.waiting)?.course;
    if (!offer) throw new Error('no offer');
    const book = () =>
      clients.reception.inject({
        method: 'POST',
        url: `/api/waiting-list/${ids.waiting}/booking`,
        payload: { locationId: location, sessions: asBooking(offer.sessions) },
      });
    const [first, second] = await Promise.all([book(), book()]);
    const booked = first.statusCode === 201 ? first : second;
    expect([first.statusCode, second.statusCode].sort()).toEqual([201, 409]);
    expect(booked.json().entry).toMatchObject({ id: ids.waiting, status: 'booked', bookedCourseId: course.id });
    expect(booked.json().sessions.map((s: { scheduledAt: string }) => Date.parse(s.scheduledAt))).toEqual(
      offer.sessions.map((s) => Date.parse(s.start)),
    );
    expect(await get().repos.treatmentSessions.listByCourse(course.id)).toHaveLength(offer.sessions.length);
    expect((await entries()).map((e) => e.id)).toEqual([ids.elsewhere, ids.notReady]);

    const audit = (
      await clients.admin.inject({
        method: 'GET',
        url: `/api/audit?entity=waiting_list_entry&action=update&patientId=${get().fixture.patient.id}`,
      })
    ).json().entries;
    expect(audit[0]).toMatchObject({
      entityId: ids.waiting,
      role: 'reception',
      route: 'POST /api/waiting-list/:id/booking',
    });

    // A patient without a course ready cannot be booked: a clinician starts the course first.
    const early = await clients.reception.inject({
      method: 'POST',
      url: `/api/waiting-list/${ids.notReady}/booking`,
      payload: { locationId: location, sessions: asBooking(offer.sessions) },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toBe('no_course_to_book');
  });

  it('takes a patient off the list, keeping the entry closed as removed', async () => {
    const remove = () => clients.reception.inject({ method: 'DELETE', url: `/api/waiting-list/${ids.elsewhere}` });
    const removed = await remove();
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toMatchObject({ id: ids.elsewhere, status: 'removed' });
    expect((await remove()).json().error).toBe('entry_closed');
    expect(await get().repos.frontDesk.findWaitingListEntry(ids.elsewhere)).toMatchObject({
      status: 'removed',
      closedBy: get().fixture.users.reception.id,
    });
    // Waiting again for the same indication is a new entry.
    const again = await add(clients.reception, { patientId: get().fixture.otherPatient.id, indication: 'hair_loss' });
    expect(again.statusCode).toBe(201);
  });
});
