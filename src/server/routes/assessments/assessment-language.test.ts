import { beforeAll, expect, it } from 'vitest';
import type { AssessmentResult, TimedInstruction } from '../../../core/assessment/assessment-result.js';
import type { KnowledgeBase } from '../../../core/knowledge/knowledge-base.js';
import { healthyIntake } from '../../../test-support/intake-examples.js';
import { forEachApp, testKnowledgeLibrary, type TestClient } from '../../../test-support/test-app.js';

const library = testKnowledgeLibrary();
const english = library.base;
const turkish = library.for('tr');

/** The knowledge base's text of each instruction given, by its code. */
const libraryTexts = (kb: KnowledgeBase, items: readonly TimedInstruction[], list: 'preparation' | 'aftercare') => {
  const texts = new Map(
    (list === 'preparation' ? kb.data.preparation.preparation : kb.data.aftercare.aftercare).map((i) => [
      i.code,
      i.text,
    ]),
  );
  return items.map((i) => texts.get(i.code));
};
const textsOf = (items: readonly TimedInstruction[]) => items.map((i) => i.text);

forEachApp('assessments in the reader’s language', (get) => {
  let englishReader: TestClient;
  let turkishReader: TestClient;
  const intake = healthyIntake('1990-04-12');

  beforeAll(async () => {
    englishReader = await get().signIn('practitioner');
    turkishReader = await get().signIn('admin');
    const saved = await turkishReader.inject({
      method: 'PATCH',
      url: '/api/auth/me',
      payload: { preferredLanguage: 'tr' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
  });

  const assessAs = async (client: TestClient): Promise<AssessmentResult> => {
    const response = await client.inject({ method: 'POST', url: '/api/assessments', payload: intake });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as AssessmentResult;
  };

  it('gives a Turkish reader the plan’s preparation and aftercare in Turkish, an English reader in English', async () => {
    const inEnglish = await assessAs(englishReader);
    const inTurkish = await assessAs(turkishReader);
    const en = inEnglish.plan;
    const tr = inTurkish.plan;
    if (!en || !tr) throw new Error('a healthy intake has a plan');
    expect(tr.aftercare.length).toBeGreaterThan(0);
    expect(textsOf(en.preparation)).toEqual(libraryTexts(english, en.preparation, 'preparation'));
    expect(textsOf(en.aftercare)).toEqual(libraryTexts(english, en.aftercare, 'aftercare'));
    expect(textsOf(tr.preparation)).toEqual(libraryTexts(turkish, tr.preparation, 'preparation'));
    expect(textsOf(tr.aftercare)).toEqual(libraryTexts(turkish, tr.aftercare, 'aftercare'));
    expect(textsOf(tr.aftercare)).not.toEqual(textsOf(en.aftercare));
    expect(tr.mixture.name).toBe(turkish.mixtures.get(tr.mixture.id)?.name);
  });

  it('keeps the contract: the same verdict, codes, numbers and sources in either language', async () => {
    const en = await assessAs(englishReader);
    const tr = await assessAs(turkishReader);
    const shape = (r: AssessmentResult) => ({
      verdict: r.verdict,
      reasons: r.reasons.map((x) => [x.code, x.kind, x.until, x.sources]),
      precautions: r.precautions.map((x) => [x.code, x.sources]),
      conflicts: r.conflicts.map((x) => x.id),
      knowledgeBase: r.knowledgeBase,
      plan: r.plan && {
        indication: r.plan.indication,
        area: r.plan.area,
        sessions: r.plan.sessions,
        intervalDays: r.plan.intervalDays,
        sources: r.plan.sources,
        preparation: r.plan.preparation.map((i) => [i.code, i.hours, i.sources]),
        aftercare: r.plan.aftercare.map((i) => [i.code, i.hours, i.sources]),
      },
    });
    expect(shape(tr)).toEqual(shape(en));
    expect(Object.keys(tr).sort()).toEqual(Object.keys(en).sort());
  });

  it('stores an intake’s assessment in its clinician’s words, and shows each reader its texts in theirs', async () => {
    const patientId = get().fixture.patient.id;
    const recorded = await turkishReader.inject({
      method: 'POST',
      url: `/api/patients/${patientId}/intakes`,
      payload: intake,
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const stored = recorded.json().assessment as { id: string; result: AssessmentResult };
    const aftercare = stored.result.plan?.aftercare ?? [];
    expect(textsOf(aftercare)).toEqual(libraryTexts(turkish, aftercare, 'aftercare'));

    const read = await englishReader.inject({ method: 'GET', url: `/api/assessments/${stored.id}` });
    expect(read.statusCode).toBe(200);
    const shown = read.json().result as AssessmentResult;
    const shownAftercare = shown.plan?.aftercare ?? [];
    expect(textsOf(shownAftercare)).toEqual(libraryTexts(english, shownAftercare, 'aftercare'));
    // Only the words differ: the same codes, verdict, figures and sources as stored.
    expect(shown.verdict).toBe(stored.result.verdict);
    expect(shownAftercare.map((i) => [i.code, i.hours, i.sources])).toEqual(
      aftercare.map((i) => [i.code, i.hours, i.sources]),
    );
    const again = await turkishReader.inject({ method: 'GET', url: `/api/assessments/${stored.id}` });
    expect(again.json().result).toEqual(stored.result);
  });
});
