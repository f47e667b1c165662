import { beforeAll, expect, it } from 'vitest';
import { healthyIntake } from '../../../test-support/intake-examples.js';
import type { AuditAction } from '../../../core/records/index.js';
import { forEachApp, type TestClient } from '../../../test-support/test-app.js';
import { auditedRecords, clinicAudit } from '../../../test-support/audited-records.js';

interface Listed {
  id: string;
  kind: string;
  status: string;
  subject: string;
  body?: string;
  dueAt: string;
}

const day = 86_400_000;

forEachApp('session messages', (get) => {
  let practitioner: TestClient;
  let reception: TestClient;
  let courseId: string;

  const startCourse = async (patientId: string, birthDate: string) => {
    const url = `/api/patients/${patientId}`;
    // Every screening question answered: the treatment gate reads this intake when a session is marked done.
    const intake = healthyIntake(birthDate);
    const payload = { ...intake, patient: { ...intake.patient, pregnant: false, breastfeeding: false } };
    const { assessment } = (await practitioner.inject({ method: 'POST', url: `${url}/intakes`, payload })).json();
    return (
      await practitioner.inject({ method: 'POST', url: `${url}/courses`, payload: { assessmentId: assessment.id } })
    ).json().id as string;
  };
  const book = async (payload: object, course = courseId) => {
    const response = await reception.inject({
      method: 'POST',
      url: `/api/courses/${course}/sessions`,
      payload: { locationId: get().fixture.location.id, durationMinutes: 45, ...payload },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as string;
  };
  const list = async (sessionId: string, client: TestClient = practitioner): Promise<Listed[]> => {
    const response = await client.inject({ method: 'GET', url: `/api/sessions/${sessionId}/messages` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json().messages;
  };

  const patch = (client: TestClient, sessionId: string, payload: object) =>
    client.inject({ method: 'PATCH', url: `/api/sessions/${sessionId}`, payload });
  /** The clinic's audit of outbox messages, record by record. */
  const outboxAudit = async (action: AuditAction, limit = 200) =>
    auditedRecords(await clinicAudit(get(), { entity: 'outbox_message', action, limit }));

  beforeAll(async () => {
    const { repos, fixture } = get();
    await repos.clinics.updateLocation(fixture.location.id, { timeZone: 'Europe/Berlin' });
    practitioner = await get().signIn('practitioner');
    reception = await get().signIn('reception');
    courseId = await startCourse(fixture.patient.id, fixture.patient.birthDate);
  });

  it('plans every message when a session is booked, and lists them for staff', async () => {
    const sessionId = await book({ scheduledAt: '2030-03-04T10:00:00+01:00' });
    const messages = await list(sessionId);
    expect(messages.map((m) => [m.kind, m.status])).toEqual([
      ['booking_confirmation', 'pending'],
      ['preparation_reminder', 'pending'],
      ['day_before_reminder', 'pending'],
      ['aftercare', 'pending'],
      ['check_in', 'pending'],
    ]);
    expect(messages.slice(1).map((m) => m.dueAt)).toEqual([
      '2030-02-25T09:00:00.000Z',
      '2030-03-03T09:00:00.000Z',
      '2030-03-04T09:45:00.000Z',
      '2030-03-06T09:45:00.000Z',
    ]);
    expect(messages[3]?.body).toContain('Until Tue 5 Mar, 01:45:');
    expect(messages[0]).toMatchObject({
      channel: 'log',
      recipient: get().fixture.patient.email,
      attempts: 0,
      lastError: null,
      sentAt: null,
    });
    expect(messages[0]).not.toHaveProperty('lockedBy');
    expect((await list(sessionId, await get().signIn('admin'))).length).toBe(5);
  });

  it('shows reception whether messages went out, but not their text', async () => {
    const sessionId = await book({ scheduledAt: '2030-03-11T10:00:00+01:00' });
    const messages = await list(sessionId, reception);
    expect(messages).toHaveLength(5);
    for (const message of messages) expect(message).not.toHaveProperty('body');
    expect(messages[0]?.subject).toBe('Your session on Mon, 11 Mar 2030 at 10:00 is booked');
  });

  it('rescheduling replaces the messages instead of adding more; other changes leave them alone', async () => {
    const sessionId = await book({ scheduledAt: '2030-04-01T10:00:00+02:00' });
    const before = await list(sessionId);
    const moved = await patch(reception, sessionId, { scheduledAt: '2030-04-08T10:00:00+02:00' });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = await list(sessionId);
    expect(after.map((m) => m.id)).toEqual(before.map((m) => m.id));
    expect(after[2]).toMatchObject({
      kind: 'day_before_reminder',
      dueAt: '2030-04-07T08:00:00.000Z',
      status: 'pending',
    });
    expect(after[0]?.subject).toBe('Your session on Mon, 8 Apr 2030 at 10:00 is booked');

    const auditBefore = (await outboxAudit('update')).length;
    const same = await patch(reception, sessionId, { practitionerId: get().fixture.users.practitioner.id });
    expect(same.statusCode, same.body).toBe(200);
    expect((await list(sessionId)).map((m) => [m.id, m.subject, m.body])).toEqual(
      after.map((m) => [m.id, m.subject, m.body]),
    );
    expect((await outboxAudit('update')).length).toBe(auditBefore);
  });

  it('cancelling a session cancels its pending messages', async () => {
    const sessionId = await book({ scheduledAt: '2030-05-06T10:00:00+02:00' });
    const cancelled = await patch(reception, sessionId, { status: 'cancelled' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(new Set((await list(sessionId)).map((m) => m.status))).toEqual(new Set(['cancelled']));
  });

  it('a session marked done keeps its aftercare and check-in', async () => {
    // Earlier today: a session is marked done once its day has come (the treatment gate).
    const earlier = new Date(Date.now() - 2 * 3_600_000);
    earlier.setUTCMinutes(0, 0, 0);
    const sessionId = await book({ scheduledAt: earlier.toISOString() });
    const before = await list(sessionId);
    const done = await patch(practitioner, sessionId, { status: 'done' });
    expect(done.statusCode, done.body).toBe(200);
    expect(await list(sessionId)).toEqual(before);
  });

  it('a booking within the week puts the preparation advice in the confirmation', async () => {
    const soon = new Date(Date.now() + 3 * day);
    soon.setUTCMinutes(0, 0, 0);
    const messages = await list(await book({ scheduledAt: soon.toISOString() }));
    expect(messages.map((m) => m.kind)).not.toContain('preparation_reminder');
    expect(messages[0]?.body).toContain('Before your session:');
    expect(messages[0]?.body).toMatch(/Keep taking any prescribed anticoagulant or antiplatelet medicine/);
  });

  it('writes nothing for a patient without an email address', async () => {
    const { otherPatient } = get().fixture;
    const otherCourse = await startCourse(otherPatient.id, otherPatient.birthDate);
    expect(await list(await book({ scheduledAt: '2030-06-03T10:00:00+02:00' }, otherCourse))).toEqual([]);
  });

  it('a refused change leaves the messages as they were', async () => {
    const sessionId = await book({ scheduledAt: '2030-07-01T10:00:00+02:00' });
    const before = await list(sessionId);
    const refused = await patch(reception, sessionId, { scheduledAt: '2030-07-08T10:00:00+02:00', roomId: 'nowhere' });
    expect(refused.statusCode).toBe(400);
    expect(await list(sessionId)).toEqual(before);
  });

  it('audits reading the messages', async () => {
    const sessionId = await book({ scheduledAt: '2030-08-05T10:00:00+02:00' });
    const messages = await list(sessionId);
    const ids = new Set(messages.map((m) => m.id));
    const reads = (await outboxAudit('read', 20)).filter((e) => ids.has(e.entityId ?? ''));
    expect(reads).toHaveLength(5);
    expect(reads[0]).toMatchObject({
      userId: practitioner.user.id,
      patientId: get().fixture.patient.id,
      route: 'GET /api/sessions/:id/messages',
    });
    const creates = await outboxAudit('create');
    expect(creates.map((e) => e.entityId)).toEqual(expect.arrayContaining(messages.map((m) => m.id)));
    expect(creates.find((e) => e.entityId === messages[0]?.id)).toMatchObject({
      userId: reception.user.id,
      route: 'POST /api/courses/:id/sessions',
    });
  });

  it('is for staff of the clinic only; bad ids are refused', async () => {
    const sessionId = await book({ scheduledAt: '2030-09-02T10:00:00+02:00' });
    const url = `/api/sessions/${sessionId}/messages`;
    expect((await get().app.inject({ method: 'GET', url })).statusCode).toBe(401);
    expect((await (await get().signIn('patient')).inject({ method: 'GET', url })).statusCode).toBe(403);
    const outsider = await get().signInElsewhere('practitioner');
    expect((await outsider.inject({ method: 'GET', url })).statusCode).toBe(404);
    expect((await practitioner.inject({ method: 'GET', url: '/api/sessions/missing/messages' })).statusCode).toBe(404);
    const bad = await practitioner.inject({ method: 'GET', url: '/api/sessions/not%20an%20id/messages' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: 'invalid_input', problems: [{ field: 'id', message: 'must be an id' }] });
  });
});
