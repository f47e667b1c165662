import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ClinicFixture } from '../../src/test-support/clinic-fixture.js';
import { healthyIntake } from '../../src/test-support/intake-examples.js';
import { makeIntake, testKnowledgeBase } from '../../src/test-support/intake-builder.js';
import { weekdaysNineToFive } from '../../src/test-support/scheduling-test-setup.js';
import { bookHealthyCourse } from '../../src/test-support/stored-records.js';
import { startupRescreeningRoute } from '../../src/services/rescreening/rescreen-at-start.js';
import type { Db } from '../../src/storage/create-database.js';
import type { Repositories } from '../../src/storage/repositories/repositories.js';
import { auditedRecords } from '../../src/test-support/audited-records.js';
import { freePort } from './support/free-port.js';
import { signIn, type HttpClient } from './support/http-client.js';
import { spawnMesodesk, type LogLine, type MesodeskProcess } from './support/mesodesk-process.js';
import {
  createSharedDatabase,
  postgresUnderTest,
  seedClinic,
  testPassword,
  type SharedDatabase,
} from './support/shared-postgres.js';

/**
 * `MESODESK_WORKERS=2`: one port, two server processes (Node's cluster module), one PostgreSQL
 * database. The primary hands each connection to either process; whatever a request needs must
 * hold whichever one answers it.
 */

const workers = 2;
/** Patients with upcoming sessions never screened: the re-screening at start has work to share out. */
const outdatedPatients = 150;
const bookings = 30;

/** Which process answered each request of `method` to a URL matching `url`, with its status. */
function answers(logs: readonly LogLine[], method: string, url: RegExp): { pid: number; status: number }[] {
  const asked = new Set(
    logs
      .filter((l) => l.msg === 'incoming request')
      .filter((l) => {
        const req = l.req as { method?: string; url?: string } | undefined;
        return req?.method === method && url.test(req.url ?? '');
      })
      .map((l) => `${l.pid} ${String(l.reqId)}`),
  );
  return logs
    .filter((l) => l.msg === 'request completed' && asked.has(`${l.pid} ${String(l.reqId)}`))
    .map((l) => ({ pid: l.pid, status: (l.res as { statusCode: number }).statusCode }));
}

/** `answers`, once the log shows `count` of them: a process writes its log line after the response. */
async function answered(
  server: MesodeskProcess,
  method: string,
  url: RegExp,
  count: number,
): Promise<{ pid: number; status: number }[]> {
  await server.waitForLog(() => answers(server.logs(), method, url).length >= count, 5_000);
  return answers(server.logs(), method, url);
}

/** Upcoming sessions for many patients, half of them pregnant (their sessions will be flagged). */
async function seedOutdatedSessions(repos: Repositories, clinicId: string): Promise<{ flagged: Set<string> }> {
  const kb = testKnowledgeBase();
  const flagged = new Set<string>();
  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
  await repos.transaction(async (tx) => {
    for (let i = 0; i < outdatedPatients; i++) {
      const patient = await tx.patients.create({
        clinicId,
        firstName: `Rita${i}`,
        lastName: 'Rescreen',
        birthDate: '1990-04-12',
        sex: 'female',
        phone: null,
        email: null,
      });
      const pregnant = i % 2 === 0;
      const data = makeIntake({ patient: { birthDate: patient.birthDate, ...(pregnant ? { pregnant: true } : {}) } });
      await tx.intakes.create({ patientId: patient.id, data, createdBy: null });
      const sessions = await bookHealthyCourse(tx, patient, kb, [inDays(10), inDays(40)]);
      if (pregnant) for (const id of sessions) flagged.add(id);
    }
  });
  return { flagged };
}

/**
 * Holds a row lock on one session until released: the re-screening that reaches it waits there, so
 * the run is surely still going when the other process comes to it.
 */
function holdSession(db: Db, sessionId: string): { held: Promise<void>; release(): Promise<void> } {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = () => {};
  const locked = new Promise<void>((resolve) => (held = resolve));
  const done = db.transaction().execute(async (tx) => {
    await tx.selectFrom('treatment_sessions').select('id').where('id', '=', sessionId).forUpdate().execute();
    held();
    await released;
  });
  return {
    held: locked,
    async release() {
      release();
      await done;
    },
  };
}

describe.skipIf(!postgresUnderTest)(`a cluster of ${workers} server processes on one port [postgres]`, () => {
  let dir = '';
  let shared: SharedDatabase | undefined;
  let server: MesodeskProcess | undefined;
  let fixture: ClinicFixture;
  let flagged = new Set<string>();
  let workerPids: number[] = [];
  let hold: ReturnType<typeof holdSession> | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mesodesk-cluster-'));
    shared = await createSharedDatabase();
    fixture = await seedClinic(shared.repos, 'cluster');
    ({ flagged } = await seedOutdatedSessions(shared.repos, fixture.clinic.id));
    hold = holdSession(shared.db, [...flagged][0] ?? '');
    await hold.held;
    server = await spawnMesodesk({
      env: { DATABASE_URL: shared.url, MESODESK_DATA_DIR: join(dir, 'data'), MESODESK_WORKERS: String(workers) },
      port: await freePort(),
    });
    const listening = await server.waitForLog((l) => l.msg === `listening with ${workers} server processes`);
    workerPids = listening.workerPids as number[];
  }, 120_000);

  afterAll(async () => {
    await hold?.release();
    await server?.kill();
    await shared?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const running = () => {
    if (!server || !shared) throw new Error('the cluster did not start');
    return { server, shared };
  };

  test('forks the processes, each serving the port, and runs the start-up work in none of them twice', async () => {
    const { server } = running();
    expect(workerPids).toHaveLength(workers);
    expect(workerPids).not.toContain(server.pid);
    // The primary migrates once; the workers find the database ready and do not migrate.
    const migrated = server.logs().filter((l) => l.msg === 'database migrated' || l.msg === 'database up to date');
    expect(migrated.map((l) => l.pid)).toEqual([server.pid]);
    for (const pid of workerPids)
      await server.waitForLog((l) => l.pid === pid && /^Server listening at /.test(l.msg ?? ''));
  });

  test('re-screens the upcoming sessions at start once, not once per process', async () => {
    const { server, shared } = running();
    const ended = (l: LogLine) => l.msg === 're-screening of upcoming sessions finished';
    const skipped = (l: LogLine) =>
      l.msg === 're-screening of upcoming sessions skipped: another server process is running it';
    // One process is held inside its run; the other comes to it meanwhile and leaves it alone.
    const skipper = await server.waitForLog(skipped, 20_000);
    expect(server.logs().filter(ended)).toEqual([]);
    await hold?.release();
    const run = await server.waitForLog(ended, 30_000);
    expect(new Set([skipper.pid, run.pid])).toEqual(new Set(workerPids));
    expect(run).toMatchObject({ patients: outdatedPatients, sessions: outdatedPatients * 2, changed: flagged.size });
    expect(server.logs().filter((l) => ended(l) || skipped(l))).toHaveLength(workers);
    const audit = auditedRecords(
      await shared.repos.audit.list({ clinicId: fixture.clinic.id, limit: 10_000, offset: 0 }),
    ).filter((e) => e.route === startupRescreeningRoute);
    expect(audit.map((e) => e.entityId).sort()).toEqual([...flagged].sort());
  });

  test(`${bookings} bookings of one practitioner's slot, across both processes at once: exactly one wins, the others get 409`, async () => {
    const { server, shared } = running();
    const { repos } = shared;
    await repos.clinics.updateLocation(fixture.location.id, { timeZone: 'Europe/Berlin' });
    await repos.availability.createRoom({ locationId: fixture.location.id, name: 'Room 1' });
    await repos.availability.setPractitionerHours({
      practitionerId: fixture.users.practitioner.id,
      locationId: fixture.location.id,
      weeklyHours: weekdaysNineToFive,
    });
    const practitioner = await signIn(server.baseUrl, fixture.users.practitioner.email, testPassword);
    const patientUrl = `/api/patients/${fixture.patient.id}`;
    const intake = await practitioner.request('POST', `${patientUrl}/intakes`, healthyIntake('1990-04-12'));
    expect(intake.status).toBe(201);
    const assessmentId = (intake.body as { assessment: { id: string } }).assessment.id;
    const created = await practitioner.request('POST', `${patientUrl}/courses`, { assessmentId });
    expect(created.status).toBe(201);
    const course = await repos.courses.findById((created.body as { id: string }).id);
    if (!course) throw new Error('no course');
    const { patientId, indication, area, plan } = course;
    const courses = await Promise.all(
      Array.from({ length: bookings }, () =>
        repos.courses.create({ patientId, assessmentId, indication, area, plan, createdBy: null }),
      ),
    );
    const reception = await signIn(server.baseUrl, fixture.users.reception.email, testPassword);
    const responses = await Promise.all(
      courses.map((c, i) =>
        reception.request('POST', `/api/courses/${c.id}/sessions`, {
          // Different start minutes within one slot: every booking overlaps the same practitioner time.
          scheduledAt: `2031-03-03T09:0${i % 10}:00.000Z`,
          durationMinutes: 30,
          practitionerId: fixture.users.practitioner.id,
        }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(bookings - 1);
    const served = await answered(server, 'POST', /^\/api\/courses\/[^/]+\/sessions$/, bookings);
    expect(served).toHaveLength(bookings);
    expect(new Set(served.map((s) => s.pid))).toEqual(new Set(workerPids));
    const slots = await repos.availability.bookedSlots({
      clinicId: fixture.clinic.id,
      from: '2031-03-03T08:00:00.000Z',
      to: '2031-03-03T10:00:00.000Z',
    });
    expect(slots.filter((s) => s.practitionerId === fixture.users.practitioner.id)).toHaveLength(1);
  });

  test('a session and CSRF token issued by one process are accepted by the other', async () => {
    const { server } = running();
    const csrfUrl = /^\/api\/auth\/csrf$/;
    const before = answers(server.logs(), 'GET', csrfUrl).length;
    const client: HttpClient = await signIn(server.baseUrl, fixture.users.reception.email, testPassword);
    const issuer = (await answered(server, 'GET', csrfUrl, before + 1))[before]?.pid;
    expect(workerPids).toContain(issuer);
    const writes = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        client.request('PATCH', `/api/patients/${fixture.otherPatient.id}`, { phone: `+49 30 55500${10 + i}` }),
      ),
    );
    expect(writes.map((w) => w.status)).toEqual(writes.map(() => 200));
    const served = await answered(server, 'PATCH', new RegExp(`^/api/patients/${fixture.otherPatient.id}$`), 12);
    expect(served.every((s) => s.status === 200)).toBe(true);
    expect(served.some((s) => s.pid !== issuer)).toBe(true);
  });

  test('replaces a process that dies, and keeps serving meanwhile', async () => {
    const { server } = running();
    const [victim] = workerPids;
    if (victim === undefined) throw new Error('no worker');
    process.kill(victim, 'SIGKILL');
    await server.waitForLog(
      (l) => l.msg === 'a server process stopped unexpectedly; starting another' && l.pid === server.pid,
    );
    const replacement = await server.waitForLog(
      (l) => /^Server listening at /.test(l.msg ?? '') && !workerPids.includes(l.pid),
    );
    workerPids = [...workerPids.filter((p) => p !== victim), replacement.pid];
    for (let i = 0; i < 6; i++) {
      const response = await fetch(`${server.baseUrl}/api/health`, { signal: AbortSignal.timeout(5000) });
      expect(response.status).toBe(200);
      await response.arrayBuffer();
    }
  });

  test('a process started after the re-screening (the replacement) finds nothing left to change', async () => {
    const { server, shared } = running();
    const latest = workerPids.at(-1);
    const run = await server.waitForLog(
      (l) => l.pid === latest && l.msg === 're-screening of upcoming sessions finished',
      30_000,
    );
    // It ran alone (nobody held the lock any more), and the sessions were screened already.
    expect(run).toMatchObject({ changed: 0, failed: 0 });
    const audit = auditedRecords(
      await shared.repos.audit.list({ clinicId: fixture.clinic.id, limit: 10_000, offset: 0 }),
    ).filter((e) => e.route === startupRescreeningRoute);
    expect(audit.map((e) => e.entityId).sort()).toEqual([...flagged].sort());
  });

  test('stops every process cleanly on SIGTERM', async () => {
    const { server } = running();
    expect(await server.stop()).toBe(0);
    const stopped = server.logs().filter((l) => l.msg === 'shutting down');
    expect(stopped.map((l) => l.pid).sort()).toEqual([...workerPids].sort());
    for (const pid of workerPids) expect(() => process.kill(pid, 0)).toThrow();
  });
});

describe('MESODESK_WORKERS on SQLite', () => {
  test('is refused at start with what to do instead', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mesodesk-cluster-sqlite-'));
    try {
      const server = await spawnMesodesk({
        env: { MESODESK_DATA_DIR: dataDir, MESODESK_WORKERS: '2' },
        port: await freePort(),
        ready: false,
      });
      expect((await server.exited).code).toBe(1);
      expect(server.output()).toMatch(/^mesodesk: MESODESK_WORKERS=2 needs PostgreSQL \(set DATABASE_URL\): .+\n$/m);
      expect(server.logs()).toEqual([]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
