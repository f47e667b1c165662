import { describe, expect, it } from 'vitest';
import type { PatientRecord } from '../../src/core/records/index.js';
import { argon2idHasher } from '../../src/services/accounts/password-hasher.js';
import { createClinicFixture, fixtureEmail } from '../../src/test-support/clinic-fixture.js';
import { testPassword, testPasswordHashing } from '../../src/test-support/test-app.js';
import { chartedSession } from '../../src/server/routes/safety-signals/test-support/charted-sessions.js';
import { defaultMessagingSettings } from '../../src/services/messaging/messaging-settings.js';
import { runSafetySignalDetection } from '../../src/services/safety-signals/run-detection.js';
import { screenshot } from './support/browser.js';
import { checkScreen, problems, server, signedInPage, useE2eBrowser } from './support/e2e-browser.js';

/**
 * The Safety signals page (issue 21): two patients reported a late lump after sessions with one lot,
 * and a third received the lot without reporting anything. A practitioner sees the possible infection
 * cluster with all three patients to contact (linked to their records) and the lot to quarantine
 * (linked to its recall list), but no actions; an admin acknowledges it with a note, then closes it.
 * axe-core finds no serious violation; the pages log no errors. Screenshots go to
 * test-results/e2e/safety-signals-*.png.
 */

const lotTitle = 'Possible infection cluster: Hair revitalising cocktail, lot HR-2401';
const rateClinicTag = `signals-rate-${process.pid}`;
let quiet: PatientRecord;

useE2eBrowser(async (server) => {
  const { repos, fixture, catalogue } = server;
  const lot = (await repos.products.findLot(catalogue.lotId))!;
  quiet = await repos.patients.create({
    clinicId: fixture.clinic.id,
    firstName: 'Quinn',
    lastName: 'Quiet',
    birthDate: '1979-02-03',
    sex: 'female',
    phone: '+49 30 5550009',
    email: 'quinn@example.test',
  });
  const practitionerId = fixture.users.practitioner.id;
  const lumps: [PatientRecord, number][] = [
    [fixture.patient, 30],
    [fixture.otherPatient, 21],
  ];
  for (const [patient, daysAgo] of lumps) {
    const session = await chartedSession(repos, { patient, daysAgo, lots: [lot], practitionerId });
    await repos.sideEffects.createReport({
      sessionId: session.id,
      reporterUserId: practitionerId,
      reportedBy: 'staff',
      symptom: 'a hard lump at an injection point',
      symptoms: ['lump_nodule'],
      onsetDays: 12,
      triage: { level: 'urgent', why: [], findings: [{ code: 'nodule_or_abscess' }] },
    });
  }
  await chartedSession(repos, { patient: quiet, daysAgo: 25, lots: [lot], practitionerId });
  // As after the second report: detection raises the signal and e-mails the admins.
  const { raised } = await runSafetySignalDetection(repos, {
    clinicId: fixture.clinic.id,
    now: new Date(),
    actor: fixture.users.practitioner,
    route: null,
    messaging: defaultMessagingSettings(),
  });
  if (raised.length !== 1) throw new Error(`expected one signal, got ${raised.map((s) => s.key).join(', ')}`);

  // A second clinic with a rate signal on a practitioner, stored as detection would store it.
  const rateClinic = await createClinicFixture(repos, {
    tag: rateClinicTag,
    passwordHash: await argon2idHasher(testPasswordHashing).hash(testPassword),
  });
  await repos.transaction((tx) =>
    tx.safetySignals.insertNew(rateClinic.clinic.id, {
      key: 'rate:practitioner:e2e:2026-W49',
      kind: 'rate',
      unit: { type: 'practitioner', id: rateClinic.users.practitioner.id, label: 'Dr Pia Practitioner' },
      window: { from: '2026-11-30', to: '2026-12-06', week: '2026-W49' },
      exposure: 8,
      observed: 7,
      expected: 0.444,
      pValue: 4.6e-7,
      threshold: 3.3e-5,
      patientIds: [rateClinic.patient.id, rateClinic.otherPatient.id],
      lots: [],
      reportIds: [],
    }),
  );
});

describe('safety signals page', () => {
  it(
    'shows a practitioner the cluster, the patients to contact and the lot to hold',
    { timeout: 120_000 },
    async () => {
      const page = await signedInPage(server.email('practitioner'));
      await page.getByRole('link', { name: 'Safety signals', exact: true }).click();
      await page.getByRole('heading', { name: 'Safety signals', level: 1 }).waitFor();
      const card = page.getByRole('article', { name: lotTitle });
      await card.waitFor();
      await card.getByText('2 patients reported a lump, pustule, sore or discharge', { exact: false }).waitFor();

      const patients = card.getByTestId('signal-patients');
      for (const name of ['Paula Patient', 'Otto Other', 'Quinn Quiet'])
        await patients.getByRole('link', { name, exact: true }).waitFor();
      expect(await patients.getByRole('link').count()).toBe(3);
      expect(await patients.getByRole('link', { name: 'Quinn Quiet' }).getAttribute('href')).toBe(
        `/patients/${quiet.id}`,
      );
      await patients.getByText('+49 30 5550009').waitFor();
      const recall = card.getByRole('link', { name: 'Recall list of lot HR-2401' });
      expect(await recall.getAttribute('href')).toBe(`/recall?lot=${server.catalogue.lotId}`);
      // Acting on a signal is the admins'.
      expect(await card.getByRole('button', { name: /^Acknowledge/ }).count()).toBe(0);
      await checkScreen(page, 'safety-signals-01-practitioner');
    },
  );

  it('lets an admin acknowledge the signal with a note, then close it', { timeout: 120_000 }, async () => {
    const page = await signedInPage(server.email('admin'));
    await page.getByRole('link', { name: 'Safety signals', exact: true }).click();
    const card = page.getByRole('article', { name: lotTitle });
    await card.waitFor();
    await checkScreen(page, 'safety-signals-02-admin-open');

    await card.getByLabel(/^Note/).fill('Lot HR-2401 held; calling the three patients');
    await card.getByRole('button', { name: `Acknowledge signal: ${lotTitle}` }).click();
    await page.getByRole('status').getByText('Signal acknowledged.').waitFor();
    await card.getByText('Acknowledged', { exact: true }).waitFor();
    await card.getByText('Acknowledged by Ada Admin', { exact: false }).waitFor();
    await card.getByText('Note: Lot HR-2401 held; calling the three patients', { exact: false }).waitFor();
    expect(await card.getByRole('button', { name: /^Acknowledge/ }).count()).toBe(0);
    expect(await card.getByLabel(/^Note/).inputValue()).toBe('');
    await checkScreen(page, 'safety-signals-03-acknowledged');

    await card.getByLabel(/^Note/).fill('All three seen; cultures sent');
    await card.getByRole('button', { name: `Close signal: ${lotTitle}` }).click();
    await page.getByRole('status').getByText('Signal closed.').waitFor();
    await page.getByTestId('empty-state').getByText('No safety signals.', { exact: false }).waitFor();
    await screenshot(page, 'safety-signals-04-none-open');

    await page.getByText('Closed', { exact: true }).click();
    const closed = page.getByRole('article', { name: lotTitle });
    const history = closed.getByTestId('signal-history');
    await history.getByText('Closed by Ada Admin', { exact: false }).waitFor();
    // What was done at each step stays on record.
    expect(await history.textContent()).toContain('Note: Lot HR-2401 held; calling the three patients');
    expect(await history.textContent()).toContain('Note: All three seen; cultures sent');
    expect(await closed.getByRole('button').count()).toBe(0);
    await checkScreen(page, 'safety-signals-05-closed');
  });

  it('shows the figures of a rate signal, in English and in Turkish', { timeout: 120_000 }, async () => {
    const page = await signedInPage(fixtureEmail('practitioner', rateClinicTag));
    await page.goto('/safety-signals');
    const card = page.getByRole('article', { name: 'More reports than expected: Practitioner Dr Pia Practitioner' });
    await card.waitFor();
    await card.getByText('Week 2026-W49: sessions from 30 Nov 2026 to 6 Dec 2026').waitFor();
    await card
      .getByText('7 of 8 sessions were followed by a report; 0.4 expected from the clinic’s usual rate (p = 4.6e-7).')
      .waitFor();
    await card.getByText('No lot was charted in these sessions.').waitFor();
    expect(await card.getByTestId('signal-patients').getByRole('link').count()).toBe(2);
    await checkScreen(page, 'safety-signals-06-rate');

    await page.getByRole('combobox', { name: 'Language' }).selectOption('tr');
    await page.getByRole('heading', { name: 'Güvenlik sinyalleri', level: 1 }).waitFor();
    const tr = page.getByRole('article', { name: 'Beklenenden fazla bildirim: Uygulayıcı Dr Pia Practitioner' });
    await tr.getByText('Karantinaya alınacak partiler (0)').waitFor();
    await checkScreen(page, 'safety-signals-07-rate-tr');
  });

  it('logged no errors on any page', () => {
    expect(problems).toEqual([]);
  });
});
