import { beforeAll, expect, it } from 'vitest';
import type { AuditRecord, TreatmentSessionRecord } from '../../../core/records/index.js';
import { createSampleCourse } from '../../../test-support/stored-records.js';
import { forEachApp, type TestClient } from '../../../test-support/test-app.js';

/**
 * Calendar feeds in the audit log (issue 23): making and ending an address is audited, and a feed
 * read is recorded as read through that feed, from the fetching address, not as the owner's own.
 */
forEachApp('calendar feeds in the audit log', (get) => {
  let patient: TestClient;
  let session: TreatmentSessionRecord;

  beforeAll(async () => {
    const { repos, fixture } = get();
    patient = await get().signIn('patient');
    const course = await createSampleCourse(repos, fixture.patient.id);
    session = await repos.treatmentSessions.create({
      courseId: course.id,
      scheduledAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
  });

  const entries = (userId: string, entity: string): Promise<AuditRecord[]> =>
    get().repos.audit.list({ clinicId: get().fixture.clinic.id, userId, entity, limit: 50, offset: 0 });
  const feedIdOf = async (userId: string) =>
    (await get().db.selectFrom('calendar_feeds').select('id').where('user_id', '=', userId).executeTakeFirst())?.id;

  it('audits making, replacing and ending an address, naming the patient whose sessions it opens', async () => {
    const { fixture } = get();
    const userId = fixture.users.patient.id;
    expect((await patient.inject({ method: 'POST', url: '/api/calendar-feed' })).statusCode).toBe(201);
    const first = await feedIdOf(userId);
    expect((await patient.inject({ method: 'POST', url: '/api/calendar-feed' })).statusCode).toBe(201);
    const second = await feedIdOf(userId);
    expect((await patient.inject({ method: 'DELETE', url: '/api/calendar-feed' })).statusCode).toBe(204);
    // Nothing left to end: nothing to audit.
    expect((await patient.inject({ method: 'DELETE', url: '/api/calendar-feed' })).statusCode).toBe(204);

    const trail = (await entries(userId, 'calendar_feed')).reverse();
    expect(trail.map((e) => [e.action, e.entityId, e.patientId, e.route])).toEqual([
      ['create', first, fixture.patient.id, 'POST /api/calendar-feed'],
      ['delete', first, fixture.patient.id, 'POST /api/calendar-feed'],
      ['create', second, fixture.patient.id, 'POST /api/calendar-feed'],
      ['delete', second, fixture.patient.id, 'DELETE /api/calendar-feed'],
    ]);

    const practitioner = await get().signIn('practitioner');
    expect((await practitioner.inject({ method: 'POST', url: '/api/calendar-feed' })).statusCode).toBe(201);
    expect(await entries(fixture.users.practitioner.id, 'calendar_feed')).toEqual([
      expect.objectContaining({ action: 'create', patientId: null, role: 'practitioner' }),
    ]);
  });

  it('records a feed read as read through the feed, from the fetching address, not as the owner', async () => {
    const { fixture, app } = get();
    const userId = fixture.users.patient.id;
    const made = await patient.inject({ method: 'POST', url: '/api/calendar-feed' });
    const feedId = await feedIdOf(userId);
    const fetched = await app.inject({ method: 'GET', url: made.json().url, remoteAddress: '203.0.113.9' });
    expect(fetched.statusCode).toBe(200);
    // The owner's own read, signed in, for comparison.
    expect((await patient.inject({ method: 'GET', url: `/api/sessions/${session.id}` })).statusCode).toBe(200);

    const [own, throughFeed] = await entries(userId, 'treatment_session');
    expect(throughFeed).toMatchObject({
      action: 'read',
      entityId: session.id,
      patientId: fixture.patient.id,
      userId,
      role: 'patient',
      route: 'GET /api/calendar-feeds/:token.ics',
      via: `calendar_feed:${feedId}`,
      clientAddress: '203.0.113.9',
    });
    expect(own?.route).toBe('GET /api/sessions/:id');
    expect(own?.via).toBeUndefined();

    // The admin's view of the log says so too.
    const admin = await get().signIn('admin');
    const shown = (
      await admin.inject({ method: 'GET', url: `/api/audit?patientId=${fixture.patient.id}&entity=treatment_session` })
    ).json().entries as { via?: string; clientAddress?: string; route: string }[];
    expect(shown.find((e) => e.route === 'GET /api/calendar-feeds/:token.ics')).toMatchObject({
      via: `calendar_feed:${feedId}`,
      clientAddress: '203.0.113.9',
    });
  });
});
