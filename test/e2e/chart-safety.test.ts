import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { healthyIntake } from '../../src/test-support/intake-examples.js';
import { signInClient, type TestClient } from '../../src/test-support/test-app.js';
import { screenshot } from './support/browser.js';
import { checkScreen, problems, server, signedInPage, useE2eBrowser } from './support/e2e-browser.js';

/**
 * The chart page as a safety surface (issue 15): the session-day check at the top, with every reason
 * and its sources, the allergies and precautions; a contraindicated session that cannot be charted;
 * a cream the patient is allergic to never offered; a depth outside the plan saved only once
 * confirmed; a deferral charted with a written override; and the saved chart's addenda. The data is
 * made through the API, as a practitioner would; screenshots go to test-results/e2e/chart-*.png.
 */

let api: TestClient;
const signatureImage =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

async function json<T = Record<string, unknown>>(
  method: 'GET' | 'POST',
  url: string,
  payload?: object,
  expected = method === 'POST' ? 201 : 200,
): Promise<T> {
  const response = await api.inject({ method, url, ...(payload ? { payload } : {}) });
  if (response.statusCode !== expected) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json() as T;
}

interface PatientSetup {
  firstName: string;
  lastName: string;
  indication?: string;
  area?: string;
  /** Intake answers of the first intake (the one the course is booked from). */
  patient?: Record<string, unknown>;
  /** Answers of a second intake, taken after booking (pregnancy, a painkiller...). */
  later?: Record<string, unknown>;
  consent?: boolean;
}

/**
 * A patient with an intake, a course from its assessment and one session booked ahead (so that a later
 * intake re-screens it), which is then moved to earlier today, as if the day had come. Returns the ids.
 */
async function patientWithSession(setup: PatientSetup): Promise<{ patientId: string; sessionId: string }> {
  const birthDate = '1990-04-12';
  const patient = await json<{ id: string }>('POST', '/api/patients', {
    firstName: setup.firstName,
    lastName: setup.lastName,
    birthDate,
    sex: 'female',
  });
  const healthy = healthyIntake(birthDate, today());
  const intake = (answers: Record<string, unknown> = {}) => ({
    patient: { ...healthy.patient, needleFear: false, ...setup.patient, ...answers },
    request: { ...healthy.request, indication: setup.indication ?? 'skin_rejuvenation', area: setup.area ?? 'face' },
  });
  const first = await json<{ assessment: { id: string; verdict: string } }>(
    'POST',
    `/api/patients/${patient.id}/intakes`,
    intake(),
  );
  expect(['eligible', 'eligible_with_precautions']).toContain(first.assessment.verdict);
  const course = await json<{ id: string }>('POST', `/api/patients/${patient.id}/courses`, {
    assessmentId: first.assessment.id,
  });
  const session = await json<{ id: string }>('POST', `/api/courses/${course.id}/sessions`, {
    scheduledAt: new Date(Date.now() + 3 * 3_600_000).toISOString(),
    durationMinutes: 30,
  });
  if (setup.later) await json('POST', `/api/patients/${patient.id}/intakes`, intake(setup.later));
  if (setup.consent) {
    const text = await json<{ id: string }>('GET', '/api/consent-texts/mesotherapy');
    await json('POST', `/api/patients/${patient.id}/consents`, {
      consentTextId: text.id,
      typedName: `${setup.firstName} ${setup.lastName}`,
      signatureImage,
    });
  }
  // The session's day is today (the clinic is on UTC): a minute ago is never tomorrow.
  await server.repos.treatmentSessions.update(session.id, { scheduledAt: new Date(Date.now() - 60_000).toISOString() });
  return { patientId: patient.id, sessionId: session.id };
}

useE2eBrowser(async (server) => {
  api = await signInClient(server.app, server.email('practitioner'), server.password);
  // Facial products: one that fits the plan, and one that also contains lidocaine.
  const booster = await json<{ id: string }>('POST', '/api/products', {
    name: 'Skin booster HA',
    manufacturer: 'Demo Pharma',
    ingredients: ['hyaluronic_acid'],
  });
  await json('POST', `/api/products/${booster.id}/lots`, {
    lotNumber: 'SB-100',
    expiryDate: daysAgo(-300),
    quantityMl: 20,
  });
  const numbed = await json<{ id: string }>('POST', '/api/products', {
    name: 'Comfort HA with lidocaine',
    manufacturer: 'Demo Pharma',
    ingredients: ['hyaluronic_acid', 'lidocaine'],
  });
  await json('POST', `/api/products/${numbed.id}/lots`, {
    lotNumber: 'CL-7',
    expiryDate: daysAgo(-300),
    quantityMl: 20,
  });
});

/** The options a Mantine Select offers, by its label. */
async function optionsOf(page: Page, label: RegExp): Promise<string[]> {
  await page.getByRole('textbox', { name: label }).click();
  const listbox = page.getByRole('listbox');
  await listbox.waitFor();
  const options = await listbox.getByRole('option').allTextContents();
  await page.keyboard.press('Escape');
  return options;
}

describe('the chart page as a safety surface', () => {
  let page: Page;

  it('shows a pregnant patient’s flag and contraindication, and disables the form', { timeout: 120_000 }, async () => {
    const { patientId, sessionId } = await patientWithSession({
      firstName: 'Pia',
      lastName: 'Pregnant',
      later: { pregnant: true },
    });
    page = await signedInPage(server.email('practitioner'));

    // The flag is on the schedule and on the patient's page before the chart is opened.
    const row = page.getByTestId('schedule').locator('tr', { hasText: 'Pia Pregnant' });
    await row.getByTestId('session-flag').waitFor();
    expect(await row.getByTestId('session-flag').getAttribute('data-verdict')).toBe('contraindicated');
    expect(await row.getByTestId('session-flag').textContent()).toContain('Pregnancy');
    await checkScreen(page, 'chart-01-schedule-flag');
    await page.goto(`/patients/${patientId}`);
    await page.getByTestId('session-row').getByTestId('session-flag').waitFor();
    expect(await page.getByTestId('session-row').getByTestId('session-flag').textContent()).toContain('Pregnancy');
    await screenshot(page, 'chart-01b-patient-flag');

    await page.goto(`/sessions/${sessionId}/chart`);
    const check = page.getByTestId('treatment-check');
    await check.waitFor();
    expect(await check.getAttribute('data-mode')).toBe('blocked');
    expect(await check.getAttribute('data-verdict')).toBe('contraindicated');
    expect(await page.getByTestId('chart-flag').textContent()).toContain('Pregnancy');
    expect(await page.getByTestId('session-verdict').textContent()).toContain('Charting is not possible');
    const reasons = page.getByTestId('safety-reasons');
    expect(await reasons.textContent()).toContain('Pregnancy');
    // Each reason carries its sources.
    expect(await reasons.getByTestId('source-refs').count()).toBeGreaterThan(0);
    await reasons.getByTestId('source-refs').first().click();
    expect(await page.getByRole('dialog').textContent()).toMatch(/line \d+/);
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    // The form is there but disabled: no field can be used, the map takes no points, nothing can be saved.
    expect(await page.getByTestId('chart-form').getAttribute('data-disabled')).toBe('true');
    await page.getByTestId('chart-disabled').waitFor();
    expect(await page.getByRole('button', { name: 'Save chart and mark session done' }).isDisabled()).toBe(true);
    expect(await page.getByRole('textbox', { name: /^Product/ }).isDisabled()).toBe(true);
    expect(await page.getByLabel('Depth (mm)').isDisabled()).toBe(true);
    expect(await page.getByTestId('body-map').getAttribute('role')).toBe('img');
    await checkScreen(page, 'chart-02-contraindicated');
  });

  it('shows a lidocaine-allergic patient’s allergy and never offers lidocaine', { timeout: 120_000 }, async () => {
    const { sessionId } = await patientWithSession({
      firstName: 'Lale',
      lastName: 'Allergic',
      patient: { allergies: [{ substance: 'lidocaine' }] },
    });
    await page.goto(`/sessions/${sessionId}/chart`);
    const check = page.getByTestId('treatment-check');
    await check.waitFor();
    expect(await check.getAttribute('data-mode')).toBe('allowed');
    expect(await page.getByTestId('allergies').textContent()).toContain('lidocaine');
    expect(await page.getByTestId('precautions').textContent()).toContain('No numbing cream');

    // The product with lidocaine is not offered, and the page says why.
    const products = await optionsOf(page, /^Product/);
    expect(products).toContain('Skin booster HA');
    expect(products.join('|')).not.toMatch(/lidocaine/i);
    expect(await page.getByTestId('withheld-products').textContent()).toContain('Comfort HA with lidocaine');

    // The numbing cream: the precaution is shown, and the field offers another cream but not lidocaine.
    await page.getByTestId('anaesthesia-precaution').waitFor();
    await page.getByRole('checkbox', { name: 'Numbing cream used' }).check();
    const creams = await optionsOf(page, /^Numbing cream/);
    expect(creams.join('|')).not.toMatch(/lidocaine/i);
    expect(creams).toContain('Another cream (type its name)');
    expect(await page.getByTestId('anaesthesia-refused').textContent()).toMatch(
      /Lidocaine cream: patient allergic to lidocaine/i,
    );
    await checkScreen(page, 'chart-03-allergy');
  });

  it(
    'asks for confirmation before saving a 6 mm depth against a 1–4 mm plan, and shows the server’s refusal without it',
    { timeout: 120_000 },
    async () => {
      const { sessionId } = await patientWithSession({ firstName: 'Deniz', lastName: 'Depth', consent: true });
      await page.goto(`/sessions/${sessionId}/chart`);
      await page.getByTestId('treatment-check').waitFor();
      // The depth starts inside the plan (1–4 mm).
      const depth = page.getByLabel('Depth (mm)');
      const start = Number(await depth.inputValue());
      expect(start).toBeGreaterThanOrEqual(1);
      expect(start).toBeLessThanOrEqual(4);
      await depth.fill('6');
      await page.getByTestId('depth-warning').waitFor();
      await page.getByTestId('body-map').click({ position: { x: 120, y: 120 } });
      expect(await page.getByTestId('chart-points').textContent()).toContain('outside plan');

      const confirmation = page.getByRole('checkbox', {
        name: /I confirm charting outside the plan: depth 6 mm \(plan 1–4 mm\)/,
      });
      await confirmation.waitFor();
      // Every chart the page sends passes through here; while `dropConfirmation` is set, the confirmation is
      // taken out on the way, as if lost, to show how the page reports the server's refusal.
      const posted: Record<string, unknown>[] = [];
      let dropConfirmation = false;
      await page.route('**/api/sessions/*/chart', async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        const body = route.request().postDataJSON() as Record<string, unknown>;
        posted.push(body);
        if (dropConfirmation) delete body.confirmOutsidePlan;
        await route.continue({ postData: JSON.stringify(body) });
      });
      await page.getByRole('button', { name: 'Save chart and mark session done' }).click();
      await page.getByText('Confirm the values outside the plan before saving.').waitFor();
      expect(posted).toEqual([]);
      await checkScreen(page, 'chart-04-outside-plan');

      await confirmation.check();
      dropConfirmation = true;
      await page.getByRole('button', { name: 'Save chart and mark session done' }).click();
      const refusal = page.getByTestId('chart-refusal');
      await refusal.waitFor();
      expect(await refusal.getAttribute('data-code')).toBe('outside_plan');
      expect(await refusal.textContent()).toContain('points[0].depthMm');
      await screenshot(page, 'chart-05-outside-plan-refused');

      dropConfirmation = false;
      await page.getByRole('button', { name: 'Save chart and mark session done' }).click();
      await page.waitForURL('**/patients/**');
      await page.unroute('**/api/sessions/*/chart');
      expect(posted).toHaveLength(2);
      expect(posted[1]).toMatchObject({ confirmOutsidePlan: true, points: [{ depthMm: 6 }] });

      // The saved chart says the values were confirmed, is read-only, and takes signed addenda.
      await page.goto(`/sessions/${sessionId}/chart`);
      await page.getByTestId('outside-plan-confirmed').waitFor();
      expect(await page.getByTestId('chart-form').count()).toBe(0);
      await page
        .getByLabel(/^New addendum/)
        .fill('Depth chosen for thicker skin at the jawline; no bruising at 10 minutes.');
      await page.getByRole('button', { name: 'Sign and add addendum' }).click();
      const addenda = page.getByTestId('addenda');
      await addenda.waitFor();
      expect(await addenda.textContent()).toContain('thicker skin at the jawline');
      expect(await addenda.textContent()).toMatch(/Signed by .+, /);
      await checkScreen(page, 'chart-06-saved-addendum');
    },
  );

  it(
    'charts a deferred session only with a written override, and shows who overrode it and why',
    { timeout: 120_000 },
    async () => {
      const { sessionId } = await patientWithSession({
        firstName: 'Olga',
        lastName: 'Override',
        consent: true,
        later: { medications: [{ name: 'ibuprofen', class: 'nsaid', lastDose: daysAgo(2) }] },
      });
      await page.goto(`/sessions/${sessionId}/chart`);
      const check = page.getByTestId('treatment-check');
      await check.waitFor();
      expect(await check.getAttribute('data-mode')).toBe('override');
      expect(await check.getAttribute('data-verdict')).toBe('defer');
      await page.getByTestId('body-map').click({ position: { x: 120, y: 120 } });
      await page.getByRole('button', { name: 'Save chart with override and mark session done' }).click();
      await page.getByText('Write the reason for the override.').waitFor();
      const reason = 'Prescriber agreed by phone; ibuprofen was a single dose two days ago.';
      await page.getByLabel(/^Reason for treating despite the deferral/).fill(reason);
      await checkScreen(page, 'chart-07-override');
      await page.getByRole('button', { name: 'Save chart with override and mark session done' }).click();
      await page.waitForURL('**/patients/**');

      await page.goto(`/sessions/${sessionId}/chart`);
      const override = page.getByTestId('chart-override');
      await override.waitFor();
      expect(await override.textContent()).toContain(reason);
      expect(await override.textContent()).toMatch(/By .+, /);
      await checkScreen(page, 'chart-08-saved-override');
    },
  );

  it('logged no page errors and no server errors', () => {
    // The browser logs the one refusal the test provoked on purpose (409 outside_plan); nothing else may appear.
    expect(problems.filter((p) => !/status of 409/.test(p))).toEqual([]);
  });
});
