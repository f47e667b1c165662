/**
 * Where the server's documents are. PDFs are written in the patient's language (the server knows en
 * and tr, and takes the patient's when no `locale` is asked for), whoever prints them: the sheet is
 * the patient's to read. Calendars carry times with their zone, so need no language.
 */
const id = (value: string) => encodeURIComponent(value);

export const documentLinks = {
  aftercarePdf: (sessionId: string) => `/api/sessions/${id(sessionId)}/aftercare.pdf`,
  consentPdf: (signatureId: string) => `/api/consent-signatures/${id(signatureId)}/consent.pdf`,
  summaryPdf: (courseId: string) => `/api/courses/${id(courseId)}/summary.pdf`,
  courseCalendar: (courseId: string) => `/api/courses/${id(courseId)}/calendar.ics`,
};
