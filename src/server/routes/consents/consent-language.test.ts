import { beforeAll, expect, it } from 'vitest';
import { extractPdf } from '../../../interop/test-support/pdf-text.js';
import { signatureImage } from '../../../test-support/sample-signature.js';
import { forEachApp, type TestClient } from '../../../test-support/test-app.js';

forEachApp('consent in the patient’s language', (get) => {
  let admin: TestClient;
  let patient: TestClient;
  let english: { id: string };
  let turkish: { id: string };

  beforeAll(async () => {
    admin = await get().signIn('admin');
    patient = await get().signIn('patient');
    const publish = async (language: string, text: string) => {
      const response = await admin.inject({
        method: 'POST',
        url: '/api/consent-texts/mesotherapy/versions',
        payload: { language, text },
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as { id: string };
    };
    english = await publish('en', 'I agree to mesotherapy.');
    turkish = await publish('tr', 'Mezoterapi uygulanmasını kabul ediyorum.');
  });

  const patientId = () => get().fixture.patient.id;

  it('shows a patient the version in their own language, and records that language with the signature', async () => {
    const shownEnglish = await patient.inject({ method: 'GET', url: '/api/consent-texts/mesotherapy' });
    expect(shownEnglish.json()).toMatchObject({ id: english.id, language: 'en' });

    const chosen = await patient.inject({ method: 'PATCH', url: '/api/auth/me', payload: { preferredLanguage: 'tr' } });
    expect(chosen.statusCode, chosen.body).toBe(200);
    const shown = await patient.inject({ method: 'GET', url: '/api/consent-texts/mesotherapy' });
    expect(shown.json()).toMatchObject({ id: turkish.id, language: 'tr' });
    // Asked for by name, a language is still given as asked.
    const asked = await patient.inject({ method: 'GET', url: '/api/consent-texts/mesotherapy?language=en' });
    expect(asked.json()).toMatchObject({ id: english.id });

    const consents = `/api/patients/${patientId()}/consents`;
    const before = (await admin.inject({ method: 'GET', url: consents })).json();
    expect(before.standings).toEqual([
      expect.objectContaining({
        procedure: 'mesotherapy',
        status: 'unsigned',
        current: expect.objectContaining({ language: 'tr', consentTextId: turkish.id }),
      }),
    ]);

    const signed = await patient.inject({
      method: 'POST',
      url: consents,
      payload: { consentTextId: turkish.id, typedName: 'Paula Patient', signatureImage },
    });
    expect(signed.statusCode, signed.body).toBe(201);
    expect(signed.json()).toMatchObject({ language: 'tr', consentText: { language: 'tr', version: 2 } });
    const stored = await get().repos.consent.findSignature(signed.json().id);
    expect(stored?.language).toBe('tr');

    const listed = (await admin.inject({ method: 'GET', url: consents })).json();
    expect(listed.signatures[0]).toMatchObject({ id: signed.json().id, language: 'tr' });

    // The form prints it, in the patient's language (asked for in none).
    const form = await admin.inject({ method: 'GET', url: `/api/consent-signatures/${signed.json().id}/consent.pdf` });
    expect(form.statusCode).toBe(200);
    const text = (await extractPdf(form.rawPayload)).flat;
    expect(text).toContain('Tedavi onam formu');
    expect(text).toContain('İmzalanan metnin dili: Türkçe');
    expect(text).toContain('Mezoterapi uygulanmasını kabul ediyorum.');
  });

  it('records an English signature as English, whatever the patient reads', async () => {
    const signed = await admin.inject({
      method: 'POST',
      url: `/api/patients/${patientId()}/consents`,
      payload: { consentTextId: english.id, typedName: 'Paula Patient', signatureImage },
    });
    expect(signed.statusCode, signed.body).toBe(201);
    expect(signed.json()).toMatchObject({ language: 'en', consentText: { language: 'en', version: 1 } });
  });
});
