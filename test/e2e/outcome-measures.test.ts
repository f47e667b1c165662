import { describe, expect, it } from 'vitest';
import { checkScreen, problems, server, signedInPage, useE2eBrowser } from './support/e2e-browser.js';
import { fixturePatientCourse } from './support/patient-course.js';
import { pick } from './support/ui.js';

/**
 * Standard outcome measures in the browser (issue 21): on a hair-loss course, the practitioner
 * records a baseline Ludwig grade and a follow-up after the latest session and sees the course's
 * chart with the numbers behind it; the patient rates the result herself on the portal; the clinic's
 * results page shows the course under its indication. axe-core finds no serious violation on any of
 * the screens. Screenshots go to test-results/e2e/outcomes-*.png.
 */

let courseId = '';
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

useE2eBrowser(async (server) => {
  // A hair-loss course with two sessions held by the practitioner, 3 weeks and 1 week ago.
  courseId = await fixturePatientCourse(server);
  for (const days of [21, 7])
    await server.repos.treatmentSessions.create({
      courseId,
      scheduledAt: daysAgo(days),
      practitionerId: server.fixture.users.practitioner.id,
    });
});

describe('outcome measures', () => {
  it('records a baseline grade and a follow-up, and charts the course', { timeout: 180_000 }, async () => {
    const page = await signedInPage(server.email('practitioner'));
    await page.goto(`/patients/${server.fixture.patient.id}`);
    await page.getByRole('link', { name: 'Outcome measures of the Hair loss · Scalp course' }).click();
    await page.getByRole('heading', { name: 'Outcomes: Hair loss · Scalp', level: 1 }).waitFor();
    const views = page.getByTestId('photo-views');
    for (const view of ['Crown from above (vertex)', 'Frontal hairline', 'Central part line'])
      await views.getByText(view, { exact: true }).waitFor();
    await page.getByText('No measures recorded yet.', { exact: false }).waitFor();
    await checkScreen(page, 'outcomes-01-empty');

    const save = page.getByRole('button', { name: 'Save measure' });
    // The baseline: before the first session, the Ludwig grade only (GAIS has no baseline).
    await pick(page, 'Measure', 'Female-pattern hair loss (Ludwig grade)');
    await pick(page, /^When/, 'Baseline (before the first session)');
    await pick(page, /^Value/, 'II: moderate thinning over the top');
    await save.click();
    await page.getByRole('status').getByText('Female-pattern hair loss (Ludwig grade) saved.').waitFor();

    // The follow-up, after the latest session (listed first after the baseline).
    await page.getByRole('textbox', { name: /^When/ }).click();
    await page
      .getByRole('option', { name: /^After the session of/ })
      .first()
      .click();
    await pick(page, /^Value/, 'I: mild, the part visibly wider');
    await save.click();

    const section = page.getByTestId('measure-hair_grade_female');
    const summary = section.getByTestId('series-summary-hair_grade_female');
    await summary.getByRole('cell', { name: 'Yes', exact: true }).waitFor();
    expect(await summary.getByRole('cell').allTextContents()).toEqual([
      'Practitioner',
      'II: moderate thinning over the top',
      'I: mild, the part visibly wider',
      '-1',
      'Yes',
    ]);
    const rows = section.getByTestId('series-table-hair_grade_female').getByRole('row');
    expect(await rows.count()).toBe(3);
    expect(await rows.nth(1).textContent()).toBe('BaselineII: moderate thinning over the top');
    // The chart draws one line through both values.
    const chart = section.getByTestId('course-measure-chart');
    await chart.locator('.recharts-line-curve').first().waitFor();
    expect(await chart.locator('.recharts-line-dots circle').count()).toBe(2);

    // The practitioner's GAIS after the latest session: a scale with no baseline.
    await pick(page, 'Measure', 'Global aesthetic improvement (GAIS)');
    await pick(page, /^Value/, '2: Much improved');
    await save.click();
    await page.getByTestId('measure-gais').waitFor();
    await checkScreen(page, 'outcomes-02-course');

    const stored = await server.repos.outcomeMeasures.listByCourse(courseId);
    expect(stored.map((v) => [v.measure, v.rater, v.sessionId === null ? 'baseline' : 'session', v.value])).toEqual([
      ['hair_grade_female', 'practitioner', 'baseline', 2],
      ['gais', 'practitioner', 'session', 2],
      ['hair_grade_female', 'practitioner', 'session', 1],
    ]);
  });

  it('lets the patient rate the result of her latest session herself', { timeout: 120_000 }, async () => {
    const page = await signedInPage(server.email('patient'), { landing: '**/portal' });
    const section = page.getByRole('region', { name: 'How did your treatment go?' });
    await section.getByRole('radio', { name: '1: Very much improved' }).check();
    await section.getByRole('button', { name: 'Save my rating' }).click();
    await section.getByRole('status').getByText('Thank you: your rating is saved.').waitFor();
    await section.getByTestId('own-rating').getByText('Your rating: 1: Very much improved').waitFor();
    await checkScreen(page, 'outcomes-03-portal');
    const own = (await server.repos.outcomeMeasures.listByCourse(courseId)).filter((v) => v.rater === 'patient');
    expect(own.map((v) => [v.measure, v.value, v.enteredBy])).toEqual([['gais', 1, 'patient']]);
  });

  it("shows the clinic's results per indication with the table behind the chart", { timeout: 120_000 }, async () => {
    const page = await signedInPage(server.email('practitioner'));
    await page.getByRole('link', { name: 'Outcome results', exact: true }).click();
    await page.getByRole('heading', { name: 'Outcome results', level: 1 }).waitFor();
    const byIndication = page.getByTestId('byIndication');
    const hair = byIndication.getByRole('region', { name: 'Hair loss' });
    await hair.getByTestId('results-chart').locator('.recharts-bar-rectangle').first().waitFor();
    const table = hair.getByRole('table', { name: 'Results for Hair loss' });
    const row = table.getByRole('row', { name: /^Female-pattern hair loss \(Ludwig grade\) \(Practitioner\)/ });
    expect(await row.getByRole('cell').allTextContents()).toEqual([
      'Female-pattern hair loss (Ludwig grade) (Practitioner)',
      '1',
      '1',
      '100%',
      '-1',
      '1',
      '0',
    ]);
    await page
      .getByTestId('byPractitioner')
      .getByRole('heading', { name: server.fixture.users.practitioner.displayName })
      .waitFor();
    await checkScreen(page, 'outcomes-04-results');
  });

  it('logged no page errors and no server errors', () => {
    expect(problems).toEqual([]);
  });
});
