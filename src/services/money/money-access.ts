import type { CreditNote, Invoice, Quote } from '../../core/money/money-records.js';
import type { PriceListItem } from '../../core/money/money-types.js';
import type { PatientRecord, Role, UserRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { invalidField, notFound } from '../domain-errors.js';
import { patientOfRecord, writablePatientOfRecord } from '../access/patient-access.js';

/** Who keeps the books: issues invoices and credit notes, records payments, reads takings and debts. */
export const moneyRoles: readonly Role[] = ['admin', 'reception'];
/** Who sets prices. */
export const priceSetterRoles: readonly Role[] = ['admin'];

/** How a record's patient is loaded: to read it, or to write to it (a merged patient refused). */
type PatientOf = typeof patientOfRecord;

function invoiceLoader(patientOf: PatientOf) {
  return async (
    repos: Repositories,
    user: UserRecord,
    invoiceId: string,
  ): Promise<{ invoice: Invoice; patient: PatientRecord }> => {
    const invoice = await repos.invoices.findInvoice(invoiceId);
    if (!invoice) throw notFound('invoice');
    return { invoice, patient: await patientOf(repos, user, invoice, 'invoice') };
  };
}

function quoteLoader(patientOf: PatientOf) {
  return async (
    repos: Repositories,
    user: UserRecord,
    quoteId: string,
  ): Promise<{ quote: Quote; patient: PatientRecord }> => {
    const quote = await repos.money.findQuote(quoteId);
    if (!quote) throw notFound('quote');
    return { quote, patient: await patientOf(repos, user, quote, 'quote') };
  };
}

/** The invoice and its patient, if the user may see them (a patient only their own); else "invoice not found". */
export const loadAccessibleInvoice = invoiceLoader(patientOfRecord);
/** loadAccessibleInvoice for a write (a payment, a credit note): refused (409 `patient_merged`) when the patient was merged. */
export const loadWritableInvoice = invoiceLoader(writablePatientOfRecord);

export const loadAccessibleQuote = quoteLoader(patientOfRecord);
/** loadAccessibleQuote for a decision on it: refused (409 `patient_merged`) when the patient was merged. */
export const loadWritableQuote = quoteLoader(writablePatientOfRecord);

export async function loadAccessibleCreditNote(
  repos: Repositories,
  user: UserRecord,
  creditNoteId: string,
): Promise<{ creditNote: CreditNote; invoice: Invoice; patient: PatientRecord }> {
  const creditNote = await repos.invoices.findCreditNote(creditNoteId);
  if (!creditNote) throw notFound('credit note');
  const patient = await patientOfRecord(repos, user, creditNote, 'credit note');
  const invoice = await repos.invoices.findInvoice(creditNote.invoiceId);
  if (!invoice) throw notFound('credit note');
  return { creditNote, invoice, patient };
}

/** A price of the user's clinic; another clinic's is "not found", as if it did not exist. */
export async function loadClinicPrice(repos: Repositories, user: UserRecord, priceId: string): Promise<PriceListItem> {
  const price = await repos.money.findPrice(priceId);
  if (!price || price.clinicId !== user.clinicId) throw notFound('price');
  return price;
}

/** A course named in a money request: it must be the patient's (a 400 naming the field otherwise). */
export async function courseOfPatient(repos: Repositories, patient: PatientRecord, courseId: string, field: string) {
  const course = await repos.courses.findById(courseId);
  if (!course || course.patientId !== patient.id) throw invalidField(field, "must be one of the patient's courses");
  return course;
}
