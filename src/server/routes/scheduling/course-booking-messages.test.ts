import { expect, it } from 'vitest';
import { forEachApp } from '../../../test-support/test-app.js';
import { asBooking, proposal } from '../../../test-support/scheduling-test-setup.js';
import { listMessages, useSchedulingRoutes } from './test-support/scheduling-routes-setup.js';

/** The whole-course booking routes (routes/scheduling) keep messages in step as the single-session ones do. */
forEachApp('messages of whole-course bookings', (get) => {
  const { setup, locationId, book } = useSchedulingRoutes(get);

  const messagesOf = (sessionId: string) => listMessages(setup().reception, sessionId);

  it('plans messages for every booked session, moves them with a re-flow, and cancels them with the session', async () => {
    const { practitioner, reception, course } = setup();
    const proposed = await proposal(practitioner, course.id, { locationId: locationId(), earliestStart: '2030-06-03' });
    const booked = await book(practitioner, course.id, asBooking(proposed));
    expect(booked.statusCode, booked.body).toBe(201);
    const sessions = booked.json().sessions as Array<{ id: string; scheduledAt: string }>;
    // One confirmation for the whole course, held by its first session (course-confirmation.test.ts).
    for (const [i, session] of sessions.entries()) {
      const messages = await messagesOf(session.id);
      expect(messages.map((m) => m.kind)).toEqual([
        ...(i === 0 ? ['booking_confirmation'] : []),
        'preparation_reminder',
        'day_before_reminder',
        'aftercare',
        'check_in',
      ]);
    }

    const [first, second] = sessions;
    const before = await messagesOf(second?.id ?? '');
    const newStart = new Date(Date.parse(first?.scheduledAt ?? '') + 11 * 86_400_000).toISOString();
    const moved = await reception.inject({
      method: 'POST',
      url: `/api/sessions/${second?.id}/reschedule`,
      payload: { start: newStart },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = await messagesOf(second?.id ?? '');
    // The moved session keeps its messages and gets a confirmation of its own for the new time.
    expect(after.filter((m) => m.kind !== 'booking_confirmation').map((m) => m.id)).toEqual(before.map((m) => m.id));
    expect(after.filter((m) => m.kind === 'booking_confirmation').map((m) => m.status)).toEqual(['pending']);
    expect(after.find((m) => m.kind === 'day_before_reminder')?.dueAt).toBe(
      new Date(Date.parse(newStart) - 86_400_000).toISOString(),
    );

    const cancelled = await reception.inject({ method: 'POST', url: `/api/sessions/${first?.id}/cancel` });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(new Set((await messagesOf(first?.id ?? '')).map((m) => m.status))).toEqual(new Set(['cancelled']));
  });
});
