import { describe, expect, it } from 'vitest';
import { makeIntake, testKnowledgeBase } from '../../test-support/intake-builder.js';
import { assess } from '../assessment/assess.js';
import { defaultTemplatesByLanguage } from './default-templates.js';
import { lateSignsNotice } from './late-signs-notice.js';
import { placeholders, renderTemplate, templateProblems, type TemplateValues } from './message-templates.js';
import { timingProblems } from './message-timing.js';
import type { MessageKind, MessageOptions } from './message-types.js';
import { planSessionMessages, sessionMessage } from './plan-session-messages.js';
import { sessionDay } from './session-day.js';
import { bookedSession } from './test-support/booked-session.js';

const values: TemplateValues = {
  patientName: 'Paula',
  clinicName: 'Clinic Lindenhof',
  sessionDate: 'Mon, 7 Dec 2026',
  sessionTime: '10:00',
  sessionEndTime: '10:45',
  sessionDay: 'tomorrow',
  place: 'Clinic Lindenhof, Main room',
  reportLink: 'https://clinic.example/report',
  instructions: 'Until 01:00:\n- Keep water off the treated area.',
};

describe('message templates', () => {
  it('fill each placeholder in one pass: a value that looks like one stays as it is', () => {
    const text = renderTemplate(
      { subject: 'For {patientName} at {sessionTime}', body: 'Hello {patientName}\n\n{instructions}\n\n{clinicName}' },
      { ...values, patientName: '{clinicName}' },
    );
    expect(text).toEqual({
      subject: 'For {clinicName} at 10:00',
      body: 'Hello {clinicName}\n\nUntil 01:00:\n- Keep water off the treated area.\n\nClinic Lindenhof\n',
    });
  });

  it('add the clinical part at the end when a text leaves it out, and close up empty blocks', () => {
    expect(renderTemplate({ subject: 'Hi', body: 'Dear {patientName},\r\nsee you.' }, values).body).toBe(
      'Dear Paula,\nsee you.\n\nUntil 01:00:\n- Keep water off the treated area.\n',
    );
    expect(
      renderTemplate({ subject: 'Hi', body: 'A\n\n{instructions}\n\nB' }, { ...values, instructions: '' }).body,
    ).toBe('A\n\nB\n');
  });

  it('name unknown placeholders and keep the clinical part and blood-thinner advice safe', () => {
    expect(templateProblems({ subject: 'Hi {name}', body: '{patientName} {Instructions} {instructions}' })).toEqual([
      { field: 'subject', message: expect.stringMatching(/^unknown placeholder \{name\}: use \{patientName\}/) },
      { field: 'body', message: expect.stringMatching(/^unknown placeholder \{Instructions\}:/) },
    ]);
    expect(templateProblems({ subject: '{instructions}', body: 'x' })).toEqual([
      { field: 'subject', message: '{instructions} belongs in the body, not the subject' },
    ]);
    expect(templateProblems({ subject: 'a\nb', body: 'x' })[0]?.message).toBe('must be one line');
    expect(templateProblems({ subject: 'Hi', body: 'Pause your apixaban the day before.' })[0]?.field).toBe('body');
    expect(templateProblems({ subject: 'Hi', body: 'Keep taking your apixaban as prescribed.' })).toEqual([]);
    // Every default text, in every language, is a valid template that places the clinical part.
    for (const template of Object.values(defaultTemplatesByLanguage).flatMap((texts) => Object.values(texts))) {
      expect(templateProblems(template)).toEqual([]);
      expect(template.body).toContain('{instructions}');
    }
    expect(placeholders).toContain('instructions');
  });

  it('say the session’s day from the message’s day, in the language', () => {
    expect([0, 1, 3, -1, -2].map((d) => sessionDay('en', d))).toEqual([
      'today',
      'tomorrow',
      'in 3 days',
      'yesterday',
      '2 days ago',
    ]);
    expect([0, 1, 3].map((d) => sessionDay('tr', d))).toEqual(['bugün', 'yarın', '3 gün sonra']);
  });

  it('want the check-in after the aftercare', () => {
    const timing = {
      preparationHoursBefore: null,
      reminderHoursBefore: null,
      aftercareHoursAfter: 6,
      checkInHoursAfter: 6,
    };
    expect(timingProblems(timing)[0]?.field).toBe('checkInHoursAfter');
    expect(timingProblems({ ...timing, checkInHoursAfter: 7 })).toEqual([]);
  });
});

describe('session messages in a clinic’s wording and timing', () => {
  const plan = assess(makeIntake(), testKnowledgeBase()).plan!;
  const session = bookedSession({ place: 'Main room', numbingCream: false });
  const options: MessageOptions = {
    now: new Date('2026-11-01T10:00:00Z'),
    baseUrl: 'https://clinic.example',
    lateSigns: lateSignsNotice(testKnowledgeBase()),
  };
  const byKind = (o: Partial<MessageOptions>) =>
    new Map(planSessionMessages(session, plan, { ...options, ...o }).map((m) => [m.kind, m]));

  it('use the clinic’s text for its kinds, the default for the others, the clinical part in both', () => {
    const defaults = byKind({});
    const own = byKind({
      wording: {
        language: 'en',
        templates: { aftercare: { subject: 'Aftercare, {patientName}', body: 'Hi {patientName}.' } },
      },
    });
    expect(own.get('aftercare')?.subject).toBe('Aftercare, Paula');
    expect(own.get('aftercare')?.body.startsWith('Hi Paula.\n\nUntil ')).toBe(true);
    const clinical = defaults.get('aftercare')!.body.split('\n\n').slice(2, -1).join('\n\n');
    expect(own.get('aftercare')?.body).toBe(`Hi Paula.\n\n${clinical}\n`);
    for (const kind of ['booking_confirmation', 'check_in'] as MessageKind[])
      expect(own.get(kind)).toEqual(defaults.get(kind));
  });

  it('time the messages as the clinic sets, but the preparation reminder never after the plan’s window opens', () => {
    const start = Date.parse(session.start);
    const end = start + 45 * 60_000;
    const timed = byKind({
      timing: { preparationHoursBefore: 2, reminderHoursBefore: 4, aftercareHoursAfter: 3, checkInHoursAfter: 24 },
    });
    expect(timed.get('day_before_reminder')?.dueAt).toBe(new Date(start - 4 * 3_600_000).toISOString());
    expect(timed.get('day_before_reminder')?.body).toContain('your session today,');
    expect(timed.get('aftercare')?.dueAt).toBe(new Date(end + 3 * 3_600_000).toISOString());
    expect(timed.get('check_in')?.dueAt).toBe(new Date(end + 24 * 3_600_000).toISOString());
    expect(timed.get('preparation_reminder')?.dueAt).toBe(byKind({}).get('preparation_reminder')?.dueAt);
    const earlier = byKind({
      timing: { preparationHoursBefore: 500, reminderHoursBefore: null, aftercareHoursAfter: 0, checkInHoursAfter: 48 },
    });
    expect(earlier.get('preparation_reminder')?.dueAt).toBe(new Date(start - 500 * 3_600_000).toISOString());
  });

  it('write one kind for a preview even when its time has passed', () => {
    const late = { ...options, now: new Date('2026-12-08T10:00:00Z') };
    expect(planSessionMessages(session, plan, late).map((m) => m.kind)).toEqual(['booking_confirmation', 'check_in']);
    expect(sessionMessage('aftercare', session, plan, late)?.subject).toBe(
      'Your aftercare after the session on Mon, 7 Dec 2026',
    );
  });
});
