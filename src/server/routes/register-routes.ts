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
}
