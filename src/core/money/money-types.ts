/**
 * The plain shapes of mesodesk's money records, shared by the clinical core's money rules, storage,
 * services, the HTTP edge, the invoice PDF and the web app. Amounts are whole minor units (cents,
 * kuruş) of the record's currency, so sums never drift; a tax rate is a percentage with at most two
 * decimals (20, 8, 0, 7.5).
 */

/** ISO 4217 code, three capital letters: `EUR`, `TRY`, `GBP`. */
export type CurrencyCode = string;

export const priceKinds = ['session', 'course_package', 'product', 'area'] as const;
/** What a price is for: one session, a whole course of `sessions` for an indication, a product, an area. */
export type PriceKind = (typeof priceKinds)[number];

export const paymentMethods = ['cash', 'card', 'transfer'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

export const quoteStatuses = ['open', 'accepted', 'declined', 'withdrawn'] as const;
export type QuoteStatus = (typeof quoteStatuses)[number];

/** `deposit`: a share of an accepted quote asked before the course; the course's final invoice deducts it. */
export const invoiceKinds = ['invoice', 'deposit'] as const;
export type InvoiceKind = (typeof invoiceKinds)[number];

/** Derived from the amounts, never set by hand. */
export const invoiceStatuses = ['issued', 'part_paid', 'paid', 'credited'] as const;
export type InvoiceStatus = (typeof invoiceStatuses)[number];

export interface PriceListItem {
  id: string;
  clinicId: string;
  kind: PriceKind;
  /** Shown on quotes and invoices, in the clinic's words ("Face rejuvenation, course of 4"). */
  name: string;
  /** Indication code, for `session` and `course_package` prices that apply to one indication only. */
  indication: string | null;
  /** For `course_package`: how many sessions the package covers. */
  sessions: number | null;
  productId: string | null;
  area: string | null;
  unitPriceMinor: number;
  currency: CurrencyCode;
  taxRatePercent: number;
  active: boolean;
}

/** One line of a quote, an invoice or a credit note. */
export interface MoneyLine {
  description: string;
  quantity: number;
  unitPriceMinor: number;
  taxRatePercent: number;
  /** quantity × unit price, before tax. */
  netMinor: number;
  /** Tax on this line, rounded half away from zero to a minor unit. */
  taxMinor: number;
  /** netMinor + taxMinor. */
  totalMinor: number;
  /** The price the line came from, when it came from the price list. */
  priceId: string | null;
}

export interface MoneyTotals {
  netMinor: number;
  taxMinor: number;
  totalMinor: number;
}

/** Tax per rate, for the invoice's tax summary. */
export interface TaxBand {
  taxRatePercent: number;
  netMinor: number;
  taxMinor: number;
}

/**
 * Everything an invoice or credit note PDF prints, already in words: built by the services from the
 * stored invoice, the clinic and the patient, then rendered without further look-ups.
 */
export interface InvoiceDocument {
  kind: 'invoice' | 'deposit' | 'credit_note';
  /** The clinic's gapless number, e.g. `2026-000042`. */
  number: string;
  /** Calendar dates, `YYYY-MM-DD`. */
  issueDate: string;
  dueDate: string | null;
  /** For a credit note: the number of the invoice it credits. */
  creditsInvoiceNumber: string | null;
  /** For a credit note: why it was issued. */
  reason: string | null;
  currency: CurrencyCode;
  clinic: {
    name: string;
    address: string | null;
    phone: string | null;
    email: string | null;
    taxId: string | null;
  };
  patient: {
    name: string;
    address: string | null;
    email: string | null;
  };
  lines: readonly MoneyLine[];
  taxBands: readonly TaxBand[];
  totals: MoneyTotals;
  /** Paid so far and still owed (an invoice only; zero on a credit note). */
  paidMinor: number;
  creditedMinor: number;
  balanceMinor: number;
  /** BCP 47: the patient's language for the words, and the number and date formats. */
  locale: string;
}
