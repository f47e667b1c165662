import type { Role, UserRecord } from '../../core/records/index.js';
import type { RecordRepository } from './record-repository.js';

export interface NewUser {
  clinicId: string;
  email: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  patientId?: string | null;
  /** `en` (the column's default) unless given. */
  preferredLanguage?: string;
}

export interface UserPatch {
  displayName?: string;
  role?: Role;
  active?: boolean;
  patientId?: string | null;
  passwordHash?: string;
  preferredLanguage?: string;
}

export interface UserRepository extends RecordRepository<NewUser, UserRecord> {
  /** Emails are compared and stored lower-cased. */
  create(input: NewUser): Promise<UserRecord>;
  findByEmail(email: string): Promise<UserRecord | undefined>;
  /** The one place that reads password hashes: the login path. */
  findCredentials(email: string): Promise<{ user: UserRecord; passwordHash: string } | undefined>;
  list(clinicId: string, filter?: { role?: Role }): Promise<UserRecord[]>;
  update(id: string, patch: UserPatch): Promise<UserRecord | undefined>;
  count(): Promise<number>;
}
