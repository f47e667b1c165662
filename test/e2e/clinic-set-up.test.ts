import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { healthyIntake } from '../../src/test-support/intake-examples.js';
import { signInClient } from '../../src/test-support/test-app.js';
import { checkScreen, problems, server, signedInPage, useE2eBrowser } from './support/e2e-browser.js';
import { pick } from './support/ui.js';

/**
 * An admin sets the clinic up in the browser: opening hours and a holiday closure at the location,
 * which the course finder then books around; then words the aftercare message and previews what a
 * named patient would get. Each admin page is checked with axe.
 */

const dayMs = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** A Monday three to four weeks ahead: the closed day. The fixture location keeps UTC. */
function mondayAhead(): string {
  let ms = Date.now() + 21 * dayMs;
  while (new Date(ms).getUTCDay() !== 1) ms += dayMs;
  return isoDay(ms);
}
const closedDay = mondayAhead();
const nextDay = isoDay(Date.parse(closedDay) + dayMs);
const longDate = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
const workdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

useE2eBrowser();

describe('setting the clinic up in the browser', () => {
  let admin: Page;

  it('sets opening hours and a closure at the location', { timeout: 120_000 }, async () => {
    admin = await signedInPage(server.email('admin'));
    await admin.getByRole('link', { name: 'Clinic set-up' }).click();
    await admin.getByRole('heading', { name: 'Clinic set-up', level: 1 }).waitFor();
    await admin.getByTestId('rooms').getByRole('cell', { name: 'Treatment room 1', exact: true }).waitFor();
    await admin.getByText('No closures.', { exact: false }).waitFor();
    await checkScreen(admin, 'setup-01-clinic');

    const hours = admin.getByRole('form', { name: 'Opening hours' });
    // Mantine draws the switch over a hidden input: the label is what a user clicks.
    await hours.getByText('Book only within opening hours').click();
    await hours.getByLabel('Open on Monday').waitFor();
    for (const day of workdays) {
      await hours.getByLabel(`Open on ${day}`).check();
      await hours.getByLabel(new RegExp(`^${day} opens`)).fill('10:00');
      await hours.getByLabel(new RegExp(`^${day} closes`)).fill('16:00');
    }
    await hours.getByRole('button', { name: 'Save opening hours' }).click();
    await hours.getByRole('status').getByText('Saved.').waitFor();

    await admin.getByLabel(/^Closed from/).fill(closedDay);
    await admin.getByLabel(/^Reason/).fill('Public holiday');
    await admin.getByRole('button', { name: 'Add closure' }).click();
    await admin.getByTestId('closures').getByText('Public holiday').waitFor();
    await checkScreen(admin, 'setup-02-hours-and-closure');

    // What the pages stored, as the API has it.
    const availability = await server.repos.availability.findOpeningHours(server.fixture.location.id);
    expect(availability?.weeklyHours).toEqual(
      Object.fromEntries([1, 2, 3, 4, 5].map((d) => [String(d), [{ start: '10:00', end: '16:00' }]])),
    );
    const closures = await server.repos.availability.listExceptions(server.fixture.location.id);
    expect(closures).toMatchObject([{ kind: 'days', from: closedDay, to: closedDay, practitionerId: null }]);
  });

  it('has the course finder book around the closure, inside the opening hours', { timeout: 120_000 }, async () => {
    const clinician = await signInClient(server.app, server.email('practitioner'), server.password);
    const patient = server.fixture.patient;
    const intake = await clinician.inject({
      method: 'POST',
      url: `/api/patients/${patient.id}/intakes`,
      payload: healthyIntake(patient.birthDate),
    });
    expect(intake.statusCode, intake.body).toBe(201);

    const practitioner = await signedInPage(server.email('practitioner'));
    await practitioner.goto(`/patients/${patient.id}/courses/new?assessment=${intake.json().assessment.id}`);
    await practitioner
      .getByRole('heading', { name: `Book a course for ${patient.firstName} ${patient.lastName}` })
      .waitFor();
    await practitioner.getByLabel('Not before (optional)').fill(closedDay);
    const answer = practitioner.waitForResponse((r) => r.url().endsWith('/course-proposals'));
    await practitioner.getByRole('button', { name: 'Find times' }).click();
    const { course } = (await (await answer).json()) as {
      course: { sessions: { localDate: string; localStart: string; localEnd: string }[] };
    };
    expect(course.sessions[0]).toMatchObject({ localDate: nextDay, localStart: '10:00' });
    for (const session of course.sessions) {
      expect(session.localDate).not.toBe(closedDay);
      expect([1, 2, 3, 4, 5]).toContain(new Date(`${session.localDate}T12:00:00Z`).getUTCDay());
      expect(session.localStart >= '10:00' && session.localEnd <= '16:00').toBe(true);
    }
    const proposal = practitioner.getByTestId('proposal').first();
    await proposal.getByText(longDate(nextDay), { exact: false }).waitFor();
    expect(await proposal.textContent()).not.toContain(longDate(closedDay));
    await proposal.getByRole('button', { name: /^Book these \d+ sessions$/ }).click();
    await practitioner.getByTestId('course').waitFor();
  });

  it('words the aftercare message and previews what the patient gets', { timeout: 120_000 }, async () => {
    await admin.getByRole('link', { name: 'Messages to patients' }).click();
    await admin.getByRole('heading', { name: 'Messages to patients', level: 1 }).waitFor();
    await admin.getByRole('tab', { name: 'Booking confirmation' }).waitFor();
    await checkScreen(admin, 'setup-03-messages');

    await admin.getByRole('tab', { name: 'Aftercare' }).click();
    await admin.getByLabel(/^Subject/).fill('Looking after your skin, {patientName}');
    await admin.getByRole('textbox', { name: /^Text/ }).fill('Dear {patientname},\n\n{instructions}\n\n{clinicName}');
    await admin.getByRole('button', { name: 'Save text' }).click();
    await admin
      .getByText(/unknown placeholder \{patientname\}/)
      .first()
      .waitFor();

    await admin
      .getByRole('textbox', { name: /^Text/ })
      .fill('Dear {patientName},\n\nThank you for your visit.\n\n{instructions}\n\n{clinicName}');
    await admin.getByRole('button', { name: 'Save text' }).click();
    await admin.getByText('Your text', { exact: true }).waitFor();

    await admin.getByRole('textbox', { name: 'Patient' }).fill('Patie');
    await pick(
      admin,
      'Patient',
      `${server.fixture.patient.lastName}, ${server.fixture.patient.firstName} (${server.fixture.patient.birthDate})`,
    );
    await admin.getByRole('button', { name: 'Show preview' }).click();
    const preview = admin.getByTestId('message-preview');
    await preview.waitFor();
    const text = (await preview.textContent()) ?? '';
    expect(text).toContain('Subject: Looking after your skin, Paula');
    expect(text).toContain('Dear Paula,');
    expect(text).toContain('Thank you for your visit.');
    // The clinical part, from the knowledge base, with its sources.
    expect(text).toContain('Keep water off the treated area.');
    expect(text).toMatch(/\(Sources: [^)]+\)/);
    await checkScreen(admin, 'setup-04-preview');
  });

  it("puts the clinic's logo on the sheets patients get", { timeout: 120_000 }, async () => {
    await admin.getByRole('link', { name: 'Clinic set-up' }).click();
    const section = admin.getByRole('region', { name: 'Logo' });
    await section.getByText('No logo yet', { exact: false }).waitFor();
    const logo = await sharp({ create: { width: 300, height: 100, channels: 3, background: '#1d4e89' } })
      .png()
      .toBuffer();
    await section
      .locator('input[type="file"]')
      .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: logo });
    await section.getByRole('button', { name: 'Upload logo' }).click();
    await section.getByRole('status').getByText('Saved.').waitFor();
    await section.getByRole('img', { name: "The clinic's current logo" }).waitFor();
    await checkScreen(admin, 'setup-05-logo');
    const stored = await server.repos.clinics.findLogo(server.fixture.clinic.id);
    expect((await sharp(Buffer.from(stored!.data)).metadata()).width).toBe(300);
  });

  it('logged no page errors and no server errors', () => {
    // The unknown placeholder's 400 is the one expected answer of a failed request.
    expect(problems.filter((p) => !p.includes('400'))).toEqual([]);
  });
});
