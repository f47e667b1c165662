import { describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.js';
import { screenshot } from './support/browser.js';
import { checkScreen, problems, server, signedInPage, useE2eBrowser } from './support/e2e-browser.js';
import { pick } from './support/ui.js';
import { multipartPayload } from '../../src/server/uploads/test-support/multipart-payload.js';
import { sampleImages } from '../../src/server/uploads/test-support/sample-images.js';
import { signInClient } from '../../src/test-support/test-app.js';

/**
 * The portal's self-service in the browser (issue 19): the patient answers the intake questionnaire,
 * is screened, chooses among courses that keep the plan's intervals and books one, then reads the
 * whole plan in words; moves a session inside its interval window; and, once the clinic's notice
 * period covers a session, is refused and told to call the clinic. axe-core finds no violation of
 * any impact on the booking page. Screenshots go to test-results/e2e/portal-*.png.
 */

useE2eBrowser();

const plannedTimes = async () =>
  (await server.repos.treatmentSessions.listByPatient(server.fixture.patient.id))
    .filter((s) => s.status === 'planned')
    .map((s) => `${s.id} ${s.scheduledAt}`)
    .sort();

describe('portal self-service', () => {
  it(
    'books a course online after a fresh intake, and shows the whole plan in words',
    { timeout: 180_000 },
    async () => {
      const page = await signedInPage(server.email('patient'), { landing: '**/portal' });
      await page.getByRole('link', { name: 'Book a course or consultation' }).first().click();
      await page.getByRole('heading', { name: 'Book a course or consultation', level: 1 }).waitFor();
      await pick(page, /^What is to be treated/, 'Hair loss');
      expect(await page.getByRole('textbox', { name: /^Area/ }).inputValue()).toBe('Scalp');
      // A patient cannot mark an answer "reviewed": that box is the clinician's.
      await page.getByRole('button', { name: 'Add other condition' }).click();
      expect(await page.getByRole('checkbox', { name: /Reviewed/ }).count()).toBe(0);
      await page.getByRole('button', { name: 'Remove: Other condition (code or short name)' }).click();
      expect(await axeViolations(page), 'axe on the booking page (questionnaire)').toEqual([]);
      await screenshot(page, 'portal-01-intake');
      await page.getByRole('button', { name: 'Send my answers' }).click();

      const outcome = page.getByTestId('screening-outcome');
      await outcome.waitFor();
      expect(await outcome.getAttribute('data-outcome')).toBe('bookable');
      await page.getByRole('button', { name: 'Show times' }).click();
      const offers = page.getByTestId('offer');
      await offers.first().waitFor();
      const earliest = (await offers.first().textContent()) ?? '';
      expect(earliest).toContain('Session 1 of 4');
      expect(earliest).toContain('with Dr Pia Practitioner, Treatment room 1, Scalp');
      expect(await axeViolations(page), 'axe on the booking page (offers)').toEqual([]);
      await screenshot(page, 'portal-02-offers');

      await offers.first().getByRole('button', { name: 'Book these 4 sessions' }).click();
      const booked = page.getByTestId('booked');
      await booked.waitFor();
      expect(await booked.textContent()).toContain('Session 4 of 4');
      expect(await axeViolations(page), 'axe on the booking page (booked)').toEqual([]);
      await screenshot(page, 'portal-03-booked');
      expect(await plannedTimes()).toHaveLength(4);

      await page.getByRole('link', { name: 'See my plan' }).click();
      const plan = page.getByTestId('plan');
      await plan.waitFor();
      const sessions = plan.getByTestId('plan-session');
      expect(await sessions.count()).toBe(4);
      const second = (await sessions.nth(1).textContent()) ?? '';
      expect(second).toMatch(
        /Session 2 of 4, \d{1,2} [A-Z][a-z]{2}, \d{2}:\d{2}, with Dr Pia Practitioner, Treatment room 1, Scalp/,
      );
      await plan
        .getByText(/^Prepare from /)
        .first()
        .waitFor();
      await checkScreen(page, 'portal-04-plan');
    },
  );

  it("moves a session inside the course's interval window", { timeout: 120_000 }, async () => {
    const page = await signedInPage(server.email('patient'), { landing: '**/portal' });
    const before = await plannedTimes();
    await page.getByRole('link', { name: 'Move session 2' }).click();
    await page.getByRole('heading', { name: 'Move a session', level: 1 }).waitFor();
    await page.getByText(/^To keep the treatment spacing, session 2 can move to a day from/).waitFor();
    await page.getByRole('radio').last().check();
    await checkScreen(page, 'portal-05-move');
    await page.getByRole('button', { name: 'Move to this time' }).click();
    await page.getByTestId('moved').waitFor();
    expect(await plannedTimes()).not.toEqual(before);
  });

  it('refuses a move within the notice period and says to call the clinic', { timeout: 180_000 }, async () => {
    const page = await signedInPage(server.email('patient'), { landing: '**/portal' });
    await page.getByRole('link', { name: 'Move session 1' }).click();
    await page.getByRole('heading', { name: 'Move a session', level: 1 }).waitFor();
    await page.getByRole('radio').first().check();

    // Meanwhile the clinic lengthens its notice period to 30 days: the first session now lies within it.
    const admin = await signedInPage(server.email('admin'));
    await admin.goto('/admin/clinic');
    const notice = admin.getByLabel('Notice period (hours)');
    expect(await notice.inputValue()).toBe('24');
    await notice.fill('720');
    await admin.getByRole('region', { name: 'Patient portal' }).getByRole('button', { name: 'Save' }).click();
    await admin.getByRole('region', { name: 'Patient portal' }).getByRole('status').waitFor();
    await checkScreen(admin, 'portal-06-admin-notice');
    expect((await server.repos.portal.findSettings(server.fixture.clinic.id))?.noticeHours).toBe(720);

    const before = await plannedTimes();
    await page.getByRole('button', { name: 'Move to this time' }).click();
    const refusal = page.getByTestId('portal-refusal');
    await refusal.waitFor();
    expect(await refusal.getAttribute('data-code')).toBe('notice_period_passed');
    expect(await refusal.textContent()).toContain('720 hours before they start');
    expect(await refusal.textContent()).toContain('please call the clinic');
    await checkScreen(page, 'portal-07-refused');
    expect(await plannedTimes()).toEqual(before);

    // The plan says so too, and offers no move or cancel for it.
    await page.getByRole('link', { name: 'Back to my plan' }).click();
    const first = page.getByTestId('plan-session').first();
    await first.getByTestId('too-late').waitFor();
    expect(await first.getByTestId('too-late').textContent()).toContain('please call the clinic');
    expect(await first.getByRole('link', { name: 'Move session 1' }).count()).toBe(0);
    await screenshot(page, 'portal-08-plan-too-late');
  });

  it(
    'attaches a photo to a side-effect report, and shows the patient her own before and after photos',
    { timeout: 120_000 },
    async () => {
      // A session of the course that took place three days ago, and a before photo the practitioner took then.
      const [booked] = await server.repos.treatmentSessions.listByPatient(server.fixture.patient.id);
      const held = await server.repos.treatmentSessions.create({
        courseId: booked!.courseId,
        scheduledAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
      });
      const practitioner = await signInClient(server.app, server.email('practitioner'), server.password);
      const photo = await practitioner.inject({
        method: 'POST',
        url: `/api/patients/${server.fixture.patient.id}/photos`,
        ...multipartPayload([
          { name: 'kind', value: 'before' },
          { name: 'sessionId', value: held.id },
          { name: 'photo', file: sampleImages.jpeg },
        ]),
      });
      expect(photo.statusCode, photo.body).toBe(201);

      const page = await signedInPage(server.email('patient'), { landing: '**/portal' });
      await page.getByRole('link', { name: 'Report a side effect' }).first().click();
      await page.getByRole('checkbox', { name: 'A lump, bump, knot or hard spot under the skin' }).check();
      await page.getByLabel(/^How many days after the session did it start/).fill('2');
      await page.getByRole('button', { name: 'Send report' }).click();
      await page.getByTestId('triage-result').waitFor();
      await page.locator('input[type=file]').setInputFiles({
        name: 'lump.png',
        mimeType: 'image/png',
        buffer: sampleImages.png,
      });
      await page.getByRole('button', { name: 'Add photos' }).click();
      await page.getByTestId('report-photos-added').getByText('1 photo added.').waitFor();
      await checkScreen(page, 'portal-09-report-photo');
      const reports = await server.repos.sideEffects.listBySession(held.id);
      expect(await server.repos.sideEffects.listPhotos(reports[0]!.id)).toHaveLength(1);

      await page
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: 'My treatment' })
        .click();
      await page.getByTestId('my-reports').getByText('1 photo', { exact: true }).waitFor();
      const photos = page.getByRole('region', { name: 'Before and after photos' });
      await photos.getByRole('img', { name: /^Before/ }).waitFor();
      await screenshot(page, 'portal-10-own-photos');
    },
  );

  it('offers a deferred patient a call from the clinic instead of a booking', { timeout: 120_000 }, async () => {
    const page = await signedInPage(server.email('patient'), { landing: '**/portal' });
    const courses = (await server.repos.courses.listByPatient(server.fixture.patient.id)).length;
    await page.goto('/portal/book');
    // The questionnaire starts from her last answers.
    expect(await page.getByRole('textbox', { name: /^What is to be treated/ }).inputValue()).toBe('Hair loss');
    // Ibuprofen yesterday: treatment waits a week.
    await page.getByRole('button', { name: 'Add medicine' }).click();
    await page.getByLabel('Name', { exact: true }).fill('ibuprofen');
    await page.getByLabel(/^Last dose/).fill(new Date(Date.now() - 86_400_000).toISOString().slice(0, 10));
    await page.getByRole('button', { name: 'Send my answers' }).click();
    const outcome = page.getByTestId('screening-outcome');
    await outcome.waitFor();
    expect(await outcome.getAttribute('data-outcome')).toBe('deferred');
    expect(await outcome.textContent()).toContain('Anti-inflammatory painkiller in the last 7 days');
    expect(await page.getByRole('button', { name: 'Show times' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Book these/ }).count()).toBe(0);
    await page.getByLabel('Note for the clinic').fill('Mornings are best.');
    expect(await axeViolations(page), 'axe on the booking page (consultation)').toEqual([]);
    await page.getByRole('button', { name: 'Ask for a call' }).click();
    await page.getByTestId('consultation-sent').waitFor();
    await screenshot(page, 'portal-11-consultation');
    const [request] = await server.repos.portal.listConsultationRequests(server.fixture.patient.id);
    expect(request).toMatchObject({ reason: 'deferred', status: 'open', note: 'Mornings are best.' });
    expect(await server.repos.courses.listByPatient(server.fixture.patient.id)).toHaveLength(courses);
  });

  it('logged no page errors and no server errors', () => {
    // The browser logs the refusal the test provoked on purpose (409 notice_period_passed); nothing else may appear.
    expect(problems.filter((p) => !/status of 409/.test(p))).toEqual([]);
  });
});
