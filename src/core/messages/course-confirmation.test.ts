import { describe, expect, it } from 'vitest';
import { makeIntake, testKnowledgeBase } from '../../test-support/intake-builder.js';
import { assess } from '../assessment/assess.js';
import { courseCalendarEntries, courseConfirmation, type CourseSessionBooked } from './course-confirmation.js';
import { lateSignsNotice } from './late-signs-notice.js';
import { planSessionMessages } from './plan-session-messages.js';
import { bookedSession } from './test-support/booked-session.js';

const plan = assess(makeIntake(), testKnowledgeBase()).plan;
if (!plan) throw new Error('the test intake should be treatable');
const options = {
  now: new Date('2026-11-23T14:00:00Z'),
  baseUrl: 'https://clinic.example/',
  lateSigns: lateSignsNotice(testKnowledgeBase()),
};
const starts = ['2026-12-21T11:00:00+01:00', '2026-12-07T10:00:00+01:00', '2026-12-14T10:30:00+01:00'];
const sessions = (locale = 'en-GB'): CourseSessionBooked[] =>
  starts.map((start, i) => ({
    booked: bookedSession({ id: `s-${i}`, start, locale }),
    practitioner: 'Dr Weber',
    room: i === 0 ? 'Room 2' : null,
  }));

describe('the one confirmation of a course booked in one go', () => {
  it('lists every session in time order with "n of N", practitioner and place', () => {
    const message = courseConfirmation(sessions(), plan, options);
    expect(message.kind).toBe('booking_confirmation');
    expect(message.dueAt).toBe(options.now.toISOString());
    expect(message.subject).toBe('Your course of 3 sessions is booked');
    const order = [
      'Session 1 of 3: Mon, 7 Dec 2026, 10:00 to 10:45',
      'Session 2 of 3: Mon, 14 Dec 2026, 10:30 to 11:15',
    ];
    order.push('Session 3 of 3: Mon, 21 Dec 2026, 11:00 to 11:45');
    const at = order.map((line) => message.body.indexOf(line));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(message.body).toContain('with Dr Weber, room: Room 2');
    expect(message.body).toContain('Clinic Lindenhof, Main room, 1 Test Street');
    expect(message.body).toContain('Hello Paula,');
  });

  it('writes Turkish for a clinic writing in Turkish', () => {
    const message = courseConfirmation(sessions('tr-TR'), plan, {
      ...options,
      wording: { language: 'tr', templates: {} },
    });
    expect(message.subject).toBe('3 seanslık kürünüzün randevuları oluşturuldu');
    expect(message.body).toContain('Merhaba Paula,');
    expect(message.body).toContain('Seans 1 / 3');
    expect(message.body).toContain('uzman: Dr Weber');
    expect(message.body).not.toContain('Session 1 of 3');
  });

  it('keeps every session, start and end, for the calendar file, and none for a single session', () => {
    const message = courseConfirmation(sessions(), plan, options);
    const entries = courseCalendarEntries(message.fingerprint);
    expect(entries?.map((e) => [e.id, e.start, e.end])).toEqual([
      ['s-1', '2026-12-07T09:00:00.000Z', '2026-12-07T09:45:00.000Z'],
      ['s-2', '2026-12-14T09:30:00.000Z', '2026-12-14T10:15:00.000Z'],
      ['s-0', '2026-12-21T10:00:00.000Z', '2026-12-21T10:45:00.000Z'],
    ]);
    expect(entries?.[2]?.location).toBe('Main room, 1 Test Street, Room 2');
    const single = planSessionMessages(bookedSession(), plan, options)[0];
    expect(single?.kind).toBe('booking_confirmation');
    expect(courseCalendarEntries(single?.fingerprint ?? '')).toBeNull();
  });

  it('a moved session changes what the confirmation is about', () => {
    const moved = sessions();
    const first = moved[1];
    if (!first) throw new Error('three sessions');
    moved[1] = { ...first, booked: { ...first.booked, start: '2026-12-08T10:00:00+01:00' } };
    expect(courseConfirmation(moved, plan, options).fingerprint).not.toBe(
      courseConfirmation(sessions(), plan, options).fingerprint,
    );
  });
});
