import type { DenialReason } from '../../core/records/index.js';
import { DomainError } from '../domain-errors.js';

/**
 * What a refusal was about, for the audit log: why, and the record asked for when the refusal
 * knows it. The answer to the client stays what it was ("session not found", "sign in first"):
 * the audit learns more than the caller does.
 */
export interface Denial {
  reason: DenialReason;
  /** The kind of record asked for ('patient', 'session', ...), when known. */
  entity?: string;
  entityId?: string | null;
  /** Whose record it is, when it is a patient's of the caller's own clinic. */
  patientId?: string | null;
  /**
   * The clinic the record belongs to, when it is another than the caller's: that clinic's log
   * learns of the try too, naming its patient.
   */
  recordClinicId?: string;
  /** The patient of that other clinic's record. */
  recordPatientId?: string | null;
}

/** A refusal (401, 403, or 404 for a record that exists but is not the caller's to see), with its `denial`. */
export class AccessDeniedError extends DomainError {
  constructor(
    answer: DomainError,
    readonly denial: Denial,
  ) {
    super(answer.kind, answer.code, answer.message, answer.extra);
    this.name = 'AccessDeniedError';
  }
}

/** `answer` as the client gets it, carrying why access was refused. */
export function denied(answer: DomainError, denial: Denial): AccessDeniedError {
  return new AccessDeniedError(answer, denial);
}

export function denialOf(error: unknown): Denial | undefined {
  return error instanceof AccessDeniedError ? error.denial : undefined;
}
