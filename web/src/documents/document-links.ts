import { currentLanguage } from '../i18n/i18n';

/**
 * Where the server's documents are. PDFs are written in the reader's language (the server knows
 * en and tr); calendars carry times with their zone, so need no language.
 */
const id = (value: string) => encodeURIComponent(value);

export const documentLinks = {
  aftercarePdf: (sessionId: string) => `/api/sessions/${id(sessionId)}/aftercare.pdf?locale=${currentLanguage()}`,
  consentPdf: (signatureId: string) =>
    `/api/consent-signatures/${id(signatureId)}/consent.pdf?locale=${currentLanguage()}`,
  summaryPdf: (courseId: string) => `/api/courses/${id(courseId)}/summary.pdf?locale=${currentLanguage()}`,
  courseCalendar: (courseId: string) => `/api/courses/${id(courseId)}/calendar.ics`,
};
