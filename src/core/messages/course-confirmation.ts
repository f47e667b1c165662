import { confirmationInstructions } from './confirmation-message.js';
import { addHours } from './local-clock.js';
import { messageContext, type MessageContext } from './message-context.js';
import type { TemplateLanguage } from './message-templates.js';
import { defaultMessageTiming } from './message-timing.js';
import type { BookedSession, MessageOptions, MessagePlan, PlannedMessage } from './message-types.js';

/** One session of a course booked in one go, with who treats the patient and in which room. */
export interface CourseSessionBooked {
  booked: BookedSession;
  /** The practitioner's name as the patient knows it. */
  practitioner: string | null;
  room: string | null;
}

/** One session as the course confirmation's calendar file holds it (no clinical content). */
export interface CourseCalendarEntry {
  id: string;
  start: string;
  end: string;
  timeZone: string;
  summary: string;
  location: string | null;
}

/** What a course confirmation is about: its sessions (when, where, with whom) and to whom. */
interface CourseFingerprint {
  courseConfirmation: CourseCalendarEntry[];
  practitioners: (string | null)[];
  to: string;
}

const texts: Record<
  TemplateLanguage,
  {
    subject: (count: number) => string;
    intro: (count: number) => string;
    hello: (name: string) => string;
    session: (n: number, count: number) => string;
    span: (from: string, to: string) => string;
    with: (name: string) => string;
    room: (name: string) => string;
    attached: string;
    change: string;
    summary: (clinic: string, n: number, count: number) => string;
  }
> = {
  en: {
    subject: (count) => `Your course of ${count} sessions is booked`,
    hello: (name) => `Hello ${name},`,
    intro: (count) => `Your course of ${count} sessions is booked:`,
    session: (n, count) => `Session ${n} of ${count}`,
    span: (from, to) => `${from} to ${to}`,
    with: (name) => `with ${name}`,
    room: (name) => `room: ${name}`,
    attached: 'The attached calendar file (.ics) holds every session, each as its own appointment.',
    change: 'If you need to change or cancel an appointment, please contact the clinic.',
    summary: (clinic, n, count) => `${clinic}: session ${n} of ${count}`.replace(/^: /, ''),
  },
  tr: {
    subject: (count) => `${count} seanslık kürünüzün randevuları oluşturuldu`,
    hello: (name) => `Merhaba ${name},`,
    intro: (count) => `${count} seanslık kürünüzün randevuları oluşturuldu:`,
    session: (n, count) => `Seans ${n} / ${count}`,
    span: (from, to) => `${from} - ${to}`,
    with: (name) => `uzman: ${name}`,
    room: (name) => `oda: ${name}`,
    attached: 'Ekteki takvim dosyası (.ics) her seansı ayrı bir randevu olarak içerir.',
    change: 'Bir randevuyu değiştirmeniz veya iptal etmeniz gerekirse lütfen klinikle iletişime geçin.',
    summary: (clinic, n, count) => `${clinic}: seans ${n} / ${count}`.replace(/^: /, ''),
  },
};

/** Whether the first session's preparation advice must come with the confirmation (its reminder's time has passed). */
function preparationNow(first: MessageContext, options: MessageOptions, nowMs: number): boolean {
  const timing = options.timing ?? defaultMessageTiming;
  const lead = Math.max(first.advice.leadHours, timing.preparationHoursBefore ?? 0);
  const remindLater = first.advice.beforehand.length > 0 && addHours(first.startMs, -lead) >= nowMs;
  return !remindLater && first.startMs > nowMs;
}

/**
 * The one confirmation of a course booked in one go: every session with its date, time,
 * practitioner, place and "session n of N", in the clinic's language. Its fingerprint holds the
 * sessions as the attached calendar file shows them (`courseCalendarEntries`), so the file is the
 * same one the text describes. Needs at least one session; throws RangeError as `planSessionMessages`.
 */
export function courseConfirmation(
  sessions: readonly CourseSessionBooked[],
  plan: MessagePlan,
  options: MessageOptions,
): PlannedMessage {
  const nowMs = options.now.getTime();
  if (Number.isNaN(nowMs)) throw new RangeError('now is not a valid date');
  const contexts = sessions
    .map((s) => ({ s, ctx: messageContext(s.booked, plan, options) }))
    .sort((a, b) => a.ctx.startMs - b.ctx.startMs);
  const first = contexts[0];
  if (!first) throw new RangeError('a course confirmation needs at least one session');
  const language = options.wording?.language ?? 'en';
  const t = texts[language];
  const count = contexts.length;
  const { session } = first.ctx;
  const entries: CourseCalendarEntry[] = [];
  const blocks = contexts.map(({ s, ctx }, i) => {
    const place = [ctx.session.clinicName, ctx.session.place].filter(Boolean).join(', ');
    entries.push({
      id: ctx.session.id,
      start: new Date(ctx.startMs).toISOString(),
      end: new Date(ctx.endMs).toISOString(),
      timeZone: ctx.session.timeZone,
      summary: t.summary(ctx.session.clinicName, i + 1, count),
      location: [ctx.session.place, s.room].filter(Boolean).join(', ') || null,
    });
    const who = [s.practitioner ? t.with(s.practitioner) : '', s.room ? t.room(s.room) : ''].filter(Boolean);
    return [
      `  ${t.session(i + 1, count)}: ${ctx.clock.date(ctx.startMs)}, ${t.span(ctx.clock.time(ctx.startMs), ctx.clock.time(ctx.endMs))}`,
      ...(who.length ? [`    ${who.join(', ')}`] : []),
      ...(place ? [`    ${place}`] : []),
    ].join('\n');
  });
  const instructions = confirmationInstructions(first.ctx, preparationNow(first.ctx, options, nowMs));
  const body = [
    t.hello(session.patient.firstName),
    t.intro(count),
    blocks.join('\n\n'),
    t.attached,
    instructions,
    t.change,
    session.clinicName,
  ]
    .filter(Boolean)
    .join('\n\n');
  const fingerprint: CourseFingerprint = {
    courseConfirmation: entries,
    practitioners: contexts.map(({ s }) => s.practitioner),
    to: session.patient.email,
  };
  return {
    kind: 'booking_confirmation',
    dueAt: new Date(nowMs).toISOString(),
    to: session.patient.email,
    subject: t.subject(count),
    body: `${body}\n`,
    fingerprint: JSON.stringify(fingerprint),
  };
}

/**
 * The sessions a course confirmation's calendar file holds, read back from its fingerprint; null
 * for any other message (a single session's confirmation has no file).
 */
export function courseCalendarEntries(fingerprint: string): CourseCalendarEntry[] | null {
  if (!fingerprint.startsWith('{')) return null;
  try {
    const parsed = JSON.parse(fingerprint) as Partial<CourseFingerprint> | null;
    return Array.isArray(parsed?.courseConfirmation) ? parsed.courseConfirmation : null;
  } catch {
    return null;
  }
}
