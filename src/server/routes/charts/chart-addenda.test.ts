import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { extractPdf } from '../../../interop/test-support/pdf-text.js';
import { forEachApp, type TestClient } from '../../../test-support/test-app.js';
import { useTreatmentGate } from './test-support/treatment-gate-fixture.js';

/** Addenda to a written chart, and how they and a gate override reach the FHIR and PDF exports. */
forEachApp('chart addenda and overrides in the exports', (get) => {
  const { setup, newPatient, sessionOf, deferredSession, chartBody, chart, auditOf } = useTreatmentGate(get);
  const addAddendum = (client: TestClient, sessionId: string, text: string) =>
    client.inject({ method: 'POST', url: `/api/sessions/${sessionId}/chart/addenda`, payload: { text } });

  it('adds addenda to a chart without changing it; reception may not', async () => {
    const { admin, practitioner, reception, patientClient } = setup();
    const patient = await newPatient();
    const session = await sessionOf(patient);
    const add = (client: TestClient, text: string) => addAddendum(client, session.id, text);
    expect((await add(practitioner, 'Before charting')).statusCode).toBe(404);
    const charted = await chart(practitioner, session.id);
    expect(charted.statusCode, charted.body).toBe(201);
    const original = charted.json().chart;

    const first = await add(practitioner, 'Mild bruising at point 1 seen next day.');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      chartEntryId: original.id,
      text: 'Mild bruising at point 1 seen next day.',
      createdBy: get().fixture.users.practitioner.id,
      createdByName: 'Dr Pia Practitioner',
    });
    expect((await add(admin, 'Reviewed.')).statusCode).toBe(201);
    expect((await add(reception, 'Reception note')).statusCode).toBe(403);
    expect((await add(patientClient, 'Patient note')).statusCode).toBe(403);
    const blank = await add(practitioner, ' ');
    expect(blank.statusCode).toBe(400);
    expect(blank.json().problems).toEqual([{ field: 'text', message: 'must not be empty' }]);
    expect((await add(practitioner, 'x'.repeat(5001))).json().problems[0].field).toBe('text');

    const shown = (await practitioner.inject({ method: 'GET', url: `/api/sessions/${session.id}/chart` })).json();
    expect(shown.addenda.map((a: { text: string; createdByName: string }) => [a.text, a.createdByName])).toEqual([
      ['Mild bruising at point 1 seen next day.', 'Dr Pia Practitioner'],
      ['Reviewed.', 'Ada Admin'],
    ]);
    const { addenda: _added, ...unchanged } = shown;
    const { addenda: _none, ...written } = original;
    expect(unchanged).toEqual(written);
    expect(await auditOf(patient.id)).toContain(`create chart_addendum ${first.json().id}`);

    // The database itself refuses to change a chart or an addendum.
    const { db } = get();
    await expect(
      sql`update chart_entries set notes = 'rewritten' where id = ${original.id}`.execute(db),
    ).rejects.toThrow(/never changed/);
    await expect(sql`delete from chart_addenda where id = ${first.json().id}`.execute(db)).rejects.toThrow(
      /never changed/,
    );

    const other = await get().createOtherClinic();
    const elsewhere = await sessionOf(other.patient);
    expect((await addAddendum(practitioner, elsewhere.id, 'x')).statusCode).toBe(404);
  });

  it('exports the override and the addenda: FHIR Procedure notes and the treatment summary', async () => {
    const { practitioner } = setup();
    const { patient, session } = await deferredSession();
    expect(
      (await chart(practitioner, session.id, chartBody({ override: { reason: 'Prescriber agreed' } }))).statusCode,
    ).toBe(201);
    expect((await addAddendum(practitioner, session.id, 'Small bruise next day.')).statusCode).toBe(201);

    const bundle = (await practitioner.inject({ method: 'GET', url: `/api/patients/${patient.id}/fhir` })).json() as {
      entry: { resource: { resourceType: string; note?: { text: string }[] } }[];
    };
    const procedure = bundle.entry.map((e) => e.resource).find((r) => r.resourceType === 'Procedure');
    expect(procedure?.note?.map((n) => n.text)).toEqual(
      expect.arrayContaining([
        'Treated despite NSAID_WITHIN_7_DAYS (verdict defer), overridden by the clinician: Prescriber agreed',
        'Addendum: Small bruise next day.',
      ]),
    );
    const summary = await practitioner.inject({ method: 'GET', url: `/api/courses/${session.courseId}/summary.pdf` });
    expect(summary.statusCode).toBe(200);
    const { flat } = await extractPdf(summary.rawPayload);
    expect(flat).toContain('overridden by the clinician: Prescriber agreed');
    expect(flat).toContain('Addendum: Small bruise next day.');
    expect(flat).toContain('Dr Pia Practitioner');
  });
});
