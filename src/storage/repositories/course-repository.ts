import type { Plan } from '../../core/assessment/assessment-result.js';
import type {
  CourseRecord,
  CourseScheduleRecord,
  CourseStatus,
  MaintenanceRecallRecord,
} from '../../core/records/index.js';
import type { Page } from './page.js';
import type { PatientContact } from './patient-contact.js';
import type { RecordRepository } from './record-repository.js';

export interface NewCourse {
  patientId: string;
  assessmentId: string | null;
  indication: string;
  area: string;
  plan: Plan;
  createdBy: string | null;
}

export interface CourseRepository extends RecordRepository<NewCourse, CourseRecord> {
  /** Newest first. */
  listByPatient(patientId: string): Promise<CourseRecord[]>;
  setStatus(id: string, status: CourseStatus): Promise<CourseRecord | undefined>;

  /**
   * Marks the course changed. Inside a transaction this also holds the course's row until commit
   * (PostgreSQL row lock; SQLite runs one writer at a time), so concurrent bookings of one course queue.
   */
  lockForBooking(id: string): Promise<void>;
  /** Records (or replaces) how the course was booked. */
  setSchedule(input: Omit<CourseScheduleRecord, 'createdAt' | 'updatedAt'>): Promise<CourseScheduleRecord>;
  findSchedule(courseId: string): Promise<CourseScheduleRecord | undefined>;

  /** Stores the course's maintenance recall, replacing an earlier one. */
  setMaintenanceRecall(input: NewMaintenanceRecall): Promise<MaintenanceRecallRecord>;
  findMaintenanceRecall(courseId: string): Promise<MaintenanceRecallRecord | undefined>;
  /** A patient's recalls, soonest due first. */
  listMaintenanceRecalls(patientId: string): Promise<MaintenanceRecallRecord[]>;
  /** Recalls of a clinic whose window overlaps [from, to] (dates, both included), soonest first, with contact details. */
  dueMaintenanceRecalls(query: DueRecallQuery): Promise<DueRecall[]>;
  /** Every course of these patients (a batch of an export), oldest first. */
  listByPatients(patientIds: readonly string[]): Promise<CourseRecord[]>;
}

export interface NewMaintenanceRecall {
  courseId: string;
  lastSessionDate: string;
  dueFrom: string;
  dueTo: string;
  message: string;
  createdBy: string | null;
}

export interface DueRecallQuery extends Page {
  clinicId: string;
  from?: string;
  to?: string;
}

export interface DueRecall {
  recall: MaintenanceRecallRecord;
  patient: PatientContact;
}
