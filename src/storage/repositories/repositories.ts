import type { Db } from '../create-database.js';
import type { AssessmentRepository } from './assessment-repository.js';
import type { AuditRepository } from './audit-repository.js';
import type { AvailabilityRepository } from './availability-repository.js';
import type { AuthSessionRepository } from './auth-session-repository.js';
import type { CalendarFeedRepository } from './calendar-feed-repository.js';
import type { CalendarRepository } from './calendar-repository.js';
import type { ChartRepository } from './chart-repository.js';
import type { ClinicRepository } from './clinic-repository.js';
import type { ConsentRepository } from './consent-repository.js';
import type { CourseRepository } from './course-repository.js';
import type { DashboardRepository } from './dashboard-repository.js';
import type { IntakeRepository } from './intake-repository.js';
import type { InvoiceRepository } from './invoice-repository.js';
import type { InvitationRepository } from './invitation-repository.js';
import type { LoginThrottleRepository } from './login-throttle-repository.js';
import { kyselyAssessmentRepository } from './kysely-assessment-repository.js';
import { kyselyAuditRepository } from './kysely-audit-repository.js';
import { kyselyAvailabilityRepository } from './kysely-availability-repository.js';
import { kyselyAuthSessionRepository } from './kysely-auth-session-repository.js';
import { kyselyCalendarFeedRepository } from './kysely-calendar-feed-repository.js';
import { kyselyCalendarRepository } from './kysely-calendar-repository.js';
import { kyselySessionClosureRepository } from './kysely-session-closure-repository.js';
import { kyselyChartRepository } from './kysely-chart-repository.js';
import { kyselyClinicRepository } from './kysely-clinic-repository.js';
import { kyselyConsentRepository } from './kysely-consent-repository.js';
import { kyselyCourseRepository } from './kysely-course-repository.js';
import { kyselyDashboardRepository } from './kysely-dashboard-repository.js';
import { kyselyFrontDeskRepository } from './kysely-front-desk-repository.js';
import type { FrontDeskRepository } from './front-desk-repository.js';
import { kyselyIntakeRepository } from './kysely-intake-repository.js';
import { kyselyInvoiceRepository } from './kysely-invoice-repository.js';
import { kyselyInvitationRepository } from './kysely-invitation-repository.js';
import { kyselyLoginThrottleRepository } from './kysely-login-throttle-repository.js';
import { kyselyMessageTemplateRepository } from './kysely-message-template-repository.js';
import { kyselyMoneyRepository } from './kysely-money-repository.js';
import { kyselyOutboxRepository } from './kysely-outbox-repository.js';
import { kyselyOutcomeRepository } from './kysely-outcome-repository.js';
import { kyselyOutcomeMeasureRepository } from './kysely-outcome-measure-repository.js';
import { kyselyPatientRepository } from './kysely-patient-repository.js';
import { kyselyPatientChangeRepository } from './kysely-patient-change-repository.js';
import { kyselyPatientMergeRepository } from './kysely-patient-merge-repository.js';
import { kyselyPhotoRepository } from './kysely-photo-repository.js';
import { kyselyPortalRepository } from './kysely-portal-repository.js';
import { kyselyProductRepository } from './kysely-product-repository.js';
import { kyselyScreeningRepository } from './kysely-screening-repository.js';
import { kyselySafetySignalRepository } from './kysely-safety-signal-repository.js';
import { kyselySideEffectRepository } from './kysely-side-effect-repository.js';
import { kyselyTreatmentSessionRepository } from './kysely-treatment-session-repository.js';
import { kyselyUserRepository } from './kysely-user-repository.js';
import type { MessageTemplateRepository } from './message-template-repository.js';
import type { MoneyRepository } from './money-repository.js';
import type { OutboxRepository } from './outbox-repository.js';
import type { OutcomeRepository } from './outcome-repository.js';
import type { OutcomeMeasureRepository } from './outcome-measure-repository.js';
import type { PatientRepository } from './patient-repository.js';
import type { PatientChangeRepository } from './patient-change-repository.js';
import type { PatientMergeRepository } from './patient-merge-repository.js';
import type { PhotoRepository } from './photo-repository.js';
import type { PortalRepository } from './portal-repository.js';
import type { ProductRepository } from './product-repository.js';
import type { ScreeningRepository } from './screening-repository.js';
import type { SafetySignalRepository } from './safety-signal-repository.js';
import type { SideEffectRepository } from './side-effect-repository.js';
import type { SessionClosureRepository } from './session-closure-repository.js';
import type { TreatmentSessionRepository } from './treatment-session-repository.js';
import type { UserRepository } from './user-repository.js';

/** Every repository, over one connection or one transaction. */
export interface Repositories {
  clinics: ClinicRepository;
  users: UserRepository;
  /** Invitations to become a user, by a one-time link (services/accounts/invitations.ts). */
  invitations: InvitationRepository;
  authSessions: AuthSessionRepository;
  /** Failed sign-in tries per account and per client address (the sign-in limits). */
  loginThrottles: LoginThrottleRepository;
  calendarFeeds: CalendarFeedRepository;
  patients: PatientRepository;
  /** The history of patients' details, edit by edit. */
  patientChanges: PatientChangeRepository;
  /** Merges of two records of one patient, and what each moved. */
  patientMerges: PatientMergeRepository;
  intakes: IntakeRepository;
  assessments: AssessmentRepository;
  courses: CourseRepository;
  treatmentSessions: TreatmentSessionRepository;
  /** Why sessions were cancelled or missed. */
  sessionClosures: SessionClosureRepository;
  /** A location's sessions as its calendar shows them, in one query. */
  calendar: CalendarRepository;
  consent: ConsentRepository;
  products: ProductRepository;
  charts: ChartRepository;
  sideEffects: SideEffectRepository;
  /** Safety signals raised from side-effect reports (src/core/safety-signals) and what was done about them. */
  safetySignals: SafetySignalRepository;
  outcomes: OutcomeRepository;
  /** Standard outcome measures per course: baseline and after sessions (src/core/outcomes). */
  outcomeMeasures: OutcomeMeasureRepository;
  photos: PhotoRepository;
  audit: AuditRepository;
  availability: AvailabilityRepository;
  /** Messages to patients waiting to be sent (src/services/messaging). */
  outbox: OutboxRepository;
  /** The clinic's timing and wording of messages to patients (what it changed of the defaults). */
  messageTemplates: MessageTemplateRepository;
  /** Re-screening of upcoming sessions (the flags and the knowledge-base version they were screened with). */
  screening: ScreeningRepository;
  /** The dashboard's per-day and per-practitioner figures, counted by the database. */
  dashboard: DashboardRepository;
  /** The price list, quotes and the clinic's billing details. */
  money: MoneyRepository;
  /** Invoices, credit notes, payments and their gapless numbers. */
  invoices: InvoiceRepository;
  /** Check-ins, the waiting list and the slots that opened (services/front-desk). */
  frontDesk: FrontDeskRepository;
  /** The portal's self-service: the clinic's notice period, and consultations patients ask for. */
  portal: PortalRepository;
  /**
   * Runs `work` in one transaction: all of its writes happen, or none. Inside, use only the
   * repositories passed to `work` (on SQLite, the outer ones wait for the transaction and would
   * deadlock). Nested calls join the outer transaction.
   */
  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
}

export interface RepositoryOptions {
  /** The clock, for tests; defaults to the system time. */
  now?: () => Date;
}

function build(db: Db, now: () => string, inTransaction: boolean): Repositories {
  const context = { db, now };
  const repos: Repositories = {
    clinics: kyselyClinicRepository(context),
    users: kyselyUserRepository(context),
    invitations: kyselyInvitationRepository(context),
    authSessions: kyselyAuthSessionRepository(context),
    loginThrottles: kyselyLoginThrottleRepository(context),
    calendarFeeds: kyselyCalendarFeedRepository(context),
    patients: kyselyPatientRepository(context),
    patientChanges: kyselyPatientChangeRepository(context),
    patientMerges: kyselyPatientMergeRepository(context),
    intakes: kyselyIntakeRepository(context),
    assessments: kyselyAssessmentRepository(context),
    courses: kyselyCourseRepository(context),
    treatmentSessions: kyselyTreatmentSessionRepository(context),
    sessionClosures: kyselySessionClosureRepository(context),
    calendar: kyselyCalendarRepository(context),
    consent: kyselyConsentRepository(context),
    products: kyselyProductRepository(context),
    charts: kyselyChartRepository(context),
    sideEffects: kyselySideEffectRepository(context),
    safetySignals: kyselySafetySignalRepository(context),
    outcomes: kyselyOutcomeRepository(context),
    outcomeMeasures: kyselyOutcomeMeasureRepository(context),
    photos: kyselyPhotoRepository(context),
    audit: kyselyAuditRepository(context),
    availability: kyselyAvailabilityRepository(context),
    outbox: kyselyOutboxRepository(context),
    messageTemplates: kyselyMessageTemplateRepository(context),
    screening: kyselyScreeningRepository(context),
    dashboard: kyselyDashboardRepository(context),
    money: kyselyMoneyRepository(context),
    invoices: kyselyInvoiceRepository(context),
    frontDesk: kyselyFrontDeskRepository(context),
    portal: kyselyPortalRepository(context),
    transaction: (work) =>
      inTransaction ? work(repos) : db.transaction().execute((trx) => work(build(trx, now, true))),
  };
  return repos;
}

export function createRepositories(db: Db, options: RepositoryOptions = {}): Repositories {
  const clock = options.now ?? (() => new Date());
  return build(db, () => clock().toISOString(), false);
}
