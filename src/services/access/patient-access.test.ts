import { describe, expect, it } from 'vitest';
import type { PatientRecord, UserRecord } from '../../core/records/index.js';
import { DomainError } from '../domain-errors.js';
import { assertPatientAccess } from './patient-access.js';

const patient = { id: 'p1', clinicId: 'c1' } as PatientRecord;
const user = (role: UserRecord['role'], clinicId = 'c1', patientId: string | null = null) =>
  ({ id: 'u', role, clinicId, patientId }) as UserRecord;
const outcome = (fn: () => void) => {
  try {
    fn();
    return 'allowed';
  } catch (error) {
    return error instanceof DomainError ? error.kind : 'crashed';
  }
};

describe('assertPatientAccess', () => {
  it('lets staff of the clinic and the patient themself through', () => {
    expect(outcome(() => assertPatientAccess(user('reception'), patient))).toBe('allowed');
    expect(outcome(() => assertPatientAccess(user('patient', 'c1', 'p1'), patient))).toBe('allowed');
  });

  it('hides other clinics and refuses other patients', () => {
    expect(outcome(() => assertPatientAccess(user('admin', 'c2'), patient))).toBe('not_found');
    expect(outcome(() => assertPatientAccess(user('admin'), undefined))).toBe('not_found');
    expect(outcome(() => assertPatientAccess(user('patient', 'c1', 'p2'), patient))).toBe('forbidden');
  });
});
