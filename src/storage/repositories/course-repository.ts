import type { Plan } from '../../core/assessment/assessment-result.js';
import type { CourseRecord, CourseStatus } from './records.js';

export interface NewCourse {
  patientId: string;
  assessmentId: string | null;
  indication: string;
  area: string;
  plan: Plan;
  createdBy: string | null;
}

export interface CourseRepository {
  create(input: NewCourse): Promise<CourseRecord<Plan>>;
  findById(id: string): Promise<CourseRecord<Plan> | undefined>;
  /** Newest first. */
  listByPatient(patientId: string): Promise<CourseRecord<Plan>[]>;
  setStatus(id: string, status: CourseStatus): Promise<CourseRecord<Plan> | undefined>;
}
