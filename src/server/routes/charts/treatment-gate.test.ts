import { expect, it } from 'vitest';
import { addDays } from '../../../core/dates/iso-date.js';
import { forEachApp } from '../../../test-support/test-app.js';
import {
  check,
  dateOf,
  daysAhead,
  hoursAgo,
  nothingStored,
  useTreatmentGate,
} from './test-support/treatment-gate-fixture.js';

/**
 * The treatment gate at the point of care: the patient's latest intake is assessed again for the
 * session's day before a chart is written or the session is marked done.
 */
forEachApp('treatment gate', (get) => {
  const { setup, newPatient, sessionOf, deferredSession, chartBody, chart, storedFor, auditOf } = useTreatmentGate(get);

  it('shows the session-day picture: verdict, plan, anaesthetics and products judged against the allergies', async () => {
    const { admin, practitioner, reception, patientClient } = setup();
    const patient = await newPatient({ allergies: [{ substance: 'lidocaine' }] });
    const session = await sessionOf(patient);
    const response = await check(practitioner, session.id);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      sessionId: session.id,
      sessionDate: dateOf(session.scheduledAt),
      timeZone: 'UTC',
      future: false,
      allowed: true,
      overridable: false,
      blockers: [],
      flag: null,
      allergies: [{ substance: 'lidocaine' }],
      assessment: { verdict: 'eligible_with_precautions' },
      plan: { depthMm: { min: 1, max: 4 }, volumeMl: null, anaesthesia: { creamOffered: false, agents: [] } },
      anaesthesiaAgents: [{ ingredient: 'lidocaine', allowed: false, why: 'patient allergic to lidocaine' }],
    });
    expect(body.intakeId).toBe((await get().repos.intakes.latestForPatient(patient.id))?.id);
    expect(body.plan.mixture.ingredients).toContain('hyaluronic_acid');
    expect(body.products).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Skin booster', fitsPlan: true, allergens: [] }),
        expect.objectContaining({ name: 'Numbing gel', fitsPlan: false, allergens: ['lidocaine'] }),
      ]),
    );
    expect(await auditOf(patient.id)).toContain(`read treatment_session ${session.id}`);

    expect((await check(admin, session.id)).statusCode).toBe(200);
    expect((await check(reception, session.id)).statusCode).toBe(403);
    expect((await check(patientClient, session.id)).statusCode).toBe(403);
    const other = await get().createOtherClinic();
    const elsewhere = await sessionOf(other.patient);
    expect((await check(practitioner, elsewhere.id)).statusCode).toBe(404);
    expect((await check(practitioner, 'missing')).statusCode).toBe(404);
  });

  it('refuses to chart a contraindicated session, naming every reason, and refuses an override of it', async () => {
    const { practitioner } = setup();
    const patient = await newPatient({ pregnant: true, conditions: [{ code: 'bleeding_disorder' }] });
    const session = await sessionOf(patient);
    const refused = await chart(practitioner, session.id);
    expect(refused.statusCode, refused.body).toBe(409);
    const body = refused.json();
    expect(body).toMatchObject({ error: 'treatment_blocked', verdict: 'contraindicated', overridable: false });
    expect(body.reasons.map((r: { code: string }) => r.code)).toEqual(
      expect.arrayContaining(['PREGNANCY', 'BLEEDING_DISORDER']),
    );
    expect(body.message).toMatch(/PREGNANCY/);
    expect(body.message).toMatch(/BLEEDING_DISORDER/);
    expect(body.reasons.every((r: { sources: string[] }) => r.sources.length > 0)).toBe(true);

    const overridden = await chart(practitioner, session.id, chartBody({ override: { reason: 'Patient insists' } }));
    expect(overridden.statusCode).toBe(409);
    expect(overridden.json()).toMatchObject({ error: 'treatment_blocked', overridable: false });
    expect(await storedFor(session.id)).toEqual(nothingStored);

    const picture = (await check(practitioner, session.id)).json();
    expect(picture).toMatchObject({
      allowed: false,
      overridable: false,
      plan: null,
      assessment: { verdict: 'contraindicated' },
    });
  });

  it('refuses a deferred session (an NSAID three days before) until a clinician overrides it with a reason, and audits the override', async () => {
    const { practitioner } = setup();
    const scheduledAt = hoursAgo(2);
    const { patient, session } = await deferredSession(scheduledAt);
    const refused = await chart(practitioner, session.id);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json()).toMatchObject({
      error: 'treatment_blocked',
      verdict: 'defer',
      overridable: true,
      reasons: [{ code: 'NSAID_WITHIN_7_DAYS', kind: 'temporary', overridable: true }],
    });
    expect(refused.json().message).toMatch(/NSAID_WITHIN_7_DAYS/);

    for (const reason of ['', '   ']) {
      const blank = await chart(practitioner, session.id, chartBody({ override: { reason } }));
      expect(blank.statusCode).toBe(400);
      expect(blank.json().problems).toEqual([{ field: 'override.reason', message: 'must not be empty' }]);
    }
    expect((await chart(practitioner, session.id, chartBody({ override: {} }))).json().problems).toEqual([
      { field: 'override.reason', message: 'required' },
    ]);
    expect(await storedFor(session.id)).toEqual(nothingStored);

    const reason = 'Prescriber agreed by phone; NSAID stopped earlier than recorded';
    const charted = await chart(practitioner, session.id, chartBody({ override: { reason } }));
    expect(charted.statusCode, charted.body).toBe(201);
    const override = {
      reason,
      verdict: 'defer',
      reasons: ['NSAID_WITHIN_7_DAYS'],
      by: get().fixture.users.practitioner.id,
      at: expect.any(String),
    };
    expect(charted.json().chart).toMatchObject({
      override,
      outsidePlanConfirmed: false,
      screening: { verdict: 'defer', sessionDate: dateOf(scheduledAt) },
    });
    expect(charted.json().chart.screening.knowledgeBaseVersion).toBe(get().app.knowledgeBase.version);
    const shown = await practitioner.inject({ method: 'GET', url: `/api/sessions/${session.id}/chart` });
    expect(shown.json()).toMatchObject({ override: { ...override, byName: 'Dr Pia Practitioner' }, addenda: [] });
    expect(await storedFor(session.id)).toEqual({ charts: 1, points: 1, overrides: 1, status: 'done' });

    const [stored] = await get().repos.charts.overridesOfSession(session.id);
    expect(await auditOf(patient.id)).toEqual(
      expect.arrayContaining([
        `create chart_entry ${charted.json().chart.id}`,
        `update treatment_session ${session.id}`,
        `create treatment_override ${stored?.id}`,
      ]),
    );
  });

  it('refuses a session whose day has not come, even for an eligible patient, override or not', async () => {
    const { practitioner } = setup();
    const patient = await newPatient();
    const session = await sessionOf(patient, daysAhead(3));
    for (const body of [chartBody(), chartBody({ override: { reason: 'Patient is here early' } })]) {
      const refused = await chart(practitioner, session.id, body);
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({
        error: 'treatment_blocked',
        verdict: 'eligible',
        overridable: false,
        reasons: [{ code: 'SESSION_IN_FUTURE' }],
      });
    }
    expect(await storedFor(session.id)).toEqual(nothingStored);
    expect((await check(practitioner, session.id)).json()).toMatchObject({
      future: true,
      allowed: false,
      overridable: false,
    });
  });

  it('names every reason at once: a deferred session in the future, and a patient without an intake', async () => {
    const { practitioner } = setup();
    const scheduledAt = daysAhead(2);
    const deferred = await sessionOf(
      await newPatient({
        medications: [{ name: 'aspirin', class: 'nsaid', lastDose: addDays(dateOf(scheduledAt), -1) }],
      }),
      scheduledAt,
    );
    const both = await chart(practitioner, deferred.id, chartBody({ override: { reason: 'Tried' } }));
    expect(both.statusCode).toBe(409);
    expect(both.json().reasons.map((r: { code: string }) => r.code)).toEqual([
      'NSAID_WITHIN_7_DAYS',
      'SESSION_IN_FUTURE',
    ]);
    expect(both.json().overridable).toBe(false);
    expect(both.json().message).toMatch(/NSAID_WITHIN_7_DAYS.*SESSION_IN_FUTURE/);

    const unscreened = await sessionOf(await newPatient({}, { intake: false }));
    const none = await chart(practitioner, unscreened.id, chartBody({ override: { reason: 'Known patient' } }));
    expect(none.statusCode).toBe(409);
    expect(none.json()).toMatchObject({
      error: 'treatment_blocked',
      verdict: null,
      overridable: false,
      reasons: [{ code: 'NO_INTAKE' }],
    });
    expect((await check(practitioner, unscreened.id)).json()).toMatchObject({
      intakeId: null,
      assessment: null,
      plan: null,
      allowed: false,
    });
    for (const id of [deferred.id, unscreened.id]) expect(await storedFor(id)).toEqual(nothingStored);
  });

  it('applies the same gate to marking a session done, and a chart written later keeps that override', async () => {
    const { practitioner } = setup();
    const { patient, session } = await deferredSession(hoursAgo(3));
    const update = (sessionId: string, payload: object) =>
      practitioner.inject({ method: 'PATCH', url: `/api/sessions/${sessionId}`, payload });
    const refused = await update(session.id, { status: 'done' });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json()).toMatchObject({
      error: 'treatment_blocked',
      verdict: 'defer',
      overridable: true,
      reasons: [{ code: 'NSAID_WITHIN_7_DAYS' }],
    });
    const blank = await update(session.id, { status: 'done', override: { reason: '' } });
    expect(blank.json().problems).toEqual([{ field: 'override.reason', message: 'must not be empty' }]);
    const alone = await update(session.id, { durationMinutes: 30, override: { reason: 'No status' } });
    expect(alone.json().problems).toEqual([{ field: 'override', message: 'only goes with status "done"' }]);
    expect(await storedFor(session.id)).toEqual(nothingStored);

    const done = await update(session.id, { status: 'done', override: { reason: 'Prescriber agreed' } });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', override: { reason: 'Prescriber agreed', verdict: 'defer' } });
    const [stored] = await get().repos.charts.overridesOfSession(session.id);
    expect(stored).toMatchObject({
      chartEntryId: null,
      reason: 'Prescriber agreed',
      verdict: 'defer',
      reasons: ['NSAID_WITHIN_7_DAYS'],
    });
    expect(await auditOf(patient.id)).toEqual(
      expect.arrayContaining([`update treatment_session ${session.id}`, `create treatment_override ${stored?.id}`]),
    );

    const charted = await chart(practitioner, session.id);
    expect(charted.statusCode, charted.body).toBe(201);
    expect(charted.json().chart.override).toMatchObject({ id: stored?.id, reason: 'Prescriber agreed' });
    expect((await storedFor(session.id)).overrides).toBe(1);

    // Contraindicated and future sessions cannot be marked done at all; an eligible past one can.
    const pregnant = await sessionOf(await newPatient({ pregnant: true }));
    const contraindicated = await update(pregnant.id, { status: 'done', override: { reason: 'x' } });
    expect(contraindicated.json()).toMatchObject({ error: 'treatment_blocked', overridable: false });
    const ahead = await sessionOf(await newPatient(), daysAhead(5));
    expect((await update(ahead.id, { status: 'done' })).json().reasons[0].code).toBe('SESSION_IN_FUTURE');
    for (const id of [pregnant.id, ahead.id]) expect(await storedFor(id)).toEqual(nothingStored);
    const eligible = await sessionOf(await newPatient());
    expect((await update(eligible.id, { status: 'done' })).statusCode).toBe(200);
  });
});
