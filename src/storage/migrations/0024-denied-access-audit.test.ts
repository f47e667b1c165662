import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { queryPlan, recordingQueries } from '../../test-support/recorded-queries.js';
import { createSampleCourse, createSamplePatient } from '../../test-support/stored-records.js';
import { testEngines } from '../../test-support/test-databases.js';
import { createRepositories } from '../repositories/repositories.js';
import { onDatabaseAt } from './test-support/database-at.js';
import { denialAlert } from './test-support/denial-alert.js';

describe.each(testEngines)('0024-denied-access-audit [$engine]', (testEngine) => {
  it("keeps the outbox's messages, takes staff messages, and undoes cleanly", () =>
    onDatabaseAt(testEngine, '0023-photo-sizes', async (db, migrator) => {
      const repos = createRepositories(db);
      const clinic = await repos.clinics.create({ name: 'Before' });
      const patient = await createSamplePatient(repos, clinic.id, { email: 'p@example.test' });
      const course = await createSampleCourse(repos, patient.id);
      const session = await repos.treatmentSessions.create({
        courseId: course.id,
        scheduledAt: '2030-01-01T09:00:00Z',
      });
      const draft = {
        sessionId: session.id,
        patientId: patient.id,
        clinicId: clinic.id,
        kind: 'booking_confirmation' as const,
        channel: 'log' as const,
        recipient: 'p@example.test',
        subject: 'Booked',
        body: 'See you',
        fingerprint: 'f1',
        dueAt: '2029-12-01T09:00:00.000Z',
      };
      const { message } = await repos.outbox.upsert(draft);

      expect((await migrator.migrateTo('0024-denied-access-audit')).error).toBeUndefined();
      expect(await repos.outbox.listBySession(session.id)).toEqual([message]);
      // The session's message of a kind is still one row, replaced in place.
      expect((await repos.outbox.upsert({ ...draft, fingerprint: 'f2' })).change).toBe('replaced');
      const alert = await repos.outbox.enqueueForStaff(denialAlert(clinic.id));
      expect(alert).toMatchObject({ sessionId: null, patientId: null, kind: 'denial_alert', status: 'pending' });
      await expect(
        sql`update outbox_messages set kind = 'gossip' where id = ${alert.id}`.execute(db),
      ).rejects.toThrow();

      await repos.audit.append([
        {
          clinicId: clinic.id,
          userId: 'u',
          role: 'patient',
          route: 'GET /api/patients/:id',
          action: 'read',
          entity: 'patient',
          records: [{ entityId: patient.id, patientId: patient.id }],
          reason: 'not_their_record',
          via: 'calendar_feed:f',
        },
      ]);
      expect(await repos.audit.refusalsByUser({ clinicId: clinic.id, limit: 10 })).toEqual([
        { userId: 'u', role: 'patient', count: 1, lastAt: expect.any(String), reasons: { not_their_record: 1 } },
      ]);
      // The view of refusals reads the index of refused entries, not the clinic's whole log.
      const recorded = recordingQueries(db);
      await createRepositories(recorded.db).audit.refusalsByUser({ clinicId: clinic.id, limit: 10 });
      const [query] = recorded.queries;
      if (!query) throw new Error('the repository ran no query');
      if (testEngine.engine === 'postgres') await sql`set enable_seqscan = off`.execute(db);
      expect((await queryPlan(db, testEngine.engine, query)).join('\n')).toMatch(/audit_log_refused_idx/);

      expect((await migrator.migrateDown()).error).toBeUndefined();
      const left = await db.selectFrom('outbox_messages').select(['id', 'kind']).execute();
      expect(left).toEqual([{ id: message.id, kind: 'booking_confirmation' }]);
      await expect(
        sql`insert into outbox_messages (id, session_id, patient_id, clinic_id, kind, channel, recipient, subject, body,
          fingerprint, due_at, status, attempts, next_attempt_at, created_at, updated_at)
          values ('x', null, null, ${clinic.id}, 'booking_confirmation', 'log', 'a', 's', 'b', 'f', 'd', 'pending', 0, 'd', 'd', 'd')`.execute(
          db,
        ),
      ).rejects.toThrow();
    }));
});
