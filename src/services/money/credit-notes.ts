import { creditLinesForAmount, creditRoomOf } from '../../core/money/invoice-rules.js';
import { totalsOf } from '../../core/money/money-lines.js';
import type { CreditNote, Invoice } from '../../core/money/money-records.js';
import type { MoneyLine } from '../../core/money/money-types.js';
import type { UserRecord } from '../../core/records/index.js';
import type { AuditEvent } from '../../storage/repositories/audit-entries.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { conflict, invalidField, InvalidInputError } from '../domain-errors.js';
import { clinicCalendar } from './clinic-money.js';
import { takeDocumentNumber } from './document-numbers.js';
import { issuedParties } from './issued-parties.js';
import { resolveLines, type LineRequest } from './line-input.js';
import { lineWords } from './line-words.js';
import { invoiceAfterEntry } from './invoice-entries.js';
import { loadWritableInvoice } from './money-access.js';

export interface CreditNoteRequest {
  /** Tax included; without lines or an amount, everything not yet credited. */
  amountMinor?: number | undefined;
  lines?: LineRequest[] | undefined;
  reason: string;
}

const exceeds = (room: number, amount: number) =>
  conflict('credit_exceeds_invoice', `a credit of ${amount} is more than the ${room} left to credit`, {
    problems: [{ field: 'amountMinor', message: `must be at most ${room}, what is left to credit on the invoice` }],
    creditableMinor: room,
  });

/** The credit note's lines: as given, the invoice's own (a whole credit), or the amount spread over its tax rates. */
async function creditLines(
  tx: Repositories,
  user: UserRecord,
  invoice: Invoice,
  input: CreditNoteRequest,
  room: number,
): Promise<MoneyLine[]> {
  if (input.lines !== undefined && input.lines.length > 0) {
    const { lines, currency } = await resolveLines(tx, user, input.lines);
    if (currency !== undefined && currency !== invoice.currency)
      throw invalidField('lines', `must be in the invoice's currency, ${invoice.currency}`);
    const total = totalsOf(lines).totalMinor;
    // Either side may be the mistake: the amount, or a price or rate in the lines. Both are named.
    if (input.amountMinor !== undefined && input.amountMinor !== total)
      throw new InvalidInputError([
        { field: 'amountMinor', message: `must equal the lines' total, ${total}, or be left out` },
        { field: 'lines', message: `come to ${total} with tax, not the ${input.amountMinor} of amountMinor` },
      ]);
    return lines;
  }
  const amount = input.amountMinor ?? room;
  if (amount === invoice.totals.totalMinor && invoice.creditedMinor === 0) return invoice.lines;
  return creditLinesForAmount(invoice.lines, amount, (await lineWords(tx, user.clinicId)).creditFor(invoice.number));
}

/**
 * Issues a credit note against an invoice, with the clinic's next credit-note number, in the caller's
 * transaction. Never more than is left to credit: checked here for the message, and again by the
 * invoice update's condition against a concurrent credit note.
 */
export async function issueCreditNote(
  tx: Repositories,
  user: UserRecord,
  invoiceId: string,
  input: CreditNoteRequest,
  now: Date,
): Promise<{ creditNote: CreditNote; invoice: Invoice; audit: AuditEvent[] }> {
  const { invoice, patient } = await loadWritableInvoice(tx, user, invoiceId);
  const room = creditRoomOf({
    totalMinor: invoice.totals.totalMinor,
    paidMinor: invoice.paidMinor,
    creditedMinor: invoice.creditedMinor,
  });
  const lines = await creditLines(tx, user, invoice, input, room);
  const amount = totalsOf(lines).totalMinor;
  if (amount <= 0) {
    if (room === 0) throw exceeds(room, input.amountMinor ?? 0);
    throw invalidField(input.lines?.length ? 'lines' : 'amountMinor', 'must come to more than zero');
  }
  if (amount > room) throw exceeds(room, amount);
  if (!(await tx.invoices.addCredited(invoice.id, amount))) throw exceeds(room, amount);

  const { today } = await clinicCalendar(tx, user.clinicId, now);
  const parties = await issuedParties(tx, invoice.clinicId, patient);
  const number = await takeDocumentNumber(tx, user.clinicId, 'credit_note', today);
  const creditNote = await tx.invoices.createCreditNote({
    clinicId: invoice.clinicId,
    number,
    invoiceId: invoice.id,
    patientId: invoice.patientId,
    issueDate: today,
    reason: input.reason,
    currency: invoice.currency,
    lines,
    createdBy: user.id,
    parties,
  });
  return { creditNote, ...(await invoiceAfterEntry(tx, invoice, { entity: 'credit_note', id: creditNote.id })) };
}
