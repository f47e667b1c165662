import { describe, expect, it } from 'vitest';
import { makeIntake, testKnowledgeBase } from '../../test-support/intake-builder.js';
import { assess } from '../assessment/assess.js';
import type { Plan } from '../assessment/assessment-result.js';
import {
  keepTakingBloodThinners,
  mightStopBloodThinners,
  saysAvoidAspirin,
  saysKeepTakingBloodThinners,
} from './blood-thinner-safety.js';
import { lateSignsNotice } from './late-signs-notice.js';
import type { BookedSession, MessageKind, PlannedMessage } from './message-types.js';
import { planSessionMessages } from './plan-session-messages.js';
import { bookedSession } from './test-support/booked-session.js';

function realPlan(): Plan {
  const plan = assess(makeIntake(), testKnowledgeBase()).plan;
  if (!plan) throw new Error('the test intake should be treatable');
  return plan;
}
const plan = realPlan();
const text = (code: string) => plan.preparation.find((i) => i.code === code)?.text ?? `(no ${code})`;

const session = bookedSession;
const lateSigns = lateSignsNotice(testKnowledgeBase());
const options = { now: new Date('2026-11-23T14:00:00Z'), baseUrl: 'https://clinic.example/', lateSigns };
const plan$ = (s: Partial<BookedSession> = {}, now = options.now, p: Plan = plan) =>
  planSessionMessages(session(s), p, { ...options, now });
const byKind = (messages: PlannedMessage[]) => new Map(messages.map((m) => [m.kind, m]));
const get = (messages: PlannedMessage[], kind: MessageKind): PlannedMessage => {
  const found = byKind(messages).get(kind);
  if (!found) throw new Error(`no ${kind} among ${messages.map((m) => m.kind).join(', ')}`);
  return found;
};

describe('planning the messages of a booked session', () => {
  it('plans all five, soonest first, at their instants', () => {
    const messages = plan$();
    expect(messages.map((m) => [m.kind, m.dueAt])).toEqual([
      ['booking_confirmation', '2026-11-23T14:00:00.000Z'],
      ['preparation_reminder', '2026-11-30T09:00:00.000Z'],
      ['day_before_reminder', '2026-12-06T09:00:00.000Z'],
      ['aftercare', '2026-12-07T09:45:00.000Z'],
      ['check_in', '2026-12-09T09:45:00.000Z'],
    ]);
    expect(messages.every((m) => m.to === 'paula@example.test')).toBe(true);
    expect(messages.map((m) => m.subject)).toEqual([
      'Your session on Mon, 7 Dec 2026 at 10:00 is booked',
      'Preparing for your session on Mon, 7 Dec 2026',
      'Reminder: your session on Mon, 7 Dec 2026 at 10:00',
      'Your aftercare after the session on Mon, 7 Dec 2026',
      'How are you after your session on Mon, 7 Dec 2026?',
    ]);
  });

  it('confirms the booking with time and place, leaving preparation to the reminder', () => {
    const { body } = get(plan$(), 'booking_confirmation');
    expect(body).toContain('Hello Paula,');
    expect(body).toContain('Mon, 7 Dec 2026, 10:00 to 10:45');
    expect(body).toContain('Clinic Lindenhof, Main room, 1 Test Street');
    expect(body).not.toContain(text('avoid_nsaids'));
  });

  it("quotes the plan's week-long preparation items, and says to keep taking prescribed blood thinners", () => {
    const { body } = get(plan$(), 'preparation_reminder');
    for (const code of [
      'avoid_nsaids',
      'keep_prescribed_blood_thinners',
      'avoid_alcohol',
      'avoid_laser_and_peels',
      'report_antibiotics',
    ])
      expect(body).toContain(text(code));
    expect(body).not.toContain(text('clean_skin'));
    expect(body).toMatch(/keep taking any prescribed anticoagulant or antiplatelet/i);
    expect(mightStopBloodThinners(body)).toBe(false);
  });

  it('the day before: when to arrive for numbing cream, with the lead time, and what to bring', () => {
    const { body } = get(plan$(), 'day_before_reminder');
    expect(body).toContain('tomorrow, Mon, 7 Dec 2026 at 10:00, at Clinic Lindenhof, Main room, 1 Test Street');
    expect(body).toContain('please arrive at 09:20, 40 minutes before your appointment');
    expect(body).toContain(text('medical_history'));
    expect(body).toContain(text('clean_skin'));
    const without = get(plan$({ numbingCream: false }), 'day_before_reminder').body;
    expect(without).not.toMatch(/numbing cream|arrive at/i);
  });

  it('the aftercare timeline in local clock times: overnight with the day, later days with the date', () => {
    // Ends Mon 23 Nov 10:45 in Berlin: water 15 hours, the rest 48 hours.
    const messages = plan$(
      { start: '2026-11-23T10:00:00+01:00', durationMinutes: 45 },
      new Date('2026-11-23T08:00:00Z'),
    );
    const { body, dueAt } = get(messages, 'aftercare');
    expect(dueAt).toBe('2026-11-23T09:45:00.000Z');
    expect(body).toContain('Your session ended at 10:45');
    expect(body).toContain('Until Tue 24 Nov, 01:45:\n- Keep water off the treated area.');
    expect(body).toMatch(
      /Until Wed 25 Nov, 10:45:\n- No strenuous exercise, gym or fitness training\.\n- No swimming pool, bath, sauna, spa or solarium\.[^]*\n- No make-up on the treated area\./,
    );
    expect(body.indexOf('01:45')).toBeLessThan(body.indexOf('Wed 25 Nov'));
    expect(body).toContain('https://clinic.example/portal/sessions/s-1/side-effects/new');
  });

  it('writes a same-day end as a bare clock time', () => {
    const { body } = get(plan$({ start: '2026-12-07T06:15:00+01:00', durationMinutes: 45 }), 'aftercare');
    expect(body).toContain('Until 22:00:\n- Keep water off the treated area.');
  });

  it('the 48-hour check-in links to the side-effect form of this session', () => {
    const { body, dueAt } = get(plan$({ id: 'abc 1' }), 'check_in');
    expect(dueAt).toBe('2026-12-09T09:45:00.000Z');
    expect(body).toContain('https://clinic.example/portal/sessions/abc%201/side-effects/new');
  });

  it('aftercare and check-in name the late signs that need a same-day call, with their sources', () => {
    expect(lateSigns.items.length).toBeGreaterThanOrEqual(5);
    for (const kind of ['aftercare', 'check_in'] as const) {
      const { body } = get(plan$(), kind);
      expect(body, kind).toContain(lateSigns.intro);
      for (const item of lateSigns.items) expect(body, kind).toContain(`- ${item}`);
      expect(body, kind).toMatch(/lump, bump or hard knot/);
      expect(body, kind).toMatch(/Pus or fluid coming out/);
      expect(body, kind).toMatch(/open sore/);
      expect(body, kind).toMatch(/fever/);
      // Sources as numbers, then each by its title; never a seed file name or line.
      const sources = testKnowledgeBase().data.sources.sources;
      const number = sources.findIndex((s) => s.file === '002_ee74a7493c54c6f5.txt') + 1;
      expect(body, kind).toMatch(new RegExp(`\\(Sources: \\[(\\d+, )*${number}(, \\d+)*\\]\\)`));
      expect(body, kind).toContain(`[${number}] ${sources[number - 1]!.title}`);
      expect(body, kind).not.toMatch(/\d{3}_[0-9a-f]{16}\.txt/);
      expect(body, kind).not.toMatch(/\.txt:\d/);
    }
  });

  it('names every late-sign source it marks by title, in number order, each once', () => {
    const { mark, references } = lateSigns.sources;
    const numbers = mark.slice(1, -1).split(', ').map(Number);
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(references.map((r) => Number(/^\[(\d+)\]/.exec(r)?.[1]))).toEqual(numbers);
    const files = new Set(lateSigns.citations.map((c) => c.split(':')[0]));
    expect(numbers).toHaveLength(files.size);
  });

  it('skips messages already due at booking, and then puts the preparation advice in the confirmation', () => {
    const soon = plan$({ start: '2026-11-26T10:00:00+01:00' });
    expect(soon.map((m) => m.kind)).toEqual(['booking_confirmation', 'day_before_reminder', 'aftercare', 'check_in']);
    const { body } = get(soon, 'booking_confirmation');
    expect(body).toContain(`Before your session:\n- ${text('avoid_nsaids')}`);
    expect(body).toContain(text('keep_prescribed_blood_thinners'));

    const tomorrowMorning = plan$({ start: '2026-11-24T09:00:00+01:00' });
    expect(tomorrowMorning.map((m) => m.kind)).toEqual(['booking_confirmation', 'aftercare', 'check_in']);

    const running = plan$({ start: '2026-11-23T14:50:00+01:00', durationMinutes: 30 });
    expect(running.map((m) => m.kind)).toEqual(['booking_confirmation', 'aftercare', 'check_in']);

    const past = plan$({ start: '2026-11-20T10:00:00+01:00' });
    expect(past.map((m) => m.kind)).toEqual(['booking_confirmation']);
    expect(get(past, 'booking_confirmation').body).not.toContain('Before your session');
  });

  it('a message due exactly now is still sent', () => {
    const now = new Date('2026-12-06T09:00:00Z');
    expect(plan$({}, now).map((m) => m.kind)).toContain('day_before_reminder');
  });

  it('refuses a start that is no instant, a duration that is not positive, and unknown zones', () => {
    expect(() => plan$({ start: '2026-12-07 10:00' })).toThrow(RangeError);
    expect(() => plan$({ durationMinutes: 0 })).toThrow(RangeError);
    expect(() => plan$({ timeZone: 'Mars/Olympus' })).toThrow(RangeError);
    expect(() => plan$({}, new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('daylight-saving changes (Europe/Berlin, America/New_York)', () => {
  const early = new Date('2027-01-01T00:00:00Z');

  it('the day-before reminder keeps the local clock time: 23 hours before in spring', () => {
    // Sun 28 Mar 2027: clocks go forward at 02:00. 10:00 CEST is 08:00Z; Sat 10:00 CET is 09:00Z.
    const messages = plan$({ start: '2027-03-28T10:00:00+02:00' }, early);
    expect(get(messages, 'day_before_reminder').dueAt).toBe('2027-03-27T09:00:00.000Z');
    // A week is 168 real hours of preparation: 09:00 local on the Sunday before, an hour earlier on the clock.
    expect(get(messages, 'preparation_reminder').dueAt).toBe('2027-03-21T08:00:00.000Z');
  });

  it('and 25 hours before in autumn', () => {
    // Sun 31 Oct 2027: clocks go back at 03:00. 10:00 CET is 09:00Z; Sat 10:00 CEST is 08:00Z.
    const messages = plan$({ start: '2027-10-31T10:00:00+01:00' }, early);
    expect(get(messages, 'day_before_reminder').dueAt).toBe('2027-10-30T08:00:00.000Z');
    expect(get(messages, 'day_before_reminder').body).toContain('Sun, 31 Oct 2027 at 10:00');
  });

  it('aftercare times count real hours across the change and show the new local time', () => {
    // Ends Sat 30 Oct 2027 23:00 CEST (21:00Z). 15 h later is 12:00Z = 13:00 CET, not 14:00; 48 h later 22:00 CET.
    const messages = plan$({ start: '2027-10-30T22:00:00+02:00', durationMinutes: 60 }, early);
    const { body } = get(messages, 'aftercare');
    expect(body).toContain('Your session ended at 23:00');
    expect(body).toContain('Until Sun 31 Oct, 13:00:\n- Keep water off the treated area.');
    expect(body).toContain('Until Mon 1 Nov, 22:00:');
    expect(get(messages, 'check_in').dueAt).toBe('2027-11-01T21:00:00.000Z');
  });

  it('in spring the hour goes missing the other way', () => {
    // Ends Sat 27 Mar 2027 20:00 CET (19:00Z). 15 h later is 10:00Z = 12:00 CEST.
    const { body } = get(plan$({ start: '2027-03-27T19:00:00+01:00', durationMinutes: 60 }, early), 'aftercare');
    expect(body).toContain('Until Sun 28 Mar, 12:00:');
    expect(body).toContain('Until Mon 29 Mar, 21:00:');
  });

  it("in the clinic's own zone and language", () => {
    // New York, first Sunday of November 2027 (7 Nov): ends Sat 16:30 EDT (20:30Z); 15 h later 11:30Z = 06:30 EST.
    const messages = plan$(
      { start: '2027-11-06T16:00:00-04:00', durationMinutes: 30, timeZone: 'America/New_York', locale: 'en-US' },
      early,
    );
    const { body } = get(messages, 'aftercare');
    expect(body).toMatch(/Until Sun, Nov 7, 06:30\sAM:\n- Keep water off the treated area\./);
    const german = plan$({ locale: 'de-DE' });
    expect(get(german, 'booking_confirmation').subject).toBe('Your session on Mo., 7. Dez. 2026 at 10:00 is booked');
  });
});

describe('never telling anyone to stop a prescribed blood thinner', () => {
  it('drops an unsafe plan text, and adds the keep-taking line when the plan has none', () => {
    const unsafe: Plan = {
      ...plan,
      preparation: [
        ...plan.preparation.filter((i) => i.code !== 'keep_prescribed_blood_thinners'),
        {
          code: 'bad',
          text: 'Stop your anticoagulant five days before the session.',
          hours: { min: 0, max: 120 },
          sources: [],
          citations: [],
        },
        {
          code: 'bad_aftercare',
          text: 'Pause warfarin until the bruising is gone.',
          hours: { min: 0, max: 24 },
          sources: [],
          citations: [],
        },
      ],
      aftercare: [
        ...plan.aftercare,
        {
          code: 'bad',
          text: 'Skip your blood thinner for two days.',
          hours: { min: 0, max: 48 },
          sources: [],
          citations: [],
        },
      ],
    };
    const soon = plan$({ start: '2026-11-26T10:00:00+01:00' }, options.now, unsafe);
    const later = plan$({}, options.now, unsafe);
    for (const message of [...soon, ...later]) {
      expect(message.body).not.toMatch(/stop your anticoagulant|pause warfarin|skip your blood thinner/i);
      expect(mightStopBloodThinners(message.body)).toBe(false);
    }
    expect(get(later, 'preparation_reminder').body).toContain(keepTakingBloodThinners);
    expect(get(soon, 'booking_confirmation').body).toContain(keepTakingBloodThinners);
  });

  it('no message planned from the real knowledge base says to stop one', () => {
    for (const start of ['2026-11-24T09:00:00Z', '2026-11-26T09:00:00Z', '2026-12-07T09:00:00Z'])
      for (const message of plan$({ start })) expect(mightStopBloodThinners(message.body), message.kind).toBe(false);
  });
});

describe('aspirin and prescribed blood thinners', () => {
  const bodies = (medications: BookedSession['patient']['medications']) => {
    const patient = { firstName: 'Paula', email: 'paula@example.test', ...(medications ? { medications } : {}) };
    // A late booking (preparation in the confirmation) and an early one (a reminder a week before).
    const late = plan$({ start: '2026-11-26T10:00:00+01:00', patient });
    const early = plan$({ patient });
    return {
      confirmation: get(late, 'booking_confirmation').body,
      reminder: get(early, 'preparation_reminder').body,
      aftercare: get(early, 'aftercare').body,
    };
  };
  const patients = {
    clopidogrel: [{ name: 'Clopidogrel 75 mg', class: 'antiplatelet' }],
    'prescribed low-dose aspirin': [{ name: 'Aspirin 100 mg', class: 'antiplatelet' }],
    'low-dose aspirin recorded as an NSAID': [{ name: 'aspirin 81 mg daily', class: 'nsaid' }],
    'warfarin recorded as other': [{ name: 'Warfarin', class: 'other' }],
    'an unnamed anticoagulant': [{ class: 'anticoagulant' }],
  };

  it.each(Object.entries(patients))(
    'a patient on %s is never told to avoid aspirin, only to keep taking it',
    (_, medications) => {
      for (const [kind, body] of Object.entries(bodies(medications))) {
        expect(saysAvoidAspirin(body), `${kind}:\n${body}`).toBe(false);
        expect(body, kind).not.toMatch(/avoid aspirin|aspirin and other NSAID|avoid NSAID|aspirin taken for pain/i);
        expect(saysKeepTakingBloodThinners(body), kind).toBe(true);
        expect(mightStopBloodThinners(body), kind).toBe(false);
      }
      // The rest of the advice is still there: pain relief without the aspirin clause, alcohol, late signs.
      const { aftercare, reminder } = bodies(medications);
      expect(aftercare).toContain('For discomfort use an ice pack, or ask the clinic which painkiller to take.');
      expect(aftercare).toContain(keepTakingBloodThinners);
      expect(reminder).toContain(text('avoid_alcohol'));
      expect(aftercare).toContain(lateSigns.intro);
    },
  );

  it('a patient with no blood thinner, or whose medicines are unknown, still gets the avoid-aspirin advice', () => {
    for (const medications of [
      [],
      [{ name: 'Ibuprofen', class: 'nsaid' }],
      [{ name: 'Aspirin', class: 'nsaid' }],
      undefined,
    ]) {
      const { confirmation, reminder, aftercare } = bodies(medications);
      expect(confirmation).toContain(text('avoid_nsaids'));
      expect(reminder).toContain(text('avoid_nsaids'));
      expect(aftercare).toMatch(/avoid NSAID painkillers such as ibuprofen, or aspirin taken for pain/);
      expect(saysAvoidAspirin(reminder)).toBe(true);
    }
  });
});
