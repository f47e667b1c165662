import { ageOwed, type OwedBucketLabel } from '../../core/money/owed-ageing.js';
import type { CreditNote, Invoice } from '../../core/money/money-records.js';
import { paymentMethods, type PaymentMethod } from '../../core/money/money-types.js';
import type { ReceivedPayment } from '../../storage/repositories/invoice-repository.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { invalidField } from '../domain-errors.js';
import { clinicCalendar, clinicCurrency } from './clinic-money.js';

export interface Takings {
  date: string;
  currency: string;
  byMethod: Record<PaymentMethod, number>;
  totalMinor: number;
  payments: ReceivedPayment[];
}

/**
 * What the clinic took on one of its own calendar days (midnight to midnight where it is, not in
 * UTC), by payment method, in its currency. Today unless a date is given.
 */
export async function dayTakings(
  repos: Repositories,
  clinicId: string,
  query: { date?: string | undefined; currency?: string | undefined },
  now: Date,
): Promise<Takings> {
  const calendar = await clinicCalendar(repos, clinicId, now);
  const date = query.date ?? calendar.today;
  const currency = query.currency ?? (await clinicCurrency(repos, clinicId));
  const { start, end } = calendar.dayBounds(date);
  const payments = (await repos.invoices.listPaymentsReceived(clinicId, start, end)).filter(
    (p) => p.currency === currency,
  );
  const byMethod = Object.fromEntries(paymentMethods.map((m) => [m, 0])) as Record<PaymentMethod, number>;
  for (const payment of payments) byMethod[payment.method] += payment.amountMinor;
  return {
    date,
    currency,
    byMethod,
    totalMinor: payments.reduce((sum, p) => sum + p.amountMinor, 0),
    payments,
  };
}

export interface OwedItem {
  invoiceId: string;
  number: string;
  patientId: string;
  patientName: string;
  issueDate: string;
  dueDate: string | null;
  currency: string;
  balanceMinor: number;
  daysOverdue: number;
  bucket: OwedBucketLabel;
}

/** The aged list of what patients owed at the end of `asOf` (today unless given), oldest debt first. */
export async function owedList(
  repos: Repositories,
  clinicId: string,
  query: { asOf?: string | undefined },
  now: Date,
): Promise<{ asOf: string; buckets: { label: OwedBucketLabel; totalMinor: number }[]; items: OwedItem[] }> {
  const calendar = await clinicCalendar(repos, clinicId, now);
  const asOf = query.asOf ?? calendar.today;
  const owed = await repos.invoices.owedAsOf(clinicId, asOf, calendar.dayBounds(asOf).end);
  const aged = ageOwed(
    owed.map(({ invoice, balanceMinor }) => ({
      invoiceId: invoice.id,
      number: invoice.number,
      patientId: invoice.patientId,
      patientName: invoice.patientName,
      issueDate: invoice.issueDate,
      dueDate: invoice.dueDate,
      currency: invoice.currency,
      balanceMinor,
    })),
    asOf,
  );
  return { asOf, ...aged };
}

/** Everything the accountant's export lists for a span of the clinic's days. */
export interface MoneyExport {
  from: string;
  to: string;
  invoices: Invoice[];
  creditNotes: (CreditNote & { invoiceNumber: string; patientName: string })[];
  payments: ReceivedPayment[];
}

/** The longest span one export covers: a tax year and then some. */
const maxExportDays = 400;

export async function moneyExport(
  repos: Repositories,
  clinicId: string,
  query: { from?: string | undefined; to?: string | undefined },
  now: Date,
): Promise<MoneyExport> {
  const calendar = await clinicCalendar(repos, clinicId, now);
  const to = query.to ?? calendar.today;
  const from = query.from ?? `${to.slice(0, 7)}-01`;
  if (from > to) throw invalidField('from', 'must not be after to');
  const span = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (span > maxExportDays) throw invalidField('to', `must be at most ${maxExportDays} days after from`);
  const invoices = await repos.invoices.listInvoices({ clinicId, from, to });
  const byId = new Map(invoices.map((i) => [i.id, i]));
  const creditNotes = [];
  for (const note of await repos.invoices.listCreditNotesIssued(clinicId, from, to)) {
    const invoice = byId.get(note.invoiceId) ?? (await repos.invoices.findInvoice(note.invoiceId));
    creditNotes.push({ ...note, invoiceNumber: invoice?.number ?? '', patientName: invoice?.patientName ?? '' });
  }
  const payments = await repos.invoices.listPaymentsReceived(
    clinicId,
    calendar.dayBounds(from).start,
    calendar.dayBounds(to).end,
  );
  return { from, to, invoices: [...invoices].reverse(), creditNotes, payments };
}
