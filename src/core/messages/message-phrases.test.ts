import { describe, expect, it } from 'vitest';
import type { Plan } from '../assessment/assessment-result.js';
import { assessInLanguage } from '../localization/assess-in-language.js';
import { loadKnowledgeLibrary } from '../../knowledge-files/load-knowledge-library.js';
import { makeIntake } from '../../test-support/intake-builder.js';
import { keepTakingBloodThinners } from './blood-thinner-safety.js';
import { lateSignsNotice } from './late-signs-notice.js';
import { messagePhrases } from './message-phrases.js';
import type { MessageKind, PlannedMessage } from './message-types.js';
import { planSessionMessages } from './plan-session-messages.js';
import { bookedSession } from './test-support/booked-session.js';

const library = loadKnowledgeLibrary();
const turkish = library.for('tr');
const tr = messagePhrases('tr');
const en = messagePhrases('en');

const warfarin = [{ name: 'warfarin', class: 'anticoagulant' }];
const turkishPlan = (medications: typeof warfarin = []): Plan => {
  const intake = makeIntake({ patient: { medications: medications.map((m) => ({ ...m, ongoing: true })) } });
  const plan = assessInLanguage(intake, library, 'tr').plan;
  if (!plan) throw new Error('the test intake should be treatable');
  return plan;
};

function turkishMessages(medications: typeof warfarin = []): Map<MessageKind, PlannedMessage> {
  const messages = planSessionMessages(
    bookedSession({ locale: 'tr-TR', patient: { firstName: 'Ayşe', email: 'ayse@example.test', medications } }),
    turkishPlan(medications),
    {
      now: new Date('2026-11-23T14:00:00Z'),
      baseUrl: 'https://clinic.example/',
      lateSigns: lateSignsNotice(turkish),
      wording: { language: 'tr', templates: {} },
    },
  );
  return new Map(messages.map((m) => [m.kind, m]));
}

describe('the words around a message’s clinical part, in the message’s language', () => {
  it('writes a Turkish letter’s clinical part without an English line of its own', () => {
    const messages = turkishMessages();
    const aftercare = messages.get('aftercare')?.body ?? '';
    expect(aftercare).toContain(tr.until('10:45'));
    expect(aftercare).toContain(tr.reportHere('https://clinic.example/portal/sessions/s-1/side-effects/new'));
    expect(aftercare).toContain(turkish.data.aftercare.lateSigns.intro);
    expect(aftercare).not.toContain(en.until('10:45'));
    expect(messages.get('check_in')?.body).toContain(tr.emergency);
    expect(messages.get('day_before_reminder')?.body).toContain(tr.onTheDay);
    const preparation = messages.get('preparation_reminder')?.body ?? '';
    const avoidNsaids = turkish.data.preparation.preparation.find((i) => i.code === 'avoid_nsaids')?.text ?? '';
    expect(preparation).toContain(avoidNsaids);
  });

  it('tells a patient on a blood thinner to keep taking it in their language, once, and nothing else', () => {
    const messages = turkishMessages(warfarin);
    const preparation = messages.get('preparation_reminder')?.body ?? '';
    const keepItem = turkish.data.preparation.preparation.find((i) => i.code === 'keep_prescribed_blood_thinners');
    const avoidNsaids = turkish.data.preparation.preparation.find((i) => i.code === 'avoid_nsaids');
    expect(preparation).toContain(keepItem?.text);
    expect(preparation).not.toContain(avoidNsaids?.text);
    // The knowledge base's item already says it: no second, English line.
    expect(preparation).not.toContain(keepTakingBloodThinners);
    expect(preparation).not.toContain(tr.keepTaking);
    const aftercare = messages.get('aftercare')?.body ?? '';
    expect(aftercare).toContain(tr.keepTaking);
    expect(aftercare).not.toContain(keepTakingBloodThinners);
  });
});
