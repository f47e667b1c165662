import type { ClinicRecord, UserRecord } from '../../core/records/index.js';
import type { Repositories } from '../repositories/repositories.js';

export interface FirstAdminInput {
  email: string;
  passwordHash: string;
  clinicName?: string;
  displayName?: string;
}

/** A production start: one clinic with one location, and its first admin (who adds everyone else). */
export async function seedFirstAdmin(
  repos: Repositories,
  input: FirstAdminInput,
): Promise<{ clinic: ClinicRecord; admin: UserRecord }> {
  return repos.transaction(async (tx) => {
    const clinic = await tx.clinics.create({ name: input.clinicName ?? 'My clinic' });
    await tx.clinics.createLocation({ clinicId: clinic.id, name: 'Treatment room 1' });
    const admin = await tx.users.create({
      clinicId: clinic.id,
      email: input.email,
      displayName: input.displayName ?? 'Administrator',
      passwordHash: input.passwordHash,
      role: 'admin',
    });
    return { clinic, admin };
  });
}
