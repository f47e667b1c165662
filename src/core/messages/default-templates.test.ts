import { describe, expect, it } from 'vitest';
import { loadKnowledgeLibrary } from '../../knowledge-files/load-knowledge-library.js';
import { englishDictionary, knowledgeTexts, withoutData } from '../../test-support/reader-words.js';
import { makeIntake } from '../../test-support/intake-builder.js';
import { assessInLanguage } from '../localization/assess-in-language.js';
import { defaultTemplatesByLanguage, defaultTemplatesFor } from './default-templates.js';
import { lateSignsNotice } from './late-signs-notice.js';
import { messagePhrases } from './message-phrases.js';
import { templateLanguages, templateProblems, type TemplateLanguage } from './message-templates.js';
import { messageKinds, type MessageKind, type PlannedMessage } from './message-types.js';
import { planSessionMessages, sessionMessage } from './plan-session-messages.js';
import { bookedSession } from './test-support/booked-session.js';

/** The English defaults as mesodesk sent them before each language had its own: they must not change. */
const englishBefore = {
  booking_confirmation: {
    subject: 'Your session on {sessionDate} at {sessionTime} is booked',
    body:
      'Hello {patientName},\n\nYour session is booked:\n\n  {sessionDate}, {sessionTime} to {sessionEndTime}\n  {place}\n\n' +
      '{instructions}\n\nIf you need to change or cancel the appointment, please contact the clinic.\n\n{clinicName}\n',
  },
  preparation_reminder: {
    subject: 'Preparing for your session on {sessionDate}',
    body:
      'Hello {patientName},\n\nYour session is on {sessionDate} at {sessionTime}, at {place}. From now until then:\n\n' +
      '{instructions}\n\nIf you have questions about any of this, or about a medicine you take, please contact the clinic.\n\n' +
      '{clinicName}\n',
  },
  day_before_reminder: {
    subject: 'Reminder: your session on {sessionDate} at {sessionTime}',
    body:
      'Hello {patientName},\n\nThis is a reminder of your session {sessionDay}, {sessionDate} at {sessionTime}, at {place}.\n\n' +
      '{instructions}\n\n{clinicName}\n',
  },
  aftercare: {
    subject: 'Your aftercare after the session on {sessionDate}',
    body:
      'Hello {patientName},\n\nThank you for coming in. Your session ended at {sessionEndTime}; please look after the ' +
      'treated area as follows (times are local clinic times).\n\n{instructions}\n\n{clinicName}\n',
  },
  check_in: {
    subject: 'How are you after your session on {sessionDate}?',
    body:
      'Hello {patientName},\n\nWe hope the treated area is settling well. If you have noticed any side effect, or ' +
      'anything that is not getting better, please tell us:\n\n{instructions}\n\n{clinicName}\n',
  },
};

/** The `{…}` marks of a text, sorted, each once. */
const marks = (text: string) => [...new Set([...text.matchAll(/\{([^{}\s]+)\}/g)].map((m) => m[1]))].sort();

const library = loadKnowledgeLibrary();
const turkishKb = library.for('tr');
const plan = (language: TemplateLanguage) => {
  const assessed = assessInLanguage(makeIntake(), library, language).plan;
  if (!assessed) throw new Error('the test intake should be treatable');
  return assessed;
};
const data = { clinicName: 'Klinik Ada', place: 'Oda 1, Test Sokak 1', firstName: 'Ayşe' };
const turkishSession = bookedSession({
  locale: 'tr-TR',
  clinicName: data.clinicName,
  place: data.place,
  patient: { firstName: data.firstName, email: 'ayse@example.test' },
});
const now = new Date('2026-11-23T14:00:00Z');

/** Every kind a Turkish patient of a clinic with no texts of its own gets, written at `now` (a preview for those past). */
function turkishLetters(): Map<MessageKind, PlannedMessage> {
  const options = {
    now,
    baseUrl: 'https://clinic.example/',
    lateSigns: lateSignsNotice(turkishKb, 'tr'),
    wording: { language: 'tr' as const, templates: {} },
  };
  const letters = new Map<MessageKind, PlannedMessage>();
  for (const kind of messageKinds) {
    const letter = sessionMessage(kind, turkishSession, plan('tr'), options);
    if (!letter) throw new Error(`no ${kind}`);
    letters.set(kind, letter);
  }
  return letters;
}

describe('the default texts of each language', () => {
  it('has every kind in every language, each a valid template with the English one’s placeholders', () => {
    expect(Object.keys(defaultTemplatesByLanguage).sort()).toEqual([...templateLanguages].sort());
    const english = defaultTemplatesFor('en');
    for (const language of templateLanguages) {
      const texts = defaultTemplatesFor(language);
      expect(Object.keys(texts).sort(), language).toEqual([...messageKinds].sort());
      for (const kind of messageKinds) {
        const at = `${language} ${kind}`;
        expect(templateProblems(texts[kind]), at).toEqual([]);
        expect(marks(texts[kind].subject), at).toEqual(marks(english[kind].subject));
        expect(marks(texts[kind].body), at).toEqual(marks(english[kind].body));
        if (english[kind].body.includes('{instructions}')) expect(texts[kind].body, at).toContain('{instructions}');
      }
    }
  });

  it('keeps the English defaults exactly as they were', () => {
    expect(defaultTemplatesFor('en')).toEqual(englishBefore);
  });

  it('writes a Turkish patient’s whole letter in Turkish when the clinic wrote no text of its own', () => {
    const letters = turkishLetters();
    const english = defaultTemplatesFor('en');
    const turkish = defaultTemplatesFor('tr');
    // Words of the English letters (defaults and the words around the clinical part) that no Turkish text uses.
    const dictionary = englishDictionary(
      [...Object.values(english).flatMap((t) => [t.subject, t.body]), ...Object.values(messagePhrases('en'))].filter(
        (t): t is string => typeof t === 'string',
      ),
      [...Object.values(turkish).flatMap((t) => [t.subject, t.body]), ...knowledgeTexts(turkishKb)],
    );
    expect([...dictionary.words]).toEqual(expect.arrayContaining(['hello', 'booked']));
    for (const [kind, { subject, body }] of letters) {
      expect(body.startsWith(`Merhaba ${data.firstName},\n\n`), kind).toBe(true);
      expect(body.endsWith(`Sağlıklı günler dileriz,\n${data.clinicName}\n`), kind).toBe(true);
      const letter = `${subject}\n${body}`;
      for (const phrase of ['Hello', 'Your session', 'is booked', 'Reminder', 'Thank you', 'How are you', 'Preparing'])
        expect(letter, kind).not.toContain(phrase);
      // Data as entered, the sources' published titles and links are in no language of ours.
      const titles = turkishKb.data.sources.sources.map((s) => s.title);
      const shown = withoutData(letter, [data.clinicName, data.place, ...titles]).replace(/https?:\/\/\S+/g, ' ');
      expect(dictionary.englishWordsIn(shown), `${kind}:\n${letter}`).toEqual([]);
    }
    expect(letters.get('booking_confirmation')?.subject).toMatch(/^Randevunuz oluşturuldu: .+, saat 10:00$/);
    expect(letters.get('preparation_reminder')?.body).toContain('Seansınıza kadar lütfen şunlara dikkat edin:');
    expect(letters.get('day_before_reminder')?.body).toMatch(/Seansınızın yarın, .+, saat 10:00 olduğunu/);
    expect(letters.get('aftercare')?.body).toContain('Seansınızın bitiş saati: 10:45.');
    expect(letters.get('check_in')?.subject).toMatch(/ tarihindeki seansınızdan sonra nasılsınız\?$/);
  });

  it('names the kinds of source behind the late signs in the letter’s language', () => {
    const cited = new Set(lateSignsNotice(turkishKb, 'tr').citations.map((c) => c.split(':')[0]));
    const kinds = new Set(turkishKb.data.sources.sources.filter((s) => cited.has(s.file)).map((s) => s.kind));
    const aftercare = turkishLetters().get('aftercare')?.body ?? '';
    const { references } = messagePhrases('tr');
    for (const [kind, english, own] of [
      ['house', 'mesodesk house rule', references.houseRule],
      ['outside', 'outside reference', references.outsideReference],
    ] as const) {
      expect(aftercare).not.toContain(english);
      if (kinds.has(kind)) expect(aftercare).toContain(`${own}: `);
    }
    // The English letter names them as before.
    const englishNotice = lateSignsNotice(library.for('en'));
    expect(englishNotice).toEqual(lateSignsNotice(library.for('en'), 'en'));
    if (kinds.has('outside'))
      expect(englishNotice.sources.references.some((r) => r.includes('] outside reference: '))).toBe(true);
  });

  it('gives an English patient the English defaults, with or without the clinic’s language said', () => {
    const options = { now, baseUrl: 'https://clinic.example/', lateSigns: lateSignsNotice(library.for('en')) };
    const session = bookedSession();
    const unsaid = planSessionMessages(session, plan('en'), options);
    const said = planSessionMessages(session, plan('en'), { ...options, wording: { language: 'en', templates: {} } });
    expect(said).toEqual(unsaid);
    expect(unsaid.map((m) => m.subject)).toEqual([
      'Your session on Mon, 7 Dec 2026 at 10:00 is booked',
      'Preparing for your session on Mon, 7 Dec 2026',
      'Reminder: your session on Mon, 7 Dec 2026 at 10:00',
      'Your aftercare after the session on Mon, 7 Dec 2026',
      'How are you after your session on Mon, 7 Dec 2026?',
    ]);
    expect(unsaid[0]?.body).toMatch(
      /^Hello Paula,\n\nYour session is booked:\n\n {2}Mon, 7 Dec 2026, 10:00 to 10:45\n {2}Clinic Lindenhof, Main room, 1 Test Street\n\n/,
    );
    expect(unsaid[0]?.body).toMatch(
      /\n\nIf you need to change or cancel the appointment, please contact the clinic\.\n\nClinic Lindenhof\n$/,
    );
  });
});
