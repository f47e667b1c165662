import type {
  CurrencyCode,
  InvoiceDocument,
  InvoiceKind,
  InvoiceStatus,
  MoneyLine,
  MoneyTotals,
  PaymentMethod,
  QuoteStatus,
  TaxBand,
} from './money-types.js';

/**
 * The stored money records as services and the HTTP edge hand them out (the shapes of the money
 * contract). Lines are copies: a price changed later never changes a quote or invoice made from it.
 */

/**
 * Who an invoice or credit note is from and to, as printed on it: copied when it is issued, so a later
 * change to the clinic's billing details or the patient's name leaves the documents already issued as
 * they were.
 */
export interface IssuedParties {
  issuer: InvoiceDocument['clinic'];
  patient: { name: string; email: string | null };
}

export interface Quote {
  id: string;
  clinicId: string;
  patientId: string;
  courseId: string | null;
  currency: CurrencyCode;
  lines: MoneyLine[];
  totals: MoneyTotals;
  /** What the clinic asks before the course starts, invoiced as a `deposit` invoice; 0 for none. */
  depositMinor: number;
  status: QuoteStatus;
  /** Last day the quote may be accepted; null: no limit. */
  validUntil: string | null;
  createdAt: string;
  createdBy: string | null;
}

export interface Invoice {
  id: string;
  clinicId: string;
  /** `YYYY-NNNNNN`: the clinic's gapless number for the issue year. */
  number: string;
  kind: InvoiceKind;
  patientId: string;
  courseId: string | null;
  quoteId: string | null;
  issueDate: string;
  dueDate: string | null;
  currency: CurrencyCode;
  lines: MoneyLine[];
  taxBands: TaxBand[];
  totals: MoneyTotals;
  paidMinor: number;
  creditedMinor: number;
  /** totals.totalMinor - paid - credited; negative after an accepted overpayment. */
  balanceMinor: number;
  status: InvoiceStatus;
  createdAt: string;
  createdBy: string | null;
  patientName: string;
  /** The issuer and patient as they stood at issue (not part of the API's invoice view). */
  parties: IssuedParties;
}

export interface Payment {
  id: string;
  invoiceId: string;
  patientId: string;
  amountMinor: number;
  currency: CurrencyCode;
  method: PaymentMethod;
  receivedAt: string;
  reference: string | null;
  recordedBy: string | null;
}

export interface CreditNote {
  id: string;
  /** `CN-YYYY-NNNNNN`: the clinic's own gapless sequence of credit notes. */
  number: string;
  invoiceId: string;
  patientId: string;
  issueDate: string;
  reason: string;
  currency: CurrencyCode;
  lines: MoneyLine[];
  totals: MoneyTotals;
  createdAt: string;
  createdBy: string | null;
  /** The issuer and patient as they stood when the credit note was issued. */
  parties: IssuedParties;
}

/** What the clinic prints on its invoices beyond its name; every field may be left empty. */
export interface ClinicBillingDetails {
  clinicId: string;
  legalName: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  taxId: string | null;
  /** The clinic's currency for free-text lines and reports; null: taken from its prices. */
  currency: CurrencyCode | null;
  /** Days from issue to due date on new invoices; null: due on issue. */
  paymentTermDays: number | null;
}
