import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectWorkingSubscription } from './support/calendar-subscription.js';
import { drawOn, pick, signIn } from './support/ui.js';
import { checkScreen, download, newPage, problems, server, state, useStoryBrowser } from './support/web-app-story.js';
import { tinyPng } from '../../src/interop/test-support/tiny-png.js';
import { webAppManners } from './support/web-app-manners.js';

/**
 * The whole clinical path through the browser, as the acceptance asks: sign in, new
 * patient, intake, assessment with sources, course booking, consent, charting, the patient's side
 * effect report and its triage on the practitioner's side, and a portal that shows only the
 * patient's own data. Each main screen is screenshotted (test-results/e2e/) and checked with axe.
 */
useStoryBrowser();

describe('web app, end to end', () => {
  let practitioner: Page;

  it('shows the sign-in page and signs the practitioner in to today’s schedule', { timeout: 120_000 }, async () => {
    practitioner = await newPage();
    await practitioner.goto('/');
    await practitioner.waitForURL('**/sign-in');
    await practitioner.getByRole('heading', { name: 'Sign in' }).waitFor();
    await checkScreen(practitioner, '01-sign-in');

    // A wrong password keeps the email typed and says why.
    await practitioner.getByLabel(/^Email/).fill(server.email('practitioner'));
    await practitioner.getByLabel(/^Password/).fill('not the password');
    await practitioner.getByRole('button', { name: 'Sign in' }).click();
    await practitioner.getByText('Wrong email or password.').waitFor();
    expect(await practitioner.getByLabel(/^Email/).inputValue()).toBe(server.email('practitioner'));

    await signIn(practitioner, server.email('practitioner'), server.password);
    await practitioner.waitForURL('**/today');
    await practitioner.getByRole('heading', { name: "Today's schedule" }).waitFor();
    await checkScreen(practitioner, '02-today');
  });

  it('registers a new patient and finds her by name', { timeout: 120_000 }, async () => {
    await practitioner.getByRole('link', { name: 'New patient' }).click();
    await practitioner.getByRole('heading', { name: 'New patient' }).waitFor();
    await practitioner.getByLabel(/^First name/).fill('Hana');
    await practitioner.getByLabel(/^Last name/).fill('Yılmaz');
    await practitioner.getByLabel(/^Birth date/).fill('1991-05-20');
    await pick(practitioner, 'Sex', 'Female');
    await practitioner.getByLabel('Phone').fill('+90 212 555 0101');
    await practitioner.getByLabel('Email').fill(state.portalEmail);
    await checkScreen(practitioner, '03-new-patient');
    await practitioner.getByRole('button', { name: 'Register patient' }).click();
    await practitioner.getByRole('heading', { name: state.patientName }).waitFor();
    state.patientId = practitioner.url().split('/patients/')[1] ?? '';
    expect(state.patientId).not.toBe('');

    await practitioner.getByRole('link', { name: 'Patients', exact: true }).click();
    await practitioner.getByRole('searchbox').fill('yılm');
    await practitioner.getByRole('link', { name: 'Yılmaz, Hana' }).waitFor();
    await checkScreen(practitioner, '04-patient-search');
    await practitioner.getByRole('link', { name: 'Yılmaz, Hana' }).click();
    await practitioner.getByRole('heading', { name: state.patientName }).waitFor();
  });

  it('takes the intake, asking about insulin only once diabetes is ticked', { timeout: 120_000 }, async () => {
    await practitioner.getByRole('link', { name: 'New intake' }).click();
    await practitioner.getByRole('heading', { name: `Intake for ${state.patientName}` }).waitFor();
    await pick(practitioner, /^What is to be treated/, 'Hair loss');
    expect(await practitioner.getByRole('textbox', { name: /^Area/ }).inputValue()).toBe('Scalp');

    const insulin = practitioner.getByRole('radiogroup', { name: 'Does the patient take insulin for the diabetes?' });
    expect(await insulin.count()).toBe(0);
    await practitioner.getByRole('checkbox', { name: 'Diabetes' }).check();
    await insulin.waitFor();
    await insulin.getByRole('radio', { name: 'No', exact: true }).check();
    await practitioner
      .getByTestId('follow-up-diabetes')
      .getByRole('radiogroup', { name: 'Is it under control?' })
      .getByRole('radio', { name: 'Yes', exact: true })
      .check();
    // Pregnancy is asked for a woman.
    await practitioner.getByRole('checkbox', { name: 'Pregnant' }).waitFor();

    await practitioner.getByRole('button', { name: 'Add medicine' }).click();
    await pick(practitioner, /^Kind of medicine/, 'Other medicine');
    await practitioner.getByLabel('Name', { exact: true }).fill('metformin');
    await practitioner.getByRole('checkbox', { name: 'Still taking it' }).check();
    await checkScreen(practitioner, '05-intake');

    await practitioner.getByRole('button', { name: 'Save and assess' }).click();
    await practitioner.waitForURL('**/assessments/**');
  });

  it('shows the assessment with its verdict, plan and the source of each fact', { timeout: 120_000 }, async () => {
    const verdict = practitioner.getByTestId('verdict');
    await verdict.waitFor();
    expect(['eligible', 'eligible_with_precautions']).toContain(await verdict.getAttribute('data-verdict'));
    await practitioner.getByTestId('plan').waitFor();
    expect(await practitioner.getByTestId('plan').textContent()).toContain('Hair loss');

    const sources = practitioner.getByTestId('plan').getByTestId('source-refs').first();
    await sources.click();
    const card = practitioner.getByRole('dialog');
    await card.waitFor();
    expect(await card.textContent()).toMatch(/line \d+/);
    expect(await card.textContent()).toMatch(/\.txt/);
    await checkScreen(practitioner, '06-assessment');
    await practitioner.keyboard.press('Escape');
  });

  it('books the course with the course finder', { timeout: 120_000 }, async () => {
    await practitioner.getByRole('link', { name: 'Book a course' }).click();
    await practitioner.getByRole('heading', { name: `Book a course for ${state.patientName}` }).waitFor();
    await practitioner.getByRole('button', { name: 'Find times' }).click();
    const proposal = practitioner.getByTestId('proposal').first();
    await proposal.waitFor();
    await checkScreen(practitioner, '07-course-finder');
    await proposal.getByRole('button', { name: /^Book these \d+ sessions$/ }).click();
    await practitioner.getByRole('heading', { name: state.patientName }).waitFor();
    await practitioner.getByTestId('course').waitFor();
    expect(await practitioner.getByTestId('session-row').count()).toBeGreaterThanOrEqual(4);
  });

  it('records the patient’s consent with a drawn signature', { timeout: 120_000 }, async () => {
    await practitioner.getByRole('link', { name: 'Sign consent' }).click();
    await practitioner.getByTestId('consent-text').waitFor();
    // Signing without a signature is refused on the spot, the typed name kept.
    await practitioner.getByRole('button', { name: 'Sign consent' }).click();
    await practitioner.getByText('Please sign in the box.').waitFor();
    await drawOn(practitioner, 'signature-pad');
    await checkScreen(practitioner, '08-consent');
    await practitioner.getByRole('button', { name: 'Sign consent' }).click();
    await practitioner.getByTestId('consents').waitFor();
    expect(await practitioner.getByTestId('consents').textContent()).toContain('mesotherapy, version 1');
  });

  it('charts the first session on the map with product, lot, volume and depth', { timeout: 120_000 }, async () => {
    // The booked sessions lie ahead; the test moves the first one to earlier today, as if the day had come.
    const sessions = await server.repos.treatmentSessions.listByPatient(state.patientId);
    const first = sessions[0];
    if (!first) throw new Error('no session was booked');
    await server.repos.treatmentSessions.update(first.id, {
      scheduledAt: new Date(Date.now() - 2 * 3_600_000).toISOString(),
    });

    await practitioner.reload();
    await practitioner.getByRole('link', { name: 'Chart session' }).first().click();
    await practitioner.getByTestId('body-map').waitFor();
    // The recalled lot is listed but cannot be chosen.
    await practitioner.getByRole('textbox', { name: /^Lot/ }).click();
    expect(await practitioner.getByRole('option', { name: /HR-2399/ }).getAttribute('data-combobox-disabled')).toBe(
      'true',
    );
    await practitioner.keyboard.press('Escape');
    const map = practitioner.getByTestId('body-map');
    await map.click({ position: { x: 120, y: 120 } });
    await map.click({ position: { x: 180, y: 140 } });
    await practitioner.getByLabel('Volume (ml)').fill('0.2');
    // Keyboard users: arrows move the cross, Enter places a point.
    await map.focus();
    await practitioner.keyboard.press('ArrowRight');
    await practitioner.keyboard.press('Enter');
    expect(await practitioner.getByTestId('chart-points').locator('tbody tr').count()).toBe(3);
    await checkScreen(practitioner, '09-chart');
    await practitioner.getByRole('button', { name: 'Save chart and mark session done' }).click();
    await practitioner.getByRole('heading', { name: state.patientName }).waitFor();
    await practitioner.getByRole('link', { name: 'View chart' }).waitFor();
  });

  it('lets an admin open a portal account for the patient', { timeout: 120_000 }, async () => {
    const admin = await newPage();
    await signIn(admin, server.email('admin'), server.password);
    await admin.waitForURL('**/today');
    await admin.goto(`/patients/${state.patientId}`);
    await admin.getByRole('heading', { name: 'Portal account' }).waitFor();
    await admin.getByLabel(/^First password/).fill(state.portalPassword);
    await admin.getByRole('button', { name: 'Create portal account' }).click();
    await admin.getByText(`Portal account created for ${state.portalEmail}.`).waitFor();
  });

  let patient: Page;

  it(
    'shows the patient her own sessions, preparation and aftercare countdown, and nothing of others',
    { timeout: 120_000 },
    async () => {
      patient = await newPage();
      await signIn(patient, state.portalEmail, state.portalPassword);
      await patient.waitForURL('**/portal');
      await patient.getByTestId('upcoming').waitFor();
      await patient.getByTestId('preparation').waitFor();
      await patient.getByTestId('aftercare').waitFor();
      expect(await patient.getByTestId('aftercare').textContent()).toMatch(/left/);
      expect(
        await patient.getByRole('link', { name: 'Download the aftercare sheet (PDF)' }).getAttribute('href'),
      ).toMatch(/aftercare\.pdf$/); // in her own language, which the server takes from her record
      const text = (await patient.locator('body').textContent()) ?? '';
      expect(text).toContain('Hana');
      expect(text).not.toContain('Paula');
      expect(text).not.toContain('Otto');
      await checkScreen(patient, '10-portal');

      // Staff screens send a patient back to the portal; the server refuses other patients' records.
      await patient.goto(`/patients/${server.fixture.otherPatient.id}`);
      await patient.waitForURL('**/portal');
      const other = await patient.evaluate(
        async (id) => (await fetch(`/api/patients/${id}/sessions`)).status,
        server.fixture.otherPatient.id,
      );
      expect([403, 404]).toContain(other);
      // The documents the portal links to are there, in the patient's session.
      await patient.goto('/portal');
      expect(await download(patient, 'Download the aftercare sheet (PDF)')).toEqual({
        status: 200,
        type: 'application/pdf',
      });
      expect(await download(patient, 'Treatment summary (PDF)')).toEqual({ status: 200, type: 'application/pdf' });
      expect(await download(patient, 'Add to calendar (.ics)')).toMatchObject({
        status: 200,
        type: expect.stringMatching(/^text\/calendar/),
      });
      // A calendar subscription address: shown once, and it works with no session at all.
      await expectWorkingSubscription(patient);
      // The FAQ answers in the patient's words, each answer with its sources. Until the search answers,
      // the list shows every question, the one sought among them; the answer replaces that list, closing
      // whatever was opened in it. So the question is opened once the search has answered.
      const searched = patient.waitForResponse(
        (r) => r.url().includes('/api/faq?') && new URL(r.url()).searchParams.get('q') === 'is it painful',
      );
      await patient.getByLabel('Search the questions').fill('is it painful');
      expect((await searched).status()).toBe(200);
      // Exact: an opened answer's sources button names the question too.
      const answer = patient.getByTestId('faq').getByRole('button', { name: 'Does mesotherapy hurt?', exact: true });
      await answer.waitFor();
      await answer.click();
      await patient
        .getByTestId('faq')
        .getByText(/lidocaine/i)
        .first()
        .waitFor();
    },
  );

  it('lets the patient report a side effect and shows the triage advice', { timeout: 120_000 }, async () => {
    await patient.getByRole('link', { name: 'Report a side effect' }).first().click();
    await patient.getByRole('heading', { name: 'Report a side effect' }).waitFor();
    await patient
      .getByLabel(/^What do you notice/)
      .fill('The injection points are hot, swollen and leaking pus, and I have a fever.');
    await patient.getByRole('radio', { name: 'Severe' }).check();
    await checkScreen(patient, '11-report-side-effect');
    await patient.getByRole('button', { name: 'Send report' }).click();
    const result = patient.getByTestId('triage-result');
    await result.waitFor();
    expect(await result.getAttribute('data-level')).toBe('urgent');
    await patient.getByText('Contact the clinic today', { exact: true }).waitFor();
    await checkScreen(patient, '12-triage-advice');
  });

  it('shows the report, triaged, to the practitioner', { timeout: 120_000 }, async () => {
    await practitioner.getByRole('link', { name: 'Side effects' }).click();
    const list = practitioner.getByTestId('attention-list');
    await list.waitFor();
    expect(await list.textContent()).toContain('Hana Yılmaz');
    expect(await list.getByTestId('triage-badge').first().getAttribute('data-level')).toBe('urgent');
    await checkScreen(practitioner, '13-side-effects');

    await practitioner.goto(`/patients/${state.patientId}`);
    await practitioner.getByTestId('patient-side-effects').waitFor();
    expect(
      await practitioner
        .getByTestId('patient-side-effects')
        .getByTestId('triage-badge')
        .first()
        .getAttribute('data-level'),
    ).toBe('urgent');
    await checkScreen(practitioner, '14-patient');
  });

  it('rates the session and shows the outcomes as a chart and a table', { timeout: 120_000 }, async () => {
    await practitioner.getByRole('heading', { name: 'Outcomes' }).waitFor();
    await practitioner.getByLabel('Practitioner’s rating').fill('7');
    await practitioner.getByRole('button', { name: 'Save rating' }).click();
    const table = practitioner.getByTestId('outcomes-table');
    await table.waitFor();
    expect(await table.locator('tbody').textContent()).toContain('7');
    await practitioner.locator('.recharts-wrapper').waitFor();
  });

  it('uploads before and after photos and shows them side by side', { timeout: 120_000 }, async () => {
    const photos = practitioner.locator('section', {
      has: practitioner.getByRole('heading', { name: 'Before and after photos' }),
    });
    const file = photos.locator('input[type=file]');
    await file.setInputFiles({ name: 'before.png', mimeType: 'image/png', buffer: tinyPng(320, 240) });
    await photos.getByRole('button', { name: 'Upload' }).click();
    await photos.getByTestId('photo-compare').waitFor();
    await pick(practitioner, 'Kind', 'After');
    await file.setInputFiles({ name: 'after.png', mimeType: 'image/png', buffer: tinyPng(320, 240) });
    await photos.getByRole('button', { name: 'Upload' }).click();
    const images = photos.getByTestId('photo-compare').locator('img');
    await expect.poll(() => images.count()).toBe(2);
    // Both images really load (same-origin, with the session cookie).
    await expect
      .poll(() =>
        images.evaluateAll((list) =>
          list.every((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0),
        ),
      )
      .toBe(true);
    await checkScreen(practitioner, '15-outcomes-photos');
  });

  it('finds every patient who received a lot', { timeout: 120_000 }, async () => {
    await practitioner.getByRole('link', { name: 'Lot recall' }).click();
    await pick(practitioner, 'Lot', `${server.catalogue.productName} — lot ${server.catalogue.lotNumber}`);
    const result = practitioner.getByTestId('recall-result');
    await result.waitFor();
    await result.getByRole('link', { name: state.patientName }).waitFor();
    await checkScreen(practitioner, '16-lot-recall');
  });

  it('flags the upcoming sessions when a new intake contraindicates them', { timeout: 120_000 }, async () => {
    await practitioner.goto(`/patients/${state.patientId}/intake`);
    // The form starts from the intake on record.
    expect(await practitioner.getByRole('checkbox', { name: 'Diabetes' }).isChecked()).toBe(true);
    await practitioner.getByRole('checkbox', { name: 'Pregnant' }).check();
    await practitioner.getByRole('button', { name: 'Save and assess' }).click();
    await practitioner.waitForURL('**/assessments/**');
    await practitioner.getByTestId('verdict').waitFor();
    expect(await practitioner.getByTestId('verdict').getAttribute('data-verdict')).toBe('contraindicated');
    await practitioner.getByRole('link', { name: 'Re-screening flags' }).click();
    const flags = practitioner.getByTestId('flags');
    await flags.waitFor();
    expect(await flags.textContent()).toContain('Pregnancy');
    expect(await flags.getByRole('listitem').count()).toBeGreaterThanOrEqual(3);
    await checkScreen(practitioner, '17-flags');
  });

  it('shows the audit log to an admin', { timeout: 120_000 }, async () => {
    const admin = await newPage();
    await signIn(admin, server.email('admin'), server.password);
    await admin.waitForURL('**/today');
    await admin.getByRole('link', { name: 'Audit log' }).click();
    const log = admin.getByTestId('audit-log');
    await log.waitFor();
    expect(await log.locator('tbody tr').count()).toBeGreaterThan(10);
    await admin.getByLabel('Record type').fill('side_effect_report');
    await expect.poll(async () => (await log.locator('tbody').textContent()) ?? '').toContain('side_effect_report');
    await checkScreen(admin, '18-audit-log');
  });

  it('logged no page errors and no server errors along the way', () => {
    expect(problems).toEqual([]);
  });
});

// After the story: the manners checks look at its patient and portal account.
webAppManners();
