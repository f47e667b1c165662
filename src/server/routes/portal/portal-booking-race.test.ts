import { expect, it } from 'vitest';
import { expectOneWinner, logIndexRefusals, slotsStartingAt } from '../../../test-support/booking-race.js';
import { prepareLocation } from '../../../test-support/scheduling-test-setup.js';
import { januaryMonday } from '../../../test-support/relative-dates.js';
import { sharedFixture } from '../../../test-support/shared-fixture.js';
import { forEachApp } from '../../../test-support/test-app.js';
import {
  asPortalBooking,
  newPortalPatients,
  offers,
  portalIntake,
  refusal,
  screenThroughPortal,
} from './test-support/portal-patients.js';

const patients = 50;

/**
 * Fifty patients book the same course times in the portal at once, each from their own screening,
 * each in its own transaction. Exactly one wins, on either engine; every other one is told the
 * time was taken and to ask for times again, and nothing of theirs is left: no course, no session,
 * no slot, no message, no audit entry of a booking.
 */
forEachApp('portal booking under concurrency', (get) => {
  const shared = sharedFixture(async () => {
    const clinic = await prepareLocation(get(), { roomNames: ['Room 1'] });
    const booked = await newPortalPatients(get(), patients);
    const screenings = await Promise.all(
      booked.map(({ patient, client }) => screenThroughPortal(client, portalIntake(patient, 2))),
    );
    return { clinic, booked, screenings };
  });

  it(`${patients} simultaneous portal bookings of the same times: exactly one wins, the rest get 409 with what to do`, async () => {
    const { clinic, booked, screenings } = shared();
    expect(screenings.every((s) => s.outcome === 'bookable')).toBe(true);
    const [sessions] = await offers(booked[0]!.client, {
      assessmentId: screenings[0]!.assessmentId,
      locationId: clinic.location.id,
      earliestStart: januaryMonday(2),
    });
    const responses = await Promise.all(
      booked.map(({ client }, i) =>
        client.inject({
          method: 'POST',
          url: '/api/portal/bookings',
          payload: asPortalBooking(screenings[i]!.assessmentId, clinic.location.id, sessions!),
        }),
      ),
    );
    const winner = expectOneWinner(responses);
    for (const response of responses.filter((r) => r.statusCode === 409)) {
      const body = refusal(response);
      // Refused by the check (it saw the winner) or by a unique index (it raced the winner).
      expect(['slot_taken', 'not_bookable']).toContain(body.error);
      expect(body.next).toBe('find_again');
      expect(body.message).toContain('Nothing was booked');
    }
    logIndexRefusals(
      get(),
      responses.map((r) => refusal(r).error),
    );

    for (const s of sessions!) expect(await slotsStartingAt(get(), s.start)).toHaveLength(1);
    const losers = booked.filter((_, i) => i !== winner);
    for (const { patient } of losers) {
      expect(await get().repos.courses.listByPatient(patient.id)).toEqual([]);
      expect(await get().repos.treatmentSessions.listByPatient(patient.id)).toEqual([]);
    }
    const winnerId = booked[winner]!.patient.id;
    expect(await get().repos.courses.listByPatient(winnerId)).toHaveLength(1);
    const outbox = await get()
      .db.selectFrom('outbox_messages')
      .select('patient_id')
      .where(
        'patient_id',
        'in',
        booked.map((b) => b.patient.id),
      )
      .execute();
    expect(outbox.length).toBeGreaterThan(0);
    expect(new Set(outbox.map((m) => m.patient_id))).toEqual(new Set([winnerId]));
    const bookingAudit = await get()
      .db.selectFrom('audit_log')
      .select(['action', 'entity'])
      .where(
        'user_id',
        'in',
        losers.map((l) => l.client.user.id),
      )
      .where('action', '=', 'create')
      .where('entity', 'in', ['course', 'treatment_session'])
      .execute();
    expect(bookingAudit).toEqual([]);
  });
});
