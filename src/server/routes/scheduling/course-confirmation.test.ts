import ICAL from 'ical.js';
import { expect, it } from 'vitest';
import { defaultMessageTiming } from '../../../core/messages/message-timing.js';
import { createOutboxWorker } from '../../../services/messaging/outbox-worker.js';
import { recordingChannel, silentLogger } from '../../../services/messaging/test-support/recording-channel.js';
import { asBooking, proposal, startCourse } from '../../../test-support/scheduling-test-setup.js';
import { forEachApp } from '../../../test-support/test-app.js';
import { listMessages, useSchedulingRoutes } from './test-support/scheduling-routes-setup.js';

/** Booking a whole course confirms it once: every session in one message, one calendar file. */
forEachApp('one confirmation per course booking', (get) => {
  const { setup, locationId, book } = useSchedulingRoutes(get);

  /** Books four sessions of `courseId` from `earliestStart`; the sessions as booked. */
  async function bookFour(courseId: string, earliestStart: string) {
    const { practitioner } = setup();
    const proposed = await proposal(practitioner, courseId, { locationId: locationId(), earliestStart, sessions: 4 });
    const booked = await book(practitioner, courseId, asBooking(proposed));
    expect(booked.statusCode, booked.body).toBe(201);
    const sessions = booked.json().sessions as Array<{ id: string; scheduledAt: string }>;
    expect(sessions).toHaveLength(4);
    return sessions;
  }

  /** The confirmations queued for `sessions`, as stored. */
  async function confirmationsOf(sessions: ReadonlyArray<{ id: string }>) {
    const all = await Promise.all(sessions.map((s) => get().repos.outbox.listBySession(s.id)));
    return all.flat().filter((m) => m.kind === 'booking_confirmation');
  }

  /** Sends what is due through a recording channel; what it was given. */
  async function sendDue(channelName: 'log' | 'email') {
    const channel = recordingChannel({ name: channelName });
    await createOutboxWorker({ repos: get().repos, channels: [channel], logger: silentLogger }).runUntilIdle();
    return channel.sent;
  }

  it('queues exactly one confirmation listing every session, whose .ics holds each session as an event', async () => {
    const { reception, course } = setup();
    const sessions = await bookFour(course.id, '2030-06-03');
    const confirmations = await confirmationsOf(sessions);
    expect(confirmations).toHaveLength(1);
    const [confirmation] = confirmations;
    if (!confirmation) throw new Error('one confirmation');
    const earliest = [...sessions].sort((a, b) => Date.parse(a.scheduledAt) - Date.parse(b.scheduledAt))[0];
    expect(confirmation.sessionId).toBe(earliest?.id);
    expect(confirmation.subject).toBe('Your course of 4 sessions is booked');
    for (const n of [1, 2, 3, 4]) expect(confirmation.body).toContain(`Session ${n} of 4: `);
    expect(confirmation.body).toContain(`with ${get().fixture.users.practitioner.displayName}`);

    // Every session keeps its own reminders, preparation, aftercare and check-in.
    for (const session of sessions)
      expect(
        (await listMessages(reception, session.id)).map((m) => m.kind).filter((k) => k !== 'booking_confirmation'),
      ).toEqual(['preparation_reminder', 'day_before_reminder', 'aftercare', 'check_in']);

    const sent = (await sendDue(confirmation.channel)).filter((m) => m.kind === 'booking_confirmation');
    expect(sent).toHaveLength(1);
    const attachments = sent[0]?.attachments ?? [];
    expect(attachments.map((a) => a.filename)).toEqual(['sessions.ics']);
    const root = new ICAL.Component(ICAL.parse(attachments[0]?.content ?? ''));
    const events = root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(4);
    const startsOf = (list: string[]) => list.map((s) => new Date(s).toISOString()).sort();
    expect(startsOf(events.map((e) => e.startDate.toJSDate().toISOString()))).toEqual(
      startsOf(sessions.map((s) => s.scheduledAt)),
    );
    expect(new Set(events.map((e) => e.uid)).size).toBe(4);
  });

  it('gives no session its own confirmation later unless it moves', async () => {
    const { practitioner, admin } = setup();
    const course = await startCourse(get(), practitioner);
    const sessions = await bookFour(course.id, '2030-10-07');
    const [first, , third] = [...sessions].sort((a, b) => Date.parse(a.scheduledAt) - Date.parse(b.scheduledAt));
    const patched = await admin.inject({
      method: 'PATCH',
      url: `/api/sessions/${third?.id}`,
      payload: { practitionerId: get().fixture.users.practitioner.id },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const worded = await admin.inject({
      method: 'PUT',
      url: `/api/clinics/${get().fixture.clinic.id}/message-templates/day_before_reminder/en`,
      payload: { subject: 'See you on {sessionDate}', body: 'Hello {patientName}, see you {sessionDay}.' },
    });
    expect(worded.statusCode, worded.body).toBe(200);
    const confirmations = await confirmationsOf(sessions);
    expect(confirmations.map((m) => [m.sessionId, m.subject])).toEqual([
      [first?.id, 'Your course of 4 sessions is booked'],
    ]);
    await admin.inject({
      method: 'DELETE',
      url: `/api/clinics/${get().fixture.clinic.id}/message-templates/day_before_reminder/en`,
    });
  });

  it('writes the confirmation in Turkish for a patient who reads Turkish', async () => {
    const { practitioner } = setup();
    const { clinic, patient } = get().fixture;
    await get().repos.messageTemplates.saveSettings(clinic.id, { language: 'tr', timing: { ...defaultMessageTiming } });
    await get().repos.patients.update(patient.id, { preferredLanguage: 'tr' });
    try {
      const course = await startCourse(get(), practitioner);
      const sessions = await bookFour(course.id, '2031-03-03');
      const confirmations = await confirmationsOf(sessions);
      expect(confirmations).toHaveLength(1);
      expect(confirmations[0]?.subject).toBe('4 seanslık kürünüzün randevuları oluşturuldu');
      for (const n of [1, 2, 3, 4]) expect(confirmations[0]?.body).toContain(`Seans ${n} / 4: `);
    } finally {
      await get().repos.patients.update(patient.id, { preferredLanguage: 'en' });
      await get().repos.messageTemplates.saveSettings(clinic.id, {
        language: 'en',
        timing: { ...defaultMessageTiming },
      });
    }
  });
});
