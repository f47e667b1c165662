import { expect, it } from 'vitest';
import { signatureImage } from '../../../test-support/sample-signature.js';
import { clinicAudit } from '../../../test-support/audited-records.js';
import { forEachApp, type TestClient } from '../../../test-support/test-app.js';
import { nothingStored, useTreatmentGate } from '../charts/test-support/treatment-gate-fixture.js';

/**
 * Consent texts by version and language: a new version of a procedure's text in a language
 * supersedes the one before it, and a patient whose signature is on a superseded version must sign
 * again before their next session is charted. A version nobody signed may be deleted; a signed one
 * never.
 */
forEachApp('consent re-signing and versions', (get) => {
  const { setup, newPatient, sessionOf, chart, storedFor } = useTreatmentGate(get);

  const publish = (procedure: string, body: Record<string, unknown>) =>
    setup().admin.inject({ method: 'POST', url: `/api/consent-texts/${procedure}/versions`, payload: body });
  const sign = (client: TestClient, patientId: string, consentTextId: string) =>
    client.inject({
      method: 'POST',
      url: `/api/patients/${patientId}/consents`,
      payload: { consentTextId, typedName: 'Gita Gate', signatureImage },
    });
  const standings = async (patientId: string) =>
    (await setup().practitioner.inject({ method: 'GET', url: `/api/patients/${patientId}/consents` })).json().standings;
  const versions = async () =>
    (await setup().admin.inject({ method: 'GET', url: '/api/consent-text-versions' })).json().versions as {
      id: string;
      procedure: string;
      language: string;
      version: number;
      active: boolean;
      signatures: number;
    }[];
  const remove = (id: string, client: TestClient = setup().admin) =>
    client.inject({ method: 'DELETE', url: `/api/consent-text-versions/${id}` });

  it('refuses charting after a new version until the patient signs it again, then charts', async () => {
    const { practitioner, consentTextId } = setup();
    const patient = await newPatient();
    const session = await sessionOf(patient);
    expect(await standings(patient.id)).toEqual([
      expect.objectContaining({ procedure: 'mesotherapy', status: 'signed' }),
    ]);

    // A Turkish text beside the English one supersedes nothing English.
    const turkish = await publish('mesotherapy', { language: 'tr', text: 'Mezoterapiye onay veriyorum.' });
    expect(turkish.statusCode, turkish.body).toBe(201);
    expect(turkish.json()).toMatchObject({ language: 'tr', active: true });
    expect((await get().repos.consent.findText(consentTextId))?.active).toBe(true);
    expect((await standings(patient.id))[0].status).toBe('signed');

    const english = await publish('mesotherapy', { text: 'I consent to mesotherapy (revised).' });
    expect(english.json()).toMatchObject({ language: 'en', active: true });
    const v1 = (await get().repos.consent.findText(consentTextId))?.version;
    const refused = await chart(practitioner, session.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      error: 'consent_outdated',
      message: expect.stringContaining(
        `signed version ${v1} of the mesotherapy consent, but version ${english.json().version} is current`,
      ),
      consent: {
        procedure: 'mesotherapy',
        signed: { consentTextId, version: v1, language: 'en' },
        current: { consentTextId: english.json().id, version: english.json().version, language: 'en' },
      },
    });
    expect(await storedFor(session.id)).toEqual(nothingStored);
    expect(await standings(patient.id)).toEqual([
      {
        procedure: 'mesotherapy',
        status: 'resign_needed',
        signed: expect.objectContaining({ consentTextId, version: v1 }),
        current: { consentTextId: english.json().id, version: english.json().version, language: 'en' },
      },
    ]);

    // The superseded version can no longer be signed; the current one can, and charting goes ahead.
    expect((await sign(practitioner, patient.id, consentTextId)).json().error).toBe('consent_text_outdated');
    expect((await sign(practitioner, patient.id, english.json().id)).statusCode).toBe(201);
    expect((await standings(patient.id))[0].status).toBe('signed');
    const charted = await chart(practitioner, session.id);
    expect(charted.statusCode, charted.body).toBe(201);
  });

  it('takes a signature in another current language as consent', async () => {
    const { practitioner } = setup();
    const patient = await newPatient();
    const session = await sessionOf(patient);
    const turkish = await get().repos.consent.findActiveText(get().fixture.clinic.id, 'mesotherapy', 'tr');
    expect(turkish).toBeDefined();
    expect((await sign(practitioner, patient.id, turkish?.id ?? '')).statusCode).toBe(201);
    expect((await standings(patient.id))[0]).toMatchObject({ status: 'signed', current: { language: 'tr' } });
    expect((await chart(practitioner, session.id)).statusCode).toBe(201);
  });

  it('refuses to delete a signed version; deletes an unsigned one, the one before becoming current again', async () => {
    const { practitioner } = setup();
    const patient = await newPatient();
    const v1 = (await publish('peeling', { text: 'Peeling consent, first.' })).json();
    expect((await sign(practitioner, patient.id, v1.id)).statusCode).toBe(201);
    const v2 = (await publish('peeling', { text: 'Peeling consent, second.' })).json();

    const listed = (await versions()).filter((v) => v.procedure === 'peeling');
    expect(listed.map((v) => [v.version, v.active, v.signatures])).toEqual([
      [v2.version, true, 0],
      [v1.version, false, 1],
    ]);

    const refused = await remove(v1.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      error: 'consent_text_signed',
      message: expect.stringContaining(`version ${v1.version} of the peeling consent (en) has 1 signature`),
      consentTextId: v1.id,
      signatures: 1,
    });
    expect(await get().repos.consent.findText(v1.id)).toBeDefined();

    const removed = await remove(v2.id);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().current).toMatchObject({ id: v1.id, active: true });
    expect(await get().repos.consent.findText(v2.id)).toBeUndefined();
    expect((await standings(patient.id)).find((s: { procedure: string }) => s.procedure === 'peeling')?.status).toBe(
      'signed',
    );
    const audit = await clinicAudit(get(), { entity: 'consent_text', limit: 10 });
    expect(audit.map((a) => `${a.action} ${a.entityId}`)).toEqual(
      expect.arrayContaining([`delete ${v2.id}`, `update ${v1.id}`]),
    );

    expect((await remove(v2.id)).statusCode).toBe(404);
    expect((await remove(v1.id, practitioner)).statusCode).toBe(403);
    const elsewhere = await get().signInElsewhere('admin');
    expect((await remove(v1.id, elsewhere)).statusCode).toBe(404);
    expect((await elsewhere.inject({ method: 'GET', url: '/api/consent-text-versions' })).json().versions).toEqual([]);
  });

  it('finds the current text by language and refuses bad language codes', async () => {
    const { reception } = setup();
    const tr = await reception.inject({ method: 'GET', url: '/api/consent-texts/mesotherapy?language=tr' });
    expect(tr.json()).toMatchObject({ language: 'tr', text: 'Mezoterapiye onay veriyorum.' });
    const en = await reception.inject({ method: 'GET', url: '/api/consent-texts/mesotherapy?language=en' });
    expect(en.json()).toMatchObject({ language: 'en', text: 'I consent to mesotherapy (revised).' });
    expect(
      (await reception.inject({ method: 'GET', url: '/api/consent-texts/mesotherapy?language=de' })).statusCode,
    ).toBe(404);
    const bad = await reception.inject({ method: 'GET', url: '/api/consent-texts/mesotherapy?language=Turkish' });
    expect(bad.json().problems[0].field).toBe('language');
    const badBody = await publish('mesotherapy', { text: 'x', language: 'EN' });
    expect(badBody.json().problems[0].field).toBe('language');
    const current = (await reception.inject({ method: 'GET', url: '/api/consent-texts' })).json().texts;
    expect(
      current
        .filter((t: { procedure: string }) => t.procedure === 'mesotherapy')
        .map((t: { language: string }) => t.language)
        .sort(),
    ).toEqual(['en', 'tr']);
  });
});
