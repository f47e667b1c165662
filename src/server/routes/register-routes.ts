import type { App } from '../app-types.js';
import { assessmentRoutes } from './assessments/assessment-routes.js';
import { auditRoutes } from './audit/audit-routes.js';
import { authRoutes } from './auth/auth-routes.js';
import { clinicRoutes } from './clinics/clinic-routes.js';
import { courseRoutes } from './courses/course-routes.js';
import { healthRoutes } from './health/health-routes.js';
import { intakeRoutes } from './intakes/intake-routes.js';
import { patientRoutes } from './patients/patient-routes.js';
import { sessionRoutes } from './sessions/session-routes.js';
import { userRoutes } from './users/user-routes.js';
import { flagRoutes } from './flags/flag-routes.js';
import { chartRoutes } from './charts/chart-routes.js';
import { consentRoutes } from './consents/consent-routes.js';
import { lotRoutes } from './products/lot-routes.js';
import { productRoutes } from './products/product-routes.js';
import { outcomeRoutes } from './outcomes/outcome-routes.js';
import { photoRoutes } from './photos/photo-routes.js';
import { sideEffectRoutes } from './side-effects/side-effect-routes.js';
import { documentRoutes } from './documents/document-routes.js';
import { fhirRoutes } from './fhir/fhir-routes.js';
import { reportRoutes } from './reports/report-routes.js';
import { messageRoutes } from './messages/message-routes.js';

import { availabilityRoutes } from './availability/availability-routes.js';
import { recallRoutes } from './scheduling/recall-routes.js';
import { schedulingRoutes } from './scheduling/scheduling-routes.js';
import { calendarRoutes } from './calendars/calendar-routes.js';

/** Every route plugin. Each one declares its own access (plugins/access-control.ts). */
export async function registerRoutes(app: App): Promise<void> {
  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(assessmentRoutes);
  await app.register(clinicRoutes);
  await app.register(userRoutes);
  await app.register(patientRoutes);
  await app.register(intakeRoutes);
  await app.register(courseRoutes);
  await app.register(sessionRoutes);
  await app.register(auditRoutes);
  await app.register(flagRoutes);
  await app.register(consentRoutes);
  await app.register(productRoutes);
  await app.register(lotRoutes);
  await app.register(chartRoutes);
  await app.register(sideEffectRoutes);
  await app.register(outcomeRoutes);
  await app.register(photoRoutes);
  await app.register(documentRoutes);
  await app.register(fhirRoutes);
  await app.register(reportRoutes);
  await app.register(messageRoutes);
  await app.register(availabilityRoutes);
  await app.register(schedulingRoutes);
  await app.register(recallRoutes);
  await app.register(calendarRoutes);
}
