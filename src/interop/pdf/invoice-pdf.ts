import type { InvoiceDocument } from '../../core/money/money-types.js';
import { moneyFormat, type MoneyFormat } from '../money-format.js';
import { invoiceLabelsFor, type InvoiceLabels } from './invoice-labels.js';
import { colours, fields, paragraph, smallPrint, table } from './pdf-blocks.js';
import { createPdf, finishPdf, pdfToBuffer, type Pdf, type PdfMeta } from './pdf-document.js';

export interface InvoicePdfOptions {
  /** Words to use instead of those of the document's locale; missing ones come from the locale's set. */
  labels?: Partial<InvoiceLabels>;
  /** The PDF's creation date: fixed in tests, now otherwise. */
  createdAt?: Date;
}

const right = { x: 'right' } as const;

/** Clinic on the left, the document's name, number and dates on the right. */
function header(doc: Pdf, invoice: InvoiceDocument, labels: InvoiceLabels, format: MoneyFormat): void {
  const left = doc.page.margins.left;
  const half = (doc.page.width - left - doc.page.margins.right) / 2;
  const top = doc.y;
  const { clinic } = invoice;
  doc.font('bold').fontSize(14).fillColor(colours.accent).text(clinic.name, left, top, { width: half });
  doc.font('regular').fontSize(9).fillColor(colours.text);
  const clinicLines = [
    clinic.address,
    clinic.phone && `${labels.phone}: ${clinic.phone}`,
    clinic.email && `${labels.email}: ${clinic.email}`,
    clinic.taxId && `${labels.taxId}: ${clinic.taxId}`,
  ];
  for (const line of clinicLines) if (line) doc.text(line, left, doc.y, { width: half - 10 });
  const clinicBottom = doc.y;

  const x = left + half;
  doc
    .font('bold')
    .fontSize(18)
    .fillColor(colours.accent)
    .text(labels.titles[invoice.kind], x, top, { width: half, align: 'right' });
  const documentLines = [
    `${labels.number}: ${invoice.number}`,
    `${labels.issueDate}: ${format.date(invoice.issueDate)}`,
    invoice.dueDate && invoice.kind !== 'credit_note' ? `${labels.dueDate}: ${format.date(invoice.dueDate)}` : null,
  ];
  doc.font('regular').fontSize(9.5).fillColor(colours.text);
  for (const line of documentLines) if (line) doc.text(line, x, doc.y, { width: half, align: 'right' });
  doc.x = left;
  doc.y = Math.max(clinicBottom, doc.y) + 18;
}

function patientBlock(doc: Pdf, invoice: InvoiceDocument, labels: InvoiceLabels): void {
  const { patient } = invoice;
  doc.font('bold').fontSize(8).fillColor(colours.muted).text(labels.patient.toLocaleUpperCase(invoice.locale));
  doc.font('bold').fontSize(11).fillColor(colours.text).text(patient.name);
  doc.font('regular').fontSize(9.5);
  for (const line of [patient.address, patient.email]) if (line) doc.text(line);
  doc.moveDown(0.8);
  if (invoice.kind === 'credit_note') {
    const rows: [string, string][] = [];
    if (invoice.creditsInvoiceNumber) rows.push([labels.creditsInvoice, invoice.creditsInvoiceNumber]);
    if (invoice.reason) rows.push([labels.reason, invoice.reason]);
    if (rows.length) {
      fields(doc, rows);
      doc.moveDown(0.8);
    }
  }
}

function linesTable(doc: Pdf, invoice: InvoiceDocument, labels: InvoiceLabels, format: MoneyFormat): void {
  if (!invoice.lines.length) {
    paragraph(doc, labels.noLines);
    return;
  }
  const rows = invoice.lines.map((line) => [
    line.description,
    format.quantity(line.quantity),
    format.amount(line.unitPriceMinor),
    format.percent(line.taxRatePercent),
    format.amount(line.netMinor),
    format.amount(line.totalMinor),
  ]);
  table(doc, labels.lineColumns, rows, [
    '*',
    { width: 44, align: right },
    { width: 72, align: right },
    { width: 56, align: right },
    { width: 72, align: right },
    { width: 76, align: right },
  ]);
}

/** One "label  amount" line of the totals, right-aligned at the right margin. */
function totalLine(doc: Pdf, label: string, value: string, strong = false): void {
  const valueWidth = 100;
  const labelWidth = 140;
  const x = doc.page.width - doc.page.margins.right - valueWidth - labelWidth;
  const y = doc.y;
  doc
    .font(strong ? 'bold' : 'regular')
    .fontSize(strong ? 10.5 : 9.5)
    .fillColor(colours.text);
  doc.text(label, x, y, { width: labelWidth - 8, align: 'right' });
  const afterLabel = doc.y;
  doc.text(value, x + labelWidth, y, { width: valueWidth, align: 'right' });
  doc.y = Math.max(afterLabel, doc.y) + 2;
}

/** The tax per rate on the left and the totals (and for an invoice what is paid and owed) beside it. */
function summary(doc: Pdf, invoice: InvoiceDocument, labels: InvoiceLabels, format: MoneyFormat): void {
  const left = doc.page.margins.left;
  const isCredit = invoice.kind === 'credit_note';
  const totalRows = isCredit ? 3 : 6;
  const needed = Math.max((invoice.taxBands.length + 1) * 18, totalRows * 16) + 30;
  if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const top = doc.y + 4;

  doc.y = top;
  if (invoice.taxBands.length) {
    doc.font('bold').fontSize(9.5).fillColor(colours.accent).text(labels.taxSummary, left, top);
    doc.moveDown(0.2);
    table(
      doc,
      labels.taxColumns,
      invoice.taxBands.map((band) => [
        format.percent(band.taxRatePercent),
        format.amount(band.netMinor),
        format.amount(band.taxMinor),
      ]),
      [
        { width: 64, align: right },
        { width: 84, align: right },
        { width: 84, align: right },
      ],
    );
  }
  const afterTaxes = doc.y;

  doc.y = top;
  const { totals } = invoice;
  totalLine(doc, labels.netTotal, format.amount(totals.netMinor));
  totalLine(doc, labels.taxTotal, format.amount(totals.taxMinor));
  totalLine(doc, isCredit ? labels.creditTotal : labels.total, format.amount(totals.totalMinor), true);
  if (!isCredit) {
    doc.y += 6;
    totalLine(doc, labels.paid, format.amount(invoice.paidMinor));
    totalLine(doc, labels.credited, format.amount(invoice.creditedMinor));
    // Overpaid, the balance is what the clinic owes the patient: an amount in credit, not a negative debt.
    if (invoice.balanceMinor < 0) totalLine(doc, labels.inCredit, format.amount(-invoice.balanceMinor), true);
    else totalLine(doc, labels.balance, format.amount(invoice.balanceMinor), true);
  }
  doc.x = left;
  doc.y = Math.max(afterTaxes, doc.y) + 12;
}

/**
 * An invoice, a deposit invoice or a credit note as a pdfkit document (a readable stream, already
 * ended). Everything printed comes from `invoice`, in its locale's words, number and date formats;
 * throws RangeError for an unknown locale or currency or a malformed date, before anything is drawn.
 */
export function renderInvoice(invoice: InvoiceDocument, labels: Partial<InvoiceLabels> = {}, createdAt?: Date): Pdf {
  const words: InvoiceLabels = { ...invoiceLabelsFor(invoice.locale), ...labels };
  const format = moneyFormat(invoice.locale, invoice.currency);
  // Checked up front so a bad date fails before a half-drawn page, not in the middle of one.
  format.date(invoice.issueDate);
  if (invoice.dueDate) format.date(invoice.dueDate);
  const meta: PdfMeta = {
    title: `${words.titles[invoice.kind]} ${invoice.number}`,
    clinicName: invoice.clinic.name,
    lang: invoice.locale,
    ...(createdAt ? { createdAt } : {}),
  };
  const doc = createPdf(meta);
  header(doc, invoice, words, format);
  patientBlock(doc, invoice, words);
  linesTable(doc, invoice, words, format);
  summary(doc, invoice, words, format);
  if (invoice.kind === 'deposit') smallPrint(doc, words.depositNote);
  return finishPdf(doc, meta);
}

export function invoicePdf(invoice: InvoiceDocument, options: InvoicePdfOptions = {}): Promise<Buffer> {
  return pdfToBuffer(renderInvoice(invoice, options.labels, options.createdAt));
}
