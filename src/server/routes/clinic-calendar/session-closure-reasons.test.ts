import { expect, it } from 'vitest';
import { copyCourse } from '../../../test-support/scheduling-test-setup.js';
import { forEachApp, type TestClient } from '../../../test-support/test-app.js';
import { useSchedulingRoutes } from '../scheduling/test-support/scheduling-routes-setup.js';

const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

/**
 * Reception cancels a session or records a no-show with the reason, which is kept with who gave it;
 * a change made from a stale view of the session is refused and changes nothing.
 */
forEachApp('cancel and no-show reasons', (get) => {
  const { setup, manual } = useSchedulingRoutes(get);
  const close = (client: TestClient, id: string, how: 'cancel' | 'no-show', payload?: object) =>
    client.inject({ method: 'POST', url: `/api/sessions/${id}/${how}`, ...(payload ? { payload } : {}) });
  const newSession = async (scheduledAt: string) => {
    const course = await copyCourse(get(), setup().course);
    const created = await manual(course.id, { scheduledAt });
    expect(created.statusCode, created.body).toBe(201);
    return created.json() as { id: string; updatedAt: string };
  };

  it('stores the reason of a cancellation and a no-show with who gave it', async () => {
    const { reception } = setup();
    const later = await newSession(hoursFromNow(48));
    const cancelled = await close(reception, later.id, 'cancel', {
      reason: '  Patient is travelling  ',
      expectedUpdatedAt: later.updatedAt,
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({
      status: 'cancelled',
      closure: { reason: 'Patient is travelling', recordedBy: reception.user.id },
    });
    expect(await get().repos.sessionClosures.findBySession(later.id)).toMatchObject({
      status: 'cancelled',
      reason: 'Patient is travelling',
      recordedBy: reception.user.id,
      recordedAt: expect.any(String),
    });

    const missed = await newSession(hoursFromNow(-2));
    expect((await close(reception, missed.id, 'no-show', { reason: 'Did not answer the phone' })).statusCode).toBe(200);
    expect(await get().repos.sessionClosures.findBySession(missed.id)).toMatchObject({
      status: 'no_show',
      reason: 'Did not answer the phone',
    });

    // Without a body, as before: closed, no reason kept.
    const plain = await newSession(hoursFromNow(72));
    expect((await close(reception, plain.id, 'cancel')).statusCode).toBe(200);
    expect(await get().repos.sessionClosures.findBySession(plain.id)).toBeUndefined();
  });

  it('refuses a change from a stale view, and bad reasons, changing nothing', async () => {
    const { reception, practitioner } = setup();
    const session = await newSession(hoursFromNow(-1));
    // Someone moves it meanwhile: its updatedAt is no longer what the desk saw.
    const moved = await practitioner.inject({
      method: 'PATCH',
      url: `/api/sessions/${session.id}`,
      payload: { scheduledAt: hoursFromNow(-1.5) },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const stale = await close(reception, session.id, 'no-show', {
      reason: 'Not here',
      expectedUpdatedAt: session.updatedAt,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: 'session_changed', sessionId: session.id, status: 'planned' });
    expect((await get().repos.treatmentSessions.findById(session.id))?.status).toBe('planned');
    expect(await get().repos.sessionClosures.findBySession(session.id)).toBeUndefined();

    for (const reason of ['   ', 'x'.repeat(501), 42]) {
      const refused = await close(reception, session.id, 'cancel', { reason });
      expect(refused.statusCode, JSON.stringify(reason)).toBe(400);
      expect(refused.json().problems[0].field).toBe('reason');
    }
    expect((await close(reception, session.id, 'cancel', { expectedUpdatedAt: 'now' })).json().problems[0].field).toBe(
      'expectedUpdatedAt',
    );
    expect((await get().repos.treatmentSessions.findById(session.id))?.status).toBe('planned');

    // Closed once: a second closing is refused and keeps the first reason.
    expect((await close(reception, session.id, 'cancel', { reason: 'Rebooked by phone' })).statusCode).toBe(200);
    expect((await close(reception, session.id, 'no-show', { reason: 'Other' })).json().error).toBe('session_closed');
    expect((await get().repos.sessionClosures.findBySession(session.id))?.reason).toBe('Rebooked by phone');
  });
});
