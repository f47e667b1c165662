import { beforeAll, expect, it } from 'vitest';
import { forEachApp, signInRoles, type TestClient } from '../../../test-support/test-app.js';
import { courseWithSessions } from '../side-effects/test-support/test-course.js';
import { clinicAudit } from '../../../test-support/audited-records.js';

forEachApp('outcome routes', (get) => {
  let practitioner: TestClient;
  let admin: TestClient;
  let reception: TestClient;
  let patient: TestClient;
  let courseId: string;
  /** The fixture patient's sessions, oldest first: 3 weeks ago, 1 week ago, and next week. */
  let sessions: string[];
  let secondCourse: { courseId: string; sessionIds: string[] };
  let othersSession: string;

  beforeAll(async () => {
    const test = get();
    ({ practitioner, admin, reception, patient } = await signInRoles(test));
    ({ courseId, sessionIds: sessions } = await courseWithSessions(test, practitioner, test.fixture.patient, [
      21 * 24,
      7 * 24,
      -7 * 24,
    ]));
    secondCourse = await courseWithSessions(test, practitioner, test.fixture.patient, [24]);
    [othersSession = ''] = (await courseWithSessions(test, practitioner, test.fixture.otherPatient, [24])).sessionIds;
  });

  const put = (client: TestClient, sessionId: string, payload: object) =>
    client.inject({ method: 'PUT', url: `/api/sessions/${sessionId}/outcome`, payload });

  it('takes the patient’s rating from the patient or staff, and the practitioner’s from clinicians', async () => {
    const [first = '', second = ''] = sessions;
    const own = await put(patient, first, { patientRating: 6 });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ sessionId: first, patientRating: 6, practitionerRating: null });
    expect(own.json()).not.toHaveProperty('notes');

    const rated = await put(admin, first, { practitionerRating: 7 });
    expect(rated.json()).toMatchObject({ patientRating: 6, practitionerRating: 7 });
    const noted = await put(practitioner, first, { notes: 'Less shedding already.' });
    expect(noted.json()).toMatchObject({
      id: own.json().id,
      patientRating: 6,
      practitionerRating: 7,
      notes: 'Less shedding already.',
    });

    // Reception passes on what the patient says at the desk, and sees nothing clinical back.
    const atDesk = await put(reception, second, { patientRating: 8 });
    expect(atDesk.statusCode).toBe(200);
    expect(atDesk.json()).toMatchObject({ sessionId: second, patientRating: 8 });
    expect(atDesk.json()).not.toHaveProperty('notes');
    expect(atDesk.json()).not.toHaveProperty('practitionerRating');
    await put(practitioner, second, { practitionerRating: 9, patientRating: 9 });
  });

  it('keeps each field to its writers', async () => {
    const [first = ''] = sessions;
    for (const [client, payload] of [
      [patient, { practitionerRating: 10 }],
      [patient, { notes: 'great' }],
      [reception, { practitionerRating: 10 }],
      [reception, { notes: 'great' }],
      [admin, { notes: 'great' }],
    ] as const) {
      const refused = await put(client, first, payload);
      expect(refused.statusCode, JSON.stringify(payload)).toBe(403);
    }
    expect((await practitioner.inject({ method: 'GET', url: `/api/sessions/${first}/outcome` })).json()).toMatchObject({
      practitionerRating: 7,
      notes: 'Less shedding already.',
    });
  });

  it('refuses bad ratings, empty changes, and sessions that are not the patient’s or have not happened', async () => {
    const [first = '', , next = ''] = sessions;
    const problems = async (payload: object) => (await put(practitioner, first, payload)).json().problems;
    expect(await problems({ patientRating: 11 })).toEqual([{ field: 'patientRating', message: 'must be at most 10' }]);
    expect(await problems({ practitionerRating: 0 })).toEqual([
      { field: 'practitionerRating', message: 'must be at least 1' },
    ]);
    expect(await problems({ patientRating: 7.5 })).toEqual([
      { field: 'patientRating', message: 'must be a whole number from 1 to 10' },
    ]);
    expect(await problems({ patientRating: '7' })).toEqual([
      { field: 'patientRating', message: 'must be a whole number from 1 to 10' },
    ]);
    expect((await problems({}))[0].message).toMatch(/at least one/);
    expect((await put(patient, othersSession, { patientRating: 5 })).statusCode).toBe(404);
    expect((await put(practitioner, 'missing', { patientRating: 5 })).statusCode).toBe(404);
    const future = await put(practitioner, next, { patientRating: 5 });
    expect(future.statusCode).toBe(409);
    expect(future.json().error).toBe('session_not_held');
    expect((await practitioner.inject({ method: 'GET', url: `/api/sessions/${next}/outcome` })).statusCode).toBe(404);
    expect(
      (await practitioner.inject({ method: 'GET', url: `/api/sessions/${first}/outcome` })).json().patientRating,
    ).toBe(6);
  });

  it("charts a patient's outcomes over the course, in session order", async () => {
    const url = `/api/patients/${get().fixture.patient.id}/outcomes`;
    await put(patient, secondCourse.sessionIds[0] ?? '', { patientRating: 3 });
    const all = (await patient.inject({ method: 'GET', url })).json().outcomes;
    expect(all.map((o: { patientRating: number }) => o.patientRating)).toEqual([6, 9, 3]);
    expect(all[0]).toMatchObject({ courseId, sessionId: sessions[0], practitionerRating: 7 });
    // The practitioner's notes are for clinicians: the patient's list leaves them out.
    expect(all[0]).not.toHaveProperty('notes');
    expect((await practitioner.inject({ method: 'GET', url })).json().outcomes[0]).toMatchObject({
      notes: 'Less shedding already.',
    });

    const course = (await practitioner.inject({ method: 'GET', url: `${url}?courseId=${courseId}` })).json().outcomes;
    expect(course.map((o: { sessionId: string; scheduledAt: string }) => o.sessionId)).toEqual(sessions.slice(0, 2));
    expect(course[0].scheduledAt < course[1].scheduledAt).toBe(true);

    expect((await practitioner.inject({ method: 'GET', url: `${url}?courseId=missing` })).json().problems).toEqual([
      { field: 'courseId', message: "must be one of the patient's courses" },
    ]);
    expect((await reception.inject({ method: 'GET', url })).statusCode).toBe(403);
    expect(
      (await patient.inject({ method: 'GET', url: `/api/patients/${get().fixture.otherPatient.id}/outcomes` }))
        .statusCode,
    ).toBe(403);

    const trail = await clinicAudit(get(), { entity: 'outcome', limit: 200 });
    expect(new Set(trail.map((e) => `${e.action} ${e.route}`))).toEqual(
      new Set([
        'create PUT /api/sessions/:id/outcome',
        'update PUT /api/sessions/:id/outcome',
        'read GET /api/sessions/:id/outcome',
        'read GET /api/patients/:id/outcomes',
      ]),
    );
  });

  it('shows the patient their outcome without the practitioner’s notes', async () => {
    const [first = ''] = sessions;
    const url = `/api/sessions/${first}/outcome`;
    const own = (await patient.inject({ method: 'GET', url })).json();
    expect(own).toMatchObject({
      sessionId: first,
      patientRating: 6,
      practitionerRating: 7,
      patientRatingBy: 'patient',
    });
    expect(own).not.toHaveProperty('notes');
    const written = await put(patient, first, { patientRating: 6 });
    expect(written.statusCode).toBe(200);
    expect(written.json()).not.toHaveProperty('notes');
    expect((await admin.inject({ method: 'GET', url })).json().notes).toBe('Less shedding already.');
  });

  it('leaves a rating the patient gave to the patient: staff get 409 naming the field, and nothing changes', async () => {
    const [first = '', second = ''] = sessions;
    const url = `/api/sessions/${first}/outcome`;
    const before = (await practitioner.inject({ method: 'GET', url })).json();
    expect(before).toMatchObject({ patientRating: 6, patientRatingBy: 'patient' });
    for (const [client, payload] of [
      [reception, { patientRating: 2 }],
      [reception, { patientRating: null }],
      [practitioner, { patientRating: 2, practitionerRating: 1, notes: 'Overwritten' }],
      [admin, { patientRating: 6 }],
    ] as const) {
      const refused = await put(client, first, payload);
      expect(refused.statusCode, JSON.stringify(payload)).toBe(409);
      expect(refused.json()).toMatchObject({
        error: 'patient_rated',
        problems: [{ field: 'patientRating', message: 'was given by the patient, who alone may change it' }],
      });
    }
    expect((await practitioner.inject({ method: 'GET', url })).json()).toEqual(before);

    // Staff still write their own fields, and the patient changes their rating as they like.
    expect((await put(practitioner, first, { practitionerRating: 8 })).json()).toMatchObject({
      patientRating: 6,
      practitionerRating: 8,
    });
    expect((await put(patient, first, { patientRating: 7 })).json()).toMatchObject({
      patientRating: 7,
      patientRatingBy: 'patient',
    });

    // A rating passed on at the desk stays staff's to correct, until the patient gives their own.
    const atDesk = `/api/sessions/${second}/outcome`;
    expect((await reception.inject({ method: 'GET', url: atDesk })).statusCode).toBe(403);
    expect((await put(reception, second, { patientRating: 8 })).json()).toMatchObject({ patientRatingBy: 'staff' });
    expect((await put(patient, second, { patientRating: 5 })).json()).toMatchObject({ patientRatingBy: 'patient' });
    expect((await put(reception, second, { patientRating: 8 })).statusCode).toBe(409);
    expect((await practitioner.inject({ method: 'GET', url: atDesk })).json().patientRating).toBe(5);
  });
});
