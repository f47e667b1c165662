import type { CreditNote, Invoice, IssuedParties, Payment } from '../../core/money/money-records.js';
import type { InvoiceStatus, MoneyLine } from '../../core/money/money-types.js';
import type { MoneySequenceSeries } from '../database-schema.js';

/** An invoice as it is written: its lines are copies, its amounts paid and credited start at nothing. */
export type NewInvoice = Pick<
  Invoice,
  'clinicId' | 'number' | 'kind' | 'patientId' | 'courseId' | 'quoteId' | 'issueDate' | 'dueDate' | 'currency'
> & {
  lines: readonly MoneyLine[];
  createdBy: string | null;
  /** Copied onto the invoice as it is written: what its PDF prints from then on. */
  parties: IssuedParties;
};

export interface InvoiceQuery {
  clinicId: string;
  patientId?: string;
  status?: InvoiceStatus;
  /** Issue dates, both included. */
  from?: string;
  to?: string;
}

export type NewPayment = Omit<Payment, 'id'> & { clinicId: string };

export type NewCreditNote = Omit<CreditNote, 'id' | 'lines' | 'totals' | 'createdAt'> & {
  clinicId: string;
  lines: readonly MoneyLine[];
};

/** A payment with the invoice it paid and the patient's name, for the day's takings and the export. */
export interface ReceivedPayment extends Payment {
  invoiceNumber: string;
  patientName: string;
}

/** An invoice as it stood at the end of a day: what was owed then. */
export interface OwedThen {
  invoice: Invoice;
  balanceMinor: number;
}

/**
 * Issued documents: invoices, credit notes and payments, and the clinic's number sequences. Issued
 * documents are never edited; only the running amounts paid and credited of an invoice change, and
 * those only by the guarded updates below.
 */
export interface InvoiceRepository {
  /**
   * Takes the next number of the clinic's `series` for `year` (1, 2, ...): the counter row is bumped
   * in one statement and stays locked until the caller's transaction ends, so concurrent issuers
   * queue and a rolled-back issue gives its number back. Call inside a transaction.
   */
  takeNumber(clinicId: string, series: MoneySequenceSeries, year: number): Promise<number>;

  createInvoice(input: NewInvoice): Promise<Invoice>;
  findInvoice(id: string): Promise<Invoice | undefined>;
  /** Newest first. */
  listInvoices(query: InvoiceQuery): Promise<Invoice[]>;
  /** What deposit invoices for the quote (or, without one, the course) still come to, credit notes taken off. */
  depositsInvoiced(query: { quoteId: string | null; courseId: string | null }): Promise<number>;
  /**
   * Adds a payment to what the invoice has been paid, in one conditional UPDATE unless `anyAmount`:
   * only while it leaves nothing overpaid. False (and nothing changed) otherwise.
   */
  addPaid(invoiceId: string, amountMinor: number, anyAmount: boolean): Promise<boolean>;
  /** Adds to what has been credited, only while that stays within the total; false otherwise. */
  addCredited(invoiceId: string, amountMinor: number): Promise<boolean>;

  createPayment(input: NewPayment): Promise<Payment>;
  listPayments(invoiceId: string): Promise<Payment[]>;
  /** The clinic's payments received in [from, to) (instants), in the order received. */
  listPaymentsReceived(clinicId: string, from: string, to: string): Promise<ReceivedPayment[]>;

  createCreditNote(input: NewCreditNote): Promise<CreditNote>;
  findCreditNote(id: string): Promise<CreditNote | undefined>;
  listCreditNotes(invoiceId: string): Promise<CreditNote[]>;
  /** The clinic's credit notes issued between two dates (both included), in number order. */
  listCreditNotesIssued(clinicId: string, from: string, to: string): Promise<CreditNote[]>;

  /**
   * The clinic's invoices issued by `asOf` that still had something owed at the end of that day:
   * payments received before `dayEnd` (an instant) and credit notes issued by `asOf` taken off.
   */
  owedAsOf(clinicId: string, asOf: string, dayEnd: string): Promise<OwedThen[]>;
}
