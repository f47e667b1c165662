import type { InvoiceKind, PaymentMethod, PriceKind, QuoteStatus } from '../../core/money/money-types.js';
import type { Flag, IsoTimestamp } from './column-values.js';

// Row types (conventions in ../database-schema.ts): prices, quotes, invoices, credit notes, payments (0030).
// Amounts are whole minor units; tax rates are hundredths of a percent (`tax_rate_bp`, 750 = 7.5 %).

export interface ClinicBillingDetailsTable {
  clinic_id: string;
  legal_name: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  tax_id: string | null;
  currency: string | null;
  payment_term_days: number | null;
  updated_at: IsoTimestamp;
}

export interface PricesTable {
  id: string;
  clinic_id: string;
  kind: PriceKind;
  name: string;
  indication: string | null;
  sessions: number | null;
  product_id: string | null;
  area: string | null;
  unit_price_minor: number;
  currency: string;
  tax_rate_bp: number;
  active: Flag;
  created_at: IsoTimestamp;
  updated_at: IsoTimestamp;
}

interface Amounts {
  net_minor: number;
  tax_minor: number;
  total_minor: number;
}

/** One line of a quote, an invoice or a credit note, numbered from 0 in its document. */
export interface MoneyLineColumns extends Amounts {
  position: number;
  description: string;
  quantity: number;
  unit_price_minor: number;
  tax_rate_bp: number;
  price_id: string | null;
}

export interface QuotesTable extends Amounts {
  id: string;
  clinic_id: string;
  patient_id: string;
  course_id: string | null;
  currency: string;
  deposit_minor: number;
  status: QuoteStatus;
  valid_until: string | null;
  created_at: IsoTimestamp;
  created_by: string | null;
  updated_at: IsoTimestamp;
}

export interface QuoteLinesTable extends MoneyLineColumns {
  quote_id: string;
}

/** The issuer (the clinic's billing details) and the patient as printed, copied at issue. */
export interface IssuedPartyColumns {
  issuer_name: string;
  issuer_address: string | null;
  issuer_phone: string | null;
  issuer_email: string | null;
  issuer_tax_id: string | null;
  patient_name: string;
  patient_email: string | null;
}

export interface InvoicesTable extends Amounts, IssuedPartyColumns {
  id: string;
  clinic_id: string;
  number: string;
  kind: InvoiceKind;
  patient_id: string;
  course_id: string | null;
  quote_id: string | null;
  issue_date: string;
  due_date: string | null;
  currency: string;
  paid_minor: number;
  credited_minor: number;
  created_at: IsoTimestamp;
  created_by: string | null;
}

export interface InvoiceLinesTable extends MoneyLineColumns {
  invoice_id: string;
}

export interface CreditNotesTable extends Amounts, IssuedPartyColumns {
  id: string;
  clinic_id: string;
  number: string;
  invoice_id: string;
  patient_id: string;
  issue_date: string;
  reason: string;
  currency: string;
  created_at: IsoTimestamp;
  created_by: string | null;
}

export interface CreditNoteLinesTable extends MoneyLineColumns {
  credit_note_id: string;
}

export interface PaymentsTable {
  id: string;
  clinic_id: string;
  invoice_id: string;
  patient_id: string;
  amount_minor: number;
  currency: string;
  method: PaymentMethod;
  received_at: IsoTimestamp;
  reference: string | null;
  recorded_by: string | null;
  created_at: IsoTimestamp;
}

export type MoneySequenceSeries = 'invoice' | 'credit_note';

export interface MoneySequencesTable {
  clinic_id: string;
  series: MoneySequenceSeries;
  year: number;
  last_number: number;
}
