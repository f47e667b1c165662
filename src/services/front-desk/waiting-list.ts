import { bookableCourse } from '../../core/front-desk/bookable-course.js';
import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import type { CourseRecord, TimeOfDaySpan, UserRecord, WaitingListEntryRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import type { WaitingListLine } from '../../storage/repositories/front-desk-repository.js';
import { loadWritablePatient } from '../access/patient-access.js';
import { conflict, invalidField, notFound } from '../domain-errors.js';
import { userNames } from '../user-names.js';

export interface NewWaitingListEntry {
  patientId: string;
  indication: string;
  weekdays: readonly number[];
  timesOfDay: readonly TimeOfDaySpan[];
  note: string | null;
}

/** A waiting patient, who added them, and the course they would be booked into (none: a clinician must start one). */
export interface WaitingLine extends WaitingListLine {
  createdByName: string | null;
  course: CourseRecord | null;
}

/** The most entries one list shows: a waiting list longer than this is a different problem. */
export const maxWaitingLines = 200;

/** The course a patient would be booked into from the waiting list for `indication`, if any. */
export async function courseToBook(
  repos: Repositories,
  patientId: string,
  indication: string,
): Promise<CourseRecord | undefined> {
  const [courses, sessions] = await Promise.all([
    repos.courses.listByPatient(patientId),
    repos.treatmentSessions.listByPatient(patientId),
  ]);
  return bookableCourse(
    courses.map((course) => ({
      course,
      sessionStatuses: sessions.filter((s) => s.courseId === course.id).map((s) => s.status),
    })),
    indication,
  );
}

/** Puts a patient on the waiting list for an indication; once per indication while they wait. */
export async function addToWaitingList(
  tx: Repositories,
  input: { user: UserRecord; entry: NewWaitingListEntry; knowledgeBase: KnowledgeBase },
): Promise<WaitingLine> {
  const { user, entry } = input;
  if (!input.knowledgeBase.indications.has(entry.indication))
    throw invalidField('indication', 'must be an indication of the knowledge base, such as hair_loss');
  const patient = await loadWritablePatient(tx, user, entry.patientId);
  const waiting = await tx.frontDesk.findWaiting(patient.id, entry.indication);
  if (waiting)
    throw conflict('already_waiting', 'the patient is already on the waiting list for this indication', {
      entryId: waiting.id,
    });
  const added = await tx.frontDesk.addToWaitingList({
    clinicId: user.clinicId,
    patientId: patient.id,
    indication: entry.indication,
    weekdays: [...new Set(entry.weekdays)].sort(),
    timesOfDay: entry.timesOfDay,
    note: entry.note,
    createdBy: user.id,
  });
  const { id, firstName, lastName, phone, email } = patient;
  return {
    entry: added,
    patient: { id, firstName, lastName, phone, email },
    createdByName: user.displayName,
    course: (await courseToBook(tx, patient.id, entry.indication)) ?? null,
  };
}

/** The clinic's waiting patients, longest waiting first, each with the course they would be booked into. */
export async function listWaitingList(
  repos: Repositories,
  query: { user: UserRecord; indication?: string },
): Promise<WaitingLine[]> {
  const { clinicId } = query.user;
  const lines = await repos.frontDesk.listWaiting({
    clinicId,
    ...(query.indication ? { indication: query.indication } : {}),
    limit: maxWaitingLines,
    offset: 0,
  });
  const names = await userNames(
    repos,
    clinicId,
    lines.map((l) => l.entry.createdBy),
  );
  return Promise.all(
    lines.map(async (line) => ({
      ...line,
      createdByName: (line.entry.createdBy && names.get(line.entry.createdBy)) ?? null,
      course: (await courseToBook(repos, line.entry.patientId, line.entry.indication)) ?? null,
    })),
  );
}

/**
 * An open entry of the user's clinic, to close it; another clinic's is "not found", a closed one a
 * 409, and so is one left with a record merged into another (`patient_merged`).
 */
export async function loadOpenEntry(
  repos: Repositories,
  user: UserRecord,
  entryId: string,
): Promise<WaitingListEntryRecord> {
  const entry = await repos.frontDesk.findWaitingListEntry(entryId);
  if (!entry || entry.clinicId !== user.clinicId) throw notFound('waiting-list entry');
  await loadWritablePatient(repos, user, entry.patientId);
  if (entry.status !== 'waiting') throw conflict('entry_closed', `the entry is already ${entry.status}`);
  return entry;
}

/** Takes a patient off the waiting list without booking (they found another time, say). */
export async function removeFromWaitingList(
  tx: Repositories,
  input: { user: UserRecord; entryId: string },
): Promise<WaitingListEntryRecord> {
  const entry = await loadOpenEntry(tx, input.user, input.entryId);
  const closed = await tx.frontDesk.closeWaitingListEntry(entry.id, { status: 'removed', by: input.user.id });
  if (!closed) throw conflict('entry_closed', 'the entry was closed meanwhile');
  return closed;
}
