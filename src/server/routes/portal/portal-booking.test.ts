import { beforeAll, expect, it } from 'vitest';
import { daysBetween, prepareLocation, type SchedulingClinic } from '../../../test-support/scheduling-test-setup.js';
import { daysFromToday } from '../../../test-support/relative-dates.js';
import { forEachApp, type TestClient } from '../../../test-support/test-app.js';
import {
  asPortalBooking,
  newPortalPatients,
  offers,
  portalIntake,
  refusal,
  screenThroughPortal,
} from './test-support/portal-patients.js';

/**
 * Booking in the portal: the patient answers the intake first and is screened exactly as at the
 * clinic; only a bookable screening is offered courses (every interval of the plan kept) and may
 * book one. Deferred, contraindicated and incomplete screenings are offered a consultation request
 * instead, and the server refuses their bookings whatever is sent.
 */
forEachApp('portal booking', (get) => {
  let clinic: SchedulingClinic;
  let reception: TestClient;
  beforeAll(async () => {
    clinic = await prepareLocation(get());
    reception = await get().signIn('reception');
  });
  const coursesOf = (patientId: string) => get().repos.courses.listByPatient(patientId);

  it('screens first, offers only courses that keep the intervals, and books one whole, in words', async () => {
    const { patient, client } = (await newPortalPatients(get(), 1))[0]!;
    const screening = await screenThroughPortal(client, portalIntake(patient!, 3));
    expect(screening).toMatchObject({ outcome: 'bookable', verdict: 'eligible' });
    expect(screening.locations.map((l) => l.id)).toContain(clinic.location.id);
    // The intake is the clinic's: staff see it, with its assessment.
    const practitioner = await get().signIn('practitioner');
    const history = await practitioner.inject({ method: 'GET', url: `/api/patients/${patient!.id}/intakes` });
    expect(history.json().intakes[0].assessment.id).toBe(screening.assessmentId);

    const offered = await offers(client!, { assessmentId: screening.assessmentId, locationId: clinic.location.id });
    expect(offered.length).toBeGreaterThan(1);
    for (const sessions of offered) {
      expect(sessions.length).toBe(4); // the plan's minimum for hair loss
      expect(sessions.slice(1).every((s) => s.daysAfterPrevious! >= 7 && s.daysAfterPrevious! <= 14)).toBe(true);
      expect(sessions[0]!.localDate >= daysFromToday(3)).toBe(true);
      expect(sessions[0]!.practitionerName).toBe('Dr Pia Practitioner');
      expect(['Room 1', 'Room 2']).toContain(sessions[0]!.roomName);
    }
    expect(offered[1]![0]!.localDate > offered[0]![0]!.localDate).toBe(true);

    const booked = await client!.inject({
      method: 'POST',
      url: '/api/portal/bookings',
      payload: asPortalBooking(screening.assessmentId, clinic.location.id, offered[0]!),
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const course = booked.json().course;
    expect(course.sessions).toHaveLength(4);
    expect(course.sessions[1]).toMatchObject({
      number: 2,
      of: 4,
      status: 'planned',
      practitionerName: 'Dr Pia Practitioner',
      locationName: 'Main room',
      indication: 'hair_loss',
      area: 'scalp',
      areaName: 'Scalp',
      timeZone: 'Europe/Berlin',
      localDate: offered[0]![1]!.localDate,
      localTime: offered[0]![1]!.localStart,
      changeable: true,
    });
    // Preparation from the knowledge base, each step from its window before the session.
    const nsaids = course.sessions[1].preparation.find((p: { code: string }) => p.code === 'avoid_nsaids');
    expect(Date.parse(course.sessions[1].scheduledAt) - Date.parse(nsaids.from)).toBe(168 * 3_600_000);
    expect(nsaids.sources.length).toBeGreaterThan(0);

    const plan = (await client!.inject({ method: 'GET', url: '/api/portal/plan' })).json();
    expect(plan.noticeHours).toBe(24);
    expect(plan.courses.map((c: { id: string }) => c.id)).toEqual([course.id]);
    expect(plan.courses[0].sessions.map((s: { number: number; of: number }) => `${s.number}/${s.of}`)).toEqual([
      '1/4',
      '2/4',
      '3/4',
      '4/4',
    ]);
    // Reception sees the booking on the schedule like any other.
    const day = await reception.inject({
      method: 'GET',
      url: `/api/sessions?from=${offered[0]![0]!.localDate}T00:00:00Z&to=${daysFromToday(400)}T00:00:00Z`,
    });
    expect(day.statusCode).toBe(200);
    // A screening books one course: sending it again books nothing more.
    const again = await client!.inject({
      method: 'POST',
      url: '/api/portal/bookings',
      payload: asPortalBooking(screening.assessmentId, clinic.location.id, offered[1]!),
    });
    expect(again.statusCode).toBe(409);
    expect(refusal(again)).toMatchObject({ error: 'already_booked', next: 'see_plan' });
    expect(await coursesOf(patient!.id)).toHaveLength(1);
  });

  it("refuses to book without a screening of the latest intake, or on someone else's", async () => {
    const [first, second] = await newPortalPatients(get(), 2);
    const old = await screenThroughPortal(first!.client, portalIntake(first!.patient, 2));
    const offered = await offers(first!.client, { assessmentId: old.assessmentId, locationId: clinic.location.id });
    await screenThroughPortal(first!.client, portalIntake(first!.patient, 2)); // a newer intake
    const outdated = await first!.client.inject({
      method: 'POST',
      url: '/api/portal/bookings',
      payload: asPortalBooking(old.assessmentId, clinic.location.id, offered[0]!),
    });
    expect(outdated.statusCode).toBe(409);
    expect(refusal(outdated)).toMatchObject({ error: 'assessment_outdated', next: 'answer_again' });

    const theirs = await second!.client.inject({
      method: 'POST',
      url: '/api/portal/bookings',
      payload: asPortalBooking(old.assessmentId, clinic.location.id, offered[0]!),
    });
    expect(theirs.statusCode).toBe(404);
    const invented = await second!.client.inject({
      method: 'POST',
      url: '/api/portal/course-proposals',
      payload: { assessmentId: 'no-such-assessment', locationId: clinic.location.id },
    });
    expect(invented.statusCode).toBe(404);
    expect(await coursesOf(first!.patient.id)).toEqual([]);
    expect(await coursesOf(second!.patient.id)).toEqual([]);
  });

  for (const [title, answers, outcome] of [
    [
      'deferred (ibuprofen yesterday)',
      { medications: [{ class: 'nsaid', name: 'ibuprofen', lastDose: daysFromToday(-1) }] },
      'deferred',
    ],
    ['contraindicated (a bleeding disorder)', { conditions: [{ code: 'bleeding_disorder' }] }, 'contraindicated'],
    ['incomplete (pregnancy not answered)', { pregnant: undefined }, 'screening_incomplete'],
  ] as const)
    it(`never books a ${title} patient, and offers a consultation request instead`, async () => {
      const { patient, client } = (await newPortalPatients(get(), 1))[0]!;
      // An offer made before the answers changed: sending it back must not book.
      const good = await screenThroughPortal(client!, portalIntake(patient!, 2));
      const offered = await offers(client!, { assessmentId: good.assessmentId, locationId: clinic.location.id });

      const screening = await screenThroughPortal(client!, portalIntake(patient!, 2, answers));
      expect(screening.outcome).toBe(outcome);
      expect(screening.locations).toEqual([]);
      if (outcome === 'screening_incomplete') expect(screening.openQuestions).toContain('patient.pregnant');

      const proposals = await client!.inject({
        method: 'POST',
        url: '/api/portal/course-proposals',
        payload: { assessmentId: screening.assessmentId, locationId: clinic.location.id },
      });
      expect(proposals.statusCode).toBe(409);
      expect(refusal(proposals)).toMatchObject({ error: 'consultation_needed', next: 'request_consultation', outcome });
      for (const assessmentId of [screening.assessmentId, good.assessmentId]) {
        const booking = await client!.inject({
          method: 'POST',
          url: '/api/portal/bookings',
          payload: asPortalBooking(assessmentId, clinic.location.id, offered[0]!),
        });
        expect(booking.statusCode).toBe(409);
      }
      expect(await coursesOf(patient!.id)).toEqual([]);
      expect(await get().repos.treatmentSessions.listByPatient(patient!.id)).toEqual([]);

      const asked = await client!.inject({
        method: 'POST',
        url: '/api/portal/consultation-requests',
        payload: { assessmentId: screening.assessmentId, reason: 'patient_choice', note: 'Mornings suit me best.' },
      });
      expect(asked.statusCode, asked.body).toBe(201);
      // The screening's outcome is the reason, whatever the page sent.
      expect(asked.json()).toMatchObject({ reason: outcome, status: 'open', note: 'Mornings suit me best.' });
      const twice = await client!.inject({ method: 'POST', url: '/api/portal/consultation-requests', payload: {} });
      expect(twice.statusCode).toBe(409);
      expect(refusal(twice)).toMatchObject({ error: 'already_requested', next: 'wait_for_call' });

      const desk = (await reception.inject({ method: 'GET', url: '/api/consultation-requests' })).json().requests;
      const mine = desk.find((r: { id: string }) => r.id === asked.json().id);
      expect(mine).toMatchObject({ patientId: patient!.id, patientName: patient!.firstName + ' ' + patient!.lastName });
      const handled = await reception.inject({
        method: 'POST',
        url: `/api/consultation-requests/${mine.id}/handled`,
      });
      expect(handled.json()).toMatchObject({ status: 'handled' });
      const own = (await client!.inject({ method: 'GET', url: '/api/portal/consultation-requests' })).json();
      expect(own.requests[0]).toMatchObject({ id: mine.id, status: 'handled' });
    });

  it('refuses answers only a clinician may give, and a start date in the past, storing nothing', async () => {
    const { patient, client } = (await newPortalPatients(get(), 1))[0]!;
    const reviewed = portalIntake(patient!, 2, { conditions: [{ code: 'gout', reviewed: true }] });
    const response = await client!.inject({ method: 'POST', url: '/api/portal/intakes', payload: reviewed });
    expect(response.statusCode).toBe(400);
    expect(response.json().problems[0].field).toBe('patient.conditions[0].reviewed');
    const past = await client!.inject({
      method: 'POST',
      url: '/api/portal/intakes',
      payload: portalIntake(patient!, -3),
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().problems[0].field).toBe('request.date');
    expect(await get().repos.intakes.listByPatient(patient!.id)).toEqual([]);
  });

  it('books nothing within the notice period, even a time the clinic has free', async () => {
    const { patient, client } = (await newPortalPatients(get(), 1))[0]!;
    const screening = await screenThroughPortal(client!, portalIntake(patient!, 0));
    const offered = await offers(client!, { assessmentId: screening.assessmentId, locationId: clinic.location.id });
    const soon = offered[0]!.map((s, i) => ({
      ...s,
      start: new Date(Date.now() + 3_600_000 + i * 8 * 86_400_000).toISOString(),
    }));
    const response = await client!.inject({
      method: 'POST',
      url: '/api/portal/bookings',
      payload: asPortalBooking(screening.assessmentId, clinic.location.id, soon),
    });
    expect(response.statusCode).toBe(409);
    expect(refusal(response)).toMatchObject({ error: 'too_soon', next: 'find_again' });
    expect(Date.parse(offered[0]![0]!.start) - Date.now()).toBeGreaterThanOrEqual(24 * 3_600_000 - 60_000);
    expect(daysBetween(offered[0]![0]!.start, offered[0]![1]!.start)).toBeGreaterThanOrEqual(7);
    expect(await coursesOf(patient!.id)).toEqual([]);
  });
});
