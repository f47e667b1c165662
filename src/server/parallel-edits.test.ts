import { beforeAll, describe, expect, it } from 'vitest';
import { forEachApp, signInRoles, type TestClient } from '../test-support/test-app.js';
import { prepareLocation, startCourse, type SchedulingClinic } from '../test-support/scheduling-test-setup.js';

const editors = 30;

/**
 * Many edits of one record at once (each in its own transaction; on PostgreSQL truly in parallel over
 * a pool of connections). Whatever the order, the record must end as exactly one of the edits — never a
 * mix of two — with everything derived from it (search words, slot claims, audit) agreeing.
 */
forEachApp('parallel edits of one record', (get) => {
  let reception: TestClient;
  let practitioner: TestClient;
  let clinic: SchedulingClinic;

  beforeAll(async () => {
    ({ reception, practitioner } = await signInRoles(get(), ['reception', 'practitioner']));
    clinic = await prepareLocation(get(), { roomNames: ['Room A', 'Room B'] });
  });

  const auditEntries = async (entityId: string, action: string) =>
    (
      await get().repos.audit.list({
        clinicId: get().fixture.clinic.id,
        patientId: get().fixture.otherPatient.id,
        entity: 'patient',
        action: 'update',
        limit: 1000,
        offset: 0,
      })
    ).filter((e) => e.entityId === entityId && e.action === action);

  describe('a patient edited by many people at once', () => {
    it('ends as one whole edit, with its search words and one audit entry per edit', async () => {
      const id = get().fixture.otherPatient.id;
      const edits = Array.from({ length: editors }, (_, i) => ({
        firstName: `Zelda${i}x`,
        lastName: `Quorum${i}y`,
        phone: `+44 7700 900${String(i).padStart(3, '0')}`,
      }));
      const responses = await Promise.all(
        edits.map((payload) => reception.inject({ method: 'PATCH', url: `/api/patients/${id}`, payload })),
      );
      expect(responses.map((r) => r.statusCode)).toEqual(edits.map(() => 200));
      // Each answer is the edit it asked for, whole.
      responses.forEach((r, i) => expect(r.json()).toMatchObject(edits[i]!));

      const final = (await reception.inject({ method: 'GET', url: `/api/patients/${id}` })).json() as {
        firstName: string;
        lastName: string;
        phone: string;
      };
      const winner = edits.findIndex((e) => e.firstName === final.firstName);
      expect(winner).toBeGreaterThanOrEqual(0);
      expect(final).toMatchObject(edits[winner]!);

      // Name search follows the final name only: no word of a losing edit is left behind.
      for (const [i, edit] of edits.entries()) {
        const found = (
          await reception.inject({
            method: 'GET',
            url: '/api/patients',
            query: { name: `${edit.firstName} ${edit.lastName}` },
          })
        ).json().patients as { id: string }[];
        expect(
          found.map((p) => p.id),
          `search for edit ${i}`,
        ).toEqual(i === winner ? [id] : []);
      }
      expect(await auditEntries(id, 'update')).toHaveLength(editors);
    });
  });

  describe('a planned session changed in conflicting ways at once', () => {
    it('is either cancelled with its time freed, or moved with its time held — never cancelled yet holding a slot', async () => {
      const course = await startCourse(get(), practitioner);
      const start = '2031-03-04T09:00:00.000Z';
      const created = await reception.inject({
        method: 'POST',
        url: `/api/courses/${course.id}/sessions`,
        payload: {
          scheduledAt: start,
          durationMinutes: 30,
          locationId: clinic.location.id,
          roomId: clinic.rooms[0]!.id,
          practitionerId: get().fixture.users.practitioner.id,
        },
      });
      expect(created.statusCode, created.body).toBe(201);
      const sessionId = created.json().id as string;

      const moves = Array.from({ length: editors / 2 }, (_, i) => ({
        scheduledAt: `2031-03-${String(5 + (i % 3)).padStart(2, '0')}T${String(9 + Math.floor(i / 3)).padStart(2, '0')}:00:00.000Z`,
      }));
      const requests = [...moves, ...moves.map(() => ({ status: 'cancelled' }))];
      const responses = await Promise.all(
        requests.map((payload) => reception.inject({ method: 'PATCH', url: `/api/sessions/${sessionId}`, payload })),
      );
      // A change after the cancellation is refused as a conflict (the session is closed), never applied.
      for (const r of responses) expect([200, 409], r.body).toContain(r.statusCode);
      expect(responses.filter((r) => r.statusCode === 409).every((r) => r.json().error === 'session_closed')).toBe(
        true,
      );

      const session = (await reception.inject({ method: 'GET', url: `/api/sessions/${sessionId}` })).json() as {
        status: string;
        scheduledAt: string;
      };
      const day = { from: '2031-03-01T00:00:00.000Z', to: '2031-03-31T00:00:00.000Z' };
      const held = (await get().repos.availability.bookedSlots({ clinicId: get().fixture.clinic.id, ...day })).filter(
        (s) => s.sessionId === sessionId,
      );
      if (session.status === 'cancelled') {
        expect(held).toEqual([]);
        // Nothing moved it once it was cancelled: every later move was refused.
        const accepted = responses.filter((r) => r.statusCode === 200).map((r) => r.json() as { status: string });
        expect(accepted.filter((s) => s.status === 'cancelled')).toHaveLength(1);
      } else {
        expect(session.status).toBe('planned');
        expect(held.length).toBeGreaterThan(0);
        expect(held.every((s) => new Date(s.start).toISOString() === new Date(session.scheduledAt).toISOString())).toBe(
          true,
        );
      }
    });
  });

  describe('an outcome recorded by several people at once', () => {
    it('is one outcome holding one of the values sent, however many saves raced', async () => {
      const course = await startCourse(get(), practitioner);
      const past = new Date(Date.now() - 2 * 86_400_000).toISOString();
      const session = await get().repos.treatmentSessions.create({
        courseId: course.id,
        scheduledAt: past,
        durationMinutes: 30,
        practitionerId: get().fixture.users.practitioner.id,
        locationId: clinic.location.id,
        roomId: null,
      });
      const ratings = Array.from({ length: editors }, (_, i) => (i % 5) + 1);
      const responses = await Promise.all(
        ratings.map((rating) =>
          practitioner.inject({
            method: 'PUT',
            url: `/api/sessions/${session.id}/outcome`,
            payload: { practitionerRating: rating },
          }),
        ),
      );
      expect(responses.map((r) => r.statusCode)).toEqual(ratings.map(() => 200));
      const stored = await get().repos.outcomes.listByPatient(get().fixture.patient.id, course.id);
      expect(stored).toHaveLength(1);
      expect(ratings).toContain(stored[0]!.practitionerRating);
    });
  });
});
