import { depositDeductionLine, depositLine } from '../../core/money/deposits.js';
import { totalsOf } from '../../core/money/money-lines.js';
import type { Invoice, Quote } from '../../core/money/money-records.js';
import { courseLinesFromPrices } from '../../core/money/quote-lines.js';
import type { InvoiceKind, MoneyLine } from '../../core/money/money-types.js';
import { addDays } from '../../core/dates/iso-date.js';
import type { CourseRecord, PatientRecord, UserRecord } from '../../core/records/index.js';
import type { AuditEvent } from '../../storage/repositories/audit-entries.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { loadWritablePatient } from '../access/patient-access.js';
import { conflict, invalidField } from '../domain-errors.js';
import { billingDetails, clinicCalendar, clinicCurrency } from './clinic-money.js';
import { takeDocumentNumber } from './document-numbers.js';
import { checkedTotal, resolveLines, sameCurrency, type LineRequest } from './line-input.js';
import { issuedParties } from './issued-parties.js';
import { lineWords } from './line-words.js';
import { courseOfPatient } from './money-access.js';

export interface InvoiceRequest {
  patientId: string;
  courseId?: string | undefined;
  quoteId?: string | undefined;
  kind?: InvoiceKind | undefined;
  lines?: LineRequest[] | undefined;
  dueDate?: string | undefined;
  currency?: string | undefined;
}

/** The quote named by an invoice request: the patient's, and still one the clinic stands by. */
async function quoteFor(tx: Repositories, patient: PatientRecord, quoteId: string): Promise<Quote> {
  const quote = await tx.money.findQuote(quoteId);
  if (!quote || quote.patientId !== patient.id) throw invalidField('quoteId', "must be one of the patient's quotes");
  if (quote.status === 'declined' || quote.status === 'withdrawn')
    throw conflict('quote_not_usable', `the quote was ${quote.status}; quote again`, { status: quote.status });
  return quote;
}

interface Basis {
  quote: Quote | undefined;
  course: CourseRecord | undefined;
}

async function depositLines(tx: Repositories, user: UserRecord, { quote }: Basis): Promise<MoneyLine[]> {
  if (!quote) throw invalidField('quoteId', 'required for a deposit invoice: the quote says how much');
  if (quote.status !== 'accepted')
    throw conflict('quote_not_accepted', 'a deposit is invoiced once the quote is accepted', { status: quote.status });
  if (quote.depositMinor <= 0) throw invalidField('quoteId', 'the quote asks no deposit');
  if ((await tx.invoices.depositsInvoiced({ quoteId: quote.id, courseId: null })) > 0)
    throw conflict('deposit_invoiced', "the quote's deposit has already been invoiced");
  return [depositLine(quote.depositMinor, (await lineWords(tx, user.clinicId)).deposit)];
}

/** The course's lines as given, else the quote's, else from the price list; deposits already invoiced taken off. */
async function courseInvoiceLines(
  tx: Repositories,
  user: UserRecord,
  input: InvoiceRequest,
  { quote, course }: Basis,
): Promise<{ lines: MoneyLine[]; currency: string | undefined }> {
  let lines: MoneyLine[];
  let currency: string | undefined;
  if (input.lines !== undefined && input.lines.length > 0)
    ({ lines, currency } = await resolveLines(tx, user, input.lines));
  else if (quote) ({ lines, currency } = { lines: quote.lines, currency: quote.currency });
  else if (course) {
    const booked = (await tx.treatmentSessions.listByCourse(course.id)).filter((s) => s.status !== 'cancelled');
    const priced = courseLinesFromPrices(await tx.money.listPrices(user.clinicId, { active: true }), {
      indication: course.indication,
      sessions: booked.length > 0 ? booked.length : course.plan.sessions.max,
    });
    if (!priced) throw invalidField('courseId', `the price list has no price for ${course.indication}; give lines`);
    ({ lines, currency } = priced);
  } else throw invalidField('lines', 'give lines, a quoteId or a courseId');
  const deposits = await tx.invoices.depositsInvoiced({
    quoteId: quote?.id ?? null,
    courseId: quote ? null : (course?.id ?? null),
  });
  const words = await lineWords(tx, user.clinicId);
  const deduction = depositDeductionLine(deposits, totalsOf(lines).totalMinor, words.depositDeducted);
  return { lines: deduction ? [...lines, deduction] : lines, currency };
}

/**
 * Issues an invoice at once, with the clinic's next number for the year, inside the caller's
 * transaction: the number is taken last, just before the invoice is written, so a failure anywhere
 * before leaves the sequence untouched and a failure after rolls it back with everything else.
 */
export async function issueInvoice(
  tx: Repositories,
  user: UserRecord,
  input: InvoiceRequest,
  now: Date,
): Promise<{ invoice: Invoice; audit: AuditEvent[] }> {
  const patient = await loadWritablePatient(tx, user, input.patientId);
  const quote = input.quoteId === undefined ? undefined : await quoteFor(tx, patient, input.quoteId);
  const courseId = input.courseId ?? quote?.courseId ?? undefined;
  const course = courseId === undefined ? undefined : await courseOfPatient(tx, patient, courseId, 'courseId');
  if (quote?.courseId && course && quote.courseId !== course.id)
    throw invalidField('courseId', "must be the quote's course");
  const kind = input.kind ?? 'invoice';
  const basis = { quote, course };
  const { lines, currency: priced } =
    kind === 'deposit'
      ? { lines: await depositLines(tx, user, basis), currency: quote?.currency }
      : await courseInvoiceLines(tx, user, input, basis);
  checkedTotal(lines);
  const currency = sameCurrency(priced, input.currency, 'currency') ?? (await clinicCurrency(tx, user.clinicId));

  const { today } = await clinicCalendar(tx, user.clinicId, now);
  const term = (await billingDetails(tx, user.clinicId)).paymentTermDays;
  const dueDate = input.dueDate ?? (term === null ? null : addDays(today, term));
  if (dueDate !== null && dueDate < today) throw invalidField('dueDate', 'must not be before the issue date');

  const parties = await issuedParties(tx, user.clinicId, patient);
  const number = await takeDocumentNumber(tx, user.clinicId, 'invoice', today);
  const invoice = await tx.invoices.createInvoice({
    clinicId: user.clinicId,
    number,
    kind,
    patientId: patient.id,
    courseId: course?.id ?? null,
    quoteId: quote?.id ?? null,
    issueDate: today,
    dueDate,
    currency,
    lines,
    createdBy: user.id,
    parties,
  });
  return {
    invoice,
    audit: [{ action: 'create', entity: 'invoice', entityId: invoice.id, patientId: patient.id }],
  };
}

/** What any change to an issued invoice meets: it stands as issued, and a credit note corrects it. */
export const invoiceIssued = () =>
  conflict('invoice_issued', 'an issued invoice is never changed: issue a credit note instead');
