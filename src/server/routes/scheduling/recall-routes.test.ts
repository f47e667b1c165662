import { expect, it } from 'vitest';
import { forEachApp, type TestClient } from '../../../test-support/test-app.js';
import { copyCourse } from '../../../test-support/scheduling-test-setup.js';
import { useSchedulingRoutes } from './test-support/scheduling-routes-setup.js';
import { clinicAudit } from '../../../test-support/audited-records.js';

forEachApp('maintenance recall routes', (get) => {
  const { setup, locationId } = useSchedulingRoutes(get);

  const recall = (client: TestClient, courseId: string) =>
    client.inject({ method: 'POST', url: `/api/courses/${courseId}/maintenance-recall` });
  // Sessions of 2025, before the booking window's year back: written directly, as a clinic's history would be.
  const session = (courseId: string, scheduledAt: string) =>
    get().repos.treatmentSessions.create({ courseId, scheduledAt, durationMinutes: 30, locationId: locationId() });
  const mark = (id: string, status: string) =>
    setup().practitioner.inject({ method: 'PATCH', url: `/api/sessions/${id}`, payload: { status } });

  // Sessions in the past: a session can be marked done only once its day has come (the treatment gate).
  it("stores the recall at the protocol's spacing after the last session, in the clinic's calendar, and completes the course", async () => {
    const { practitioner, patient, course } = setup();
    const first = await session(course.id, '2025-04-01T07:00:00Z');
    // 22:30 UTC on 6 May is already 7 May in Berlin.
    const last = await session(course.id, '2025-05-06T22:30:00Z');
    expect((await recall(practitioner, course.id)).json().error).toBe('course_not_finished');
    await mark(first.id, 'done');
    await mark(last.id, 'done');

    const response = await recall(practitioner, course.id);
    expect(response.statusCode).toBe(201);
    expect(course.plan.maintenance.intervalMonths).toEqual({ min: 8, max: 12 });
    expect(response.json().recall).toMatchObject({
      courseId: course.id,
      patientId: get().fixture.patient.id,
      lastSessionDate: '2025-05-07',
      dueFrom: '2026-01-07',
      dueTo: '2026-05-07',
    });
    expect(response.json().recall.message).toContain('2025-05-07');
    expect(response.json().course.status).toBe('completed');
    // Asking again replaces the recall rather than adding one.
    expect((await recall(practitioner, course.id)).json().recall.id).toBe(response.json().recall.id);

    const own = await patient.inject({
      method: 'GET',
      url: `/api/patients/${get().fixture.patient.id}/maintenance-recalls`,
    });
    expect(own.json().recalls.map((r: { id: string }) => r.id)).toEqual([response.json().recall.id]);
    expect(
      (
        await patient.inject({
          method: 'GET',
          url: `/api/patients/${get().fixture.otherPatient.id}/maintenance-recalls`,
        })
      ).statusCode,
    ).toBe(403);
  });

  it("lists the clinic's due recalls with contact details for staff", async () => {
    const { reception, patient, course } = setup();
    const due = await reception.inject({
      method: 'GET',
      url: '/api/maintenance-recalls?from=2026-02-01&to=2026-02-28',
    });
    expect(due.statusCode).toBe(200);
    expect(due.json().entries).toEqual([
      expect.objectContaining({
        patient: expect.objectContaining({ firstName: 'Paula', phone: '+49 30 1234567' }),
        recall: expect.objectContaining({ courseId: course.id }),
      }),
    ]);
    expect(
      (await reception.inject({ method: 'GET', url: '/api/maintenance-recalls?from=2026-06-01' })).json().entries,
    ).toEqual([]);
    expect(
      (await reception.inject({ method: 'GET', url: '/api/maintenance-recalls?to=2025-12-31' })).json().entries,
    ).toEqual([]);
    expect(
      (await reception.inject({ method: 'GET', url: '/api/maintenance-recalls?from=soon' })).json().problems[0].field,
    ).toBe('from');
    expect((await patient.inject({ method: 'GET', url: '/api/maintenance-recalls' })).statusCode).toBe(403);
    const audit = await clinicAudit(get(), { entity: 'maintenance_recall', limit: 50 });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['create', 'read']));
  });

  it('refuses a call-back list beyond five years either way, or ending before it starts, naming the field', async () => {
    const { reception } = setup();
    const today = get().app.now().toISOString().slice(0, 10);
    const yearsOn = (years: number, days = 0) => {
      const date = new Date(`${today}T00:00:00Z`);
      date.setUTCFullYear(date.getUTCFullYear() + years);
      date.setUTCDate(date.getUTCDate() + days);
      return date.toISOString().slice(0, 10);
    };
    const list = (query: string) => reception.inject({ method: 'GET', url: `/api/maintenance-recalls?${query}` });
    expect((await list(`from=${yearsOn(-5)}&to=${yearsOn(5)}`)).statusCode).toBe(200);
    for (const [query, field, message] of [
      [`from=${yearsOn(-5, -1)}`, 'from', /^must be between/],
      ['from=0001-01-01', 'from', /^must be between/],
      [`to=${yearsOn(5, 1)}`, 'to', /^must be between/],
      ['to=9999-12-31', 'to', /^must be between/],
      [`from=${today}&to=${yearsOn(0, -1)}`, 'to', /^must not be before from$/],
    ] as const) {
      const response = await list(query);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().problems, query).toEqual([{ field, message: expect.stringMatching(message) }]);
    }
  });

  it('explains when no recall can be made', async () => {
    const { practitioner, reception, patient, course } = setup();
    const nothingDone = await copyCourse(get(), course);
    const cancelled = await session(nothingDone.id, '2025-04-02T07:00:00Z');
    await mark(cancelled.id, 'cancelled');
    expect((await recall(practitioner, nothingDone.id)).json().error).toBe('no_session_done');

    const { patientId, assessmentId, indication, area, plan } = course;
    const maintenance = {
      note: 'No maintenance is scheduled.',
      sources: plan.maintenance.sources,
      citations: plan.maintenance.citations,
    };
    const noMaintenance = await get().repos.courses.create({
      patientId,
      assessmentId,
      indication,
      area,
      plan: { ...plan, maintenance },
      createdBy: null,
    });
    await mark((await session(noMaintenance.id, '2025-04-03T07:00:00Z')).id, 'done');
    const refused = await recall(practitioner, noMaintenance.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      error: 'no_maintenance',
      message: expect.stringContaining('No maintenance is scheduled.'),
    });

    expect((await recall(reception, course.id)).statusCode).toBe(403);
    expect((await recall(patient, course.id)).statusCode).toBe(403);
    expect((await recall(practitioner, 'missing')).statusCode).toBe(404);
  });
});
