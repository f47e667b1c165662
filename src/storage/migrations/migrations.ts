import type { Migration } from 'kysely/migration';
import { organisationMigration } from './0001-organisation.js';
import { intakesMigration } from './0002-intakes-and-assessments.js';
import { coursesMigration } from './0003-courses-and-sessions.js';
import { consentMigration } from './0004-consent.js';
import { chartingMigration } from './0005-products-and-charting.js';
import { followUpMigration } from './0006-follow-up.js';
import { auditLogMigration } from './0007-audit-log.js';
import { sessionFlagsMigration } from './0008-session-flags-view.js';
import { schedulingMigration } from './0009-scheduling.js';
import { chartingRulesMigration } from './0010-charting-rules.js';
import { followUpDetailsMigration } from './0011-follow-up-details.js';
import { screeningVersionMigration } from './0012-screening-version.js';
import { bookingGuardsMigration } from './0013-booking-guards.js';
import { outboxMigration } from './0014-outbox.js';
import { patientNameWordsMigration } from './0015-patient-name-words.js';
import { listingOrderIndexesMigration } from './0016-listing-order-indexes.js';
import { calendarFeedsMigration } from './0017-calendar-feeds.js';
import { auditEntriesNamingManyRecordsMigration } from './0018-audit-entries-naming-many-records.js';
import { patientNamePairsMigration } from './0019-patient-name-pairs.js';
import { treatmentGateMigration } from './0020-treatment-gate.js';
import { sideEffectSymptomsMigration } from './0021-side-effect-symptoms.js';
import { loginLimitsMigration } from './0022-login-limits.js';
import { photoSizesMigration } from './0023-photo-sizes.js';
import { deniedAccessAuditMigration } from './0024-denied-access-audit.js';
import { demoClinicsMigration } from './0025-demo-clinics.js';
import { patientRatingByMigration } from './0026-patient-rating-by.js';
import { stockMigration } from './0027-stock.js';
import { invitationsAndConsentLanguagesMigration } from './0028-invitations-and-consent-languages.js';
import { clinicSetUpMigration } from './0029-clinic-set-up.js';
import { moneyMigration } from './0030-money.js';
import { outcomeMeasuresMigration } from './0031-outcome-measures.js';
import { safetySignalsMigration } from './0032-safety-signals.js';
import { dashboardIndexesMigration } from './0033-dashboard-indexes.js';
import { dashboardRollupsMigration } from './0034-dashboard-rollups.js';
import { patientRecordsMigration } from './0035-patient-records.js';
import { portalSelfServiceMigration } from './0036-portal-self-service.js';
import { sessionClosureReasonsMigration } from './0037-session-closure-reasons.js';
import { frontDeskMigration } from './0038-front-desk.js';
import { serverSecretsMigration } from './0039-server-secrets.js';
import { clinicLogosMigration } from './0040-clinic-logos.js';
import { readerLanguagesMigration } from './0041-reader-languages.js';
import { calendarCoursePlacesMigration } from './0042-calendar-course-places.js';
import { outboxSessionStatusMigration } from './0043-outbox-session-status.js';

/**
 * Every migration, by name; Kysely runs them in name order. Listed in code rather than read from a
 * folder so that the same list works from src/ under test and from dist/. Never rename or edit a
 * released migration: add a new one.
 */
export const migrations: Record<string, Migration> = {
  '0001-organisation': organisationMigration,
  '0002-intakes-and-assessments': intakesMigration,
  '0003-courses-and-sessions': coursesMigration,
  '0004-consent': consentMigration,
  '0005-products-and-charting': chartingMigration,
  '0006-follow-up': followUpMigration,
  '0007-audit-log': auditLogMigration,
  '0008-session-flags-view': sessionFlagsMigration,
  '0009-scheduling': schedulingMigration,
  '0010-charting-rules': chartingRulesMigration,
  '0011-follow-up-details': followUpDetailsMigration,
  '0012-screening-version': screeningVersionMigration,
  '0013-booking-guards': bookingGuardsMigration,
  '0014-outbox': outboxMigration,
  '0015-patient-name-words': patientNameWordsMigration,
  '0016-listing-order-indexes': listingOrderIndexesMigration,
  '0017-calendar-feeds': calendarFeedsMigration,
  '0018-audit-entries-naming-many-records': auditEntriesNamingManyRecordsMigration,
  '0019-patient-name-pairs': patientNamePairsMigration,
  '0020-treatment-gate': treatmentGateMigration,
  '0021-side-effect-symptoms': sideEffectSymptomsMigration,
  '0022-login-limits': loginLimitsMigration,
  '0023-photo-sizes': photoSizesMigration,
  '0024-denied-access-audit': deniedAccessAuditMigration,
  '0025-demo-clinics': demoClinicsMigration,
  '0026-patient-rating-by': patientRatingByMigration,
  '0027-stock': stockMigration,
  '0028-invitations-and-consent-languages': invitationsAndConsentLanguagesMigration,
  '0029-clinic-set-up': clinicSetUpMigration,
  '0030-money': moneyMigration,
  '0031-outcome-measures': outcomeMeasuresMigration,
  '0032-safety-signals': safetySignalsMigration,
  '0033-dashboard-indexes': dashboardIndexesMigration,
  '0034-dashboard-rollups': dashboardRollupsMigration,
  '0035-patient-records': patientRecordsMigration,
  '0036-portal-self-service': portalSelfServiceMigration,
  '0037-session-closure-reasons': sessionClosureReasonsMigration,
  '0038-front-desk': frontDeskMigration,
  '0039-server-secrets': serverSecretsMigration,
  '0040-clinic-logos': clinicLogosMigration,
  '0041-reader-languages': readerLanguagesMigration,
  '0042-calendar-course-places': calendarCoursePlacesMigration,
  '0043-outbox-session-status': outboxSessionStatusMigration,
};
