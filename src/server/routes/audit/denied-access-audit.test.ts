import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import type { AuditRecord, CourseRecord, TreatmentSessionRecord } from '../../../core/records/index.js';
import { createSampleCourse, createStaff } from '../../../test-support/stored-records.js';
import { forEachApp, testPassword } from '../../../test-support/test-app.js';
import { anonymousRefusalsPerMinute } from '../../plugins/audit-denials.js';

/**
 * Refused requests on patient data leave audit entries saying who tried, what and why (issue 23:
 * 84 denied cross-patient tries by a patient and cross-clinic tries by staff left none), an admin
 * sees them per user, and a burst by one user alerts every admin of the clinic once.
 */

const threshold = 5;

forEachApp(
  'denied access audit',
  (get) => {
    let course: CourseRecord;
    let session: TreatmentSessionRecord;

    /** The refused entries of a clinic, newest first (straight from storage: reading through the API is audited too). */
    const refusedIn = (clinicId: string, userId?: string): Promise<AuditRecord[]> =>
      get().repos.audit.list({ clinicId, ...(userId ? { userId } : {}), refused: true, limit: 200, offset: 0 });

    beforeAll(async () => {
      const { repos, fixture } = get();
      course = await createSampleCourse(repos, fixture.otherPatient.id);
      session = await repos.treatmentSessions.create({ courseId: course.id, scheduledAt: '2026-06-01T09:00:00.000Z' });
    });

    it("audits a patient's tries at another patient's records: who, what, why and from where", async () => {
      const { fixture } = get();
      const patient = await get().signIn('patient');
      const other = fixture.otherPatient.id;
      const tries = [
        { url: `/api/patients/${other}`, status: 403, entity: 'patient', entityId: other },
        { url: `/api/sessions/${session.id}`, status: 404, entity: 'treatment_session', entityId: session.id },
        { url: `/api/courses/${course.id}`, status: 404, entity: 'course', entityId: course.id },
        { url: `/api/patients/${other}/intakes`, status: 403, entity: 'patient', entityId: other },
      ];
      for (const { url, status } of tries) {
        const response = await patient.inject({ method: 'GET', url });
        expect(response.statusCode, url).toBe(status);
      }
      // The answers say no more than before: "session not found", never whose it is.
      expect((await patient.inject({ method: 'GET', url: `/api/sessions/${session.id}` })).json()).toEqual({
        error: 'not_found',
        message: 'session not found',
      });

      const entries = (await refusedIn(fixture.clinic.id, fixture.users.patient.id)).reverse();
      expect(entries.slice(0, tries.length)).toEqual(
        tries.map((t) =>
          expect.objectContaining({
            userId: fixture.users.patient.id,
            role: 'patient',
            clinicId: fixture.clinic.id,
            action: 'read',
            entity: t.entity,
            entityId: t.entityId,
            patientId: other,
            reason: 'not_their_record',
            clientAddress: '127.0.0.1',
          }),
        ),
      );
      expect(entries[1]?.route).toBe('GET /api/sessions/:id');
      // The other patient's own trail shows the tries.
      const trail = await get().repos.audit.list({
        clinicId: fixture.clinic.id,
        patientId: other,
        limit: 50,
        offset: 0,
      });
      expect(trail.filter((e) => e.reason === 'not_their_record').length).toBeGreaterThanOrEqual(tries.length);
    });

    it("audits staff tries at another clinic's records, in both clinics' logs", async () => {
      const { fixture } = get();
      const elsewhere = await get().createOtherClinic();
      const outsider = await get().signInAs(elsewhere.users.practitioner.email, testPassword);
      for (const url of [`/api/patients/${fixture.patient.id}`, `/api/sessions/${session.id}`])
        expect((await outsider.inject({ method: 'GET', url })).statusCode, url).toBe(404);

      const theirs = (await refusedIn(elsewhere.clinic.id)).reverse();
      expect(theirs.map((e) => [e.entity, e.entityId, e.patientId, e.reason, e.userId])).toEqual([
        ['patient', fixture.patient.id, null, 'other_clinic', elsewhere.users.practitioner.id],
        ['treatment_session', session.id, null, 'other_clinic', elsewhere.users.practitioner.id],
      ]);
      const ours = (await refusedIn(fixture.clinic.id, elsewhere.users.practitioner.id)).reverse();
      expect(ours.map((e) => [e.entity, e.entityId, e.patientId, e.reason, e.role])).toEqual([
        ['patient', fixture.patient.id, fixture.patient.id, 'other_clinic', 'practitioner'],
        ['treatment_session', session.id, fixture.otherPatient.id, 'other_clinic', 'practitioner'],
      ]);
    });

    it('audits role refusals and requests without a sign-in; not ids that name nothing, nor public routes', async () => {
      const { fixture, app, db } = get();
      const reception = await get().signIn('reception');
      expect((await reception.inject({ method: 'GET', url: `/api/sessions/${session.id}/chart` })).statusCode).toBe(
        403,
      );
      expect(await refusedIn(fixture.clinic.id, fixture.users.reception.id)).toEqual([
        expect.objectContaining({
          action: 'read',
          entity: 'treatment_session',
          entityId: session.id,
          reason: 'wrong_role',
          route: 'GET /api/sessions/:id/chart',
        }),
      ]);

      const practitioner = await get().signIn('practitioner');
      const colleague = await createStaff(get().repos, {
        clinicId: fixture.clinic.id,
        email: `colleague-${randomUUID()}@example.test`,
        displayName: 'Dr Col League',
      });
      expect(
        (await practitioner.inject({ method: 'GET', url: `/api/practitioners/${colleague.id}/calendar.ics` }))
          .statusCode,
      ).toBe(403);
      const nothing = randomUUID();
      expect((await practitioner.inject({ method: 'GET', url: `/api/sessions/${nothing}` })).statusCode).toBe(404);
      expect(await refusedIn(fixture.clinic.id, fixture.users.practitioner.id)).toEqual([
        expect.objectContaining({ entity: 'user', entityId: colleague.id, reason: 'refused' }),
      ]);

      const anonymous = await app.inject({ method: 'DELETE', url: `/api/patients/${fixture.patient.id}` });
      expect(anonymous.statusCode).toBe(401);
      const feed = await app.inject({ method: 'GET', url: `/api/calendar-feeds/${'x'.repeat(43)}.ics` });
      expect(feed.statusCode).toBe(404);
      const unsigned = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('user_id', 'is', null)
        .where('reason', 'is not', null)
        .execute();
      expect(unsigned.map((e) => [e.action, e.entity, e.entity_id, e.reason, e.route, e.clinic_id])).toEqual([
        ['delete', 'patient', fixture.patient.id, 'not_signed_in', 'DELETE /api/patients/:id', null],
      ]);
    });

    it('stops writing the refusals of one address without a sign-in one by one past a minute’s budget', async () => {
      const { app, db, fixture } = get();
      const address = '198.51.100.7';
      // Twice the budget and more: even across a turn of the minute, some are left out.
      const sent = 2 * anonymousRefusalsPerMinute + 10;
      for (let i = 0; i < sent; i++) {
        const response = await app.inject({
          method: 'GET',
          url: `/api/patients/${fixture.patient.id}`,
          remoteAddress: address,
        });
        expect(response.statusCode).toBe(401);
      }
      const written = await db.selectFrom('audit_log').select('id').where('client_address', '=', address).execute();
      expect(written.length).toBeGreaterThanOrEqual(anonymousRefusalsPerMinute);
      expect(written.length).toBeLessThanOrEqual(2 * anonymousRefusalsPerMinute);
    });

    it('shows admins the refusals per user, and alerts every admin once per burst', async () => {
      const { repos, db } = get();
      const clinic = await get().createOtherClinic();
      const secondAdmin = await createStaff(repos, {
        clinicId: clinic.clinic.id,
        email: `second-admin-${randomUUID()}@example.test`,
        displayName: 'Second Admin',
        role: 'admin',
      });
      const prober = await get().signInAs(clinic.users.patient.email, testPassword);
      const other = clinic.otherPatient.id;
      // Twice the threshold, all at once: one alert all the same.
      const answers = await Promise.all(
        Array.from({ length: 2 * threshold }, () => prober.inject({ method: 'GET', url: `/api/patients/${other}` })),
      );
      expect(answers.map((a) => a.statusCode)).toEqual(Array.from({ length: 2 * threshold }, () => 403));

      const alerts = await db
        .selectFrom('outbox_messages')
        .selectAll()
        .where('clinic_id', '=', clinic.clinic.id)
        .where('kind', '=', 'denial_alert')
        .execute();
      expect(alerts.map((m) => m.recipient).sort()).toEqual([clinic.users.admin.email, secondAdmin.email].sort());
      expect(alerts[0]).toMatchObject({ status: 'pending', session_id: null, patient_id: null });
      expect(alerts[0]?.subject).toContain('Paula Patient');
      expect(alerts[0]?.body).not.toContain(other);
      const alertEntries = await repos.audit.list({
        clinicId: clinic.clinic.id,
        entity: 'denial_alert',
        limit: 10,
        offset: 0,
      });
      expect(alertEntries).toEqual([
        expect.objectContaining({ entityId: clinic.users.patient.id, userId: clinic.users.patient.id }),
      ]);

      // Only admins see the view; its reading is audited.
      const admin = await get().signInAs(clinic.users.admin.email, testPassword);
      expect((await prober.inject({ method: 'GET', url: '/api/audit/denied' })).statusCode).toBe(403);
      const view = await admin.inject({ method: 'GET', url: '/api/audit/denied' });
      expect(view.statusCode, view.body).toBe(200);
      expect(view.json()).toMatchObject({ threshold, windowMinutes: 10 });
      expect(view.json().users).toEqual([
        {
          userId: clinic.users.patient.id,
          displayName: 'Paula Patient',
          email: clinic.users.patient.email,
          role: 'patient',
          count: 2 * threshold + 1,
          lastAt: expect.any(String),
          reasons: [
            { reason: 'not_their_record', count: 2 * threshold },
            { reason: 'wrong_role', count: 1 },
          ],
          alertedAt: alertEntries[0]?.at,
        },
      ]);
      const refusedOnly = await admin.inject({ method: 'GET', url: '/api/audit?refused=true' });
      expect(refusedOnly.json().entries.every((e: { reason?: string }) => e.reason !== undefined)).toBe(true);
      expect(refusedOnly.json().entries.length).toBe(2 * threshold + 1);
      const reads = await repos.audit.list({
        clinicId: clinic.clinic.id,
        userId: clinic.users.admin.id,
        entity: 'audit_log',
        limit: 10,
        offset: 0,
      });
      expect(reads.map((e) => e.route)).toEqual(['GET /api/audit', 'GET /api/audit/denied']);
    });
  },
  { config: { denialAlerts: { threshold, windowMinutes: 10 } } },
);
