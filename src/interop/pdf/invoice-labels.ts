import type { InvoiceDocument } from '../../core/money/money-types.js';

/** Every word on an invoice or credit note that is not data. Complete sets, so no English word is left on a Turkish page. */
export interface InvoiceLabels {
  /** The document's name, by kind. */
  titles: Record<InvoiceDocument['kind'], string>;
  number: string;
  issueDate: string;
  dueDate: string;
  taxId: string;
  phone: string;
  email: string;
  patient: string;
  /** A credit note: the invoice it corrects, and why. */
  creditsInvoice: string;
  reason: string;
  /** Description, quantity, unit price, tax rate, net, total with tax. */
  lineColumns: [string, string, string, string, string, string];
  noLines: string;
  taxSummary: string;
  /** Rate, net, tax. */
  taxColumns: [string, string, string];
  netTotal: string;
  taxTotal: string;
  total: string;
  /** The total line of a credit note. */
  creditTotal: string;
  paid: string;
  credited: string;
  balance: string;
  /** In place of the balance once more was paid than owed: the clinic owes the patient the difference. */
  inCredit: string;
  /** Under a deposit invoice: what happens to the deposit. */
  depositNote: string;
}

export const englishInvoiceLabels: InvoiceLabels = {
  titles: { invoice: 'Invoice', deposit: 'Deposit invoice', credit_note: 'Credit note' },
  number: 'Number',
  issueDate: 'Issue date',
  dueDate: 'Due date',
  taxId: 'Tax ID',
  phone: 'Phone',
  email: 'Email',
  patient: 'Patient',
  creditsInvoice: 'Credits invoice',
  reason: 'Reason',
  lineColumns: ['Description', 'Qty', 'Unit price', 'Tax rate', 'Net', 'Total'],
  noLines: 'No lines.',
  taxSummary: 'Tax summary',
  taxColumns: ['Tax rate', 'Net', 'Tax'],
  netTotal: 'Net total',
  taxTotal: 'Tax',
  total: 'Total',
  creditTotal: 'Total credited',
  paid: 'Paid',
  credited: 'Credited',
  balance: 'Balance due',
  inCredit: 'In credit',
  depositNote: 'This deposit is deducted from the final invoice of the course.',
};

// The Turkish follows the web app's words: a deposit is a "kapora", a course a "kür", an overpaid balance "fazla ödenen".
export const turkishInvoiceLabels: InvoiceLabels = {
  titles: { invoice: 'Fatura', deposit: 'Kapora faturası', credit_note: 'İade faturası' },
  number: 'Belge no',
  issueDate: 'Düzenleme tarihi',
  dueDate: 'Son ödeme tarihi',
  taxId: 'Vergi numarası',
  phone: 'Telefon',
  email: 'E-posta',
  patient: 'Hasta',
  creditsInvoice: 'İlgili fatura',
  reason: 'İade nedeni',
  lineColumns: ['Açıklama', 'Miktar', 'Birim fiyat', 'KDV oranı', 'Tutar', 'Toplam'],
  noLines: 'Kalem yok.',
  taxSummary: 'KDV özeti',
  taxColumns: ['KDV oranı', 'Matrah', 'KDV tutarı'],
  netTotal: 'Ara toplam',
  taxTotal: 'KDV toplamı',
  total: 'Genel toplam',
  creditTotal: 'İade toplamı',
  paid: 'Ödenen',
  credited: 'İade edilen',
  balance: 'Kalan borç',
  inCredit: 'Fazla ödenen',
  depositNote: 'Bu kapora, kürün son faturasından düşülür.',
};

/** Turkish for a `tr` locale (`tr`, `tr-TR`, `tr-CY`), English for any other. */
export function invoiceLabelsFor(locale: string): InvoiceLabels {
  return /^tr(?:-|$)/i.test(locale) ? turkishInvoiceLabels : englishInvoiceLabels;
}
