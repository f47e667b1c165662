import { expect, it } from 'vitest';
import { copyCourse } from '../../../test-support/scheduling-test-setup.js';
import { forEachApp } from '../../../test-support/test-app.js';
import { useSessionMoves } from './test-support/session-moves.js';

const DAY_MS = 86_400_000;
const plusDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY_MS).toISOString();

interface Preview {
  status: 'possible' | 'not_possible';
  updatedAt: string;
  sessions: Array<{
    id: string;
    number: number;
    target: boolean;
    moves: boolean;
    current: { start: string };
    proposed: { start: string; localDate: string; practitionerName: string; roomName: string } | null;
    window: { minDays: number; maxDays: number; from: string; to: string; days: number; kept: boolean } | null;
  }>;
  moves: Array<{ sessionId: string; start: string; practitionerId: string; roomId: string }>;
  problems: Array<{ code: string; message: string; session?: number; from?: string; to?: string }>;
}

/**
 * The re-flow preview (a dry run of the move) and the refusals that keep two people's moves from
 * clashing: a stale view of the session, a re-flow that changed since the preview, a drop on a
 * closed day or outside the interval window. Nothing is half-moved.
 */
forEachApp('re-flow preview and safe moves', (get) => {
  const { setup, locationId, sessionsOf, manual, preview, move, bookedCourse } = useSessionMoves(get);
  const startsOf = async (courseId: string) => (await sessionsOf(courseId)).map((s) => s.scheduledAt);

  it('previews the re-flow without writing, and the confirmation applies exactly that', async () => {
    const { reception, practitioner, course } = setup();
    const { courseId, sessions: original } = await bookedCourse('2030-06-03');
    const before = await startsOf(courseId);
    // Session 2 eleven days after session 1: the later ones would be too close and must follow.
    const newStart = plusDays(original[0]!.scheduledAt, 11);
    const shown = await preview(reception, original[1]!.id, {
      start: newStart,
      expectedUpdatedAt: original[1]!.updatedAt,
    });
    expect(shown.statusCode, shown.body).toBe(200);
    const p = shown.json() as Preview;
    expect(p.status).toBe('possible');
    expect(p.problems).toEqual([]);
    expect(p.sessions.map((s) => [s.number, s.target, s.moves])).toEqual([
      [1, false, false],
      [2, true, true],
      [3, false, true],
      [4, false, true],
    ]);
    expect(p.moves.map((m) => m.sessionId)).toEqual(original.slice(1).map((s) => s.id));
    expect(p.moves[0]!.start).toBe(newStart);
    expect(p.sessions[0]!.proposed!.start).toBe(p.sessions[0]!.current.start);
    expect(p.sessions[0]!.window).toBeNull();
    const { min, max } = course.plan.intervalDays;
    for (const s of p.sessions.slice(1))
      expect(s.window).toMatchObject({ minDays: min, maxDays: max, kept: true, days: expect.any(Number) });
    expect(p.sessions[1]!.window!.days).toBe(11);
    expect(p.sessions[1]!.proposed).toMatchObject({ practitionerName: expect.any(String), roomName: 'Room 1' });
    // A preview writes nothing.
    expect(await startsOf(courseId)).toEqual(before);

    const confirmed = await move(reception, original[1]!.id, {
      start: newStart,
      expectedUpdatedAt: p.updatedAt,
      expectedMoves: p.moves,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().moved).toEqual(p.moves.map((m) => m.sessionId));
    const after = await startsOf(courseId);
    expect(after).toEqual(p.sessions.map((s) => s.proposed!.start));

    // A second member of staff, still looking at the session as it was, moves it too: refused.
    const second = await move(practitioner, original[1]!.id, {
      start: plusDays(original[0]!.scheduledAt, 8),
      expectedUpdatedAt: original[1]!.updatedAt,
    });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({
      error: 'session_changed',
      message: expect.stringContaining('reload'),
      sessionId: original[1]!.id,
      scheduledAt: newStart,
    });
    expect(second.json().updatedAt).not.toBe(original[1]!.updatedAt);
    expect(
      (
        await preview(practitioner, original[1]!.id, { start: newStart, expectedUpdatedAt: original[1]!.updatedAt })
      ).json().error,
    ).toBe('session_changed');
    expect(await startsOf(courseId)).toEqual(after);
  });

  it('refuses a confirmation whose re-flow no longer matches the preview, moving nothing', async () => {
    const { reception } = setup();
    const { courseId, sessions: original } = await bookedCourse('2030-09-02');
    const before = await startsOf(courseId);
    const newStart = plusDays(original[0]!.scheduledAt, 11);
    const p = (await preview(reception, original[1]!.id, { start: newStart })).json() as Preview;
    expect(p.moves).toHaveLength(3);
    // Meanwhile another patient is booked where the preview put session 3.
    const taken = p.moves[1]!;
    const other = await copyCourse(get(), setup().course);
    const blocking = await manual(other.id, {
      scheduledAt: taken.start,
      durationMinutes: 30,
      practitionerId: taken.practitionerId,
      locationId: locationId(),
      roomId: taken.roomId,
    });
    expect(blocking.statusCode, blocking.body).toBe(201);

    const refused = await move(reception, original[1]!.id, {
      start: newStart,
      expectedUpdatedAt: p.updatedAt,
      expectedMoves: p.moves,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: 'reflow_changed', message: expect.stringContaining('preview') });
    expect(refused.json().moves).toHaveLength(3);
    expect(refused.json().moves[1].start).not.toBe(taken.start);
    expect(await startsOf(courseId)).toEqual(before);
  });

  it('refuses a drop on a closed day, outside the opening hours or outside the interval window, naming why', async () => {
    const { reception, admin } = setup();
    const { courseId, sessions: original } = await bookedCourse('2031-03-03');
    const before = await startsOf(courseId);
    const first = original[0]!.scheduledAt;
    const target = original[1]!;
    const holiday = plusDays(first, 10).slice(0, 10);
    const closed = await admin.inject({
      method: 'POST',
      url: `/api/locations/${locationId()}/exceptions`,
      payload: { kind: 'days', from: holiday, to: holiday, reason: 'Spring holiday' },
    });
    expect(closed.statusCode, closed.body).toBe(201);
    const onHoliday = plusDays(first, 10);
    const p = (await preview(reception, target.id, { start: onHoliday })).json() as Preview;
    expect(p.status).toBe('not_possible');
    expect(p.moves).toEqual([]);
    expect(p.sessions.every((s) => s.proposed === null)).toBe(true);
    expect(p.problems[0]).toMatchObject({
      code: 'clinic_closed',
      session: 2,
      from: holiday,
      to: holiday,
      reason: 'Spring holiday',
    });
    expect(p.problems[0]!.message).toContain('Spring holiday');
    const refused = await move(reception, target.id, { start: onHoliday });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: 'not_possible', problems: [{ code: 'clinic_closed', session: 2 }] });
    expect(refused.json().message).toContain('closed');

    // The location open on weekdays only: a Saturday inside the window is outside its hours.
    const weekdays = Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ start: '08:00', end: '18:00' }]]));
    const opening = (weeklyHours: object | null) =>
      admin.inject({ method: 'PUT', url: `/api/locations/${locationId()}/opening-hours`, payload: { weeklyHours } });
    expect((await opening(weekdays)).statusCode).toBe(200);
    try {
      const saturday = plusDays(first, 12);
      expect(new Date(saturday).getUTCDay()).toBe(6);
      const weekend = (await preview(reception, target.id, { start: saturday })).json() as Preview;
      expect(weekend.problems[0]).toMatchObject({ code: 'outside_opening_hours', session: 2 });
      expect((await move(reception, target.id, { start: saturday })).json().problems[0].code).toBe(
        'outside_opening_hours',
      );
    } finally {
      await opening(null);
    }

    // Four weeks after session 1 is past the 7-14 day window: the window is named.
    const tooFar = plusDays(first, 28);
    const far = (await preview(reception, target.id, { start: tooFar })).json() as Preview;
    expect(far.problems[0]).toMatchObject({
      code: 'interval_window_blocked',
      session: 2,
      from: plusDays(first, 7).slice(0, 10),
      to: plusDays(first, 14).slice(0, 10),
    });
    expect((await move(reception, target.id, { start: tooFar })).json()).toMatchObject({
      error: 'not_possible',
      problems: [{ code: 'interval_window_blocked' }],
    });
    expect(await startsOf(courseId)).toEqual(before);
  });

  it('turns bad input away naming the field, and another clinic’s session is not found', async () => {
    const { reception } = setup();
    const { sessions } = await bookedCourse('2031-06-02');
    const id = sessions[1]!.id;
    const problemField = async (query: Record<string, string>) => {
      const response = await preview(reception, id, query);
      expect(response.statusCode, response.body).toBe(400);
      return response.json().problems[0].field;
    };
    // Without a time: the course as it stands, nothing moving.
    const asItStands = (await preview(reception, id, {})).json() as Preview;
    expect(asItStands).toMatchObject({ status: 'possible', moves: [] });
    expect(await problemField({ start: 'next tuesday' })).toBe('start');
    expect(await problemField({ start: '9999-12-31T09:00:00Z' })).toBe('start');
    expect(await problemField({ start: sessions[1]!.scheduledAt, practitionerId: 'x y' })).toBe('practitionerId');
    expect(await problemField({ start: sessions[1]!.scheduledAt, expectedUpdatedAt: 'yesterday' })).toBe(
      'expectedUpdatedAt',
    );
    const badMoves = await move(reception, id, {
      start: sessions[1]!.scheduledAt,
      expectedMoves: [{ sessionId: id, start: 'soon', practitionerId: 'p', roomId: 'r' }],
    });
    expect(badMoves.statusCode).toBe(400);
    expect(badMoves.json().problems[0].field).toBe('expectedMoves[0].start');
    const outsider = await get().signInElsewhere('reception');
    expect((await preview(outsider, id, { start: sessions[1]!.scheduledAt })).statusCode).toBe(404);
    expect((await preview(reception, 'missing', { start: sessions[1]!.scheduledAt })).statusCode).toBe(404);
  });
});
