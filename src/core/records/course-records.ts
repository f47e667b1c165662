import type { Plan } from '../assessment/assessment-result.js';
import type { CourseStatus, SessionStatus } from './record-values.js';

export interface CourseRecord {
  id: string;
  patientId: string;
  assessmentId: string | null;
  indication: string;
  area: string;
  plan: Plan;
  status: CourseStatus;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SessionFlag {
  verdict: string;
  reasons: unknown;
  flaggedAt: string | null;
}

export interface TreatmentSessionRecord {
  id: string;
  courseId: string;
  /** The course's patient, joined in because every access check needs it. */
  patientId: string;
  scheduledAt: string;
  durationMinutes: number | null;
  practitionerId: string | null;
  locationId: string | null;
  roomId: string | null;
  status: SessionStatus;
  flag: SessionFlag | null;
  createdAt: string;
  updatedAt: string;
}
