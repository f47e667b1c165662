import type { MedicationLike } from '../../core/messages/blood-thinner-safety.js';
import type { ClinicRecord, CourseRecord, LocationRecord, PatientRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { loadClinicMessaging, type ClinicMessaging } from './clinic-messaging.js';
import { patientMedications } from './patient-medications.js';

/** Records the caller has already read (a booking has its course, patient and location at hand). */
export interface KnownRecords {
  course?: CourseRecord;
  patient?: PatientRecord;
  clinic?: ClinicRecord;
  location?: LocationRecord;
}

/**
 * The records session messages are written from, each read at most once: the sessions of one
 * booking share their course, patient, clinic (with its wording of messages) and location, so
 * writing their messages reads them once, not once per session. Use one per transaction step;
 * records change between steps.
 */
export class MessageSources {
  private readonly reads = new Map<string, Promise<unknown>>();

  constructor(
    private readonly tx: Repositories,
    known: KnownRecords = {},
  ) {
    if (known.course) this.remember(`course:${known.course.id}`, known.course);
    if (known.patient) this.remember(`patient:${known.patient.id}`, known.patient);
    if (known.clinic) this.remember(`clinic:${known.clinic.id}`, known.clinic);
    if (known.location) this.remember(`location:${known.location.id}`, known.location);
  }

  course(id: string): Promise<CourseRecord | undefined> {
    return this.once(`course:${id}`, () => this.tx.courses.findById(id));
  }

  patient(id: string): Promise<PatientRecord | undefined> {
    return this.once(`patient:${id}`, () => this.tx.patients.findById(id));
  }

  clinic(id: string): Promise<ClinicRecord | undefined> {
    return this.once(`clinic:${id}`, () => this.tx.clinics.findById(id));
  }

  location(id: string): Promise<LocationRecord | undefined> {
    return this.once(`location:${id}`, () => this.tx.clinics.findLocation(id));
  }

  /** The clinic's first location: where a session without one takes its time zone from. */
  firstLocation(clinicId: string): Promise<LocationRecord | undefined> {
    return this.once(`first-location:${clinicId}`, async () => (await this.tx.clinics.listLocations(clinicId))[0]);
  }

  /** The clinic's language, timing and own texts of messages to patients. */
  messaging(clinicId: string): Promise<ClinicMessaging> {
    return this.once(`messaging:${clinicId}`, () => loadClinicMessaging(this.tx, clinicId));
  }

  medications(patientId: string, assessmentId: string | null): Promise<MedicationLike[] | undefined> {
    return this.once(`medications:${patientId}:${assessmentId ?? ''}`, () =>
      patientMedications(this.tx, patientId, assessmentId),
    );
  }

  private remember(key: string, record: unknown): void {
    this.reads.set(key, Promise.resolve(record));
  }

  private once<T>(key: string, read: () => Promise<T>): Promise<T> {
    let pending = this.reads.get(key) as Promise<T> | undefined;
    if (!pending) {
      pending = read();
      this.reads.set(key, pending);
    }
    return pending;
  }
}
