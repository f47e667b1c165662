import { beforeAll, expect, it } from 'vitest';
import { healthyIntake } from '../../../test-support/intake-examples.js';
import { forEachApp, type TestClient } from '../../../test-support/test-app.js';
import { auditedRecords, clinicAudit } from '../../../test-support/audited-records.js';

const day = 86_400_000;
/** Instants relative to the real clock: "upcoming" is judged against it. */
const inDays = (days: number, hourUtc = 9) => {
  const at = new Date(Date.now() + days * day);
  at.setUTCHours(hourUtc, 30, 0, 0);
  return at.toISOString();
};

interface Flag {
  session: { id: string; date: string; scheduledAt: string };
  patient: { id: string; firstName: string };
  verdict: string;
  reasons: { code: string; sources: string[]; citations: string[] }[];
}

forEachApp('flag routes', (get) => {
  let practitioner: TestClient;
  let admin: TestClient;
  let paula: { courseId: string; past: string; soon: string; later: string };
  let otto: { courseId: string; upcoming: string };

  const intakeOf = (birthDate: string, patient: Record<string, unknown> = {}) => {
    const body = healthyIntake(birthDate);
    return { ...body, patient: { ...body.patient, ...patient } };
  };
  const postIntake = (patientId: string, payload: object) =>
    practitioner.inject({ method: 'POST', url: `/api/patients/${patientId}/intakes`, payload });
  const startCourse = async (patientId: string, payload: object) => {
    const { assessment } = (await postIntake(patientId, payload)).json();
    return (
      await practitioner.inject({
        method: 'POST',
        url: `/api/patients/${patientId}/courses`,
        payload: { assessmentId: assessment.id },
      })
    ).json().id as string;
  };
  const book = async (courseId: string, scheduledAt: string) => {
    const response = await practitioner.inject({
      method: 'POST',
      url: `/api/courses/${courseId}/sessions`,
      payload: { scheduledAt, locationId: get().fixture.location.id },
    });
    expect(response.statusCode).toBe(201);
    return response.json().id as string;
  };
  const flags = async (client: TestClient = practitioner) =>
    (await client.inject({ method: 'GET', url: '/api/flags' })).json().flags as Flag[];
  const flagOf = async (sessionId: string) =>
    (await practitioner.inject({ method: 'GET', url: `/api/sessions/${sessionId}` })).json().flag;

  beforeAll(async () => {
    const { fixture } = get();
    practitioner = await get().signIn('practitioner');
    admin = await get().signIn('admin');
    const paulaCourse = await startCourse(fixture.patient.id, intakeOf('1990-04-12'));
    paula = {
      courseId: paulaCourse,
      past: await book(paulaCourse, inDays(-3)),
      soon: await book(paulaCourse, inDays(5)),
      later: await book(paulaCourse, inDays(40)),
    };
    const ottoCourse = await startCourse(fixture.otherPatient.id, {
      ...intakeOf('1985-01-30'),
      patient: { ...intakeOf('1985-01-30').patient, sex: 'male' },
    });
    otto = { courseId: ottoCourse, upcoming: await book(ottoCourse, inDays(6)) };
  });

  it("changing a patient's intake to pregnant flags all of her upcoming sessions, and only those", async () => {
    const { fixture } = get();
    expect(await flags()).toEqual([]);
    const saved = await postIntake(fixture.patient.id, intakeOf('1990-04-12', { pregnant: true }));
    expect(saved.statusCode).toBe(201);

    const listed = await flags();
    expect(listed.map((f) => f.session.id)).toEqual([paula.soon, paula.later]);
    for (const flag of listed) {
      expect(flag).toMatchObject({
        patient: { id: fixture.patient.id, firstName: 'Paula' },
        verdict: 'contraindicated',
      });
      expect(flag.reasons.map((r) => r.code)).toContain('PREGNANCY');
      expect(flag.reasons.every((r) => r.sources.length > 0 && r.citations.length > 0)).toBe(true);
      expect(flag.session.date).toBe(flag.session.scheduledAt.slice(0, 10));
    }
    expect(await flagOf(paula.past)).toBeNull();
    expect(await flagOf(otto.upcoming)).toBeNull();
    expect((await flagOf(paula.soon)).verdict).toBe('contraindicated');

    // The flag writes were the practitioner's, and are in the audit log with the intake.
    const audit = auditedRecords(
      await clinicAudit(get(), { entity: 'treatment_session', action: 'update', limit: 10 }),
    );
    expect(
      audit
        .filter((e) => e.route === 'POST /api/patients/:id/intakes')
        .map((e) => e.entityId)
        .sort(),
    ).toEqual([paula.soon, paula.later].sort());
    expect(audit.every((e) => e.userId === fixture.users.practitioner.id && e.patientId === fixture.patient.id)).toBe(
      true,
    );
  });

  it('keeps an unchanged flag (and when it was raised) when the intake is saved again', async () => {
    const before = await flagOf(paula.soon);
    await postIntake(get().fixture.patient.id, intakeOf('1990-04-12', { pregnant: true }));
    expect(await flagOf(paula.soon)).toEqual(before);
  });

  it('changing the intake back clears the flags', async () => {
    await postIntake(get().fixture.patient.id, intakeOf('1990-04-12', { pregnant: false }));
    expect(await flags()).toEqual([]);
    expect(await flagOf(paula.soon)).toBeNull();
    expect(await flagOf(paula.later)).toBeNull();
  });

  it('judges each session as of its own local date', async () => {
    const { fixture, repos } = get();
    // A session at 23:30 UTC is on the next day in Berlin.
    await repos.clinics.updateLocation(fixture.location.id, { timeZone: 'Europe/Berlin' });
    const lateEvening = await book(paula.courseId, inDays(20, 23));
    const today = new Date().toISOString().slice(0, 10);
    await postIntake(
      fixture.patient.id,
      intakeOf('1990-04-12', { medications: [{ class: 'nsaid', lastDose: today }] }),
    );
    const listed = await flags();
    // The NSAID wait covers the session in five days, not those weeks away.
    expect(listed.map((f) => [f.session.id, f.verdict])).toEqual([[paula.soon, 'defer']]);
    await postIntake(fixture.patient.id, intakeOf('1990-04-12', { pregnant: true }));
    const berlin = (await flags()).find((f) => f.session.id === lateEvening);
    expect(berlin?.session.date).toBe(inDays(21).slice(0, 10));
    await postIntake(fixture.patient.id, intakeOf('1990-04-12'));
    expect(await flags()).toEqual([]);
  });

  it('re-screens sessions not yet screened under this knowledge base on request (admin)', async () => {
    const { fixture } = get();
    // A booking is screened at once; a session last screened under an older knowledge base (and
    // cleared then) waits for the next run, which this request is.
    await postIntake(fixture.otherPatient.id, {
      ...intakeOf('1985-01-30'),
      patient: { ...intakeOf('1985-01-30').patient, sex: 'male', site: { inflammation: true, skinDamage: false } },
    });
    const unscreened = await book(otto.courseId, inDays(9));
    expect(await flagOf(unscreened)).not.toBeNull();
    await get().repos.screening.recordScreening(unscreened, { knowledgeBaseVersion: '0.9.0+older', flag: null });
    expect(await flagOf(unscreened)).toBeNull();

    const run = await admin.inject({ method: 'POST', url: '/api/flags/rescreen' });
    expect(run.statusCode).toBe(200);
    expect(run.json()).toMatchObject({ knowledgeBaseVersion: get().app.knowledgeBase.version, failed: 0 });
    expect(run.json().patients).toBeGreaterThanOrEqual(1);
    const listed = await flags(admin);
    expect(listed.filter((f) => f.patient.id === fixture.otherPatient.id).map((f) => f.session.id)).toEqual([
      otto.upcoming,
      unscreened,
    ]);

    const again = (await admin.inject({ method: 'POST', url: '/api/flags/rescreen' })).json();
    expect(again).toMatchObject({ patients: 0, sessions: 0, changed: 0 });
  });

  it('keeps flags from reception and patients, and needs an admin to re-screen', async () => {
    const reception = await get().signIn('reception');
    const patient = await get().signIn('patient');
    expect((await reception.inject({ method: 'GET', url: '/api/flags' })).statusCode).toBe(403);
    expect((await patient.inject({ method: 'GET', url: '/api/flags' })).statusCode).toBe(403);
    expect((await get().app.inject({ method: 'GET', url: '/api/flags' })).statusCode).toBe(401);
    expect((await practitioner.inject({ method: 'POST', url: '/api/flags/rescreen' })).statusCode).toBe(403);
    expect((await reception.inject({ method: 'POST', url: '/api/flags/rescreen' })).statusCode).toBe(403);
    expect((await admin.inject({ method: 'POST', url: '/api/flags/rescreen', csrf: false })).statusCode).toBe(403);
  });

  it('shows only the clinic’s own flags', async () => {
    const elsewhere = await get().signInElsewhere('practitioner');
    expect(await flags(elsewhere)).toEqual([]);
    expect((await flags()).length).toBeGreaterThan(0);
  });

  it('refuses bad paging with the field named', async () => {
    const zero = await practitioner.inject({ method: 'GET', url: '/api/flags?limit=0' });
    expect(zero.statusCode).toBe(400);
    expect(zero.json().problems[0].field).toBe('limit');
    expect((await practitioner.inject({ method: 'GET', url: '/api/flags?offset=-1' })).json().problems[0].field).toBe(
      'offset',
    );
    const page = await practitioner.inject({ method: 'GET', url: '/api/flags?limit=1&offset=1' });
    expect(page.json().flags).toHaveLength(1);
  });
});
