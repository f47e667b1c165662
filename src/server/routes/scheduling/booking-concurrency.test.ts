import { expect, it } from 'vitest';
import { expectOneWinner, logIndexRefusals, slotsStartingAt } from '../../../test-support/booking-race.js';
import { sharedFixture } from '../../../test-support/shared-fixture.js';
import { forEachApp } from '../../../test-support/test-app.js';
import {
  asBooking,
  copyCourse,
  prepareLocation,
  proposal,
  startCourse,
} from '../../../test-support/scheduling-test-setup.js';

const requests = 200;

/**
 * The acceptance test of the double-booking guard: many bookings of the same practitioner and slot
 * at once, each in its own transaction. Exactly one may win, on either engine; on PostgreSQL several
 * run truly in parallel (a pool of connections), so the unique indexes, not the checks before them,
 * have to stop the rest.
 */
forEachApp('booking under concurrency', (get) => {
  const shared = sharedFixture(async () => {
    const reception = await get().signIn('reception');
    const clinic = await prepareLocation(get(), { roomNames: ['Room 1'] });
    const course = await startCourse(get(), await get().signIn('practitioner'));
    return { reception, clinic, course };
  });

  const practitionerSessionsAt = async (start: string) =>
    (await slotsStartingAt(get(), start)).filter((s) => s.practitionerId === get().fixture.users.practitioner.id);

  it(`${requests} simultaneous whole-course bookings of the same slots: exactly one succeeds`, async () => {
    const { reception, clinic, course } = shared();
    const sessions = asBooking(
      await proposal(reception, course.id, { locationId: clinic.location.id, earliestStart: '2031-01-06' }),
    );
    const courses = await Promise.all(Array.from({ length: requests }, () => copyCourse(get(), course)));
    const responses = await Promise.all(
      courses.map((c) =>
        reception.inject({
          method: 'POST',
          url: `/api/courses/${c.id}/bookings`,
          payload: { locationId: clinic.location.id, sessions },
        }),
      ),
    );
    const winner = courses[expectOneWinner(responses)]!;
    // Refused either by the check (it saw the winner) or by a unique index (it raced the winner).
    const refusals = responses.filter((r) => r.statusCode === 409).map((r) => r.json().error as string);
    expect(refusals.every((code) => code === 'not_bookable' || code === 'slot_taken')).toBe(true);
    logIndexRefusals(get(), refusals);

    for (const s of sessions) {
      const held = await practitionerSessionsAt(new Date(s.start).toISOString());
      expect(held.map((h) => h.sessionId)).toHaveLength(1);
    }
    const losers = courses.filter((c) => c.id !== winner.id);
    const loserSessions = await Promise.all(
      losers.slice(0, 20).map((c) => get().repos.treatmentSessions.listByCourse(c.id)),
    );
    expect(loserSessions.flat()).toEqual([]);
  });

  it(`${requests} simultaneous single-session bookings of the same practitioner and slot: exactly one succeeds`, async () => {
    const { reception, course } = shared();
    const scheduledAt = '2031-03-03T09:00:00.000Z';
    const courses = await Promise.all(Array.from({ length: requests }, () => copyCourse(get(), course)));
    const practitionerId = get().fixture.users.practitioner.id;
    const responses = await Promise.all(
      // Different start minutes within one slot: they all overlap the same practitioner time.
      courses.map((c, i) =>
        reception.inject({
          method: 'POST',
          url: `/api/courses/${c.id}/sessions`,
          payload: {
            scheduledAt: scheduledAt.replace(':00:00', `:0${i % 10}:00`),
            durationMinutes: 30,
            practitionerId,
          },
        }),
      ),
    );
    expectOneWinner(responses);
    const slots = await get().repos.availability.bookedSlots({
      clinicId: get().fixture.clinic.id,
      from: '2031-03-03T08:00:00.000Z',
      to: '2031-03-03T10:00:00.000Z',
    });
    expect(slots.filter((s) => s.practitionerId === practitionerId)).toHaveLength(1);
  });
});
