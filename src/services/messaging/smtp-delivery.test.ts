import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCourse } from '../../test-support/scheduling-test-setup.js';
import { forEachApp, type TestClient } from '../../test-support/test-app.js';
import { createOutboxWorker, type OutboxWorker } from './outbox-worker.js';
import { smtpChannel } from './smtp-channel.js';
import { silentLogger } from './test-support/recording-channel.js';
import { startTestSmtpServer, type TestSmtpServer } from './test-support/test-smtp-server.js';

/**
 * Acceptance: "messages arrive in the local SMTP server with the right times; a failed send is
 * retried". A session is booked through the API in Berlin on the Saturday before the clocks go
 * back (Sat 26 Oct 2030, 17:00-18:00 CEST); a worker with the SMTP channel runs at each due time.
 */
const messaging = { channel: 'email' as const, baseUrl: 'https://clinic.example', locale: 'en-GB' };

forEachApp(
  'messages over SMTP',
  (get) => {
    let smtp: TestSmtpServer;
    let practitioner: TestClient;
    let worker: OutboxWorker;
    let clock = 0;
    let sessionId = '';

    beforeAll(async () => {
      smtp = await startTestSmtpServer();
      const { repos, fixture } = get();
      await repos.clinics.updateLocation(fixture.location.id, { timeZone: 'Europe/Berlin' });
      practitioner = await get().signIn('practitioner');
      const course = await startCourse(get(), practitioner);
      const booked = await practitioner.inject({
        method: 'POST',
        url: `/api/courses/${course.id}/sessions`,
        payload: { scheduledAt: '2030-10-26T17:00:00+02:00', durationMinutes: 60, locationId: fixture.location.id },
      });
      expect(booked.statusCode, booked.body).toBe(201);
      sessionId = booked.json().id;
      worker = createOutboxWorker({
        repos,
        channels: [smtpChannel({ url: smtp.url, from: 'Clinic <clinic@example.test>' })],
        logger: silentLogger,
        now: () => new Date(clock),
        retryDelayMs: () => 60_000,
      });
    });

    afterAll(async () => {
      await worker?.stop();
      await smtp?.close();
    });

    /** Runs the worker at `at` and returns the mail that arrived meanwhile. */
    const runAt = async (at: string | number) => {
      clock = typeof at === 'number' ? at : Date.parse(at);
      const before = smtp.received.length;
      const run = await worker.runUntilIdle();
      return { run, arrived: smtp.received.slice(before) };
    };

    it('sends the confirmation at once, to the patient, from the clinic', async () => {
      const { arrived } = await runAt(Date.now());
      expect(arrived).toHaveLength(1);
      const [mail] = arrived;
      expect(mail?.to).toEqual([get().fixture.patient.email]);
      expect(mail?.from).toBe('clinic@example.test');
      expect(mail?.subject).toBe('Your session on Sat, 26 Oct 2030 at 17:00 is booked');
      expect(mail?.text).toContain('Sat, 26 Oct 2030, 17:00 to 18:00');
      expect(mail?.headers['x-mesodesk-kind']).toBe('booking_confirmation');
    });

    it('retries the preparation reminder the SMTP server refused, a week before', async () => {
      expect((await runAt('2030-10-19T14:59:59.999Z')).arrived).toEqual([]);
      smtp.refuseNext(1);
      const refused = await runAt('2030-10-19T15:00:00.000Z');
      expect(refused.run).toMatchObject({ claimed: 1, retried: 1, sent: 0 });
      expect(refused.arrived).toEqual([]);
      expect(smtp.refused).toBe(1);
      expect((await runAt('2030-10-19T15:00:59.999Z')).arrived).toEqual([]);
      const { arrived } = await runAt('2030-10-19T15:01:00.000Z');
      expect(arrived.map((m) => m.subject)).toEqual(['Preparing for your session on Sat, 26 Oct 2030']);
      expect(arrived[0]?.text).toMatch(/Keep taking any prescribed anticoagulant or antiplatelet medicine/);
      // A patient on no blood thinner is told to avoid NSAID painkillers, aspirin for pain included.
      expect(arrived[0]?.text).toMatch(/Avoid NSAID painkillers, such as ibuprofen or aspirin taken for pain/);
    });

    it('reminds the day before at the same clock time, with the arrival time for numbing cream', async () => {
      expect((await runAt('2030-10-25T14:59:59.999Z')).arrived).toEqual([]);
      const { arrived } = await runAt('2030-10-25T15:00:00.000Z');
      expect(arrived.map((m) => m.subject)).toEqual(['Reminder: your session on Sat, 26 Oct 2030 at 17:00']);
      expect(arrived[0]?.text).toContain('please arrive at 16:20, 40 minutes before your appointment');
    });

    it('sends aftercare as the session ends, in local clock times across the change to winter time', async () => {
      expect((await runAt('2030-10-26T15:59:59.999Z')).arrived).toEqual([]);
      const { arrived } = await runAt('2030-10-26T16:00:00.000Z');
      expect(arrived.map((m) => m.subject)).toEqual(['Your aftercare after the session on Sat, 26 Oct 2030']);
      const text = arrived[0]?.text ?? '';
      expect(text).toContain('Your session ended at 18:00');
      // 15 hours after 18:00 CEST is 08:00 CET (the clocks went back in the night); 48 hours, 17:00 CET.
      expect(text).toContain('Until Sun 27 Oct, 08:00:\n- Keep water off the treated area.');
      expect(text).toMatch(
        /Until Mon 28 Oct, 17:00:\n- No strenuous exercise, gym or fitness training\.\n- No swimming pool, bath, sauna, spa or solarium\./,
      );
      expect(text).toContain('No make-up on the treated area.');
    });

    it('checks in 48 hours later with the link to report a side effect', async () => {
      expect((await runAt('2030-10-28T15:59:59.999Z')).arrived).toEqual([]);
      const { arrived } = await runAt('2030-10-28T16:00:00.000Z');
      expect(arrived.map((m) => m.subject)).toEqual(['How are you after your session on Sat, 26 Oct 2030?']);
      expect(arrived[0]?.text).toContain(`https://clinic.example/portal/sessions/${sessionId}/side-effects/new`);
    });

    it('delivered each message once, and staff see them as sent', async () => {
      expect(smtp.received).toHaveLength(5);
      expect((await runAt('2031-01-01T00:00:00.000Z')).run.claimed).toBe(0);
      const listed = (await practitioner.inject({ method: 'GET', url: `/api/sessions/${sessionId}/messages` })).json()
        .messages;
      expect(
        listed.map((m: { kind: string; status: string; attempts: number; channel: string }) => [
          m.kind,
          m.status,
          m.attempts,
          m.channel,
        ]),
      ).toEqual([
        ['booking_confirmation', 'sent', 1, 'email'],
        ['preparation_reminder', 'sent', 2, 'email'],
        ['day_before_reminder', 'sent', 1, 'email'],
        ['aftercare', 'sent', 1, 'email'],
        ['check_in', 'sent', 1, 'email'],
      ]);
    });
  },
  { config: { messaging } },
);
