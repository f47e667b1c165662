import type { CreditNote, Invoice, IssuedParties } from '../../core/money/money-records.js';
import { taxBandsOf } from '../../core/money/money-lines.js';
import type { InvoiceDocument } from '../../core/money/money-types.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { documentWords, type DocumentLanguage } from '../documents/document-language.js';
import { clinicLanguage } from './line-words.js';

/** The issuer and patient blocks from the copy taken at issue, never from today's details. */
const partyBlocks = ({ issuer, patient }: IssuedParties): Pick<InvoiceDocument, 'clinic' | 'patient'> => ({
  clinic: { ...issuer },
  patient: { name: patient.name, address: null, email: patient.email },
});

/** The locale of the language asked for, else of the clinic's: the one its server-written lines are in. */
async function localeOf(repos: Repositories, clinicId: string, asked: DocumentLanguage | undefined) {
  return documentWords(asked ?? (await clinicLanguage(repos, clinicId))).locale;
}

/** Everything an invoice's PDF prints, as issued, in the language asked for (the clinic's if none). */
export async function invoiceDocument(
  repos: Repositories,
  invoice: Invoice,
  language: DocumentLanguage | undefined,
): Promise<InvoiceDocument> {
  return {
    kind: invoice.kind,
    number: invoice.number,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    creditsInvoiceNumber: null,
    reason: null,
    currency: invoice.currency,
    ...partyBlocks(invoice.parties),
    lines: invoice.lines,
    taxBands: invoice.taxBands,
    totals: invoice.totals,
    paidMinor: invoice.paidMinor,
    creditedMinor: invoice.creditedMinor,
    balanceMinor: invoice.balanceMinor,
    locale: await localeOf(repos, invoice.clinicId, language),
  };
}

export async function creditNoteDocument(
  repos: Repositories,
  creditNote: CreditNote,
  invoice: Invoice,
  language: DocumentLanguage | undefined,
): Promise<InvoiceDocument> {
  return {
    kind: 'credit_note',
    number: creditNote.number,
    issueDate: creditNote.issueDate,
    dueDate: null,
    creditsInvoiceNumber: invoice.number,
    reason: creditNote.reason,
    currency: creditNote.currency,
    ...partyBlocks(creditNote.parties),
    lines: creditNote.lines,
    taxBands: taxBandsOf(creditNote.lines),
    totals: creditNote.totals,
    paidMinor: 0,
    creditedMinor: 0,
    balanceMinor: 0,
    locale: await localeOf(repos, invoice.clinicId, language),
  };
}
