import type { CreditNote, Invoice } from '../../core/money/money-records.js';
import type { PriceListItem } from '../../core/money/money-types.js';
import type { PatientRecord, Role, UserRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { invalidField, notFound } from '../domain-errors.js';
import { patientOfRecord } from '../access/patient-access.js';
import { patientRecordLoader, writable, type PatientRecordLoader } from '../access/patient-record-access.js';

/** Who keeps the books: issues invoices and credit notes, records payments, reads takings and debts. */
export const moneyRoles: readonly Role[] = ['admin', 'reception'];
/** Who sets prices. */
export const priceSetterRoles: readonly Role[] = ['admin'];

/** A loader's record under its kind's name (`{ invoice, patient }`), as the money services use it. */
function named<K extends string, R>(key: K, load: PatientRecordLoader<R>) {
  return async (repos: Repositories, user: UserRecord, id: string) => {
    const { record, patient } = await load(repos, user, id);
    return { [key]: record, patient } as Record<K, R> & { patient: PatientRecord };
  };
}

const invoiceWithPatient = patientRecordLoader('invoice', (repos, id) => repos.invoices.findInvoice(id));
const quoteWithPatient = patientRecordLoader('quote', (repos, id) => repos.money.findQuote(id));

/** The invoice and its patient, if the user may see them (a patient only their own); else "invoice not found". */
export const loadAccessibleInvoice = named('invoice', invoiceWithPatient);
/** loadAccessibleInvoice for a write (a payment, a credit note): refused (409 `patient_merged`) when the patient was merged. */
export const loadWritableInvoice = named('invoice', writable(invoiceWithPatient));

export const loadAccessibleQuote = named('quote', quoteWithPatient);
/** loadAccessibleQuote for a decision on it: refused (409 `patient_merged`) when the patient was merged. */
export const loadWritableQuote = named('quote', writable(quoteWithPatient));

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
