import { stringify } from 'csv-stringify/sync';
import { isIsoDate } from '../../core/dates/iso-date.js';
import { localDate } from '../../core/dates/local-date.js';
import type { CurrencyCode, InvoiceKind, MoneyTotals, PaymentMethod } from '../../core/money/money-types.js';
import { currencyDigits, minorToDecimal } from '../money-format.js';
import type { CsvOptions } from './csv-rows.js';

/** An issued invoice or deposit invoice; the contract's `Invoice` fits as it is. */
export interface MoneyExportInvoice {
  kind: InvoiceKind;
  number: string;
  /** `YYYY-MM-DD`. */
  issueDate: string;
  patientName: string;
  currency: CurrencyCode;
  totals: MoneyTotals;
}

/** A credit note as issued, its amounts positive; the export writes them as negative. */
export interface MoneyExportCreditNote {
  number: string;
  issueDate: string;
  patientName: string;
  currency: CurrencyCode;
  totals: MoneyTotals;
}

export interface MoneyExportPayment {
  /** An instant (written as the clinic-local day it fell on) or already a `YYYY-MM-DD` day. */
  receivedAt: string;
  /** The number of the invoice the payment is for: the reference an accountant matches on. */
  invoiceNumber: string;
  patientName: string;
  currency: CurrencyCode;
  amountMinor: number;
  method: PaymentMethod;
}

export interface MoneyExportInput {
  invoices: readonly MoneyExportInvoice[];
  creditNotes: readonly MoneyExportCreditNote[];
  payments: readonly MoneyExportPayment[];
}

export interface MoneyExportOptions extends CsvOptions {
  /** IANA zone of the clinic: a payment at 00:30 local time belongs to that local day. */
  timeZone: string;
}

export const moneyExportHeader = [
  'date',
  'type',
  'number',
  'patient',
  'net',
  'tax',
  'total',
  'method',
  'currency',
] as const;

/** Words an accountant reads, not codes. */
const typeWords = { invoice: 'invoice', deposit: 'deposit invoice', credit_note: 'credit note', payment: 'payment' };
type RowType = keyof typeof typeWords;
const typeOrder: readonly RowType[] = ['invoice', 'deposit', 'credit_note', 'payment'];

interface Row {
  date: string;
  type: RowType;
  number: string;
  patient: string;
  /** Minor units; null for what a payment does not have. */
  net: number | null;
  tax: number | null;
  total: number;
  method: PaymentMethod | null;
  currency: CurrencyCode;
}

function checkedDate(date: string, what: string): string {
  if (!isIsoDate(date)) throw new RangeError(`${what}: not a calendar date: ${date}`);
  return date;
}

function rows(input: MoneyExportInput, timeZone: string): Row[] {
  const all: Row[] = [
    ...input.invoices.map((i): Row => ({
      date: checkedDate(i.issueDate, `invoice ${i.number}`),
      type: i.kind,
      number: i.number,
      patient: i.patientName,
      net: i.totals.netMinor,
      tax: i.totals.taxMinor,
      total: i.totals.totalMinor,
      method: null,
      currency: i.currency,
    })),
    ...input.creditNotes.map((c): Row => ({
      date: checkedDate(c.issueDate, `credit note ${c.number}`),
      type: 'credit_note',
      number: c.number,
      patient: c.patientName,
      // A credit note takes revenue back: negative, so a column's sum over invoices and credit notes is what was earned.
      net: -c.totals.netMinor,
      tax: -c.totals.taxMinor,
      total: -c.totals.totalMinor,
      method: null,
      currency: c.currency,
    })),
    ...input.payments.map((p): Row => ({
      date: isIsoDate(p.receivedAt) ? p.receivedAt : localDate(p.receivedAt, timeZone),
      type: 'payment',
      number: p.invoiceNumber,
      patient: p.patientName,
      net: null,
      tax: null,
      total: p.amountMinor,
      method: p.method,
      currency: p.currency,
    })),
  ];
  return all.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      typeOrder.indexOf(a.type) - typeOrder.indexOf(b.type) ||
      a.number.localeCompare(b.number),
  );
}

const stringifyOptions = {
  // As in csv-rows: text starting with = + - @ gets a leading ' so a spreadsheet never runs a typed name
  // as a formula. Amounts are passed as numbers, so a negative one keeps its minus sign.
  escape_formulas: true,
  record_delimiter: 'windows',
  quote_record_delimiter: true,
} as const;

/**
 * The accountant's CSV: one line per invoice, credit note and payment, by date, with amounts in the
 * currency's major unit as plain decimals ("1234.50", "-300.00": a point, no grouping, the currency's
 * own number of decimals) whatever the clinic's language. Throws RangeError for an unknown currency
 * or zone, a malformed date or an amount that is not whole minor units.
 */
export function moneyExportCsv(input: MoneyExportInput, options: MoneyExportOptions): string {
  let text = stringify([[...moneyExportHeader]], { ...stringifyOptions, bom: options.bom ?? true });
  for (const row of rows(input, options.timeZone)) {
    const digits = currencyDigits(row.currency);
    text += stringify(
      [[row.date, typeWords[row.type], row.number, row.patient, row.net, row.tax, row.total, row.method, row.currency]],
      { ...stringifyOptions, cast: { number: (minor: number) => minorToDecimal(minor, digits) } },
    );
  }
  return text;
}
