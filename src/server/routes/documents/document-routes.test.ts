import { beforeAll, expect, it } from 'vitest';
import { turkishCodeNames } from '../../../interop/pdf/labels-tr.js';
import { extractPdf } from '../../../interop/test-support/pdf-text.js';
import { forEachApp, signInRoles, testKnowledgeBase, type TestClient } from '../../../test-support/test-app.js';
import {
  seedInteropFixture,
  type InteropPatientRecords,
} from '../../../services/documents/test-support/interop-records.js';

const seedFileName = /[0-9]{3}_[0-9a-f]{16}\.txt/;
const sourceTitles = testKnowledgeBase().data.sources.sources.map((s) => s.title);
const lowerSnake = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/;

forEachApp('document routes', (get) => {
  let own: InteropPatientRecords;
  let others: InteropPatientRecords;
  let admin: TestClient;
  let practitioner: TestClient;
  let reception: TestClient;
  let patient: TestClient;

  beforeAll(async () => {
    ({ own, others } = await seedInteropFixture(get().repos, testKnowledgeBase(), get().fixture));
    ({ admin, practitioner, reception, patient } = await signInRoles(get()));
  });

  const pdfText = async (response: {
    statusCode: number;
    rawPayload: Buffer;
    headers: Record<string, unknown>;
    body: string;
  }) => {
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    return extractPdf(response.rawPayload);
  };
  const audited = async (entity: string, entityId: string) =>
    (await get().repos.audit.list({ clinicId: get().fixture.clinic.id, entity, limit: 200, offset: 0 })).filter(
      (a) => a.entityId === entityId,
    );

  it('gives the aftercare sheet in the location’s time zone, in English or Turkish, and audits the read', async () => {
    const url = `/api/sessions/${own.plannedSession.id}/aftercare.pdf`;
    const response = await practitioner.inject({ method: 'GET', url });
    expect(response.headers['content-disposition']).toBe(`inline; filename="aftercare-${own.plannedSession.id}.pdf"`);
    expect(response.headers['cache-control']).toBe('no-store');
    const english = await pdfText(response);
    const firstInstruction = own.course.plan.aftercare[0];
    expect(firstInstruction).toBeDefined();
    expect(english.flat).toContain('Aftercare after your mesotherapy session');
    expect(english.flat).toContain('Paula Patient');
    // Booked 09:30Z for 30 minutes: the countdown starts at 13:00 in Istanbul.
    expect(english.flat).toContain('7 Dec 2026, 13:00 (Europe/Istanbul)');
    expect(english.flat).toContain(firstInstruction?.text.replace(/\s+/g, ' '));
    // Sources by number and title from the knowledge base the server runs, never by seed file name.
    expect(english.flat).not.toMatch(seedFileName);
    expect(english.flat).toMatch(/Sources: \[\d+(, \d+)*\]/);
    expect(english.flat).toContain(`Sources of this advice 1. ${sourceTitles[0]}`);

    const turkish = await pdfText(await practitioner.inject({ method: 'GET', url: `${url}?locale=tr` }));
    expect(turkish.flat).toContain('Mezoterapi seansınızdan sonra bakım');
    expect(turkish.flat).toContain('Seansın bitişi');
    expect(turkish.flat).toContain('7 Ara 2026 13:00');
    expect(turkish.flat).toMatch(/Kaynaklar: \[\d+/);
    expect(turkish.flat).toContain(`Bu önerilerin kaynakları 1. ${sourceTitles[0]}`);
    expect(turkish.flat).not.toMatch(seedFileName);

    expect(
      (await audited('aftercare_sheet', own.plannedSession.id)).map((a) => [a.action, a.patientId, a.userId]),
    ).toContainEqual(['read', get().fixture.patient.id, practitioner.user.id]);
  });

  it('counts from the later of the booked end and the charting for a charted session', async () => {
    const chart = await get().repos.charts.findBySession(own.doneSession.id);
    const end = Math.max(Date.parse(own.doneSession.scheduledAt) + 45 * 60_000, Date.parse(chart?.createdAt ?? ''));
    const expected = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Istanbul',
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(end);
    const { flat } = await pdfText(
      await admin.inject({ method: 'GET', url: `/api/sessions/${own.doneSession.id}/aftercare.pdf` }),
    );
    expect(flat).toContain(`${expected} (Europe/Istanbul)`);
  });

  it('lets reception and the patient have the aftercare sheet, but no one else’s', async () => {
    const url = (id: string) => `/api/sessions/${id}/aftercare.pdf`;
    expect((await reception.inject({ method: 'GET', url: url(own.plannedSession.id) })).statusCode).toBe(200);
    expect((await patient.inject({ method: 'GET', url: url(own.plannedSession.id) })).statusCode).toBe(200);
    expect((await patient.inject({ method: 'GET', url: url(others.plannedSession.id) })).statusCode).toBe(404);
    expect((await get().app.inject({ method: 'GET', url: url(own.plannedSession.id) })).statusCode).toBe(401);

    const stranger = await get().signInElsewhere();
    expect((await stranger.inject({ method: 'GET', url: url(own.plannedSession.id) })).statusCode).toBe(404);
  });

  it('refuses bad input and sessions without an aftercare start', async () => {
    const bad = await practitioner.inject({
      method: 'GET',
      url: `/api/sessions/${own.plannedSession.id}/aftercare.pdf?locale=de`,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().problems[0].field).toBe('locale');
    expect(
      (await practitioner.inject({ method: 'GET', url: '/api/sessions/not%20an%20id/aftercare.pdf' })).json()
        .problems[0].field,
    ).toBe('id');
    expect((await practitioner.inject({ method: 'GET', url: '/api/sessions/nope/aftercare.pdf' })).statusCode).toBe(
      404,
    );

    const unmeasured = await practitioner.inject({
      method: 'GET',
      url: `/api/sessions/${own.unmeasuredSession.id}/aftercare.pdf`,
    });
    expect(unmeasured.statusCode).toBe(409);
    expect(unmeasured.json().error).toBe('session_length_unknown');
    const cancelled = await practitioner.inject({
      method: 'GET',
      url: `/api/sessions/${own.cancelledSession.id}/aftercare.pdf`,
    });
    expect(cancelled.statusCode).toBe(409);
    expect(cancelled.json().error).toBe('session_not_held');
    expect(await audited('aftercare_sheet', own.unmeasuredSession.id)).toEqual([]);
  });

  it('gives the signed consent form with the signed text and the drawn signature', async () => {
    const url = `/api/consent-signatures/${own.signature.id}/consent.pdf`;
    const english = await pdfText(await practitioner.inject({ method: 'GET', url }));
    expect(english.flat).toContain('Consent to treatment');
    expect(english.flat).toContain('İğne uygulamasının risklerini anladım: şişlik, kızarıklık ve morarma olabilir.');
    expect(english.flat).toContain('Paula Patient');
    expect(english.images).toBe(1);

    const turkish = await pdfText(await patient.inject({ method: 'GET', url: `${url}?locale=tr` }));
    expect(turkish.flat).toContain('Tedavi onam formu');
    expect(turkish.flat).toContain('Hastanın yazdığı ad');
    expect(turkish.flat).toContain('Doğum tarihi: 12 Nis 1990');
    expect((await audited('consent_form', own.signature.id)).length).toBe(2);
  });

  it('keeps consent forms from reception and from other patients', async () => {
    expect(
      (await reception.inject({ method: 'GET', url: `/api/consent-signatures/${own.signature.id}/consent.pdf` }))
        .statusCode,
    ).toBe(403);
    expect(
      (await patient.inject({ method: 'GET', url: `/api/consent-signatures/${others.signature.id}/consent.pdf` }))
        .statusCode,
    ).toBe(404);
    expect((await admin.inject({ method: 'GET', url: '/api/consent-signatures/nope/consent.pdf' })).statusCode).toBe(
      404,
    );
  });

  it('gives the treatment summary with lots, the recall, side effects and outcomes', async () => {
    const url = `/api/courses/${own.course.id}/summary.pdf`;
    const english = await pdfText(await practitioner.inject({ method: 'GET', url }));
    expect(english.flat).toContain('Treatment summary');
    expect(english.flat).toContain('LOT-TR-A');
    expect(english.flat).toContain('RECALLED');
    expect(english.flat).toContain('Örnek İlaç A.Ş.');
    expect(english.flat).toContain('şişlik ve kızarıklık');
    expect(english.flat).toContain('Daha gür saç.');
    expect(english.flat).not.toMatch(seedFileName);
    expect(english.flat).toMatch(/Sources: \[\d+:\d+/);
    expect(english.flat).toMatch(/References 1\. .*, lines? \d/);
    expect(english.flat).toContain(sourceTitles[0]);
    // The course's indication and area by the knowledge base's names, in Turkish by the Turkish ones; never a code.
    const kb = testKnowledgeBase();
    expect(english.flat).toContain(`Indication: ${kb.indications.get(own.course.indication)!.name}`);
    expect(english.flat).toContain(`Area: ${kb.areas.get(own.course.area)!.name}`);
    expect(english.flat).not.toMatch(lowerSnake);

    const turkish = await pdfText(await patient.inject({ method: 'GET', url: `${url}?locale=tr` }));
    expect(turkish.flat).toContain(`Endikasyon: ${turkishCodeNames.indication[own.course.indication]}`);
    expect(turkish.flat).toContain(`Bölge: ${turkishCodeNames.area[own.course.area]}`);
    expect(turkish.flat).not.toMatch(lowerSnake);
    expect(turkish.flat).toContain('Tedavi özeti');
    expect(turkish.flat).toContain('GERİ ÇAĞRILDI');
    expect(turkish.flat).toContain('Kullanılan ürünler ve lotlar');
    expect(turkish.flat).toContain('yapıldı');
    expect(turkish.flat).toMatch(/Kaynakça 1\. .*, satır \d/);
    expect(turkish.flat).not.toMatch(seedFileName);
    expect((await audited('treatment_summary', own.course.id)).length).toBe(2);
  });

  it('leaves the clinicians’ notes out of the patient’s own treatment summary', async () => {
    const url = `/api/courses/${own.course.id}/summary.pdf`;
    const chart = await get().repos.charts.findBySession(own.doneSession.id);
    if (!chart) throw new Error('the fixture session has no chart');
    await get().repos.charts.addAddendum({
      chartEntryId: chart.id,
      text: 'Discussed minoxidil with her GP.',
      createdBy: get().fixture.users.practitioner.id,
    });
    const clinicians = await pdfText(await practitioner.inject({ method: 'GET', url }));
    expect(clinicians.flat).toContain('Daha gür saç.');
    expect(clinicians.flat).toContain('Discussed minoxidil with her GP.');
    const patients = await pdfText(await patient.inject({ method: 'GET', url }));
    expect(patients.flat).toContain('LOT-TR-A');
    expect(patients.flat).not.toContain('Daha gür saç.');
    expect(patients.flat).not.toContain('Discussed minoxidil');
  });

  it('keeps treatment summaries from reception and from other patients', async () => {
    expect(
      (await reception.inject({ method: 'GET', url: `/api/courses/${own.course.id}/summary.pdf` })).statusCode,
    ).toBe(403);
    expect(
      (await patient.inject({ method: 'GET', url: `/api/courses/${others.course.id}/summary.pdf` })).statusCode,
    ).toBe(404);
    expect(
      (await admin.inject({ method: 'GET', url: `/api/courses/${own.course.id}/summary.pdf?locale=` })).statusCode,
    ).toBe(400);
  });

  it('documents the downloads in OpenAPI with their media types', async () => {
    const doc = (await get().app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
    };
    const mediaTypes = (path: string) => Object.keys(doc.paths[path]?.get?.responses['200']?.content ?? {});
    const expected = {
      '/api/sessions/{id}/aftercare.pdf': ['application/pdf'],
      '/api/consent-signatures/{id}/consent.pdf': ['application/pdf'],
      '/api/courses/{id}/summary.pdf': ['application/pdf'],
      '/api/patients/{id}/fhir': ['application/fhir+json'],
      '/api/fhir/export': ['application/fhir+json'],
      '/api/reports/{table}.csv': ['text/csv'],
    };
    for (const [path, types] of Object.entries(expected)) expect(mediaTypes(path), path).toEqual(types);
    expect(JSON.stringify(doc.paths['/api/sessions/{id}/aftercare.pdf'])).toContain('locale');
  });
});
