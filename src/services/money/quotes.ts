import { courseLinesFromPrices } from '../../core/money/quote-lines.js';
import type { Quote } from '../../core/money/money-records.js';
import type { MoneyLine, QuoteStatus } from '../../core/money/money-types.js';
import type { CourseRecord, UserRecord } from '../../core/records/index.js';
import type { AuditEvent } from '../../storage/repositories/audit-entries.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { loadWritablePatient } from '../access/patient-access.js';
import { conflict, forbidden, invalidField, InvalidInputError } from '../domain-errors.js';
import { clinicCalendar, clinicCurrency } from './clinic-money.js';
import { checkedTotal, resolveLines, sameCurrency, type LineRequest } from './line-input.js';
import { courseOfPatient, loadWritableQuote, moneyRoles } from './money-access.js';

export interface QuoteRequest {
  patientId: string;
  courseId?: string | undefined;
  indication?: string | undefined;
  sessions?: number | undefined;
  lines?: LineRequest[] | undefined;
  depositMinor?: number | undefined;
  validUntil?: string | null | undefined;
  currency?: string | undefined;
}

const quoteEvent = (action: 'create' | 'update', quote: Quote): AuditEvent => ({
  action,
  entity: 'quote',
  entityId: quote.id,
  patientId: quote.patientId,
});

/** How many sessions a course is quoted for: those booked and not cancelled, else the plan's most. */
async function courseSessions(tx: Repositories, course: CourseRecord): Promise<number> {
  const booked = (await tx.treatmentSessions.listByCourse(course.id)).filter((s) => s.status !== 'cancelled');
  return booked.length > 0 ? booked.length : course.plan.sessions.max;
}

/** The quote's lines: as given, or for a course (or an indication and a number of sessions) from the price list. */
async function quoteLines(
  tx: Repositories,
  user: UserRecord,
  input: QuoteRequest,
  course: CourseRecord | undefined,
): Promise<{ lines: MoneyLine[]; currency: string | undefined }> {
  if (input.lines !== undefined && input.lines.length > 0) return resolveLines(tx, user, input.lines);
  const indication = input.indication ?? course?.indication;
  if (indication === undefined) throw invalidField('lines', 'give lines, a courseId, or an indication and sessions');
  const sessions = input.sessions ?? (course ? await courseSessions(tx, course) : undefined);
  if (sessions === undefined) throw invalidField('sessions', 'required with an indication and no course');
  const priced = courseLinesFromPrices(await tx.money.listPrices(user.clinicId, { active: true }), {
    indication,
    sessions,
  });
  if (!priced)
    throw invalidField(
      input.indication !== undefined ? 'indication' : 'courseId',
      `the price list has no course package or session price for ${indication}`,
    );
  return priced;
}

/** Makes an open quote for a patient: its lines are copies, kept as they were whatever the prices become. */
export async function createQuote(
  tx: Repositories,
  user: UserRecord,
  input: QuoteRequest,
  now: Date,
): Promise<{ quote: Quote; audit: AuditEvent[] }> {
  const patient = await loadWritablePatient(tx, user, input.patientId);
  const course =
    input.courseId === undefined ? undefined : await courseOfPatient(tx, patient, input.courseId, 'courseId');
  const { lines, currency: priced } = await quoteLines(tx, user, input, course);
  const total = checkedTotal(lines);
  const depositMinor = input.depositMinor ?? 0;
  if (depositMinor > total) {
    const deposit = { field: 'depositMinor', message: `must not be more than the quote's total, ${total}` };
    // Lines sent with the request may be the mistake as much as the deposit: both are named.
    const sentLines = input.lines !== undefined && input.lines.length > 0;
    throw new InvalidInputError(
      sentLines ? [deposit, { field: 'lines', message: `come to ${total}, less than the depositMinor` }] : [deposit],
    );
  }
  const { today } = await clinicCalendar(tx, user.clinicId, now);
  const validUntil = input.validUntil ?? null;
  if (validUntil !== null && validUntil < today) throw invalidField('validUntil', 'must not be in the past');
  const currency = sameCurrency(priced, input.currency, 'currency') ?? (await clinicCurrency(tx, user.clinicId));
  const quote = await tx.money.createQuote({
    clinicId: user.clinicId,
    patientId: patient.id,
    courseId: course?.id ?? null,
    currency,
    lines,
    depositMinor,
    validUntil,
    createdBy: user.id,
  });
  return { quote, audit: [quoteEvent('create', quote)] };
}

export type QuoteDecision = 'accept' | 'decline' | 'withdraw';
const decided: Record<QuoteDecision, Exclude<QuoteStatus, 'open'>> = {
  accept: 'accepted',
  decline: 'declined',
  withdraw: 'withdrawn',
};

/**
 * Accepts, declines or withdraws an open quote. The patient may accept or decline their own; only
 * the clinic withdraws. A quote past its last day can no longer be accepted.
 */
export async function decideQuote(
  tx: Repositories,
  user: UserRecord,
  quoteId: string,
  decision: QuoteDecision,
  now: Date,
): Promise<{ quote: Quote; audit: AuditEvent[] }> {
  const { quote } = await loadWritableQuote(tx, user, quoteId);
  if (decision === 'withdraw' && !moneyRoles.includes(user.role)) throw forbidden('only the clinic withdraws a quote');
  const notOpen = () =>
    conflict('quote_not_open', `the quote is ${quote.status}; only an open quote can be decided`, {
      status: quote.status,
    });
  if (quote.status !== 'open') throw notOpen();
  if (decision === 'accept' && quote.validUntil !== null) {
    const { today } = await clinicCalendar(tx, user.clinicId, now);
    if (quote.validUntil < today)
      throw conflict('quote_expired', `the quote was valid until ${quote.validUntil}`, {
        validUntil: quote.validUntil,
      });
  }
  const changed = await tx.money.decideQuote(quote.id, decided[decision]);
  if (!changed) throw notOpen();
  return { quote: changed, audit: [quoteEvent('update', changed)] };
}
