import type { Plan } from '../../core/assessment/assessment-result.js';
import type { NewCourse } from '../../storage/repositories/course-repository.js';

/** A new course that follows a screening's plan: the course treats the plan's indication and area. */
export function plannedCourse(patientId: string, assessmentId: string, plan: Plan, createdBy: string): NewCourse {
  return { patientId, assessmentId, indication: plan.indication, area: plan.area, plan, createdBy };
}
