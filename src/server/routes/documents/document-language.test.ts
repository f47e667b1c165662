import { beforeAll, expect, it } from 'vitest';
import { extractPdf } from '../../../interop/test-support/pdf-text.js';
import {
  seedInteropFixture,
  type InteropPatientRecords,
} from '../../../services/documents/test-support/interop-records.js';
import { forEachApp, testKnowledgeLibrary, type TestClient } from '../../../test-support/test-app.js';

const library = testKnowledgeLibrary();
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

forEachApp('documents in the patient’s language', (get) => {
  let own: InteropPatientRecords;
  let practitioner: TestClient;

  beforeAll(async () => {
    ({ own } = await seedInteropFixture(get().repos, library.base, get().fixture));
    practitioner = await get().signIn('practitioner');
  });

  const pdf = async (url: string) => {
    const response = await practitioner.inject({ method: 'GET', url });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    return (await extractPdf(response.rawPayload)).flat;
  };
  const setLanguage = (language: string) =>
    get().repos.patients.update(own.course.patientId, { preferredLanguage: language });

  it('writes the aftercare sheet in the patient’s language unless another is asked for', async () => {
    const url = `/api/sessions/${own.plannedSession.id}/aftercare.pdf`;
    const first = own.course.plan.aftercare[0];
    if (!first) throw new Error('the fixture course has aftercare');
    const textIn = (language: string) =>
      flat(library.for(language).data.aftercare.aftercare.find((i) => i.code === first.code)?.text ?? '');
    expect(textIn('tr')).not.toBe(textIn('en'));

    await setLanguage('tr');
    const turkish = await pdf(url);
    expect(turkish).toContain('Mezoterapi seansınızdan sonra bakım');
    expect(turkish).toContain(textIn('tr'));
    expect(turkish).toContain(flat(library.for('tr').data.aftercare.lateSigns.intro));
    expect(turkish).not.toContain(textIn('en'));

    const asked = await pdf(`${url}?locale=en`);
    expect(asked).toContain('Aftercare after your mesotherapy session');
    expect(asked).toContain(textIn('en'));

    await setLanguage('en');
    const english = await pdf(url);
    expect(english).toContain('Aftercare after your mesotherapy session');
    expect(english).toContain(textIn('en'));
  });

  it('writes the treatment summary in the patient’s language, the plan’s mixture in it', async () => {
    const url = `/api/courses/${own.course.id}/summary.pdf`;
    const mixture = (language: string) => library.for(language).mixtures.get(own.course.plan.mixture.id)?.name ?? '';
    expect(mixture('tr')).not.toBe(mixture('en'));
    await setLanguage('tr');
    const turkish = await pdf(url);
    expect(turkish).toContain('Tedavi özeti');
    expect(turkish).toContain(flat(mixture('tr')));
    await setLanguage('en');
    const english = await pdf(url);
    expect(english).toContain(flat(mixture('en')));
  });

  it('prints on the consent form the language the text was signed in', async () => {
    const url = `/api/consent-signatures/${own.signature.id}/consent.pdf`;
    await setLanguage('tr');
    const turkish = await pdf(url);
    expect(turkish).toContain('Tedavi onam formu');
    expect(turkish).toContain('İmzalanan metnin dili: İngilizce');
    await setLanguage('en');
    expect(await pdf(url)).toContain('Language of the text signed: English');
  });
});
