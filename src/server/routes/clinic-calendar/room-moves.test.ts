import { expect, it } from 'vitest';
import { copyCourse, weekdaysNineToFive } from '../../../test-support/scheduling-test-setup.js';
import { forEachApp } from '../../../test-support/test-app.js';
import { useSessionMoves } from './test-support/session-moves.js';

interface Placement {
  start: string;
  practitionerId: string;
  roomId: string;
  roomName: string;
}

interface Preview {
  status: 'possible' | 'not_possible';
  updatedAt: string;
  sessions: Array<{ id: string; target: boolean; moves: boolean; current: Placement; proposed: Placement | null }>;
  moves: Array<{ sessionId: string; start: string; practitionerId: string; roomId: string }>;
  problems: Array<{ code: string; message: string; session?: number }>;
}

/**
 * A session dropped into another room's column of the calendar (or another practitioner's) moves
 * there, time and all: the preview shows the new room, the confirmation writes it and holds the
 * room, and a room that is booked then, not the practitioner's, or not the location's is refused,
 * moving nothing.
 */
forEachApp('moving a session to another room or practitioner', (get) => {
  const { setup, locationId, sessionsOf, manual, preview, move, bookedCourse } = useSessionMoves(get);
  const placesOf = async (courseId: string) => (await sessionsOf(courseId)).map((s) => `${s.scheduledAt} ${s.roomId}`);
  const otherRoom = (roomId: string) => {
    const other = setup().clinic.rooms.find((r) => r.id !== roomId);
    if (!other) throw new Error('the location has one room');
    return other;
  };

  it('previews the drop into another room, and the confirmation moves the session there, holding that room', async () => {
    const { reception } = setup();
    const { courseId, sessions } = await bookedCourse('2030-06-03');
    const target = sessions[1]!;
    const room = otherRoom(target.roomId);
    const asked = { start: target.scheduledAt, roomId: room.id, expectedUpdatedAt: target.updatedAt };
    const shown = await preview(reception, target.id, asked);
    expect(shown.statusCode, shown.body).toBe(200);
    const p = shown.json() as Preview;
    expect(p.status).toBe('possible');
    expect(p.moves).toEqual([
      { sessionId: target.id, start: target.scheduledAt, practitionerId: target.practitionerId, roomId: room.id },
    ]);
    const shownTarget = p.sessions.find((s) => s.target)!;
    expect(shownTarget.current.roomId).toBe(target.roomId);
    expect(shownTarget.proposed).toMatchObject({ roomId: room.id, roomName: room.name, start: target.scheduledAt });
    expect(p.sessions.filter((s) => s.moves).map((s) => s.id)).toEqual([target.id]);

    const moved = await move(reception, target.id, {
      ...asked,
      expectedUpdatedAt: p.updatedAt,
      expectedMoves: p.moves,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().moved).toEqual([target.id]);
    const after = await sessionsOf(courseId);
    expect(after.find((s) => s.id === target.id)).toMatchObject({ roomId: room.id, scheduledAt: target.scheduledAt });
    // The new room is held: another booking there then is refused; the old one is free again.
    const other = await copyCourse(get(), setup().course);
    const at = { scheduledAt: target.scheduledAt, durationMinutes: 30, locationId: locationId() };
    expect((await manual(other.id, { ...at, roomId: room.id })).statusCode).toBe(409);
    expect((await manual(other.id, { ...at, roomId: target.roomId })).statusCode).toBe(201);
  });

  it('refuses a room booked at that time with 409 room_taken, moving nothing; the preview says so', async () => {
    const { reception } = setup();
    const { courseId, sessions } = await bookedCourse('2030-09-02');
    const target = sessions[1]!;
    const room = otherRoom(target.roomId);
    const newStart = new Date(Date.parse(target.scheduledAt) + 86_400_000).toISOString();
    const other = await copyCourse(get(), setup().course);
    const blocking = await manual(other.id, {
      scheduledAt: newStart,
      durationMinutes: 30,
      locationId: locationId(),
      roomId: room.id,
    });
    expect(blocking.statusCode, blocking.body).toBe(201);
    const before = await placesOf(courseId);

    const p = (await preview(reception, target.id, { start: newStart, roomId: room.id })).json() as Preview;
    expect(p).toMatchObject({ status: 'not_possible', moves: [], problems: [{ code: 'room_taken', session: 2 }] });
    expect(p.problems[0]!.message).toContain(room.name);
    const refused = await move(reception, target.id, { start: newStart, roomId: room.id });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: 'not_possible', problems: [{ code: 'room_taken', session: 2 }] });
    expect(await placesOf(courseId)).toEqual(before);
    // The same time in its own room, which is free, is a plain move.
    expect((await move(reception, target.id, { start: newStart })).statusCode).toBe(200);
  });

  it('refuses a room the practitioner does not work in (409), and one of another location or none (400 roomId)', async () => {
    const { reception, admin, clinic } = setup();
    const { courseId, sessions } = await bookedCourse('2031-03-03');
    const target = sessions[1]!;
    const room = otherRoom(target.roomId);
    const before = await placesOf(courseId);
    const hours = (roomIds: string[] | null) =>
      admin.inject({
        method: 'PUT',
        url: `/api/locations/${locationId()}/practitioners/${target.practitionerId}/hours`,
        payload: { weeklyHours: weekdaysNineToFive, roomIds },
      });
    expect((await hours(clinic.rooms.filter((r) => r.id !== room.id).map((r) => r.id))).statusCode).toBe(200);
    try {
      const refused = await move(reception, target.id, { start: target.scheduledAt, roomId: room.id });
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ problems: [{ code: 'room_not_allowed', session: 2 }] });
    } finally {
      expect((await hours(null)).statusCode).toBe(200);
    }
    const elsewhere = await get().repos.clinics.createLocation({
      clinicId: get().fixture.clinic.id,
      name: 'Annex',
      address: null,
      timeZone: 'Europe/Berlin',
    });
    const annexRoom = await get().repos.availability.createRoom({ locationId: elsewhere.id, name: 'Annex room' });
    for (const roomId of [annexRoom.id, 'no-such-room']) {
      const bad = await move(reception, target.id, { start: target.scheduledAt, roomId });
      expect(bad.statusCode, bad.body).toBe(400);
      expect(bad.json().problems).toEqual([{ field: 'roomId', message: expect.stringContaining('room in use') }]);
      const shown = await preview(reception, target.id, { start: target.scheduledAt, roomId });
      expect(shown.json().problems[0].field).toBe('roomId');
    }
    expect(await placesOf(courseId)).toEqual(before);
  });

  it('moves a session dropped into another practitioner’s column to them', async () => {
    const { reception } = setup();
    const { repos, fixture } = get();
    const colleague = await repos.users.create({
      clinicId: fixture.clinic.id,
      email: `colleague-${Date.now()}@room-moves.test`,
      displayName: 'Dr Colleague',
      passwordHash: 'x',
      role: 'practitioner',
    });
    await repos.availability.setPractitionerHours({
      practitionerId: colleague.id,
      locationId: locationId(),
      weeklyHours: weekdaysNineToFive,
    });
    const { courseId, sessions } = await bookedCourse('2031-06-02');
    const target = sessions[1]!;
    const asked = { start: target.scheduledAt, practitionerId: colleague.id };
    const p = (await preview(reception, target.id, asked)).json() as Preview;
    expect(p.moves).toEqual([expect.objectContaining({ sessionId: target.id, practitionerId: colleague.id })]);
    const moved = await move(reception, target.id, { ...asked, expectedMoves: p.moves });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = (await reception.inject({ method: 'GET', url: `/api/sessions/${target.id}` })).json();
    expect(after).toMatchObject({ practitionerId: colleague.id, scheduledAt: target.scheduledAt });
    expect((await sessionsOf(courseId)).length).toBe(sessions.length);
  });
});
