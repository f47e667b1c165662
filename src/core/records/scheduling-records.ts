/** Mirrors src/core/scheduling's `PractitionerAvailability` (weeklyHours is its `WeeklyHours`). */
export interface PractitionerHoursRecord {
  id: string;
  practitionerId: string;
  locationId: string;
  weeklyHours: unknown;
  roomIds: string[] | null;
  updatedAt: string;
}

/** Time off (a practitioner) or a closure (practitionerId null); mirrors `AvailabilityException`. */
export type AvailabilityExceptionRecord = {
  id: string;
  locationId: string;
  practitionerId: string | null;
  reason: string | null;
  createdAt: string;
} & ({ kind: 'days'; from: string; to: string } | { kind: 'hours'; start: string; end: string });

/** A session as the scheduler sees it: who, where, when; nothing clinical. */
export interface BookedSlot {
  sessionId: string;
  practitionerId: string | null;
  locationId: string | null;
  roomId: string | null;
  start: string;
  durationMinutes: number | null;
}

/** One 15-minute slot a session holds for its practitioner and its room (the double-booking guard). */
export interface SlotClaim {
  sessionId: string;
  /** ISO 8601 UTC start of the slot. */
  slotStart: string;
  practitionerId: string | null;
  roomId: string | null;
}

/** How a course was booked: where, with which spacing switch and which patient preferences. */
export interface CourseScheduleRecord {
  courseId: string;
  locationId: string;
  switchAfter: number | null;
  preferences: { weekdays?: number[]; timesOfDay?: { start: string; end: string }[] } | null;
  createdAt: string;
  updatedAt: string;
}

/** When to call the patient back for a maintenance session after a course. */
export interface MaintenanceRecallRecord {
  id: string;
  courseId: string;
  patientId: string;
  lastSessionDate: string;
  dueFrom: string;
  dueTo: string;
  message: string;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}
