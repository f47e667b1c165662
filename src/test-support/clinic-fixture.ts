import type { ClinicRecord, LocationRecord, PatientRecord, Role, UserRecord } from '../core/records/index.js';
import type { Repositories } from '../storage/repositories/repositories.js';

export interface ClinicFixture {
  clinic: ClinicRecord;
  location: LocationRecord;
  users: Record<Role, UserRecord>;
  /** The patient behind the `patient` user account. */
  patient: PatientRecord;
  /** A second patient in the same clinic, whom the patient account must not see. */
  otherPatient: PatientRecord;
}

/** Emails of fixture users are `<role>@<tag>.test`, so several fixtures can share one database. */
export function fixtureEmail(role: Role, tag: string): string {
  return `${role}@${tag}.test`;
}

/**
 * A clinic with one user of each role and two patients. `passwordHash` is used for every user
 * (hash once per test file: argon2 is slow on purpose).
 */
export async function createClinicFixture(
  repos: Repositories,
  options: { tag: string; passwordHash: string },
): Promise<ClinicFixture> {
  const { tag, passwordHash } = options;
  return repos.transaction(async (tx) => {
    const clinic = await tx.clinics.create({ name: `Clinic ${tag}` });
    const location = await tx.clinics.createLocation({
      clinicId: clinic.id,
      name: 'Main room',
      address: '1 Test Street',
    });
    const patient = await tx.patients.create({
      clinicId: clinic.id,
      firstName: 'Paula',
      lastName: 'Patient',
      birthDate: '1990-04-12',
      sex: 'female',
      phone: '+49 30 1234567',
      email: `paula@${tag}.test`,
    });
    const otherPatient = await tx.patients.create({
      clinicId: clinic.id,
      firstName: 'Otto',
      lastName: 'Other',
      birthDate: '1985-01-30',
      sex: 'male',
      phone: '+49 30 7654321',
      email: null,
    });
    const user = (role: Role, displayName: string, patientId: string | null = null) =>
      tx.users.create({
        clinicId: clinic.id,
        email: fixtureEmail(role, tag),
        displayName,
        passwordHash,
        role,
        patientId,
      });
    const users: Record<Role, UserRecord> = {
      admin: await user('admin', 'Ada Admin'),
      practitioner: await user('practitioner', 'Dr Pia Practitioner'),
      reception: await user('reception', 'Rita Reception'),
      patient: await user('patient', 'Paula Patient', patient.id),
    };
    return { clinic, location, users, patient, otherPatient };
  });
}
