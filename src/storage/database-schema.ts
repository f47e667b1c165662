/**
 * The row types of every table, as Kysely sees them. One schema for SQLite and PostgreSQL, so:
 * ids are text (UUIDs), timestamps are ISO 8601 text, calendar dates are `YYYY-MM-DD` text,
 * JSON is text, and booleans are integers 0/1 (SQLite has no boolean type).
 *
 * Only repositories (src/storage/repositories) read these types; everything else sees records.
 */

import type {
  ClinicsTable,
  DemoClinicsTable,
  LocationsTable,
  UsersTable,
  UserInvitationsTable,
  AuthSessionsTable,
  RoomsTable,
  PractitionerAvailabilityTable,
  AvailabilityExceptionsTable,
  CalendarFeedsTable,
} from './schema/organisation-tables.js';
import type {
  PatientsTable,
  PatientNameWordsTable,
  PatientNamePairsTable,
  IntakesTable,
  AssessmentsTable,
} from './schema/patient-tables.js';
import type { PatientChangesTable, PatientMergesTable } from './schema/patient-record-tables.js';
import type {
  CoursesTable,
  TreatmentSessionsTable,
  ConsentTextsTable,
  ConsentSignaturesTable,
  ProductsTable,
  LotsTable,
  StockCountsTable,
  ChartEntriesTable,
  InjectionPointsTable,
  TreatmentOverridesTable,
  ChartAddendaTable,
} from './schema/treatment-tables.js';
import type {
  SideEffectReportsTable,
  SideEffectPhotosTable,
  OutcomesTable,
  PhotosTable,
} from './schema/follow-up-tables.js';
import type {
  AuditLogTable,
  LoginThrottlesTable,
  OutboxMessagesTable,
  SessionSlotClaimsTable,
  CourseSchedulesTable,
  MaintenanceRecallsTable,
  SessionFlagsView,
} from './schema/operations-tables.js';
import type {
  LocationOpeningHoursTable,
  MessageSettingsTable,
  MessageTemplatesTable,
} from './schema/clinic-set-up-tables.js';
import type {
  ClinicBillingDetailsTable,
  PricesTable,
  QuotesTable,
  QuoteLinesTable,
  InvoicesTable,
  InvoiceLinesTable,
  CreditNotesTable,
  CreditNoteLinesTable,
  PaymentsTable,
  MoneySequencesTable,
} from './schema/money-tables.js';
import type { OutcomeMeasuresTable } from './schema/outcome-measure-tables.js';
import type {
  SafetySignalsTable,
  SafetySignalPatientsTable,
  SafetySignalLotsTable,
} from './schema/safety-signal-tables.js';
import type { SessionCheckInsTable, WaitingListEntriesTable, SlotOpeningsTable } from './schema/front-desk-tables.js';
import type { PortalSettingsTable, ConsultationRequestsTable } from './schema/portal-tables.js';
import type { ServerSecretsTable } from './schema/server-secret-tables.js';
import type { ClinicLogosTable } from './schema/clinic-logo-tables.js';
import type { SessionClosureReasonsTable } from './schema/session-closure-tables.js';

export * from './schema/column-values.js';
export type * from './schema/organisation-tables.js';
export type * from './schema/patient-tables.js';
export type * from './schema/patient-record-tables.js';
export type * from './schema/treatment-tables.js';
export type * from './schema/follow-up-tables.js';
export type * from './schema/operations-tables.js';
export type * from './schema/clinic-set-up-tables.js';
export type * from './schema/money-tables.js';
export type * from './schema/outcome-measure-tables.js';
export type * from './schema/clinic-logo-tables.js';
export type * from './schema/safety-signal-tables.js';
export type * from './schema/front-desk-tables.js';
export type * from './schema/portal-tables.js';
export type * from './schema/server-secret-tables.js';
export type * from './schema/session-closure-tables.js';

export interface Database {
  clinics: ClinicsTable;
  demo_clinics: DemoClinicsTable;
  locations: LocationsTable;
  users: UsersTable;
  user_invitations: UserInvitationsTable;
  auth_sessions: AuthSessionsTable;
  calendar_feeds: CalendarFeedsTable;
  patients: PatientsTable;
  patient_name_words: PatientNameWordsTable;
  patient_name_pairs: PatientNamePairsTable;
  patient_changes: PatientChangesTable;
  patient_merges: PatientMergesTable;
  intakes: IntakesTable;
  assessments: AssessmentsTable;
  courses: CoursesTable;
  treatment_sessions: TreatmentSessionsTable;
  consent_texts: ConsentTextsTable;
  consent_signatures: ConsentSignaturesTable;
  products: ProductsTable;
  lots: LotsTable;
  stock_counts: StockCountsTable;
  chart_entries: ChartEntriesTable;
  injection_points: InjectionPointsTable;
  treatment_overrides: TreatmentOverridesTable;
  chart_addenda: ChartAddendaTable;
  side_effect_reports: SideEffectReportsTable;
  side_effect_photos: SideEffectPhotosTable;
  outcomes: OutcomesTable;
  photos: PhotosTable;
  audit_log: AuditLogTable;
  login_throttles: LoginThrottlesTable;
  rooms: RoomsTable;
  practitioner_availability: PractitionerAvailabilityTable;
  availability_exceptions: AvailabilityExceptionsTable;
  location_opening_hours: LocationOpeningHoursTable;
  message_settings: MessageSettingsTable;
  message_templates: MessageTemplatesTable;
  session_slot_claims: SessionSlotClaimsTable;
  course_schedules: CourseSchedulesTable;
  maintenance_recalls: MaintenanceRecallsTable;
  session_flags: SessionFlagsView;
  outbox_messages: OutboxMessagesTable;
  outcome_measures: OutcomeMeasuresTable;
  clinic_billing_details: ClinicBillingDetailsTable;
  prices: PricesTable;
  quotes: QuotesTable;
  quote_lines: QuoteLinesTable;
  invoices: InvoicesTable;
  invoice_lines: InvoiceLinesTable;
  credit_notes: CreditNotesTable;
  credit_note_lines: CreditNoteLinesTable;
  payments: PaymentsTable;
  money_sequences: MoneySequencesTable;
  safety_signals: SafetySignalsTable;
  safety_signal_patients: SafetySignalPatientsTable;
  safety_signal_lots: SafetySignalLotsTable;
  session_check_ins: SessionCheckInsTable;
  waiting_list_entries: WaitingListEntriesTable;
  slot_openings: SlotOpeningsTable;
  portal_settings: PortalSettingsTable;
  consultation_requests: ConsultationRequestsTable;
  server_secrets: ServerSecretsTable;
  clinic_logos: ClinicLogosTable;
  session_closure_reasons: SessionClosureReasonsTable;
}
