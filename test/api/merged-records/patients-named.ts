import type { Role } from '../../../src/core/records/index.js';
import type { TestApp } from '../../../src/test-support/test-app.js';
import type { SampleRequest } from '../security/sample-writes.js';

/** Writes of a patient's account that are not about its patient record. */
const accountOnly = /^\/api\/(auth\/(password|logout)|calendar-feed)(\/|\?|$)/;

/** What a sample request could name a record by: path segments, query values and every string in its body. */
function namedValues(request: SampleRequest): string[] {
  const url = new URL(request.url, 'http://x');
  const values = [...url.pathname.split('/').map(decodeURIComponent), ...url.searchParams.values()];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') values.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(walk);
  };
  walk(request.payload);
  for (const part of request.form ?? []) if ('value' in part) values.push(part.value);
  return [...new Set(values.filter((v) => /^[A-Za-z0-9_-]{8,100}$/.test(v)))];
}

/**
 * The patient a value names, itself or through one of their records (intake, course, session,
 * invoice, credit note, quote, photo, side-effect report, waiting-list entry, consultation
 * request, assessment), or undefined when it names none.
 */
async function patientNamedBy({ repos }: TestApp, value: string): Promise<string | undefined> {
  const patient = await repos.patients.findById(value);
  if (patient) return patient.id;
  const report = await repos.sideEffects.findReport(value);
  if (report) return (await repos.treatmentSessions.findById(report.sessionId))?.patientId;
  const owned = [
    repos.courses.findById(value),
    repos.treatmentSessions.findById(value),
    repos.invoices.findInvoice(value),
    repos.invoices.findCreditNote(value),
    repos.money.findQuote(value),
    repos.photos.findById(value),
    repos.frontDesk.findWaitingListEntry(value),
    repos.portal.findConsultationRequest(value),
    repos.assessments.findById(value),
  ];
  for (const record of await Promise.all(owned)) if (record?.patientId) return record.patientId;
  return undefined;
}

/**
 * The patients a write is about, as its request names them, directly or through their records;
 * for a patient's own account, their record too. Empty for writes about no one patient
 * (prices, rooms, staff accounts, safety signals...).
 */
export async function patientsNamed(test: TestApp, request: SampleRequest, role: Role): Promise<string[]> {
  const named = new Set<string>();
  // A patient account acts for its own record, but for what is the account's alone: its password, sessions and feed.
  if (role === 'patient' && !accountOnly.test(request.url)) named.add(test.fixture.patient.id);
  for (const value of namedValues(request)) {
    const patientId = await patientNamedBy(test, value);
    if (patientId) named.add(patientId);
  }
  return [...named].sort();
}
