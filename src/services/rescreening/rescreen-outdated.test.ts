import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import { createClinicFixture, type ClinicFixture } from '../../test-support/clinic-fixture.js';
import { makeIntake, testKnowledgeBase } from '../../test-support/intake-builder.js';
import { forEachEngine } from '../../test-support/test-databases.js';
import type { PatientRecord } from '../../core/records/index.js';
import { createRepositories, type Repositories } from '../../storage/repositories/repositories.js';
import { startupRescreeningRoute, startRescreening } from './rescreen-at-start.js';
import { rescreenOutdated } from './rescreen-outdated.js';
import { cannotScreenVerdict } from './rescreen-patient.js';
import { auditedRecords } from '../../test-support/audited-records.js';
import { bookHealthyCourse } from '../../test-support/stored-records.js';

const kb = testKnowledgeBase();
/** The same rules under another version: what an upgraded knowledge base looks like to re-screening. */
const nextKb: KnowledgeBase = { ...kb, version: `${kb.version}-next` };
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const silentLogger = pino({ level: 'silent' });

forEachEngine('re-screening outdated sessions', (getDb) => {
  let repos: Repositories;
  let fixture: ClinicFixture;
  const sessionsOf = new Map<string, string[]>();
  const noAudit = async () => {};

  /** A patient with an intake (as given), a course from it, and upcoming sessions booked after it. */
  async function patientWithSessions(
    patient: PatientRecord,
    overrides: Parameters<typeof makeIntake>[0],
    days: number[],
  ) {
    const intake = makeIntake({ ...overrides, patient: { birthDate: patient.birthDate, ...overrides?.patient } });
    const stored = await repos.intakes.create({ patientId: patient.id, data: intake, createdBy: null });
    const ids = await bookHealthyCourse(repos, patient, kb, days.map(inDays));
    sessionsOf.set(patient.id, ids);
    return stored;
  }
  const flagOf = async (sessionId: string) => (await repos.treatmentSessions.findById(sessionId))?.flag ?? null;

  beforeAll(async () => {
    repos = createRepositories(getDb());
    fixture = await createClinicFixture(repos, { tag: `rescreen-${Date.now()}`, passwordHash: 'unused' });
    await patientWithSessions(fixture.patient, { patient: { pregnant: true } }, [-2, 4, 30]);
    await patientWithSessions(fixture.otherPatient, { patient: { sex: 'male' } }, [10]);
  });

  it('screens sessions never screened, once per knowledge-base version', async () => {
    const first = await rescreenOutdated(repos, kb, { now: () => new Date(), record: noAudit });
    expect(first).toEqual({ knowledgeBaseVersion: kb.version, patients: 2, sessions: 3, changed: 2, failed: 0 });
    const [past, soon, later] = sessionsOf.get(fixture.patient.id) ?? [];
    expect(await flagOf(past ?? '')).toBeNull();
    expect((await flagOf(soon ?? ''))?.verdict).toBe('contraindicated');
    expect((await flagOf(later ?? ''))?.verdict).toBe('contraindicated');
    expect(await flagOf(sessionsOf.get(fixture.otherPatient.id)?.[0] ?? '')).toBeNull();

    expect(await rescreenOutdated(repos, kb, { now: () => new Date(), record: noAudit })).toMatchObject({
      patients: 0,
      sessions: 0,
    });
    const upgraded = await rescreenOutdated(repos, nextKb, { now: () => new Date(), record: noAudit });
    expect(upgraded).toMatchObject({ knowledgeBaseVersion: nextKb.version, patients: 2, sessions: 3, changed: 0 });
    const flaggedAt = (await flagOf(soon ?? ''))?.flaggedAt;
    expect(flaggedAt).toBeTruthy();
    await rescreenOutdated(repos, kb, { now: () => new Date(), record: noAudit });
    expect((await flagOf(soon ?? ''))?.flaggedAt).toBe(flaggedAt);
  });

  it('pages through many patients in small batches, only those of the clinic asked for', async () => {
    const other = await createClinicFixture(repos, { tag: `rescreen-other-${Date.now()}`, passwordHash: 'unused' });
    for (let i = 0; i < 5; i++) {
      const patient = await repos.patients.create({
        clinicId: fixture.clinic.id,
        firstName: `P${i}`,
        lastName: 'Batch',
        birthDate: '1980-01-01',
        sex: 'female',
      });
      await patientWithSessions(patient, { patient: { pregnant: i % 2 === 0 } }, [3, 12]);
    }
    await patientWithSessions(other.patient, {}, [5]);
    const run = await rescreenOutdated(repos, kb, {
      now: () => new Date(),
      clinicId: fixture.clinic.id,
      batchSize: 2,
      record: noAudit,
    });
    expect(run).toMatchObject({ patients: 5, sessions: 10, changed: 6, failed: 0 });
    expect(await rescreenOutdated(repos, kb, { now: () => new Date(), batchSize: 2, record: noAudit })).toMatchObject({
      patients: 1,
      sessions: 1,
    });
  });

  /** The repositories, with writes of these sessions' screenings failing (as a full disk would). */
  function failingFor(base: Repositories, sessionIds: ReadonlySet<string>): Repositories {
    const wrap = (r: Repositories): Repositories => ({
      ...r,
      screening: {
        ...r.screening,
        markScreened: async (ids, version) => {
          if (ids.some((id) => sessionIds.has(id))) throw new Error('disk full');
          await r.screening.markScreened(ids, version);
        },
      },
      transaction: (work) => r.transaction((tx) => work(wrap(tx))),
    });
    return wrap(base);
  }

  it('leaves a failing patient unchanged for the next run and carries on with the others', async () => {
    const errors: string[] = [];
    const failing = new Set(sessionsOf.get(fixture.otherPatient.id));
    const run = await rescreenOutdated(failingFor(repos, failing), nextKb, {
      now: () => new Date(),
      record: noAudit,
      onError: (patientId) => errors.push(patientId),
    });
    expect(run.failed).toBe(1);
    expect(errors).toEqual([fixture.otherPatient.id]);
    expect(run.patients).toBeGreaterThan(1);
    const untouched = await repos.screening.upcomingSessions(fixture.otherPatient.id, new Date().toISOString());
    expect(untouched.length).toBeGreaterThan(0);
    expect(untouched.every((s) => s.screenedWith === kb.version)).toBe(true);
    // The patients batched with it were screened all the same.
    const screened = await repos.screening.upcomingSessions(fixture.patient.id, new Date().toISOString());
    expect(screened.every((s) => s.screenedWith === nextKb.version)).toBe(true);
    expect(await rescreenOutdated(repos, nextKb, { now: () => new Date(), record: noAudit })).toMatchObject({
      patients: 1,
      failed: 0,
    });
  });

  it('rolls back a batch whose audit write fails, then screens its patients one by one', async () => {
    const again: KnowledgeBase = { ...kb, version: `${kb.version}-again` };
    let calls = 0;
    const run = await rescreenOutdated(repos, again, {
      now: () => new Date(),
      record: async () => {
        if (++calls === 1) throw new Error('audit down');
      },
    });
    expect(run.failed).toBe(0);
    // The first call was the whole batch; then one per patient.
    expect(calls).toBe(run.patients + 1);
    expect(await rescreenOutdated(repos, again, { now: () => new Date(), record: noAudit })).toMatchObject({
      patients: 0,
    });
  });

  it('lets the server take requests between batches', async () => {
    const version: KnowledgeBase = { ...kb, version: `${kb.version}-yields` };
    let finished = false;
    // Stands for a request waiting on the event loop (as a health check does while a run goes on).
    const request = new Promise<boolean>((resolve) => setImmediate(() => resolve(!finished)));
    const run = await rescreenOutdated(repos, version, { now: () => new Date(), batchSize: 1, record: noAudit });
    finished = true;
    expect(run.patients).toBeGreaterThan(2);
    expect(await request).toBe(true);
  });

  it('flags sessions whose treatment the knowledge base no longer knows', async () => {
    const shrunk: KnowledgeBase = { ...kb, version: `${kb.version}-shrunk`, indications: new Map() };
    await rescreenOutdated(repos, shrunk, { now: () => new Date(), clinicId: fixture.clinic.id, record: noAudit });
    const flag = await flagOf(sessionsOf.get(fixture.otherPatient.id)?.[0] ?? '');
    expect(flag?.verdict).toBe(cannotScreenVerdict);
    expect(flag?.reasons).toMatchObject([{ code: 'UNKNOWN_TREATMENT' }]);
  });

  it('stops between patients when asked to', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(
      await rescreenOutdated(repos, kb, { now: () => new Date(), signal: controller.signal, record: noAudit }),
    ).toMatchObject({ patients: 0 });
  });

  describe('at server start', () => {
    it('runs in the background and audits each flag change as a system write', async () => {
      const started = startRescreening(repos, kb, silentLogger);
      const summary = await started.done;
      await started.stop();
      expect(summary?.failed).toBe(0);
      expect(summary?.changed).toBeGreaterThan(0);
      const audit = auditedRecords(await repos.audit.list({ clinicId: fixture.clinic.id, limit: 200, offset: 0 }));
      const system = audit.filter((e) => e.route === startupRescreeningRoute);
      expect(system.length).toBe(summary?.changed);
      expect(
        system.every(
          (e) => e.userId === null && e.action === 'update' && e.entity === 'treatment_session' && e.patientId !== null,
        ),
      ).toBe(true);
    });
  });
});
