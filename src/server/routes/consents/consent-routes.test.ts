import { expect, it } from 'vitest';
import { forEachApp, type TestClient } from '../../../test-support/test-app.js';
import { signedInClients } from '../../../test-support/signed-in-clients.js';
import { signatureImage } from '../../../test-support/sample-signature.js';
import { clinicAudit } from '../../../test-support/audited-records.js';

forEachApp('consent routes', (get) => {
  const clients = signedInClients(get);

  const publish = (client: TestClient, procedure: string, text: string) =>
    client.inject({ method: 'POST', url: `/api/consent-texts/${procedure}/versions`, payload: { text } });
  const consentsUrl = (patientId: string) => `/api/patients/${patientId}/consents`;
  const sign = (client: TestClient, patientId: string, body: object, headers: Record<string, string> = {}) =>
    client.inject({ method: 'POST', url: consentsUrl(patientId), payload: body, headers });

  it('publishes versions of a procedure’s text: the newest is current, earlier ones are kept unchanged', async () => {
    const { admin, practitioner, reception, patient } = clients();
    const v1 = await publish(admin, 'mesotherapy', 'I agree to mesotherapy, version one.');
    expect(v1.statusCode).toBe(201);
    expect(v1.json()).toMatchObject({
      procedure: 'mesotherapy',
      version: 1,
      active: true,
      clinicId: get().fixture.clinic.id,
    });
    const v2 = (await publish(admin, 'mesotherapy', '  I agree to mesotherapy, version two.  ')).json();
    expect(v2).toMatchObject({ version: 2, active: true, text: 'I agree to mesotherapy, version two.' });
    await publish(admin, 'peeling', 'Peeling consent.');

    const current = await patient.inject({ method: 'GET', url: '/api/consent-texts/mesotherapy' });
    expect(current.json()).toMatchObject({ id: v2.id, version: 2 });
    const versions = (await reception.inject({ method: 'GET', url: '/api/consent-texts/mesotherapy/versions' })).json()
      .versions;
    expect(
      versions.map((t: { version: number; active: boolean; text: string }) => [t.version, t.active, t.text]),
    ).toEqual([
      [2, true, 'I agree to mesotherapy, version two.'],
      [1, false, 'I agree to mesotherapy, version one.'],
    ]);
    const all = (await practitioner.inject({ method: 'GET', url: '/api/consent-texts' })).json().texts;
    expect(all.map((t: { procedure: string; version: number }) => `${t.procedure} v${t.version}`)).toEqual([
      'mesotherapy v2',
      'peeling v1',
    ]);
    expect((await practitioner.inject({ method: 'GET', url: '/api/consent-texts/tattooing' })).statusCode).toBe(404);
  });

  it('lets only admins publish, and refuses bad procedure codes and empty texts', async () => {
    const { admin, practitioner, reception, patient } = clients();
    for (const client of [practitioner, reception, patient])
      expect((await publish(client, 'mesotherapy', 'mine')).statusCode).toBe(403);
    expect((await get().app.inject({ method: 'GET', url: '/api/consent-texts/mesotherapy' })).statusCode).toBe(401);
    const badCode = await publish(admin, 'Meso-Therapy', 'text');
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().problems[0].field).toBe('procedure');
    expect((await publish(admin, 'mesotherapy', '   ')).json().problems).toEqual([
      { field: 'text', message: 'must not be empty' },
    ]);
    expect((await publish(admin, 'mesotherapy', 'a\u0000b')).statusCode).toBe(400);
    expect((await admin.inject({ method: 'GET', url: '/api/consent-texts/mesotherapy' })).json().version).toBe(2);
  });

  it('records a patient’s own signature through the portal with server time, user agent and signer', async () => {
    const { patient } = clients();
    const { fixture } = get();
    const current = (await patient.inject({ method: 'GET', url: '/api/consent-texts/mesotherapy' })).json();
    const before = new Date().toISOString();
    const response = await sign(
      patient,
      fixture.patient.id,
      { consentTextId: current.id, typedName: 'Paula Patient', signatureImage, signedAt: '1999-01-01T00:00:00Z' },
      { 'user-agent': 'PortalBrowser/1.0' },
    );
    expect(response.statusCode).toBe(201);
    const signature = response.json();
    expect(signature).toMatchObject({
      patientId: fixture.patient.id,
      consentTextId: current.id,
      typedName: 'Paula Patient',
      signatureImage,
      userAgent: 'PortalBrowser/1.0',
      userId: fixture.users.patient.id,
      consentText: { procedure: 'mesotherapy', version: 2, current: true },
    });
    expect(signature.signedAt >= before && signature.signedAt <= new Date().toISOString()).toBe(true);

    const audit = await clinicAudit(get(), { patientId: fixture.patient.id, entity: 'consent_signature', limit: 10 });
    expect(audit.map((a) => [a.action, a.entityId, a.userId])).toContainEqual([
      'create',
      signature.id,
      fixture.users.patient.id,
    ]);
  });

  it('lets practitioners record signatures, but not reception, and patients only for themselves', async () => {
    const { admin, practitioner, reception, patient } = clients();
    const { fixture } = get();
    const current = (await admin.inject({ method: 'GET', url: '/api/consent-texts/mesotherapy' })).json();
    const body = { consentTextId: current.id, typedName: 'Otto Other', signatureImage };
    expect((await sign(patient, fixture.otherPatient.id, body)).statusCode).toBe(403);
    expect((await sign(reception, fixture.otherPatient.id, body)).statusCode).toBe(403);
    const recorded = await sign(practitioner, fixture.otherPatient.id, body);
    expect(recorded.statusCode).toBe(201);
    expect(recorded.json().userId).toBe(fixture.users.practitioner.id);

    const other = await get().createOtherClinic();
    expect((await sign(practitioner, other.patient.id, body)).statusCode).toBe(404);
  });

  it('refuses outdated or foreign text versions and bad images, storing nothing', async () => {
    const { admin, patient } = clients();
    const { fixture } = get();
    const listOwn = async () =>
      (await patient.inject({ method: 'GET', url: consentsUrl(fixture.patient.id) })).json().signatures;
    const before = await listOwn();
    const [v2, v1] = (await admin.inject({ method: 'GET', url: '/api/consent-texts/mesotherapy/versions' })).json()
      .versions;
    const outdated = await sign(patient, fixture.patient.id, {
      consentTextId: v1.id,
      typedName: 'Paula Patient',
      signatureImage,
    });
    expect(outdated.statusCode).toBe(409);
    expect(outdated.json()).toMatchObject({
      error: 'consent_text_outdated',
      message: expect.stringContaining('replaced by version 2'),
    });

    const other = await get().createOtherClinic();
    const foreignText = await get().repos.transaction((tx) =>
      tx.consent.createText({ clinicId: other.clinic.id, procedure: 'mesotherapy', text: 'theirs', active: true }),
    );
    const foreign = await sign(patient, fixture.patient.id, {
      consentTextId: foreignText.id,
      typedName: 'Paula Patient',
      signatureImage,
    });
    expect(foreign.json().problems).toEqual([
      { field: 'consentTextId', message: 'must be a consent text of this clinic' },
    ]);

    const base = { consentTextId: v2.id, typedName: 'Paula Patient', signatureImage };
    const badImages = [
      'data:image/jpeg;base64,/9j/4AAQ',
      'data:image/png;base64,SGVsbG8gd29ybGQh',
      'https://example.test/sig.png',
      42,
      null,
    ];
    for (const image of badImages) {
      const response = await sign(patient, fixture.patient.id, { ...base, signatureImage: image });
      expect(response.statusCode, String(image)).toBe(400);
      expect(response.json().problems[0].field).toBe('signatureImage');
    }
    const { signatureImage: _omitted, ...noImage } = base;
    expect((await sign(patient, fixture.patient.id, noImage)).json().problems).toEqual([
      { field: 'signatureImage', message: 'required' },
    ]);
    expect((await sign(patient, fixture.patient.id, { ...base, typedName: ' ' })).json().problems[0].field).toBe(
      'typedName',
    );
    expect(
      (await sign(patient, fixture.patient.id, { ...base, consentTextId: 'not an id!' })).json().problems[0].field,
    ).toBe('consentTextId');
    const tooBig = `data:image/png;base64,${'A'.repeat(400_000)}`;
    expect((await sign(patient, fixture.patient.id, { ...base, signatureImage: tooBig })).json().problems).toEqual([
      { field: 'signatureImage', message: 'must be at most 256 KiB' },
    ]);
    expect(await listOwn()).toEqual(before);
  });

  it('lists a patient’s signatures for clinicians and the patient, not reception or other patients', async () => {
    const { admin, practitioner, reception, patient } = clients();
    const { fixture } = get();
    const own = await patient.inject({ method: 'GET', url: consentsUrl(fixture.patient.id) });
    expect(own.statusCode).toBe(200);
    expect(own.json().signatures).toHaveLength(1);
    expect(own.json().signatures[0]).toMatchObject({
      typedName: 'Paula Patient',
      consentText: { procedure: 'mesotherapy', version: 2, current: true },
    });
    expect((await patient.inject({ method: 'GET', url: consentsUrl(fixture.otherPatient.id) })).statusCode).toBe(403);
    expect((await reception.inject({ method: 'GET', url: consentsUrl(fixture.patient.id) })).statusCode).toBe(403);
    expect((await admin.inject({ method: 'GET', url: consentsUrl('missing') })).statusCode).toBe(404);

    // A new version leaves the signature in place but no longer current.
    await publish(admin, 'mesotherapy', 'Version three.');
    const listed = (await practitioner.inject({ method: 'GET', url: consentsUrl(fixture.patient.id) })).json()
      .signatures;
    expect(listed[0].consentText).toEqual({ procedure: 'mesotherapy', language: 'en', version: 2, current: false });
    const reads = await clinicAudit(get(), {
      patientId: fixture.patient.id,
      entity: 'consent_signature',
      action: 'read',
      limit: 50,
    });
    expect(reads.some((a) => a.userId === fixture.users.practitioner.id && a.entityId === listed[0].id)).toBe(true);
  });
});
