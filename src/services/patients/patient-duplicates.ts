import {
  duplicateReasonsFor,
  emailKey,
  phoneTail,
  type DuplicateProbe,
  type DuplicateReason,
} from '../../core/patients/duplicate-match.js';
import type { PatientRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';

export interface DuplicateCandidate {
  patient: PatientRecord;
  reasons: DuplicateReason[];
}

/** Candidates read per check: far more than one clinic has born on one day with one phone or email. */
const candidateLimit = 500;

/**
 * The clinic's patients who may be the person described (same name and birth date, same phone,
 * same email), deactivated ones included (flagged by `active`), merged records never; those with
 * most reasons first.
 */
export async function findDuplicates(
  repos: Repositories,
  input: { clinicId: string; probe: DuplicateProbe; excludeId?: string },
): Promise<DuplicateCandidate[]> {
  const { probe } = input;
  const candidates = await repos.patients.findDuplicateCandidates({
    clinicId: input.clinicId,
    // Born the same day matters only with a name to compare.
    birthDate: probe.birthDate !== undefined && probe.firstName && probe.lastName ? probe.birthDate : null,
    phoneTail: phoneTail(probe.phone),
    email: emailKey(probe.email),
    ...(input.excludeId === undefined ? {} : { excludeId: input.excludeId }),
    limit: candidateLimit,
  });
  return candidates
    .map((patient) => ({ patient, reasons: duplicateReasonsFor(probe, patient) }))
    .filter((c) => c.reasons.length > 0)
    .sort((a, b) => b.reasons.length - a.reasons.length);
}
