import { describe, expect, it } from 'vitest';
import type { PatientRecord, UserRecord } from '../../storage/repositories/records.js';
import { DomainError, statusOfKind } from '../http-errors.js';
import { assertPatientAccess } from './patient-access.js';

const patient = { id: 'p1', clinicId: 'c1' } as PatientRecord;
const user = (role: UserRecord['role'], clinicId = 'c1', patientId: string | null = null) =>
  ({ id: 'u', role, clinicId, patientId }) as UserRecord;
const status = (fn: () => void) => {
  try {
    fn();
    return 200;
  } catch (error) {
    return error instanceof DomainError ? statusOfKind[error.kind] : 500;
  }
};

describe('assertPatientAccess', () => {
  it('lets staff of the clinic and the patient themself through', () => {
    expect(status(() => assertPatientAccess(user('reception'), patient))).toBe(200);
    expect(status(() => assertPatientAccess(user('patient', 'c1', 'p1'), patient))).toBe(200);
  });

  it('hides other clinics and refuses other patients', () => {
    expect(status(() => assertPatientAccess(user('admin', 'c2'), patient))).toBe(404);
    expect(status(() => assertPatientAccess(user('admin'), undefined))).toBe(404);
    expect(status(() => assertPatientAccess(user('patient', 'c1', 'p2'), patient))).toBe(403);
  });
});
