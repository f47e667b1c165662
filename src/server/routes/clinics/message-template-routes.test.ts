import { beforeAll, expect, it } from 'vitest';
import { defaultTemplatesFor } from '../../../core/messages/default-templates.js';
import { messagePhrases } from '../../../core/messages/message-phrases.js';
import { forEachApp, testKnowledgeLibrary, type TestClient } from '../../../test-support/test-app.js';
import { asBooking, proposal } from '../../../test-support/scheduling-test-setup.js';
import { listMessages, useSchedulingRoutes } from '../scheduling/test-support/scheduling-routes-setup.js';

interface Template {
  kind: string;
  language: string;
  subject: string;
  body: string;
  custom: boolean;
}

/** Admins word and time their clinic's messages to patients; the clinical part stays the knowledge base's. */
forEachApp('message templates and timing', (get) => {
  const { setup, locationId, book } = useSchedulingRoutes(get);
  let admin: TestClient;
  let sessions: Array<{ id: string; scheduledAt: string }>;

  const clinicUrl = (path: string) => `/api/clinics/${get().fixture.clinic.id}${path}`;
  const templateUrl = (kind: string, language: string) => clinicUrl(`/message-templates/${kind}/${language}`);
  const putTemplate = (kind: string, language: string, payload: object, client = admin) =>
    client.inject({ method: 'PUT', url: templateUrl(kind, language), payload });
  const preview = (payload: object, client = admin) =>
    client.inject({ method: 'POST', url: clinicUrl('/message-preview'), payload });
  const messagesOf = (sessionId: string) => listMessages(admin, sessionId);
  const templates = async (): Promise<Template[]> =>
    (await admin.inject({ method: 'GET', url: clinicUrl('/message-templates') })).json().templates;
  const sessionMessage = async (kind: string) => {
    const found = (await messagesOf(sessions[0]?.id ?? '')).find((m) => m.kind === kind);
    if (!found) throw new Error(`no ${kind} message`);
    return found;
  };
  const settings = (overrides: object = {}) => ({
    language: 'en',
    preparationHoursBefore: null,
    reminderHoursBefore: null,
    aftercareHoursAfter: 0,
    checkInHoursAfter: 48,
    ...overrides,
  });

  beforeAll(async () => {
    admin = setup().admin;
    const { practitioner, course } = setup();
    const proposed = await proposal(practitioner, course.id, { locationId: locationId(), earliestStart: '2030-06-03' });
    const booked = await book(practitioner, course.id, asBooking(proposed));
    if (booked.statusCode !== 201) throw new Error(`booking: ${booked.body}`);
    sessions = booked.json().sessions;
  });

  it('starts from the default texts and timing, every kind in every language', async () => {
    const response = await admin.inject({ method: 'GET', url: clinicUrl('/message-templates') });
    expect(response.statusCode).toBe(200);
    const view = response.json();
    expect(view).toMatchObject({
      language: 'en',
      customised: false,
      timing: {
        preparationHoursBefore: null,
        reminderHoursBefore: null,
        aftercareHoursAfter: 0,
        checkInHoursAfter: 48,
      },
      languages: ['en', 'tr'],
    });
    expect(view.placeholders).toContain('patientName');
    expect(view.templates).toHaveLength(10);
    expect(view.templates.every((t: Template) => !t.custom)).toBe(true);
    // Each language's row holds that language's default, as the text and as the one to go back to.
    for (const language of ['en', 'tr'] as const) {
      const defaults = defaultTemplatesFor(language);
      for (const row of view.templates.filter((t: Template) => t.language === language))
        expect(row, `${row.kind}/${language}`).toMatchObject({
          ...defaults[row.kind as keyof typeof defaults],
          defaultText: defaults[row.kind as keyof typeof defaults],
        });
    }
    const turkishAftercare = view.templates.find((t: Template) => t.kind === 'aftercare' && t.language === 'tr');
    expect(turkishAftercare.subject).toBe('Seans sonrası bakım önerileri: {sessionDate}');
    expect(turkishAftercare.body).toMatch(/^Merhaba \{patientName\},/);
    // The booking's messages are the default letters.
    const aftercare = await sessionMessage('aftercare');
    expect(aftercare.subject).toMatch(/^Your aftercare after the session on /);
    expect(aftercare.body).toContain('Hello Paula,');
    expect(aftercare.body).toContain('Thank you for coming in.');
  });

  it('refuses an unknown placeholder, naming it, and changes nothing', async () => {
    const refused = await putTemplate('aftercare', 'en', {
      subject: 'Aftercare for {patientName}',
      body: 'Dear {patientname},\n\n{instructions}\n\n{clinic}',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().problems).toEqual([
      {
        field: 'body',
        message: expect.stringMatching(/^unknown placeholder \{patientname\}, \{clinic\}: use \{patientName\}/),
      },
    ]);
    const field = async (payload: object) => (await putTemplate('aftercare', 'en', payload)).json().problems?.[0];
    expect(await field({ subject: 'Your {instructions}', body: 'Hello' })).toMatchObject({ field: 'subject' });
    expect(await field({ subject: 'Aftercare', body: 'Please stop taking your warfarin for two days.' })).toMatchObject(
      {
        field: 'body',
        message: expect.stringContaining('blood thinner'),
      },
    );
    expect(await field({ subject: '', body: 'Hello' })).toMatchObject({ field: 'subject' });
    expect((await putTemplate('aftermath', 'en', { subject: 'A', body: 'B' })).json().problems[0].field).toBe('kind');
    expect((await putTemplate('aftercare', 'de', { subject: 'A', body: 'B' })).json().problems[0].field).toBe(
      'language',
    );
    expect((await templates()).every((t) => !t.custom)).toBe(true);
  });

  it("previews a named patient's message in the saved text, or a draft, with the clinical part always in it", async () => {
    const patientId = get().fixture.patient.id;
    const saved = await preview({ patientId, kind: 'aftercare' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      kind: 'aftercare',
      language: 'en',
      wording: 'default',
      recipient: get().fixture.patient.email,
      session: { id: sessions[0]?.id, status: 'planned' },
    });
    const savedBody: string = saved.json().body;
    // The clinical part: from the first aftercare step to the report link, before the clinic's name.
    const clinical = savedBody.slice(savedBody.indexOf('Until '), savedBody.lastIndexOf('\n\n'));
    expect(clinical).toContain('/side-effects/new');
    expect(saved.json().body).toBe((await sessionMessage('aftercare')).body);

    // A draft that leaves the clinical part out still carries it, at the end.
    const draft = await preview({
      patientId,
      kind: 'aftercare',
      subject: 'After your visit, {patientName}',
      body: 'Dear {patientName}, thank you for visiting {clinicName}.',
    });
    expect(draft.json()).toMatchObject({ wording: 'draft', subject: 'After your visit, Paula' });
    expect(draft.json().body).toContain(`Dear Paula, thank you for visiting ${get().fixture.clinic.name}.`);
    expect(draft.json().body).toContain(clinical);
    expect(draft.json().body).toMatch(/\(Sources: [^)]+\)/);

    expect((await preview({ patientId, kind: 'aftercare', subject: 'X {nope}', body: 'Y' })).json().problems).toEqual([
      { field: 'subject', message: expect.stringContaining('{nope}') },
    ]);
    expect((await preview({ patientId, kind: 'aftercare', subject: 'Only a subject' })).json().problems[0].field).toBe(
      'body',
    );
    const nobody = await preview({ patientId: get().fixture.otherPatient.id, kind: 'check_in' });
    expect([nobody.statusCode, nobody.json().error]).toEqual([409, 'no_session']);
    expect((await preview({ patientId: 'missing', kind: 'check_in' })).statusCode).toBe(404);
    const outsider = await get().signInElsewhere();
    const outsiderClinic = (await outsider.inject({ method: 'GET', url: '/api/clinics' })).json().clinics[0].id;
    const foreign = await outsider.inject({
      method: 'POST',
      url: `/api/clinics/${outsiderClinic}/message-preview`,
      payload: { patientId, kind: 'aftercare' },
    });
    expect(foreign.statusCode).toBe(404);
    expect((await preview({ patientId, kind: 'aftercare' }, setup().practitioner)).statusCode).toBe(403);
  });

  it('saves a text, which the waiting messages and later previews then use', async () => {
    const saved = await putTemplate('aftercare', 'en', {
      subject: 'Looking after your skin, {patientName}',
      body: 'Dear {patientName},\n\nYour session on {sessionDate} ended at {sessionEndTime}.\n\n{instructions}\n\nWarm regards,\n{clinicName}',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().template).toMatchObject({ kind: 'aftercare', language: 'en', custom: true });
    expect(saved.json().rewrittenSessions).toBe(sessions.length);

    const aftercare = await sessionMessage('aftercare');
    expect(aftercare).toMatchObject({ status: 'pending', subject: 'Looking after your skin, Paula' });
    expect(aftercare.body).toMatch(/^Dear Paula,\n\nYour session on .+ ended at \d\d:\d\d\.\n\nUntil /);
    expect(aftercare.body).toMatch(/\(Sources: [^)]+\)/);
    expect(aftercare.body).toMatch(/Warm regards,\n.+\n$/);
    // Other kinds keep the default text.
    expect((await sessionMessage('check_in')).subject).toMatch(/^How are you after your session on /);
    expect((await preview({ patientId: get().fixture.patient.id, kind: 'aftercare' })).json()).toMatchObject({
      wording: 'clinic',
      subject: 'Looking after your skin, Paula',
    });
  });

  it('times the messages as the clinic sets, within the clinical limits', async () => {
    const put = (payload: object, client = admin) =>
      client.inject({ method: 'PUT', url: clinicUrl('/message-settings'), payload });
    const bad = await put(settings({ aftercareHoursAfter: 30 }));
    expect(bad.json().problems).toEqual([{ field: 'aftercareHoursAfter', message: expect.stringMatching(/0 to 24/) }]);
    expect((await put(settings({ checkInHoursAfter: 2, aftercareHoursAfter: 2 }))).json().problems[0].field).toBe(
      'checkInHoursAfter',
    );
    expect((await put(settings({ reminderHoursBefore: 1.5 }))).json().problems[0].field).toBe('reminderHoursBefore');
    expect((await put(settings({ language: 'fr' }))).json().problems[0].field).toBe('language');
    expect((await put(settings(), setup().reception)).statusCode).toBe(403);

    const saved = await put(settings({ reminderHoursBefore: 3, aftercareHoursAfter: 1, checkInHoursAfter: 72 }));
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ customised: true, timing: { reminderHoursBefore: 3, checkInHoursAfter: 72 } });
    const start = Date.parse(sessions[0]?.scheduledAt ?? '');
    const reminder = await sessionMessage('day_before_reminder');
    expect(reminder.dueAt).toBe(new Date(start - 3 * 3_600_000).toISOString());
    expect(reminder.body).toContain('This is a reminder of your session today,');
    const aftercare = await sessionMessage('aftercare');
    const checkIn = await sessionMessage('check_in');
    expect(Date.parse(checkIn.dueAt) - Date.parse(aftercare.dueAt)).toBe(71 * 3_600_000);

    // A preparation reminder asked for later than the plan's window still goes when the window opens.
    const before = (await sessionMessage('preparation_reminder')).dueAt;
    await put(settings({ preparationHoursBefore: 1 }));
    expect((await sessionMessage('preparation_reminder')).dueAt).toBe(before);
    await put(settings({ preparationHoursBefore: 720 }));
    expect((await sessionMessage('preparation_reminder')).dueAt).toBe(new Date(start - 720 * 3_600_000).toISOString());
    await put(settings());
    expect((await sessionMessage('preparation_reminder')).dueAt).toBe(before);
  });

  it('writes in the patient’s language: the clinic’s own text there, else the default', async () => {
    const tr = await putTemplate('check_in', 'tr', {
      subject: '{sessionDate} seansınızdan sonra nasılsınız?',
      body: 'Merhaba {patientName},\n\n{instructions}\n\n{clinicName}',
    });
    expect(tr.statusCode, tr.body).toBe(200);
    expect(tr.json().template).toMatchObject({ custom: true, defaultText: defaultTemplatesFor('tr').check_in });
    expect((await sessionMessage('check_in')).subject).toMatch(/^How are you after/);
    const saved = await admin.inject({
      method: 'PUT',
      url: clinicUrl('/message-settings'),
      payload: settings({ language: 'tr' }),
    });
    expect(saved.statusCode, saved.body).toBe(200);
    // The clinic's language is its new patients'; a patient registered before keeps theirs until told.
    expect((await sessionMessage('check_in')).subject).toMatch(/^How are you after/);
    const patientUrl = `/api/patients/${get().fixture.patient.id}`;
    const turkish = await admin.inject({ method: 'PATCH', url: patientUrl, payload: { preferredLanguage: 'tr' } });
    expect(turkish.statusCode, turkish.body).toBe(200);
    const checkIn = await sessionMessage('check_in');
    // Dates as Turkish writes them, the clinical part as the knowledge base has it.
    const turkishDate = new Intl.DateTimeFormat('tr-TR', {
      timeZone: 'Europe/Berlin',
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    }).format(Date.parse(sessions[0]?.scheduledAt ?? ''));
    expect(checkIn.subject).toBe(`${turkishDate} seansınızdan sonra nasılsınız?`);
    expect(turkishDate).toMatch(/Haz/);
    expect(checkIn.body).toMatch(/^Merhaba Paula,\n\nhttp/);
    // The clinical part in Turkish too: the knowledge base's Turkish texts and the words around them.
    expect(checkIn.body).toContain(messagePhrases('tr').emergency);
    expect(checkIn.body).toContain(testKnowledgeLibrary().for('tr').data.aftercare.lateSigns.intro);
    // No Turkish text of the clinic's for the other kinds: the Turkish defaults, the whole letter in Turkish.
    const aftercare = await sessionMessage('aftercare');
    expect(aftercare.subject).toBe(`Seans sonrası bakım önerileri: ${turkishDate}`);
    expect(aftercare.body).toMatch(/^Merhaba Paula,\n\nBizi tercih ettiğiniz için teşekkür ederiz\./);
    expect(aftercare.body).toMatch(/\n\nSağlıklı günler dileriz,\n.+\n$/);
    const reminder = await sessionMessage('day_before_reminder');
    expect(reminder.subject).toMatch(/^Hatırlatma: seansınız /);
    for (const { subject, body } of [aftercare, reminder])
      expect(`${subject}\n${body}`).not.toMatch(/Hello|Your session|is booked|Thank you|Reminder|outside reference/);
    const previewed = await preview({ patientId: get().fixture.patient.id, kind: 'aftercare' });
    expect(previewed.json()).toMatchObject({ language: 'tr', wording: 'default', subject: aftercare.subject });
    const english = await preview({ patientId: get().fixture.patient.id, kind: 'check_in', language: 'en' });
    expect(english.json()).toMatchObject({ language: 'en', wording: 'default' });
    expect(english.json().body).toContain(messagePhrases('en').emergency);
    await admin.inject({ method: 'PATCH', url: patientUrl, payload: { preferredLanguage: 'en' } });
    await admin.inject({ method: 'PUT', url: clinicUrl('/message-settings'), payload: settings() });
  });

  it('goes back to the default text when the clinic’s own is removed', async () => {
    expect((await admin.inject({ method: 'DELETE', url: templateUrl('aftercare', 'en') })).statusCode).toBe(204);
    expect((await admin.inject({ method: 'DELETE', url: templateUrl('aftercare', 'en') })).statusCode).toBe(404);
    expect((await sessionMessage('aftercare')).subject).toMatch(/^Your aftercare after the session on /);
    const left = (await templates()).filter((t) => t.custom).map((t) => `${t.kind}/${t.language}`);
    expect(left).toEqual(['check_in/tr']);
  });

  it('goes back to the Turkish default when the clinic’s Turkish text is removed', async () => {
    const patientUrl = `/api/patients/${get().fixture.patient.id}`;
    await admin.inject({ method: 'PATCH', url: patientUrl, payload: { preferredLanguage: 'tr' } });
    try {
      expect((await admin.inject({ method: 'DELETE', url: templateUrl('check_in', 'tr') })).statusCode).toBe(204);
      const row = (await templates()).find((t) => t.kind === 'check_in' && t.language === 'tr');
      expect(row).toMatchObject({ custom: false, ...defaultTemplatesFor('tr').check_in });
      const checkIn = await sessionMessage('check_in');
      expect(checkIn.subject).toMatch(/ tarihindeki seansınızdan sonra nasılsınız\?$/);
      expect(checkIn.body).toMatch(/^Merhaba Paula,\n\nTedavi edilen bölgenin sorunsuz iyileştiğini umuyoruz\./);
    } finally {
      await admin.inject({ method: 'PATCH', url: patientUrl, payload: { preferredLanguage: 'en' } });
      await putTemplate('check_in', 'tr', {
        subject: '{sessionDate} seansınızdan sonra nasılsınız?',
        body: 'Merhaba {patientName},\n\n{instructions}\n\n{clinicName}',
      });
    }
    expect((await sessionMessage('check_in')).subject).toMatch(/^How are you after/);
  });

  it("hides another clinic's settings", async () => {
    const outsider = await get().signInElsewhere();
    for (const request of [
      { method: 'GET' as const, url: clinicUrl('/message-templates') },
      { method: 'PUT' as const, url: templateUrl('aftercare', 'en'), payload: { subject: 'Mine', body: 'Mine' } },
      { method: 'PUT' as const, url: clinicUrl('/message-settings'), payload: settings() },
      { method: 'DELETE' as const, url: templateUrl('check_in', 'tr') },
    ])
      expect((await outsider.inject(request)).statusCode).toBe(404);
    expect((await templates()).find((t) => t.kind === 'check_in' && t.language === 'tr')?.custom).toBe(true);
  });
});
