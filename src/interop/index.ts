/**
 * Documents and interoperability: what the server and CLI call. Everything here works on the
 * plain records of records.ts; loading them (one PatientRecordGroup per patient) is the caller's part.
 */

export type * from './records.js';
export { type ClinicLocale } from './clinic-time-format.js';
export { DataUrlError } from './data-url.js';

export {
  aftercareSheetPdf,
  renderAftercareSheet,
  englishAftercareLabels,
  type AftercareSheetInput,
  type AftercareSheetLabels,
} from './pdf/aftercare-sheet.js';
export { aftercareTimeline, type AftercareTimelineEntry } from './pdf/aftercare-timeline.js';
export {
  consentFormPdf,
  renderConsentForm,
  englishConsentLabels,
  type ConsentFormInput,
  type ConsentFormLabels,
} from './pdf/consent-form.js';
export {
  treatmentSummaryPdf,
  renderTreatmentSummary,
  englishSummaryLabels,
  type TreatmentSummaryInput,
  type TreatmentSummaryLabels,
} from './pdf/treatment-summary.js';
export { invoicePdf, renderInvoice, type InvoicePdfOptions } from './pdf/invoice-pdf.js';
export {
  englishInvoiceLabels,
  turkishInvoiceLabels,
  invoiceLabelsFor,
  type InvoiceLabels,
} from './pdf/invoice-labels.js';
export { pdfToBuffer, type Pdf } from './pdf/pdf-document.js';

export { exportPatientBundle } from './fhir/patient-bundle.js';
export { exportClinicBundle } from './fhir/clinic-bundle-stream.js';
export { DEFAULT_FHIR_BASE, type FhirExportOptions, type SkippedRecord } from './fhir/export-options.js';
export {
  importIntakePatient,
  FhirImportError,
  type IntakeImport,
  type IntakePatientDraft,
  type UnmappedResource,
} from './fhir/import-intake-patient.js';
export { codeMap, type CodeMapRow } from './fhir/code-maps.js';
export type { Bundle } from './fhir/fhir-types.js';

export { csvLines, type CsvColumn, type CsvOptions } from './csv/csv-rows.js';
export { sessionsCsv, type SessionsCsvOptions } from './csv/sessions-csv.js';
export { sideEffectsByLotCsv, sideEffectsByLot } from './csv/side-effects-by-lot-csv.js';
export { outcomesByIndicationCsv, outcomesByIndication } from './csv/outcomes-by-indication-csv.js';
export {
  moneyExportCsv,
  moneyExportHeader,
  type MoneyExportInput,
  type MoneyExportInvoice,
  type MoneyExportCreditNote,
  type MoneyExportPayment,
  type MoneyExportOptions,
} from './csv/money-export.js';
export { currencyDigits, minorToDecimal, moneyFormat, type MoneyFormat } from './money-format.js';
