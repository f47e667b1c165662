import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { nothingToReport } from '../../src/core/assessment/nothing-to-report.js';
import type { KnowledgeBase } from '../../src/core/knowledge/knowledge-base.js';
import type { EnglishDictionary } from '../../src/test-support/reader-words.js';
import { withoutData } from '../../src/test-support/reader-words.js';
import { signInClient, testKnowledgeLibrary, type TestClient } from '../../src/test-support/test-app.js';
import { screenshot, screenshotDir } from './support/browser.js';
import { englishUiDictionary, visibleText } from './support/english-words.js';
import { checkScreen, problems, server, signedInPage, useE2eBrowser } from './support/e2e-browser.js';
import type { E2eServer } from './support/e2e-server.js';

/**
 * Every word a Turkish reader reads, in Turkish (issue: "Every word a patient or clinician reads, in
 * their language"). A practitioner who switches the app to Turkish walks a patient's assessment
 * (reasons, precautions, plan, preparation, aftercare, a source card); a patient whose record says
 * Turkish walks the portal (plan, preparation, running aftercare, questions and answers, the side
 * effect report and its triage); the practitioner's intake form offers its indications, areas and
 * allergy suggestions in Turkish. Each screen's visible text is split into words and checked against
 * an English dictionary (support/english-words.ts): a word of the English UI messages or English
 * knowledge base that no Turkish text uses is English left on the screen. Data shown as it stands is
 * cut out first: the clinic's, location's, room's and product's names as entered, and the sources'
 * published titles; the people have Turkish names, as a Turkish clinic's would. Where the forms offer
 * the knowledge base's names (indications, areas, ingredients, symptoms), no English one may show,
 * whole: the words check leaves out words the Turkish texts also use. Screenshots: test-results/e2e/turkish-*.png.
 */

const today = new Date().toISOString().slice(0, 10);
const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

/** Hair loss on the scalp, allergic to the numbing cream's lidocaine and afraid of needles: eligible with precautions. */
const withPrecautions = (birthDate: string, extra: { conditions?: unknown[] } = {}) => ({
  patient: {
    birthDate,
    sex: 'female',
    ...nothingToReport(),
    allergies: [{ substance: 'lidocaine' }],
    needleFear: true,
    ...extra,
  },
  request: { indication: 'hair_loss', area: 'scalp', date: today, combineWith: [] },
});

/** The same with blood pressure not under control: deferred, with its reason, the precautions and the plan kept. */
const deferredWithPlan = (birthDate: string) =>
  withPrecautions(birthDate, { conditions: [{ code: 'hypertension', controlled: false }] });

const walked = {
  /** The assessment the English-reading practitioner made, from which the course was booked. */
  courseAssessmentId: '',
  /** Data shown as the clinic entered it (cut out before the words are read). */
  data: [] as string[],
};

async function post(client: TestClient, url: string, payload: unknown): Promise<Record<string, unknown>> {
  const response = await client.inject({ method: 'POST', url, payload: payload as Record<string, unknown> });
  if (response.statusCode >= 300) throw new Error(`POST ${url}: ${response.statusCode} ${response.body}`);
  return response.json() as Record<string, unknown>;
}

/**
 * The clinic as a Turkish clinic would have it: people with Turkish names, and the patient's language
 * recorded as Turkish. Her course is booked by a practitioner still reading English (so its plan is
 * stored with English texts); one session took place two hours ago, the next is in three days.
 */
async function prepare(e2e: E2eServer): Promise<void> {
  const { repos, fixture } = e2e;
  await repos.patients.update(fixture.patient.id, { firstName: 'Ayşe', lastName: 'Yılmaz' });
  await repos.users.update(fixture.users.practitioner.id, { displayName: 'Dr Deniz Kaya' });
  await repos.users.update(fixture.users.patient.id, { displayName: 'Ayşe Yılmaz' });
  const practitioner = await signInClient(e2e.app, e2e.email('practitioner'), e2e.password);
  const patientUrl = `/api/patients/${fixture.patient.id}`;
  const language = await practitioner.inject({
    method: 'PATCH',
    url: patientUrl,
    payload: { preferredLanguage: 'tr' },
  });
  if (language.statusCode !== 200) throw new Error(`no patient language: ${language.body}`);

  const intake = await post(practitioner, `${patientUrl}/intakes`, withPrecautions(fixture.patient.birthDate));
  const assessment = intake.assessment as { id: string; verdict: string };
  expect(assessment.verdict).toBe('eligible_with_precautions');
  walked.courseAssessmentId = assessment.id;
  const course = (await post(practitioner, `${patientUrl}/courses`, { assessmentId: assessment.id })) as { id: string };
  const session = { courseId: course.id, durationMinutes: 30, practitionerId: fixture.users.practitioner.id };
  const held = await repos.treatmentSessions.create({
    ...session,
    locationId: fixture.location.id,
    scheduledAt: hoursFromNow(-2),
  });
  await repos.treatmentSessions.update(held.id, { status: 'done' });
  await repos.treatmentSessions.create({ ...session, locationId: fixture.location.id, scheduledAt: hoursFromNow(72) });

  const rooms = await repos.availability.listRooms(fixture.location.id);
  walked.data = [
    fixture.clinic.name,
    fixture.location.name,
    fixture.location.address ?? '',
    ...rooms.map((r) => r.name),
    e2e.catalogue.productName,
    // The sources are cited by their published titles, in the language they were published in.
    ...testKnowledgeLibrary().base.data.sources.sources.map((s) => s.title),
  ];
}

useE2eBrowser(prepare);

/** English found on each screen: `page name: word, word`. */
const leaks: string[] = [];
let dictionary: EnglishDictionary | undefined;

/** What the forms offer by the knowledge base's names: indications, areas, ingredients, side effects and their signs. */
function offeredNames(kb: KnowledgeBase): string[] {
  const { data } = kb;
  return [
    ...data.indications.indications.map((i) => i.name),
    ...data.areas.areas.map((a) => a.name),
    ...data.ingredients.ingredients.map((i) => i.name),
    ...data.sideEffects.sideEffects.flatMap((e) => [e.name, ...e.signs.map((s) => s.patient)]),
  ];
}

/** The English names of those that the Turkish knowledge base names otherwise. */
const englishNames = (() => {
  const library = testKnowledgeLibrary();
  const turkish = new Set(offeredNames(library.for('tr')));
  return [...new Set(offeredNames(library.base))].filter((name) => !turkish.has(name));
})();

/** The English names `text` shows whole (not as part of a longer word). */
function englishNamesIn(text: string): string[] {
  const escape = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return englishNames.filter((name) => new RegExp(`(?<![\\p{L}])${escape(name)}(?![\\p{L}])`, 'u').test(text));
}

/**
 * Reads the screen as its reader sees it, keeps the English words it shows (and, for a form offering
 * knowledge-base names, the English names), and takes its picture; axe checks it unless told.
 */
async function readScreen(page: Page, name: string, { names = false, axe = true } = {}): Promise<void> {
  dictionary ??= await englishUiDictionary();
  const text = withoutData(await visibleText(page), walked.data);
  // The text as read, beside the screenshot, for a person checking a failure (before the first screenshot makes the folder).
  mkdirSync(screenshotDir, { recursive: true });
  writeFileSync(`${screenshotDir}turkish-${name}.txt`, text);
  const words = dictionary.englishWordsIn(text);
  if (words.length > 0) leaks.push(`${name}: ${words.join(', ')}`);
  const found = names ? englishNamesIn(text) : [];
  if (found.length > 0) leaks.push(`${name}: ${found.map((n) => `"${n}"`).join(', ')}`);
  if (axe) await checkScreen(page, `turkish-${name}`);
  else await screenshot(page, `turkish-${name}`);
}

/**
 * Opens a Mantine choice field by its label, reads the screen with its choices shown, and closes it
 * again. Axe checked the form closed: open, it flags the list's scroll area, which the arrow keys in
 * the field scroll, as unreachable by keyboard.
 */
async function readChoices(page: Page, label: RegExp, name: string): Promise<string[]> {
  await page.getByRole('textbox', { name: label }).click();
  const listbox = page.getByRole('listbox');
  await listbox.getByRole('option').first().waitFor();
  await readScreen(page, name, { names: true, axe: false });
  const options = await listbox.getByRole('option').allTextContents();
  await page.keyboard.press('Escape');
  return options;
}

/** The page's language, once the app has switched to it. */
async function shownIn(page: Page, language: string): Promise<boolean> {
  return page
    .waitForFunction((lang) => document.documentElement.lang === lang, language, { timeout: 5_000 })
    .then(() => true)
    .catch(() => false);
}

/** The signed-in account's language as the server keeps it. */
function accountLanguage(page: Page): Promise<string | undefined> {
  return page.evaluate(async () => {
    const response = await fetch('/api/auth/me');
    return ((await response.json()) as { user?: { preferredLanguage?: string } }).user?.preferredLanguage;
  });
}

describe('Turkish throughout', () => {
  it(
    "shows the practitioner a patient's assessment all in Turkish once she switches to it",
    { timeout: 180_000 },
    async () => {
      const page = await signedInPage(server.email('practitioner'));
      await page.getByRole('combobox', { name: 'Language' }).selectOption('tr');
      expect(await shownIn(page, 'tr')).toBe(true);
      // The switch is saved to her account, so what the server writes for her is Turkish too.
      await expect.poll(() => accountLanguage(page), { timeout: 10_000 }).toBe('tr');

      // An intake she takes now, reading Turkish: deferred for the blood pressure, with precautions and the plan.
      const practitioner = await signInClient(server.app, server.email('practitioner'), server.password);
      const patientUrl = `/api/patients/${server.fixture.patient.id}`;
      const intake = await post(
        practitioner,
        `${patientUrl}/intakes`,
        deferredWithPlan(server.fixture.patient.birthDate),
      );
      const assessmentId = (intake.assessment as { id: string }).id;

      for (const [name, id] of [
        ['assessment', assessmentId],
        ['course-assessment', walked.courseAssessmentId],
      ] as const) {
        await page.goto(`/assessments/${id}`);
        await page.getByTestId('verdict').waitFor();
        await page.getByTestId('precautions').waitFor();
        await page.locator('#plan-preparation').waitFor();
        await page.locator('#plan-aftercare').waitFor();
        if (name === 'assessment') await page.getByTestId('reasons').waitFor();
        await readScreen(page, name);
        // A fact's sources, as a card.
        await page.getByTestId('plan').getByTestId('source-refs').first().click();
        await page.getByRole('dialog').waitFor();
        await readScreen(page, `${name}-source-card`);
        await page.keyboard.press('Escape');
      }
    },
  );

  it('shows the Turkish patient her portal all in Turkish', { timeout: 180_000 }, async () => {
    const page = await signedInPage(server.email('patient'), { landing: '**/portal' });
    // Her record says Turkish: the portal opens in it without her choosing.
    const followed = await shownIn(page, 'tr');
    expect.soft(followed, "the portal follows the patient's recorded language").toBe(true);
    if (!followed) await page.getByRole('combobox', { name: 'Language' }).selectOption('tr');

    await page.getByTestId('plan').waitFor();
    await page.getByTestId('preparation').waitFor();
    await page.getByTestId('aftercare').waitFor();
    const faq = page.getByTestId('faq');
    await faq.getByRole('button').first().click();
    await readScreen(page, 'portal');

    // Questions and answers, searched in Turkish.
    const searched = page.waitForResponse((r) => r.url().includes('/api/faq') && r.url().includes('q='));
    await page.getByRole('region', { name: 'Sorular ve yanıtlar' }).getByRole('textbox').fill('ağrı');
    await searched;
    await faq.getByRole('button', { name: /ağrı/i }).first().waitFor();
    await faq.getByRole('button').first().click();
    await readScreen(page, 'portal-faq-search');

    await page.goto('/portal/aftercare');
    await page.getByTestId('aftercare').waitFor();
    await readScreen(page, 'portal-aftercare');

    await page.goto('/portal/side-effects/new');
    const symptoms = page.getByTestId('symptom-choices');
    await symptoms.waitFor();
    await readScreen(page, 'portal-report', { names: true });
    expect(await symptoms.getByRole('checkbox').count()).toBeGreaterThan(20);
    await symptoms.getByRole('checkbox').first().check();
    await page.locator('form button[type=submit]').click();
    await page.getByTestId('triage-result').waitFor();
    await readScreen(page, 'portal-report-triage');
  });

  it(
    'offers the practitioner the intake form’s indications, areas and allergy suggestions in Turkish',
    { timeout: 120_000 },
    async () => {
      const page = await signedInPage(server.email('practitioner'));
      // Her account says Turkish since the first walk; a run of this test alone switches here.
      if (!(await shownIn(page, 'tr'))) await page.getByRole('combobox', { name: 'Language' }).selectOption('tr');
      // The form starts from her last intake: hair loss on the scalp, allergic to lidocaine.
      await page.goto(`/patients/${server.fixture.patient.id}/intake`);
      await page.getByRole('textbox', { name: /^Tedavi edilecek durum/ }).waitFor();
      await readScreen(page, 'intake', { names: true });

      const indications = await readChoices(page, /^Tedavi edilecek durum/, 'intake-indications');
      expect(indications).toHaveLength(testKnowledgeLibrary().base.data.indications.indications.length);
      const areas = await readChoices(page, /^Bölge\b/, 'intake-areas');
      expect(areas).toHaveLength(testKnowledgeLibrary().base.data.areas.areas.length);
      const allergies = await readChoices(page, /^Maddeler/, 'intake-allergies');
      // Every ingredient but the lidocaine already there, and "unknown".
      expect(allergies).toHaveLength(testKnowledgeLibrary().base.data.ingredients.ingredients.length);
      expect(allergies).toContain('bilinmiyor');
    },
  );

  it('found no English word on any screen, and no page or server error', () => {
    expect.soft(leaks, 'English words, by screen').toEqual([]);
    expect(problems).toEqual([]);
  });
});
