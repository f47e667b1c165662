import { beforeAll, expect, it } from 'vitest';
import type { CourseRecord } from '../../../core/records/index.js';
import { forEachApp, type TestClient } from '../../../test-support/test-app.js';
import {
  asBooking,
  prepareLocation,
  proposal,
  startCourse,
  type SchedulingClinic,
} from '../../../test-support/scheduling-test-setup.js';

interface Listed {
  id: string;
  kind: string;
  status: string;
  dueAt: string;
}

/** The whole-course booking routes (routes/scheduling) keep messages in step as the single-session ones do. */
forEachApp('messages of whole-course bookings', (get) => {
  let practitioner: TestClient;
  let reception: TestClient;
  let clinic: SchedulingClinic;
  let course: CourseRecord;

  beforeAll(async () => {
    [practitioner, reception] = await Promise.all([get().signIn('practitioner'), get().signIn('reception')]);
    clinic = await prepareLocation(get());
    course = await startCourse(get(), practitioner);
  });

  const messagesOf = async (sessionId: string): Promise<Listed[]> =>
    (await reception.inject({ method: 'GET', url: `/api/sessions/${sessionId}/messages` })).json().messages;

  it('plans messages for every booked session, moves them with a re-flow, and cancels them with the session', async () => {
    const proposed = await proposal(practitioner, course.id, {
      locationId: clinic.location.id,
      earliestStart: '2030-06-03',
    });
    const booked = await practitioner.inject({
      method: 'POST',
      url: `/api/courses/${course.id}/bookings`,
      payload: { locationId: clinic.location.id, sessions: asBooking(proposed) },
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const sessions = booked.json().sessions as Array<{ id: string; scheduledAt: string }>;
    for (const session of sessions) {
      const messages = await messagesOf(session.id);
      expect(messages.map((m) => m.kind)).toEqual([
        'booking_confirmation',
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
    expect(after.map((m) => m.id)).toEqual(before.map((m) => m.id));
    expect(after.find((m) => m.kind === 'day_before_reminder')?.dueAt).toBe(
      new Date(Date.parse(newStart) - 86_400_000).toISOString(),
    );

    const cancelled = await reception.inject({ method: 'POST', url: `/api/sessions/${first?.id}/cancel` });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(new Set((await messagesOf(first?.id ?? '')).map((m) => m.status))).toEqual(new Set(['cancelled']));
  });
});
