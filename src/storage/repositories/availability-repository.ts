import type {
  AvailabilityExceptionRecord,
  BookedSlot,
  PractitionerHoursRecord,
  RoomRecord,
  SlotClaim,
} from '../../core/records/index.js';

export type NewAvailabilityException = { locationId: string; practitionerId: string | null; reason?: string | null } & (
  { kind: 'days'; from: string; to: string } | { kind: 'hours'; start: string; end: string }
);

/** When a location is open: JSON `WeeklyHours` as stored (the service validates it). */
export interface OpeningHoursRecord {
  locationId: string;
  weeklyHours: unknown;
  updatedAt: string;
}

/** The inputs of the course finder (src/core/scheduling), per location. */
export interface AvailabilityRepository {
  createRoom(input: { locationId: string; name: string }): Promise<RoomRecord>;
  findRoom(id: string): Promise<RoomRecord | undefined>;
  listRooms(locationId: string, options?: { includeInactive?: boolean }): Promise<RoomRecord[]>;
  updateRoom(id: string, patch: { name?: string; active?: boolean }): Promise<RoomRecord | undefined>;

  /** Sets (replaces) a practitioner's working week at a location. */
  setPractitionerHours(input: {
    practitionerId: string;
    locationId: string;
    weeklyHours: unknown;
    roomIds?: string[] | null;
  }): Promise<PractitionerHoursRecord>;
  listPractitionerHours(locationId: string): Promise<PractitionerHoursRecord[]>;

  /** The location's opening hours; undefined when it has none (always open). */
  findOpeningHours(locationId: string): Promise<OpeningHoursRecord | undefined>;
  /** Sets (replaces) the location's opening hours; null removes them (always open again). */
  setOpeningHours(locationId: string, weeklyHours: unknown): Promise<OpeningHoursRecord | null>;

  addException(input: NewAvailabilityException): Promise<AvailabilityExceptionRecord>;
  /** Exceptions of the location (closures and every practitioner's time off), in start order. */
  listExceptions(locationId: string): Promise<AvailabilityExceptionRecord[]>;
  deleteException(id: string): Promise<boolean>;

  /**
   * Planned and done sessions of the clinic that start in [from, to): what blocks practitioners
   * and rooms. Sessions block their practitioner at any location, so this is per clinic.
   */
  bookedSlots(query: { clinicId: string; from: string; to: string }): Promise<BookedSlot[]>;

  /** Removes a practitioner's working week at a location; false when there was none. */
  deletePractitionerHours(practitionerId: string, locationId: string): Promise<boolean>;
  findException(id: string): Promise<AvailabilityExceptionRecord | undefined>;

  /**
   * Inserts slot claims (the double-booking guard). A slot another session already holds for the
   * same practitioner or room makes this throw the engine's unique-constraint error.
   */
  claimSlots(claims: readonly SlotClaim[]): Promise<void>;
  /** Frees every slot the session holds. */
  releaseSlots(sessionId: string): Promise<void>;
  listSlotClaims(sessionId: string): Promise<SlotClaim[]>;
}
